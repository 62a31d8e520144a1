/**
 * Running a regex over more text at once — a sentence instead of each of its clauses, all
 * sentences of a section joined instead of each sentence — without changing what it finds.
 *
 * This is exact for a "local" regex: one whose match at a position depends only on the characters
 * it consumes (no anchors, word boundaries, lookarounds or backreferences). Everything taxonomy.ts
 * compiles is local (escaped literals, (?:…|…), ?, gaps [^…]{0,n}?). For a local regex,
 *  - a match inside a clause is a match inside its sentence, so "no match in the sentence" means
 *    "no match in any clause": a cheap prefilter;
 *  - a match found in the joined text that lies inside one sentence is the very match exec finds
 *    in that sentence alone (see joinedScan).
 */

/** escapes are kept (so "\[" does not open a class), character classes are dropped */
const TOKEN_RE = /\\.|\[(?:\\.|[^\]\\])*\]/g;
/** what makes a regex non-local, outside character classes (an escaped \^ or \$ is refused too: harmless) */
const NOT_LOCAL_RE = /[\^$]|\\[bBk1-9]|\(\?[=!<]/;

const localCache = new WeakMap<RegExp, boolean>();
/** The regex is local and global (flags "g"); false when unsure. */
export function isLocal(re: RegExp): boolean {
  let ok = localCache.get(re);
  if (ok === undefined) {
    const outsideClasses = re.source.replace(TOKEN_RE, (t) => (t[0] === "\\" ? t : ""));
    ok = re.flags === "g" && !NOT_LOCAL_RE.test(outsideClasses);
    localCache.set(re, ok);
  }
  return ok;
}

/** re.test(text) from the start, whatever lastIndex a previous global search left. */
export function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * `accept.hit(i, index)` decides, for a match at `index` of sentence i, whether it counts (true: the rest
 * of sentence i is not searched) — as themesOfSentence's loop does for each sentence alone.
 * Joined by "\n", the sentences take one exec per match instead of at least one per sentence.
 * Exact for a local regex: a path that succeeds inside one sentence succeeds identically in the
 * joined text; the joined text only adds paths running over a separator. So when the first match
 * found at a position stays inside its sentence, the lone sentence has the same first match there,
 * and nothing at earlier positions. If a match crosses a separator, false is returned and the
 * caller scans sentence by sentence instead.
 */
export function joinedScan(re: RegExp, joined: string, ends: number[], accept: { hit(i: number, index: number): boolean }): boolean {
  let i = 0; // the sentence at re.lastIndex; it spans [ends[i - 1] + 1, ends[i]]
  re.lastIndex = 0;
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    while (m.index > ends[i]) i++;
    const start = i === 0 ? 0 : ends[i - 1] + 1;
    if (m.index + m[0].length > ends[i]) return false; // runs over the separator
    if (accept.hit(i, m.index - start)) {
      if (++i === ends.length) break;
      re.lastIndex = ends[i - 1] + 1;
    } else if (m[0].length === 0) re.lastIndex++;
  }
  return true;
}

/* ------------------------------------------------ required characters: a prefilter before a scan */

/** characters too frequent in problem texts to be a useful requirement (only steers the choice) */
const COMMON = new Set("不的有是在和与公开工作信息政务需要性度对等");

/** Of the required sets of a sequence's mandatory elements, the most selective; null: none known. */
function best(sets: Set<string>[]): Set<string> | null {
  let pick: Set<string> | null = null;
  let pickCost = Infinity;
  for (const s of sets) {
    let cost = s.size;
    for (const c of s) if (COMMON.has(c)) cost += 10;
    if (cost < pickCost) [pick, pickCost] = [s, cost];
  }
  return pick;
}

/** an escaped character that stands for itself (escapeRe in taxonomy.ts escapes exactly these) */
const LITERAL_ESCAPES = new Set(".*+?^${}()|[]\\/-");

/**
 * Characters of which every match of a local regex contains at least one — null when the source
 * holds anything this small parser does not know (it reads what taxonomy.ts compiles: literals,
 * (?:…|…), optional ?, classes with a quantifier). An element followed by a quantifier, and every
 * class, requires nothing; a mandatory literal requires itself; a mandatory group, the union of
 * what its alternatives require (null if one of them requires nothing known).
 */
export function requiredChars(re: RegExp): Set<string> | null {
  if (!isLocal(re)) return null;
  const src = re.source;
  let i = 0;
  const QUANT_RE = /\?|\*|\+|\{\d*,?\d*\}\??/y;
  function quantified(): boolean {
    QUANT_RE.lastIndex = i;
    const m = QUANT_RE.exec(src);
    if (m) i += m[0].length;
    return m !== null;
  }
  // alternatives until ")" or the end; undefined: unknown syntax
  function alternation(): Set<string> | null | undefined {
    const union = new Set<string>();
    let ok = true;
    for (;;) {
      const sets: Set<string>[] = [];
      while (i < src.length && src[i] !== "|" && src[i] !== ")") {
        const c = src[i];
        if (c === "(") {
          i += src.startsWith("(?:", i) ? 3 : 1;
          const inner = alternation();
          if (inner === undefined || src[i] !== ")") return undefined;
          i++;
          if (!quantified() && inner) sets.push(inner);
        } else if (c === "[") {
          const end = /\[(?:\\.|[^\]\\])*\]/y;
          end.lastIndex = i;
          if (!end.test(src)) return undefined;
          i = end.lastIndex;
          quantified();
        } else if (c === "\\") {
          if (!LITERAL_ESCAPES.has(src[i + 1])) return undefined;
          i += 2;
          if (!quantified()) sets.push(new Set(src[i - 1]));
        } else if ("?*+{}.^$]".includes(c)) {
          return undefined;
        } else {
          i++;
          if (!quantified()) sets.push(new Set(c));
        }
      }
      const req = best(sets);
      if (req) for (const c of req) union.add(c);
      else ok = false;
      if (src[i] !== "|") return ok ? union : null;
      i++;
    }
  }
  const r = alternation();
  return r && i === src.length ? r : null;
}
