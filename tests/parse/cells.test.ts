import { describe, expect, it } from "vitest";
import { classifyLine, parseNumber, tokenizeCells } from "../../scripts/parse/cells.ts";

describe("classifyLine: one line, any layout", () => {
  it.each([
    ["规章 | 0 | 0 | 0 |", "pipe-rows", ["规章 ", " 0 ", " 0 ", " 0 "]],
    ["0 |", "pipe-cells", ["0 "]],
    ["\t 0", "tab-cells", [" 0"]],
    ["\t", "tab-cells", [""]],
    ["行政许可\t0\t0\t0", "tab-rows", ["行政许可", "0", "0", "0"]],
    ["\t\t2.重复申请\t0", "tab-rows", ["", "", "2.重复申请", "0"]],
    ["5", "cell-per-line", ["5"]],
  ])("%j → %s", (line, layout, pieces) => {
    expect(classifyLine(line)).toEqual({ layout, pieces });
  });
  it("spacing lines and merged-cell artefacts give no cell", () => {
    expect(classifyLine("")).toBeNull();
    expect(classifyLine("   ")).toBeNull();
    expect(classifyLine("||||")).toBeNull();
  });
});

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["1162", 1162],
    ["1,162", 1162],
    ["-3", -3],
    ["+2", 2],
    ["1.5", 1.5],
    ["12条", 12],
    ["3 件", 3],
    ["0.0000", 0],
  ])("%s → %d", (text, value) => expect(parseNumber(text)).toBe(value));
  it.each(["", "2020年", "二", "1.属于国家秘密", "12-3"])("%j is not a number", (text) => expect(parseNumber(text)).toBeNull());
});

describe("tokenizeCells", () => {
  it("keeps blank Word cells as empty cells, with their lines", () => {
    const { cells } = tokenizeCells(["\t行政许可", "\t 0", "\t", "\t 0", "", "\t行政处罚"]);
    expect(cells.map((c) => [c.kind, c.value, c.line])).toEqual([
      ["text", null, 1],
      ["number", 0, 2],
      ["empty", null, 3],
      ["number", 0, 4],
      ["text", null, 6],
    ]);
  });
  it("dashes, slashes and 无 are empty cells (null), never 0", () => {
    const { cells } = tokenizeCells(["行政强制 | — | / | 无 |"]);
    expect(cells.slice(1).map((c) => c.kind)).toEqual(["empty", "empty", "empty"]);
  });
});
