import { describe, expect, it } from "vitest";
import { SECTION_HEADINGS } from "../../scripts/parse/labels.ts";
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

describe("matchHeading equals the regex reading it replaced", () => {
  const ORDINAL_RE = /^\s*(?:([一二三四五六])\s*[、.．,，]|([1-6])\s*[、.．]|第([一二三四五六])部分\s*[、:：]?)\s*/;
  const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
  const variants = Object.entries(SECTION_HEADINGS).flatMap(([key, v]) => [...v].sort((a, b) => b.length - a.length).map((w) => [w, key] as const));
  /** the plain way: regex ordinal, spaces dropped from the next 40 characters, variants tried in order */
  function reference(line: string) {
    const m = ORDINAL_RE.exec(line);
    if (!m) return null;
    let from = m[0].length;
    if (/^[《“"]/.test(line.slice(from))) from++;
    const head = line.slice(from, from + 40).replace(/\s+/g, "");
    let best: { at: number; rank: number } | null = null;
    variants.forEach(([w], rank) => {
      const at = head.indexOf(w);
      if (at >= 0 && at <= 14 && (best === null || rank < best.rank)) best = { at, rank };
    });
    if (best === null) return null;
    const [word, key] = variants[(best as { rank: number }).rank];
    // the text after the word's first occurrence, spaces in the line skipped
    const pattern = new RegExp([...word].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"));
    const found = pattern.exec(line.slice(from));
    const rest = found ? line.slice(from + found.index + found[0].length) : "";
    return { key, ordinal: Number(m[2] ?? CN[m[1] ?? m[3]]), rest: rest.replace(/^[\s。.:：,，;；)）]+/, "") };
  }

  it("on generated lines", () => {
    let seed = 5;
    const pick = <T,>(a: readonly T[]) => a[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % a.length];
    const ordinals = ["一、", "二. ", " 三，", "4、", "5．", "第六部分：", "第二部分", "7、", "(一)", "一", "\t六 、"];
    const openers = ["", "《", "“", "\"", " ", "政府信息公开工作", "本年新收", "因政府信息公开申请"];
    const titles = [...variants.map(([w]) => w), "本年新收政府信息公开申请数量", "行 政 复 议", "主要问题及改进情况", "结转下年度继续办理"];
    const tails = ["", "。", "：2019年，我区", " ）结果", "，，；正文", "\u3000x"];
    for (let k = 0; k < 4000; k++) {
      const line = pick(ordinals) + pick(openers) + pick(titles) + pick(tails);
      expect(matchHeading(line)).toEqual(reference(line));
    }
  });
});
