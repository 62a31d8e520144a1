import { describe, expect, it } from "vitest";
import { expandSpans, gridToLines } from "../../scripts/parse/read/table-grid.ts";

const c = (text: string, rowspan = 1, colspan = 1) => ({ text, rowspan, colspan });

describe("expandSpans", () => {
  it("writes a spanned cell once, at its top-left position, and empty cells where it reaches", () => {
    const grid = expandSpans([
      [c("三、本年度办理结果", 3), c("(一)予以公开", 1, 2), c("7")],
      [c("(三)不予公开", 2), c("1.属于国家秘密"), c("0")],
      [c("2.其他法律行政法规禁止公开"), c("0")],
    ]);
    expect(grid).toEqual([
      ["三、本年度办理结果", "(一)予以公开", "", "7"],
      ["", "(三)不予公开", "1.属于国家秘密", "0"],
      ["", "", "2.其他法律行政法规禁止公开", "0"],
    ]);
  });

  it("pads short rows so every row has the table's width, and clamps spans past the table", () => {
    expect(expandSpans([[c("a", 5), c("b")], [c("x", 1, 3)]])).toEqual([
      ["a", "b", "", ""],
      ["", "x", "", ""],
    ]);
  });

  it("treats missing or silly spans as 1", () => {
    expect(expandSpans([[c("a", 0, NaN), c("b", -2, 1)]])).toEqual([["a", "b"]]);
  });
});

describe("gridToLines", () => {
  it("joins cells with tabs and drops rows with no text", () => {
    expect(gridToLines([["a", "", "1"], ["", "", ""], ["b\tc", "2", ""]])).toEqual(["a\t\t1", "b c\t2\t"]);
  });
});
