/**
 * WordIndex files words by first character modulo a small table, and firstWithin searches a range of
 * a string with its spaces skipped: both must find exactly what the plain searches find.
 */
import { describe, expect, it } from "vitest";
import { withoutSpaces } from "../../scripts/parse/chars.ts";
import { WordIndex } from "../../scripts/parse/word-index.ts";

/** first, in plain words: the lowest-ranked word whose first occurrence is at offset ≤ maxStart */
function refFirst(words: string[], s: string, maxStart = s.length): string | null {
  for (const w of words) {
    const at = s.indexOf(w);
    if (at >= 0 && at <= maxStart) return w;
  }
  return null;
}

// 一 (U+4E00) and 一 (U+4E00 − 1024) share a bucket, as do 总 and the character 1024 after it
const COLLIDING = ["一二", String.fromCharCode(0x4e00 - 1024) + "二", "总体", String.fromCharCode("总".charCodeAt(0) + 1024) + "体"];
const WORDS = ["总体情况", "主动公开", "主动", "行政复议", "行政", "一二三", ...COLLIDING, "情况", "a b"];

function randomText(random: () => number, length: number): string {
  const pieces = [...WORDS, " ", "\t", "\u3000", "一", "总", "主", "行", "政", "情", "况", "x", "、", ...COLLIDING.map((w) => w[0])];
  let s = "";
  while (s.length < length) s += pieces[Math.floor(random() * pieces.length)];
  return s;
}

describe("WordIndex", () => {
  const index = new WordIndex(WORDS.map((w) => [w, w] as const));
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const texts = Array.from({ length: 3000 }, () => randomText(random, Math.floor(random() * 30)));

  it("first and any equal the plain search, words sharing a bucket included", () => {
    for (const s of texts) {
      for (const maxStart of [0, 3, 14, s.length]) expect(index.first(s, maxStart)?.word ?? null).toBe(refFirst(WORDS, s, maxStart));
      expect(index.any(s)).toBe(refFirst(WORDS, s) !== null);
    }
  });

  it("firstWithin equals first on the range without its spaces", () => {
    for (const s of texts) {
      const start = Math.floor(random() * (s.length + 1));
      const end = start + Math.floor(random() * (s.length - start + 1));
      for (const maxStart of [0, 2, 14])
        expect(index.firstWithin(s, start, end, maxStart)).toEqual(index.first(withoutSpaces(s.slice(start, end)), maxStart));
    }
  });
});
