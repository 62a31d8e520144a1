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

export class WordIndex<T> {
  /** first char code → 1 + index in `lists` of the words starting with it, 0 if none */
  private readonly firstChar = new Uint16Array(65536);
  private readonly lists: WordEntry<T>[][] = [];
  readonly size: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    let rank = 0;
    for (const [word, value] of entries) {
      if (word.length === 0) throw new Error("WordIndex: empty word");
      const c = word.charCodeAt(0);
      if (this.firstChar[c] === 0) {
        this.lists.push([]);
        this.firstChar[c] = this.lists.length; // < 65536: one list per distinct character
      }
      this.lists[this.firstChar[c] - 1].push({ word, value, rank: rank++ });
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
      const slot = this.firstChar[s.charCodeAt(at)];
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
   * first(withoutSpaces(s.slice(start, end)), maxStart) !== null, without building that string:
   * does a word occur in s[start, end), read with its whitespace skipped, at most `maxStart`
   * non-space characters in? (A word with whitespace in it never matches, as there.)
   */
  anyWithin(s: string, start: number, end: number, maxStart: number): boolean {
    let offset = 0; // non-space characters before `at`
    for (let at = start; at < end && offset <= maxStart; at++) {
      const c = s.charCodeAt(at);
      if (isSpaceCode(c)) continue;
      offset++;
      const slot = this.firstChar[c];
      if (slot === 0) continue;
      const list = this.lists[slot - 1];
      for (let k = 0; k < list.length; k++) if (occursAt(s, at, end, list[k].word)) return true;
    }
    return false;
  }

  /** Does any word occur in `s`? */
  any(s: string): boolean {
    for (let at = 0; at < s.length; at++) {
      const slot = this.firstChar[s.charCodeAt(at)];
      if (slot === 0) continue;
      const list = this.lists[slot - 1];
      for (let k = 0; k < list.length; k++) if (s.startsWith(list[k].word, at)) return true;
    }
    return false;
  }
}
