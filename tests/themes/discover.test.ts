import { describe, expect, it } from "vitest";
import { uncoveredPhrases } from "../../scripts/themes/discover.ts";
import { sections } from "./helpers.ts";

describe("uncoveredPhrases", () => {
  const texts = [
    "一是信息公开经费保障不足；二是宣传力度不够。",
    "存在以下问题：经费保障不足，政策解读形式单一。",
    "由于经费保障不足，档案整理滞后。下一步将加强经费保障。",
    "宣传力度不够，群众知晓率低。",
  ];

  it("lists frequent phrases of problem clauses that no theme covers", () => {
    const found = uncoveredPhrases(texts);
    expect(found[0]).toEqual({ phrase: "经费保障", count: 3, example: "一是信息公开经费保障不足" });
    // the shorter phrase with the same count is folded into the longer one
    expect(found.map((p) => p.phrase)).not.toContain("经费");
  });

  it("leaves out what a theme covers, generic words, and the improvements", () => {
    const phrases = uncoveredPhrases(texts, undefined, { minCount: 1 }).map((p) => p.phrase);
    expect(phrases).toContain("档案整理");
    for (const covered of ["宣传力度", "知晓率", "政策解读", "信息公开", "工作"]) expect(phrases).not.toContain(covered);
  });

  it("finds no uncovered phrase shared by two seeds / corpus reports (the taxonomy covers them)", () => {
    expect(uncoveredPhrases(sections.map((s) => s.text))).toEqual([]);
  });
});
