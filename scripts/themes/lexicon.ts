/**
 * A word list (deficiency markers, negations, topic words) looked up at a position by its first two
 * characters, for theme detection (clauses.ts, topic-hits.ts). It finds at a position what
 * taxonomy.ts's words() regex — the words longest first, as one alternation — finds there: the
 * longest word. Irregexp tries the 12–80 alternatives one by one at every position (about 25
 * deficiency markers start with 不); clauses.ts marks the words' first characters in a table and
 * asks `at` only where one occurs.
 */
export class Lexicon {
  /** the words, without duplicates, longest first (the order of words() in taxonomy.ts) */
  readonly words: string[];
  /** the words of two characters or more by their first two: an open-addressing hash table (see pairSlot) */
  private readonly pairs: PairTable;
  /** char code → index in `words` of the one-character word it is */
  private readonly single = new Map<number, number>();

  constructor(list: Iterable<string>) {
    this.words = [...new Set(list)].sort((a, b) => b.length - a.length);
    const byPair = new Map<number, number[]>();
    this.words.forEach((w, k) => {
      if (w.length === 0) throw new Error("Lexicon: empty word");
      if (w.length === 1) this.single.set(w.charCodeAt(0), k);
      else {
        const key = w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);
        const same = byPair.get(key);
        if (same) same.push(k);
        else byPair.set(key, [k]);
      }
    });
    this.pairs = new PairTable(byPair);
  }

  /** char codes some word starts with */
  firstCodes(): number[] {
    return [...new Set(this.words.map((w) => w.charCodeAt(0)))];
  }

  /** Index in `words` of the longest word at s[at…] that ends at most at `end` (> at); -1: none. */
  at(s: string, at: number, end: number): number {
    const first = s.charCodeAt(at);
    if (at + 1 < end) {
      const candidates = this.pairs.get(first, s.charCodeAt(at + 1));
      if (candidates !== undefined) for (const k of candidates) if (fitsAt(s, at, end, this.words[k])) return k;
    }
    return this.single.size === 0 ? -1 : (this.single.get(first) ?? -1);
  }
}

/** s[at, at + word.length) is `word` and lies before `end` (its first two characters are known to agree) */
function fitsAt(s: string, at: number, end: number, word: string): boolean {
  if (at + word.length > end) return false;
  for (let j = 2; j < word.length; j++) if (s.charCodeAt(at + j) !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * Lists by a pair of char codes, in typed arrays probed linearly: a lookup is a multiplication and
 * a compare or two, where a Map<number, …> (the pair does not fit a small integer) hashes a heap number.
 */
class PairTable {
  private readonly mask: number;
  private readonly firsts: Uint16Array;
  private readonly seconds: Uint16Array;
  /** 1 + index in `lists`, 0: empty slot */
  private readonly slots: Uint16Array;
  private readonly lists: number[][] = [];

  constructor(byPair: Map<number, number[]>) {
    let size = 16;
    while (size < 4 * byPair.size) size *= 2; // at most a quarter full: short probes
    this.mask = size - 1;
    this.firsts = new Uint16Array(size);
    this.seconds = new Uint16Array(size);
    this.slots = new Uint16Array(size);
    for (const [key, list] of byPair) {
      const first = Math.floor(key / 0x10000);
      const second = key % 0x10000;
      let h = this.hash(first, second);
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.lists.push(list);
      [this.firsts[h], this.seconds[h], this.slots[h]] = [first, second, this.lists.length];
    }
  }

  private hash(first: number, second: number): number {
    const h = Math.imul(Math.imul(first, 0x9e3779b1) ^ second, 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  get(first: number, second: number): number[] | undefined {
    for (let h = this.hash(first, second); this.slots[h] !== 0; h = (h + 1) & this.mask)
      if (this.firsts[h] === first && this.seconds[h] === second) return this.lists[this.slots[h] - 1];
    return undefined;
  }
}
