/**
 * A fixed list of words, looked up inside short strings (labels, headings) by their first
 * character: one table read per character of the string instead of one `includes` per word.
 * The labels tables are tried hundreds of times per report, so this matters.
 */
import { isSpaceCode } from "./chars.ts";

export interface WordEntry<T> {
  word: string;
  value: T;
  /** position in the list the index was made from: lower ranks win */
  rank: number;
}

/** Is `word` at s[at…] (before `end`), skipping whitespace in s? */
function occursAt(s: string, at: number, end: number, word: string): boolean {
  let j = 0;
  for (let i = at; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    if (c !== word.charCodeAt(j)) return false;
    if (++j === word.length) return true;
  }
  return false;
}

/**
 * Words are filed by their first character's code modulo BUCKETS: a table this small stays in the
 * L1 cache (one slot per code, 128 KB, did not), at the price of a word now and then being tried
 * at a character it does not start with — every lookup compares whole words anyway.
 */
const BUCKETS = 1024;
const bucketOf = (c: number) => c & (BUCKETS - 1);

export class WordIndex<T> {
  /** bucket of a first char code → 1 + index in `lists` of the words filed there, 0 if none */
  private readonly byBucket = new Uint16Array(BUCKETS);
  private readonly lists: WordEntry<T>[][] = [];
  readonly size: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    let rank = 0;
    for (const [word, value] of entries) {
      if (word.length === 0) throw new Error("WordIndex: empty word");
      const b = bucketOf(word.charCodeAt(0));
      if (this.byBucket[b] === 0) {
        this.lists.push([]);
        this.byBucket[b] = this.lists.length; // ≤ BUCKETS: one list per bucket
      }
      this.lists[this.byBucket[b] - 1].push({ word, value, rank: rank++ });
    }
    this.size = rank;
  }

  /**
   * The lowest-ranked word occurring in `s` at an offset ≤ `maxStart` (i.e. the first word of the
   * list, in list order, whose first occurrence in `s` is at most `maxStart`), or null.
   */
  first(s: string, maxStart = s.length): WordEntry<T> | null {
    let best: WordEntry<T> | null = null;
    const last = Math.min(s.length - 1, maxStart);
    for (let at = 0; at <= last; at++) {
      const slot = this.byBucket[bucketOf(s.charCodeAt(at))];
      if (slot === 0) continue;
      const list = this.lists[slot - 1];
      for (let k = 0; k < list.length; k++) {
        const entry = list[k];
        if ((best === null || entry.rank < best.rank) && s.startsWith(entry.word, at)) best = entry;
      }
    }
    return best;
  }

  /**
   * first(withoutSpaces(s.slice(start, end)), maxStart), without building that string: the
   * lowest-ranked word occurring in s[start, end), read with its whitespace skipped, at most
   * `maxStart` non-space characters in. (A word with whitespace in it never matches, as there.)
   */
  firstWithin(s: string, start: number, end: number, maxStart: number): WordEntry<T> | null {
    let best: WordEntry<T> | null = null;
    let offset = 0; // non-space characters before `at`
    for (let at = start; at < end && offset <= maxStart; at++) {
      const c = s.charCodeAt(at);
      if (isSpaceCode(c)) continue;
      offset++;
      const slot = this.byBucket[bucketOf(c)];
      if (slot === 0) continue;
      const list = this.lists[slot - 1];
      for (let k = 0; k < list.length; k++) {
        const entry = list[k];
        if ((best === null || entry.rank < best.rank) && occursAt(s, at, end, entry.word)) best = entry;
      }
    }
    return best;
  }

  /** Does any word occur in `s`? */
  any(s: string): boolean {
    for (let at = 0; at < s.length; at++) {
      const slot = this.byBucket[bucketOf(s.charCodeAt(at))];
      if (slot === 0) continue;
      const list = this.lists[slot - 1];
      for (let k = 0; k < list.length; k++) if (s.startsWith(list[k].word, at)) return true;
    }
    return false;
  }
}
