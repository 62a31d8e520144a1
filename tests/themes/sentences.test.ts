import { describe, expect, it } from "vitest";
import { clauses, normalizeText, problemSentences, sentences, splitProblems } from "../../scripts/themes/sentences.ts";
import { heldout, heldoutSections, labelled, sections } from "./helpers.ts";

describe("problem sentences", () => {
  it("splits every fixture section into exactly its labelled problem sentences", () => {
    for (const s of sections) {
      expect(problemSentences(s.text), s.source).toEqual(labelled.filter((x) => x.source === s.source).map((x) => x.sentence));
    }
    for (const s of heldoutSections) {
      expect(problemSentences(s.text), s.source).toEqual(heldout.filter((x) => x.source === s.source).map((x) => x.sentence));
    }
  });

  it("finds where the improvements begin", () => {
    const starts = Object.fromEntries(sections.map((s) => [s.source, splitProblems(s.text).improvements[0] ?? null]));
    expect(starts["seed-000"]).toMatch(/^下一步我街道将/);
    expect(starts["seed-001"]).toBe("(二)改进情况");
    expect(starts["seed-004"]).toBe("(一)改进情况"); // the report numbers it (一) twice
    expect(starts["pingtan-2019"]).toBe("2020年，我们将采取以下措施加以改进：");
    expect(starts["huaian-2024"]).toMatch(/^针对存在问题，下一步/);
    expect(starts["shanghai-kewei-2024"]).toBe("（二）改进情况");
    // an improvement that starts mid-sentence
    expect(starts["seed-002a"]).toMatch(/^下一步将利用多种渠道/);
  });

  it("joins lines wrapped in the middle of a sentence, keeps real breaks", () => {
    const text = "（一）主要问题\n市科委 2024 年根据本市机构改革工作安排，内设机构和职\n能发生较大调整，栏目无法满足需要。\n（二）改进情况\n一是开设专栏。";
    expect(sentences(text)).toEqual([
      "（一）主要问题",
      "市科委 2024 年根据本市机构改革工作安排，内设机构和职能发生较大调整，栏目无法满足需要。",
      "（二）改进情况",
      "一是开设专栏。",
    ]);
    expect(problemSentences(text)).toEqual(["市科委 2024 年根据本市机构改革工作安排，内设机构和职能发生较大调整，栏目无法满足需要。"]);
  });

  it("splits before 二是 after a comma, and after colons", () => {
    expect(sentences("存在以下问题：一是宣传不够，二是解读不足。")).toEqual(["存在以下问题：", "一是宣传不够", "二是解读不足。"]);
  });

  it("normalizes spaces between Chinese characters (PDF text) but keeps them around digits", () => {
    expect(normalizeText("政 务 公 开\u3000工作 2024 年")).toBe("政务公开工作 2024 年");
  });

  it("clauses carry their offsets", () => {
    const s = "一是宣传不够，群众知晓率低；二是解读少。";
    for (const c of clauses(s)) expect(s.slice(c.start, c.start + c.text.length)).toBe(c.text);
    expect(clauses(s).map((c) => c.text)).toEqual(["一是宣传不够", "群众知晓率低", "二是解读少"]);
  });

  it("null and empty give nothing", () => {
    expect(splitProblems(null)).toEqual({ problems: [], improvements: [] });
    expect(problemSentences("  \n ")).toEqual([]);
  });
});
