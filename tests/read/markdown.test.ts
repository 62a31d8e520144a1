import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../scripts/parse/read/markdown.ts";
import { UnreadableError } from "../../scripts/parse/read/source.ts";
import { corpusBytes, hasCorpus, numbersOf, rowOf } from "./corpus-path.ts";

const md = (s: string) => new TextEncoder().encode(s);

describe("readMarkdown", () => {
  it("turns pipe tables into tab rows and drops the markup", async () => {
    const { lines, format } = await readMarkdown(
      md("## 表二：主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n| **规章** | ０ |\n行政许可 97\n"),
    );
    expect(format).toBe("md");
    expect(lines.filter((l) => l !== "")).toEqual(["表二：主动公开政府信息情况", "信息内容\t本年制发件数", "规章\t0", "行政许可\t97"]);
  });

  it("gives bare table-3 rows their labels back by the form's order, only when the count fits", async () => {
    const text = [
      "三、收到和处理政府信息公开申请情况",
      "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
      "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "| 三、 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
      "（二）部分公开（区分处理的，只",
      "计这一情形，不计其他情形）",
      "| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "| 9 | 9 | 9 | 9 | 9 | 9 | 9 |",
      "| 8 | 8 | 8 | 8 | 8 | 8 | 8 |",
      "| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "| 6 | 6 | 6 | 6 | 6 | 6 | 6 |",
      "| 7 | 7 | 7 | 7 | 7 | 7 | 7 |",
      "| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
      "四、政府信息公开行政复议、行政诉讼情况",
    ].join("\n");
    const { lines } = await readMarkdown(md(text));
    expect(lines).toContain("(二)部分公开(区分处理的，只计这一情形，不计其他情形)\t2\t0\t0\t0\t0\t0\t2");
    // two bare rows for the two missing form rows 2. and 3.: placed in order
    expect(lines).toContain("2.其他法律行政法规禁止公开\t9\t9\t9\t9\t9\t9\t9");
    expect(lines).toContain("3.危及“三安全一稳定”\t8\t8\t8\t8\t8\t8\t8");
    // and the two bare rows between 4. and 7. are 5. and 6.
    expect(lines).toContain("5.属于三类内部事务信息\t6\t6\t6\t6\t6\t6\t6");
    expect(lines).toContain("6.属于四类过程性信息\t7\t7\t7\t7\t7\t7\t7");
    expect(lines).not.toContain("计这一情形，不计其他情形)"); // the loose label fragment is gone
  });

  it("leaves bare rows unlabelled when their count does not fit the missing form rows", async () => {
    const text = [
      "三、收到和处理政府信息公开申请情况",
      "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
      "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
      "| （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      "四、政府信息公开行政复议、行政诉讼情况",
    ].join("\n");
    const { lines } = await readMarkdown(md(text));
    // one form row (二、上年结转) is missing, two bare rows: nobody knows which is which
    expect(lines).toContain("1\t0\t0\t0\t0\t0\t1");
    expect(lines).toContain("2\t0\t0\t0\t0\t0\t2");
  });

  it("refuses an empty file", async () => {
    await expect(readMarkdown(md("\n\n|---|\n"))).rejects.toThrow(UnreadableError);
  });
});

describe.runIf(hasCorpus)("readMarkdown on the corpus (shanghai-kewei-2024)", () => {
  it("rebuilds table 3 from rows detached from their labels", async () => {
    const started = performance.now();
    const { lines } = await readMarkdown(corpusBytes("shanghai-kewei-2024/kewei-2024-source.md"));
    console.log(`kewei-2024-source.md: ${lines.length} lines, ${(performance.now() - started).toFixed(0)} ms`);
    const row = (label: string) => numbersOf(rowOf(lines, label));
    expect(row("部分公开")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row("其他法律行政法规禁止公开")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row("三类内部事务信息")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row("本机关不掌握")).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row("另行制作")).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(row("逾期不补正")).toEqual([8, 2, 0, 0, 0, 0, 10]);
    expect(row("逾期未按收费通知")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row("3.其他")).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(rowOf(lines, "结转下年度继续办理")).toEqual(["四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", ""]);
    expect(lines).toContain("行政许可\t97");
    expect(lines).toContain("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
  });
});
