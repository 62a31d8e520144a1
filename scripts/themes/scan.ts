/**
 * Running a pattern regex over more text at once — all sentences of a section joined instead of
 * each sentence — without changing what it finds, and telling from its source which characters a
 * text must hold for it to match at all (requirements).
 *
 * This is exact for a "local" regex: one whose match at a position depends only on the characters
 * it consumes (no anchors, word boundaries, lookarounds or backreferences). Everything taxonomy.ts
 * compiles is local (escaped literals, (?:…|…), ?, gaps [^…]{0,n}?). For a local regex, a match
 * found in the joined text that lies inside one sentence is the very match exec finds in that
 * sentence alone (see joinedScan).
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

/** How selective a set is: lower is better. */
function cost(set: Set<string>): number {
  let c = set.size;
  for (const ch of set) if (COMMON.has(ch)) c += 10;
  return c;
}

/** Of the required sets of a sequence's mandatory elements, the most selective; null: none known. */
function best(sets: Set<string>[]): Set<string> | null {
  let pick: Set<string> | null = null;
  for (const s of sets) if (pick === null || cost(s) < cost(pick)) pick = s;
  return pick;
}

/** an escaped character that stands for itself (escapeRe in taxonomy.ts escapes exactly these) */
const LITERAL_ESCAPES = new Set(".*+?^${}()|[]\\/-");

/**
 * What every match of a local regex needs: for each of its top-level alternatives, the character
 * sets of its mandatory elements, most selective first — a match of that alternative holds a
 * character of each set. null when the source holds anything this small parser does not know (it
 * reads what taxonomy.ts compiles: literals, (?:…|…), optional ?, classes with a quantifier), or when
 * an alternative needs nothing. A mandatory literal needs itself; a mandatory group, the union of
 * the most selective set of each of its alternatives (nothing, if one of them needs nothing); an
 * element followed by a quantifier, and every class, needs nothing.
 */
export function requirements(re: RegExp): Set<string>[][] | null {
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
  // alternatives until ")" or the end, each as the sets its mandatory elements need (an alternative
  // that is one group, as that group's alternatives: taxonomy.ts wraps each pattern so); undefined: unknown syntax
  function alternation(): Set<string>[][] | undefined {
    const alternatives: Set<string>[][] = [];
    for (;;) {
      const sets: Set<string>[] = [];
      let elements = 0;
      let group: Set<string>[][] | null = null; // the alternatives of the last element, a mandatory group
      for (; i < src.length && src[i] !== "|" && src[i] !== ")"; elements++) {
        const c = src[i];
        group = null;
        if (c === "(") {
          i += src.startsWith("(?:", i) ? 3 : 1;
          const inner = alternation();
          if (inner === undefined || src[i] !== ")") return undefined;
          i++;
          const needs = union(inner);
          if (quantified()) continue;
          group = inner;
          if (needs) sets.push(needs);
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
      if (elements === 1 && group) alternatives.push(...group);
      else alternatives.push(sets);
      if (src[i] !== "|") return alternatives;
      i++;
    }
  }
  const r = alternation();
  if (!r || i !== src.length || r.some((sets) => sets.length === 0)) return null;
  return r.map((sets) => sets.sort((a, b) => cost(a) - cost(b)));
}

/** What a group needs: the union of the most selective set of each alternative; null: one needs nothing. */
function union(alternatives: Set<string>[][]): Set<string> | null {
  const all = new Set<string>();
  for (const sets of alternatives) {
    const pick = best(sets);
    if (!pick) return null;
    for (const c of pick) all.add(c);
  }
  return all;
}
