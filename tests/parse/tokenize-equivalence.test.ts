/**
 * tokenizeCells (one scan per line, forms shared by text, row cells trimmed and read in the same
 * loop) must give exactly the cells of the plain definition: split each line by its layout, trim
 * each piece, read it with makeCell.
 */
import { describe, expect, it } from "vitest";
import { makeCell, tokenizeCells, type Cell, type LineLayout } from "../../scripts/parse/cells.ts";
import { loadSeeds } from "../../scripts/bench/corpus.ts";

/** The layout and pieces of a line, written plainly from the layouts' definitions (see cells.ts). */
function plainPieces(line: string): [LineLayout, string[]] | null {
  if (!line.includes("|")) {
    if (!line.includes("\t")) return line.trim() === "" ? null : ["cell-per-line", [line]];
    const pieces = line.split("\t");
    return line.startsWith("\t") && pieces.length === 2 ? ["tab-cells", [pieces[1]]] : ["tab-rows", pieces];
  }
  if (/^[\s|]*$/.test(line)) return null; // merged-cell artefacts
  const pieces = line.split("|");
  if (/\|\s*$/.test(line)) pieces.pop(); // nothing after a last "|"
  return [pieces.length > 1 ? "pipe-rows" : "pipe-cells", pieces];
}

function plainTokenize(lines: string[]): { cells: Cell[]; lineLayouts: (LineLayout | null)[] } {
  const cells: Cell[] = [];
  const lineLayouts = lines.map((line, i) => {
    const found = plainPieces(line);
    if (!found) return null;
    const [layout, pieces] = found;
    pieces.forEach((piece, col) => cells.push(makeCell(piece, i + 1, col)));
    return layout;
  });
  return { cells, lineLayouts };
}

const view = (c: Cell) => [c.text, c.line, c.col, c.kind, c.value, c.label?.key ?? null, c.label?.table3 ?? null];
const expectSame = (lines: string[]) => {
  const fast = tokenizeCells(lines);
  const plain = plainTokenize(lines);
  expect(fast.lineLayouts).toEqual(plain.lineLayouts);
  expect(fast.cells.map(view)).toEqual(plain.cells.map(view));
};

describe("tokenizeCells equals the plain split-trim-read", () => {
  it("on the seeds", () => {
    for (const seed of loadSeeds()) expectSame(seed.text.split(/\r\n|\r|\n/));
  });

  it("on edge cases of layouts, spaces and numbers", () => {
    expectSame([
      "",
      " ",
      "\t",
      "\t\t",
      "\t 0",
      " \t0",
      "\t0\t",
      "a\t",
      "|",
      " | |",
      "||\t||",
      "\t|",
      "0 |",
      " 0 | ",
      "|0",
      "规章 | 87 | 285 | 0 |",
      "规章|87|285|0",
      "规章 | 1 2 | 0012 | 0 | 12345678901234567 | 1,162 | -3 | +2 | 3.5万元 | — | 无 |  |",
      "行政许可\t0\t\t 7 \t１\t\u30000\u3000\t",
      "\t\t2.重复申请\t0",
      "x".repeat(200) + " | 1",
      "1.属于国家秘密",
      "  1.属于国家秘密  ",
      "0",
      "00",
      "9999",
      "10000",
      "\u00a0 5 \ufeff",
    ]);
  });

  it("on random lines of the characters that matter, with texts met again and again", () => {
    let seed = 11;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const parts = ["|", "|", "\t", "\t", " ", "\u3000", "0", "7", "42", "1,162", "-", "—", "无", "/", ".", "+", "规章", "其他", "总计", "（一）", "1.属于国家秘密", "本年新收政府信息公开申请数量", "行政", "x"];
    for (let round = 0; round < 40; round++) {
      const lines = Array.from({ length: 200 }, () => Array.from({ length: random(12) }, () => parts[random(parts.length)]).join(""));
      expectSame(lines);
    }
  });

  it("through the clearing of the table of known texts (thousands of distinct texts)", () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `第${i}项 | ${i} | 条目${i % 97}`);
    expectSame(lines);
    expectSame(lines.slice(0, 500));
  });
});
