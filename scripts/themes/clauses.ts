/**
 * The clauses of the sentences of one detect.ts call, read in one pass over the characters
 * (analyse): where each clause lies, where a word of the three lexicons may start in it, whether it
 * is negated (未发现, 不存在, "无…问题"), and which sentences keep a clause that is not; the same pass
 * marks the characters patterns need (pattern-needs.ts). pattern-hits.ts and topic-hits.ts then read
 * the result from the shared `clauses`.
 */
import type { Lexicon } from "./lexicon.ts";
import type { Seen } from "./pattern-needs.ts";
import { CLAUSE_ENDS } from "./sentences.ts";
import type { Taxonomy } from "./taxonomy.ts";

/* bits of the clauseCharBits table: what a character may start or end */
const CLAUSE_END = 1;
export const DEFICIENCY_FIRST = 2;
const NEGATION_FIRST = 4;
export const TOPIC_FIRST = 8;
/** 无 or 没: BARE_NONE_RE needs one */
const NONE_CHAR = 16;
/** in some theme's required characters (Seen) */
const REQUIRED = 32;
const WORD_FIRST = DEFICIENCY_FIRST | NEGATION_FIRST | TOPIC_FIRST;

/**
 * char code → the bits above, for a taxonomy whose patterns need the characters `required` (a
 * table: the clause scan asks it for every character).
 */
export function clauseCharBits(taxonomy: Taxonomy, required: Iterable<number>): Uint8Array {
  const charBits = new Uint8Array(0x10000);
  const mark = (codes: Iterable<number>, bit: number) => {
    for (const c of codes) charBits[c] |= bit;
  };
  mark([...CLAUSE_ENDS].map((c) => c.charCodeAt(0)), CLAUSE_END);
  mark(taxonomy.deficiencyWords.firstCodes(), DEFICIENCY_FIRST);
  if (taxonomy.negationWords) mark(taxonomy.negationWords.firstCodes(), NEGATION_FIRST);
  if (taxonomy.topicWords) mark(taxonomy.topicWords.firstCodes(), TOPIC_FIRST);
  mark([..."无没"].map((c) => c.charCodeAt(0)), NONE_CHAR);
  mark(required, REQUIRED);
  return charBits;
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
/** the clauses of the last analyse call (one instance: its arrays are reused, see Clauses) */
export const clauses = new Clauses();

/** `to` holding `from` at its start */
function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Cut each sentence into clauses (into `clauses`, with their word starts) and tell which are
 * negated and which sentences are open; mark in `seen` the required characters of the text. One
 * pass over the characters.
 */
export function analyse(list: string[], taxonomy: Taxonomy, charBits: Uint8Array, seen: Seen): void {
  clauses.reset(list.length);
  seen.reset();
  if (list.length > 1) seen.mark(10); // the "\n" joining them (patternHits, pattern-hits.ts)
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
