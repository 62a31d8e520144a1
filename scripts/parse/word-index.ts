/**
 * A fixed list of words, looked up inside short strings (labels, headings) by their first
 * character: one table read per character of the string instead of one `includes` per word.
 * The labels tables are tried hundreds of times per report, so this matters.
 */
export interface WordEntry<T> {
  word: string;
  value: T;
  /** position in the list the index was made from: lower ranks win */
  rank: number;
}

export class WordIndex<T> {
  private readonly firstChar = new Uint8Array(65536);
  private readonly byFirstChar = new Map<number, WordEntry<T>[]>();
  readonly size: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    let rank = 0;
    for (const [word, value] of entries) {
      if (word.length === 0) throw new Error("WordIndex: empty word");
      const c = word.charCodeAt(0);
      this.firstChar[c] = 1;
      let list = this.byFirstChar.get(c);
      if (!list) this.byFirstChar.set(c, (list = []));
      list.push({ word, value, rank: rank++ });
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
      const c = s.charCodeAt(at);
      if (this.firstChar[c] === 0) continue;
      for (const entry of this.byFirstChar.get(c)!)
        if ((best === null || entry.rank < best.rank) && s.startsWith(entry.word, at)) best = entry;
    }
    return best;
  }

  /** Does any word occur in `s`? */
  any(s: string): boolean {
    for (let at = 0; at < s.length; at++) {
      const c = s.charCodeAt(at);
      if (this.firstChar[c] === 0) continue;
      for (const entry of this.byFirstChar.get(c)!) if (s.startsWith(entry.word, at)) return true;
    }
    return false;
  }
}
