/**
 * One jieba instance for the whole process, created on first use (loading the dictionary takes
 * ~150 ms, so it is never done at import time). Taxonomy topic words are added to its dictionary
 * so that they come out as whole words.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let instance: Jieba | undefined;
const added = new Set<string>();

export function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}

/** Make sure these words are in the dictionary (idempotent). */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].filter((w) => !added.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) added.add(w);
  endsCache.clear(); // segmentations may change
  jieba().loadDict(Buffer.from(fresh.map((w) => `${w} 50000 n`).join("\n") + "\n"));
}

/** Words of a text (jieba precise mode, no HMM: stable and fast). */
export function cut(text: string): string[] {
  return jieba().cut(text, false);
}

/**
 * Segmentations already made, by text. Problem texts are formulaic ("宣传力度不够" in thousands of
 * reports), and one segmentation costs ~0.2 µs per character; jieba's answer for a text only changes
 * with its dictionary (addWords clears this). Bounded: emptied when full.
 */
const endsCache = new Map<string, Set<number>>();
const CACHE_MAX = 4096;

/** Offsets where a word ends, for the words of `text` (every character is in some word). Do not modify the set. */
export function wordEnds(text: string): Set<number> {
  let ends = endsCache.get(text);
  if (ends) return ends;
  ends = new Set<number>();
  let pos = 0;
  for (const w of cut(text)) {
    pos += w.length;
    ends.add(pos);
  }
  if (endsCache.size >= CACHE_MAX) endsCache.clear();
  endsCache.set(text, ends);
  return ends;
}
