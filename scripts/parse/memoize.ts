/**
 * Bounded caches of pure functions of strings, for work the parser meets again and again: label
 * texts (a thousand reports print about a hundred distinct short cells) and names (an agency
 * reports every year). Each cache is emptied when it holds `limit` entries, so the parser's memory
 * does not grow with the corpus (bench:parse prints the heap after full GCs to show it). A key
 * string that comes back also keeps its hash for the lookups that follow.
 */

/** Limit for caches of names (agency level, id, pinyin, region prefix …). */
export const NAME_CACHE_LIMIT = 2_000;

/** `fn` remembered per string. `fn` must be pure and never return undefined. */
export function memoize<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = fn(s);
      cache.set(s, value);
    }
    return value;
  };
}
