/**
 * decodeLines (the one-pass decoder the text reader uses) must give exactly what the two-step
 * path gives — normalizeText(decodeBytes(bytes).text) — lines, encoding and errors alike.
 */
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeLines, normalizeText } from "../../scripts/parse/read/decode.ts";
import { loadSeeds } from "../../scripts/bench/corpus.ts";

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (error) {
    return { error: String(error) };
  }
};
const twoStep = (bytes: Uint8Array) => {
  const { text, encoding } = decodeBytes(bytes);
  return { lines: normalizeText(text), encoding };
};
const expectSame = (bytes: Uint8Array) => expect(outcome(() => decodeLines(bytes))).toEqual(outcome(() => twoStep(bytes)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeLines", () => {
  it("equals the two-step decode on the seeds", () => {
    for (const seed of loadSeeds()) expectSame(utf8(seed.text));
  });

  it("equals it on folded characters, line ends, BOMs, astral characters and artefacts", () => {
    for (const s of [
      "\ufeff\ufeffabc",
      "\ufeffabc\r\nx\ry\n",
      "１２３（ａ）\u3000\u00a0x\u200by\ufeffz｜．－",
      "x[bookmark: _Toc1]y",
      "x[bookmark: a\nb]y\r\nz\n[not a bookmark]\n",
      "[bookmark: [bookmark: x]y[bookmark: z",
      "[book[bookmark: x]mark: y]\r[bookmark: _1]\n",
      "[book\u200bmark: x\n]y[bookmark: z]", // folding makes it a bookmark
      "[bookmark: 中\r\n（文）]１",
      "a\r\u200b\nb\r\ufeff\r\n\n\r", // a \r\n with a dropped character between is one line end
      "😀 emoji 𠀀 and 一、总体情况",
      "\u2002\u2003\u2009\u000b\u000c\t",
    ])
      expectSame(utf8(s));
  });

  it("equals it on binary junk, GB18030 and empty input (errors included)", () => {
    expectSame(new Uint8Array(0));
    expectSame(utf8("a\u0000b"));
    expectSame(new Uint8Array(100).fill(1));
    expectSame(Uint8Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? 2 : 65)));
    expectSame(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])); // 你好 in GBK
    expectSame(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("equals it on random bytes and random mixes of the characters that matter", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const codes = [0, 9, 10, 13, 1, 0x20, 0x7f, 0x85, 0xa0, 0x3000, 0xff10, 0xff08, 0x200b, 0xfeff, 0x4e00, 0x1f600, 0xff0e, 0x3fff, 0x4000, 0xefff, 0xf000, 0xff0d];
    for (let i = 0; i < 500; i++) {
      expectSame(Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256)));
      expectSame(utf8(String.fromCodePoint(...Array.from({ length: 30 }, () => codes[Math.floor(random() * codes.length)]))));
    }
  });
});
