import { describe, expect, it } from "vitest";
import { matchHeading, splitSections } from "../../scripts/parse/sections.ts";

describe("matchHeading", () => {
  it.each([
    ["一、总体情况", "overview", ""],
    ["二、主动公开政府信息情况", "proactive", ""],
    ["3、 收到和处理政府信息公开申请情况", "applications", ""],
    ["四、政府信息公开行政复议、行政诉讼情况", "review", ""],
    ["五、存在的主要问题和改进情况", "problems", ""],
    ["五、政府信息公开工作存在的主要问题及改进情况", "problems", ""],
    ["六、需要说明的其他事项", "other", ""],
    ["一、总体情况2019年，我区认真贯彻", "overview", "2019年，我区认真贯彻"],
  ])("%s", (line, key, rest) => {
    expect(matchHeading(line)).toMatchObject({ key, rest });
  });
  it.each(["一、本年新收政府信息公开申请数量", "三、本年度办理结果", "四、结转下年度继续办理", "(五)政府信息公开工作存在的主要问题及改进情况。"])(
    "%s is not a part heading",
    (line) => expect(matchHeading(line)).toBeNull(),
  );
});

describe("splitSections", () => {
  it("finds parts in order and ignores table-3 labels that look like headings", () => {
    const lines = [
      "某街道2020年政府信息公开工作年度报告",
      "一、总体情况",
      "正文",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "一、本年新收政府信息公开申请数量",
      "四、结转下年度继续办理",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ];
    const s = splitSections(lines);
    expect(s.list.map((x) => [x.key, x.start, x.end])).toEqual([
      ["overview", 1, 3],
      ["proactive", 3, 4],
      ["applications", 4, 7],
      ["review", 7, 8],
      ["problems", 8, 9],
      ["other", 9, 10],
    ]);
    expect(s.preambleEnd).toBe(1);
  });
});
