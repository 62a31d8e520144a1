/**
 * Theme detection on 存在的主要问题 (sections.problems), sentence by sentence.
 *
 * A sentence gets a theme when
 *  - one of the theme's `patterns` matches it, or
 *  - one of the theme's `topics` is a whole word (jieba) in a clause that also holds a deficiency
 *    marker (不够, 有待, 单一, …),
 * and the clause of the match is not negated (未发现, 不存在, "无…问题").
 * Only the problems part is read: sentences from the first 改进情况 / 下一步 sentence on are ignored.
 */
import { addWords, wordEnds } from "./jieba.ts";
import type { Lexicon } from "./lexicon.ts";
import { has, isLocal, joinedScan, requirements } from "./scan.ts";
import { CLAUSE_ENDS, sentences, splitProblems } from "./sentences.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

export interface ThemeEvidence {
  theme: string;
  sentence: string;
}

export interface DetectResult {
  /** theme ids, in taxonomy order */
  themes: string[];
  /** each (theme, sentence) where the theme was found, in text order */
  evidence: ThemeEvidence[];
}

/* bits of Prepared.charBits: what a character may start or end */
const CLAUSE_END = 1;
const DEFICIENCY_FIRST = 2;
const NEGATION_FIRST = 4;
const TOPIC_FIRST = 8;
/** 无 or 没: BARE_NONE_RE needs one */
const NONE_CHAR = 16;
/** in some theme's required characters (Prepared.needs, Seen) */
const REQUIRED = 32;
const WORD_FIRST = DEFICIENCY_FIRST | NEGATION_FIRST | TOPIC_FIRST;

/** What detection needs of a taxonomy beyond the taxonomy itself, computed once. */
interface Prepared {
  /** per word of taxonomy.topicWords: indexes (in taxonomy.themes) of its themes */
  topicThemes: number[][];
  /** per theme: what a match of its patterns needs (scan.ts), as a Needs program; null: unknown, so maybe anything */
  needs: (Int32Array | null)[];
  /** which of the characters in `needs` the text of a call holds */
  seen: Seen;
  /** char code → the bits above (a table: the clause scan asks it for every character) */
  charBits: Uint8Array;
}
const preparedCache = new WeakMap<Taxonomy, Prepared>();
function prepare(taxonomy: Taxonomy): Prepared {
  let p = preparedCache.get(taxonomy);
  if (!p) {
    addWords(taxonomy.topicThemes.keys());
    const index = new Map(taxonomy.themes.map((t, i) => [t.id, i]));
    const topicThemes = (taxonomy.topicWords?.words ?? []).map((w) => taxonomy.topicThemes.get(w)!.map((id) => index.get(id)!));
    const codes = taxonomy.themes.map((t) => {
      const alternatives = t.patternRe && requirements(t.patternRe);
      return alternatives ? alternatives.map((sets) => sets.map((set) => [...set].map((c) => c.charCodeAt(0)))) : null;
    });
    const seen = new Seen(codes.flatMap((alternatives) => alternatives?.flat(2) ?? []));
    const needs = codes.map((alternatives) => alternatives && needsProgram(alternatives.map((sets) => sets.map((set) => set.map((c) => seen.slotOf(c))))));
    const charBits = new Uint8Array(0x10000);
    const mark = (codes: Iterable<number>, bit: number) => {
      for (const c of codes) charBits[c] |= bit;
    };
    mark([...CLAUSE_ENDS].map((c) => c.charCodeAt(0)), CLAUSE_END);
    mark(taxonomy.deficiencyWords.firstCodes(), DEFICIENCY_FIRST);
    if (taxonomy.negationWords) mark(taxonomy.negationWords.firstCodes(), NEGATION_FIRST);
    if (taxonomy.topicWords) mark(taxonomy.topicWords.firstCodes(), TOPIC_FIRST);
    mark([..."无没"].map((c) => c.charCodeAt(0)), NONE_CHAR);
    mark(seen.codes(), REQUIRED);
    p = { topicThemes, needs, seen, charBits };
    preparedCache.set(taxonomy, p);
  }
  return p;
}

/** "无…问题", "本年度暂无…情况": a clause that says there was nothing. */
const BARE_NONE_RE = /^\s*(?:本年度?|今年|全年|\d{4}\s*年度?)?\s*(?:无|并无|均无|暂无|没有)[^，,；;]*(?:问题|情况|现象|不足)\s*$/;

/**
 * The clauses of the sentences of one detectHits call (the runs of characters between CLAUSE_ENDS,
 * as sentences.ts's clauses() cuts them), and in each the positions where a word of the three
 * lexicons may start (with their WORD_FIRST bits), in typed arrays reused from call to call: objects
 * and substrings per clause cost more than the rest of the analysis, and the words are then looked
 * for at those positions only, without another pass over the characters.
 */
class Clauses {
  /** sentence i's clauses are first[i] … first[i + 1] - 1 */
  first = new Int32Array(64);
  /** sentence i has a clause that is not negated (no theme at all in a sentence without one) */
  open = new Uint8Array(64);
  /** offsets in the sentence: clause k is sentence.slice(start[k], end[k]) */
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** 1: the clause is negated */
  negated = new Uint8Array(256);
  /** clause k's word starts are wordStart[wordsFrom[k]] … wordStart[wordsFrom[k + 1] - 1] */
  wordsFrom = new Int32Array(256);
  count = 0;
  /** offsets in the sentence where a word may start, and that character's WORD_FIRST bits */
  wordStart = new Int32Array(1024);
  wordBits = new Uint8Array(1024);
  words = 0;

  reset(sentences: number): void {
    if (sentences + 1 > this.first.length) {
      this.first = new Int32Array(2 * (sentences + 1));
      this.open = new Uint8Array(2 * (sentences + 1));
    }
    this.count = 0;
    this.words = 0;
  }

  addWordStart(offset: number, bits: number): void {
    const j = this.words++;
    if (j === this.wordStart.length) {
      this.wordStart = grown(this.wordStart, new Int32Array(2 * j));
      this.wordBits = grown(this.wordBits, new Uint8Array(2 * j));
    }
    this.wordStart[j] = offset;
    this.wordBits[j] = bits;
  }

  /** Add a clause (not negated: see analyse), whose word starts are those added since `wordsFrom`; its index. */
  add(start: number, end: number, wordsFrom: number): number {
    const k = this.count++;
    if (k + 1 === this.start.length) {
      this.start = grown(this.start, new Int32Array(2 * k));
      this.end = grown(this.end, new Int32Array(2 * k));
      this.negated = grown(this.negated, new Uint8Array(2 * k));
      this.wordsFrom = grown(this.wordsFrom, new Int32Array(2 * k));
    }
    this.start[k] = start;
    this.end[k] = end;
    this.negated[k] = 0;
    this.wordsFrom[k] = wordsFrom;
    this.wordsFrom[k + 1] = this.words;
    return k;
  }

  /** The clause of sentence i that an offset falls in (its first clause for an offset before it). */
  at(i: number, offset: number): number {
    let found = this.first[i];
    for (let k = found + 1; k < this.first[i + 1] && this.start[k] <= offset; k++) found = k;
    return found;
  }

  /** Some word of `lexicon` (whose first characters have bit `first`) lies inside clause k of sentence s. */
  holds(k: number, s: string, lexicon: Lexicon, first: number): boolean {
    const end = this.end[k];
    for (let j = this.wordsFrom[k]; j < this.wordsFrom[k + 1]; j++)
      if (this.wordBits[j] & first && lexicon.at(s, this.wordStart[j], end) >= 0) return true;
    return false;
  }
}
const clauses = new Clauses();

/** `to` holding `from` at its start */
function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Which of a set of characters a text holds: a stamp per character, set when it is met (a stamp per
 * text, so never cleared). The characters get compact slots: their stamps then stay in cache, where
 * an array indexed by char code would not.
 */
class Seen {
  /** char code → 1 + its slot; 0: not one of the characters */
  private readonly slots = new Uint16Array(0x10000);
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(codes: Iterable<number>) {
    let n = 0;
    for (const c of codes) if (this.slots[c] === 0) this.slots[c] = ++n;
    this.stamps = new Uint32Array(n + 1);
  }

  /** the characters */
  codes(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.slots.length; c++) if (this.slots[c] !== 0) out.push(c);
    return out;
  }

  slotOf(code: number): number {
    return this.slots[code];
  }

  /** Start a new text. */
  reset(): void {
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }

  /** The text holds this character (one of them, or nothing happens). */
  mark(code: number): void {
    this.stamps[this.slots[code]] = this.stamp;
  }

  /** The text holds the character of this slot. */
  has(slot: number): boolean {
    return this.stamps[slot] === this.stamp;
  }
}

/**
 * Cut each sentence into clauses (into `clauses`, with their word starts) and tell which are
 * negated and which sentences are open; mark in `seen` the required characters of the text. One
 * pass over the characters.
 */
function analyse(list: string[], taxonomy: Taxonomy, { charBits, seen }: Prepared): void {
  clauses.reset(list.length);
  seen.reset();
  if (list.length > 1) seen.mark(10); // the "\n" joining them (patternHits)
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    clauses.first[i] = clauses.count;
    let open = 0;
    let start = -1; // of the clause being read, -1 between clauses
    let wordsFrom = 0; // its first word start
    let bits = 0; // of its characters so far
    for (let k = 0; k <= s.length; k++) {
      const c = k < s.length ? s.charCodeAt(k) : -1;
      const b = c < 0 ? CLAUSE_END : charBits[c];
      if (b & REQUIRED) seen.mark(c);
      if ((b & CLAUSE_END) === 0) {
        if (start < 0) {
          start = k;
          wordsFrom = clauses.words;
          bits = 0;
        }
        if (b & WORD_FIRST) clauses.addWordStart(k, b & WORD_FIRST);
        bits |= b;
      } else if (start >= 0) {
        // (added before it is known whether it is negated: negated() reads its word starts)
        const clause = clauses.add(start, k, wordsFrom);
        if (negated(clause, s, bits, taxonomy)) clauses.negated[clause] = 1;
        else open = 1;
        start = -1;
      }
    }
    clauses.open[i] = open;
  }
  clauses.first[list.length] = clauses.count;
}

/** Whether clause k of sentence s, whose characters have `bits`, is negated. */
function negated(k: number, s: string, bits: number, taxonomy: Taxonomy): boolean {
  const negations = taxonomy.negationWords;
  if (negations && bits & NEGATION_FIRST && clauses.holds(k, s, negations, NEGATION_FIRST)) return true;
  return (bits & NONE_CHAR) !== 0 && BARE_NONE_RE.test(s.slice(clauses.start[k], clauses.end[k]));
}

/** Accepts a pattern match (for joinedScan) as themesOfSentence's loop does: unless its clause is negated. */
class PatternHits {
  theme = 0;
  constructor(
    readonly hits: Uint8Array,
    readonly themes: number,
  ) {}
  hit(i: number, offset: number): boolean {
    if (!clauses.open[i] || clauses.negated[clauses.at(i, offset)] === 1) return false;
    this.hits[i * this.themes + this.theme] = 1;
    return true;
  }
}

/**
 * Sentence i's theme t is hits[i * themes + t]. A theme whose patterns need characters the text
 * lacks is skipped (it cannot match). Patterns are searched in all sentences joined (one exec
 * per match instead of one per theme and sentence, see scan.ts), sentence by sentence for a pattern
 * regex that is not local or that matched over a sentence break.
 */
function patternHits(list: string[], taxonomy: Taxonomy, { needs, seen }: Prepared, hits: Uint8Array): void {
  const n = taxonomy.themes.length;
  const joined = list.join("\n");
  const ends: number[] = [];
  for (let i = 0, end = -1; i < list.length; i++) ends.push((end += list[i].length + 1));
  const accept = new PatternHits(hits, n);
  for (let t = 0; t < n; t++) {
    const re = taxonomy.themes[t].patternRe;
    if (!re || !mayMatch(needs[t], seen)) continue;
    accept.theme = t;
    if (isLocal(re)) {
      if (joinedScan(re, joined, ends, accept)) continue;
      for (let i = 0; i < list.length; i++) hits[i * n + t] = 0;
    }
    for (let i = 0; i < list.length; i++) {
      if (!clauses.open[i]) continue;
      re.lastIndex = 0;
      for (let m = re.exec(list[i]); m; m = re.exec(list[i])) {
        if (accept.hit(i, m.index)) break;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
}

/**
 * What a theme's patterns need, as one array read front to back (nested arrays cost a pointer per
 * set): for each alternative, [its length in the array, its number of sets, then per set: its size,
 * its slots].
 */
function needsProgram(alternatives: number[][][]): Int32Array {
  const out: number[] = [];
  for (const sets of alternatives) {
    const body = sets.flatMap((slots) => [slots.length, ...slots]);
    out.push(body.length + 2, sets.length, ...body);
  }
  return Int32Array.from(out);
}

/** For one of the alternatives of a Needs program, each set has a character in the text (null: unknown, so maybe). */
function mayMatch(needs: Int32Array | null, seen: Seen): boolean {
  if (needs === null) return true;
  for (let alt = 0; alt < needs.length; alt += needs[alt]) if (allSeen(needs, alt + 1, seen)) return true;
  return false;
}

/** The sets from needs[at] (their number) on each have a character in the text. */
function allSeen(needs: Int32Array, at: number, seen: Seen): boolean {
  const sets = needs[at++];
  for (let k = 0; k < sets; k++) {
    const size = needs[at++];
    if (!anySeen(needs, at, at + size, seen)) return false;
    at += size;
  }
  return true;
}

function anySeen(needs: Int32Array, from: number, to: number, seen: Seen): boolean {
  for (let k = from; k < to; k++) if (seen.has(needs[k])) return true;
  return false;
}

/**
 * Topic word + deficiency marker in the same open clause, for sentence i (after its patterns: a
 * topic whose themes are all found already is skipped, which spares segmenting).
 */
function topicHits(sentence: string, i: number, taxonomy: Taxonomy, prepared: Prepared, hits: Uint8Array): void {
  if (!taxonomy.topicWords || !clauses.open[i]) return;
  const base = i * taxonomy.themes.length;
  for (let k = clauses.first[i]; k < clauses.first[i + 1]; k++)
    if (clauses.negated[k] === 0) topicsOfClause(sentence, k, taxonomy, prepared.topicThemes, hits, base);
}

/**
 * The topic words of clause k of `sentence`, as the topic regex's exec loop over the clause would
 * meet them: the longest word at the leftmost position, searched on after it — or one character
 * on, after a candidate that is not a whole word. Whether the clause holds a deficiency marker is
 * asked at the first topic whose themes are not all found yet (without one, no topic counts).
 */
function topicsOfClause(sentence: string, k: number, taxonomy: Taxonomy, topicThemes: number[][], hits: Uint8Array, base: number): void {
  const words = taxonomy.topicWords!;
  const start = clauses.start[k];
  const end = clauses.end[k];
  let deficient = false;
  let ends: Set<number> | undefined;
  let from = start; // where the search goes on
  for (let j = clauses.wordsFrom[k]; j < clauses.wordsFrom[k + 1]; j++) {
    const at = clauses.wordStart[j];
    if (at < from || (clauses.wordBits[j] & TOPIC_FIRST) === 0) continue;
    const w = words.at(sentence, at, end);
    if (w < 0) continue;
    const themes = topicThemes[w];
    const wordEnd = at + words.words[w].length;
    if (allHit(hits, base, themes)) {
      from = wordEnd;
      continue;
    }
    if (!deficient) {
      if (!clauses.holds(k, sentence, taxonomy.deficiencyWords, DEFICIENCY_FIRST)) return;
      deficient = true;
    }
    // a whole word, or the head of a compound (Chinese compounds are head-final: 思想认识 ⊃ 认识,
    // but 宣传栏 is a 栏, not 宣传): the topic must end where a jieba word ends. At the end of the
    // clause it trivially does; otherwise the clause is segmented (once).
    if (wordEnd === end || (ends ??= wordEnds(sentence.slice(start, end))).has(wordEnd - start)) {
      for (const t of themes) hits[base + t] = 1;
      from = wordEnd;
    } else from = at + 1; // overlapping candidates ("工作队伍建设": 工作队伍 fails, 队伍建设 fits): retry one character on
  }
}

function allHit(hits: Uint8Array, base: number, themes: number[]): boolean {
  for (const t of themes) if (hits[base + t] !== 1) return false;
  return true;
}

/**
 * One buffer for the hits of every call, grown when needed (allocating a typed array per call costs
 * more than clearing the part used): detectHits' result is only valid until its next call.
 */
let hitsBuffer = new Uint8Array(1024);

/** Theme hits of each sentence: hits[i * taxonomy.themes.length + t] (hitsBuffer, see there; longer than that). */
function detectHits(list: string[], taxonomy: Taxonomy): Uint8Array {
  const size = list.length * taxonomy.themes.length;
  if (size > hitsBuffer.length) hitsBuffer = new Uint8Array(Math.max(size, 2 * hitsBuffer.length));
  const hits = hitsBuffer;
  hits.fill(0, 0, size);
  if (list.length === 0) return hits; // (and jieba is not loaded for nothing)
  const prepared = prepare(taxonomy);
  analyse(list, taxonomy, prepared);
  patternHits(list, taxonomy, prepared, hits);
  for (let i = 0; i < list.length; i++) topicHits(list[i], i, taxonomy, prepared, hits);
  return hits;
}

/** Theme ids found in one sentence, in taxonomy order. */
export function themesOfSentence(sentence: string, taxonomy: Taxonomy = defaultTaxonomy()): string[] {
  return idsOf(taxonomy, detectHits([sentence], taxonomy));
}

/** Themes of a list of sentences, with evidence. */
export function detectInSentences(list: string[], taxonomy: Taxonomy = defaultTaxonomy()): DetectResult {
  const n = taxonomy.themes.length;
  const hits = detectHits(list, taxonomy);
  const evidence: ThemeEvidence[] = [];
  for (let i = 0; i < list.length; i++)
    for (let t = 0; t < n; t++) if (hits[i * n + t] === 1) evidence.push({ theme: taxonomy.themes[t].id, sentence: list[i] });
  const themes: string[] = [];
  for (let t = 0; t < n; t++) if (anySentence(hits, t, n, list.length)) themes.push(taxonomy.themes[t].id);
  return { themes, evidence };
}

/** Some sentence has theme t. */
function anySentence(hits: Uint8Array, t: number, themes: number, sentences: number): boolean {
  for (let i = 0; i < sentences; i++) if (hits[i * themes + t] === 1) return true;
  return false;
}

/** ids of the themes t with flags[t] set, in taxonomy order */
function idsOf(taxonomy: Taxonomy, flags: Uint8Array): string[] {
  const ids: string[] = [];
  for (let t = 0; t < taxonomy.themes.length; t++) if (flags[t] === 1) ids.push(taxonomy.themes[t].id);
  return ids;
}

/**
 * Themes of a report's `sections.problems`. Null or empty → none. Text after the start of the
 * improvements (when the report did not separate them) is not read.
 */
export function detectThemes(problems: string | null, taxonomy: Taxonomy = defaultTaxonomy()): DetectResult {
  if (!problems) return { themes: [], evidence: [] };
  return detectInSentences(splitProblems(problems).problems, taxonomy);
}

/**
 * Themes an agency promised to work on: `remedies` matched in the improvement sentences — the
 * `improvements` section, plus whatever of `problems` is improvements (when they were not separated).
 */
export function detectPromises(
  improvements: string | null,
  problems: string | null = null,
  taxonomy: Taxonomy = defaultTaxonomy(),
): DetectResult {
  const list = [...splitProblems(problems).improvements, ...(improvements ? sentences(improvements) : [])];
  const found = new Set<string>();
  const evidence: ThemeEvidence[] = [];
  for (const sentence of list) {
    for (const theme of taxonomy.themes) {
      if (theme.remedyRe && has(theme.remedyRe, sentence)) {
        found.add(theme.id);
        evidence.push({ theme: theme.id, sentence });
      }
    }
  }
  return { themes: taxonomy.themes.filter((t) => found.has(t.id)).map((t) => t.id), evidence };
}
