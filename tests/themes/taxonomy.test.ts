import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePattern, compileTaxonomy, DEFAULT_TAXONOMY_PATH, defaultTaxonomy, loadTaxonomy, TaxonomyError } from "../../scripts/themes/taxonomy.ts";

const raw = () => JSON.parse(readFileSync(DEFAULT_TAXONOMY_PATH, "utf8"));

describe("data/themes.json", () => {
  it("has 12–20 themes, each with a URL-safe id, a Chinese name, a description and cues", () => {
    const t = defaultTaxonomy();
    expect(t.themes.length).toBeGreaterThanOrEqual(12);
    expect(t.themes.length).toBeLessThanOrEqual(20);
    expect(new Set(t.themes.map((x) => x.id)).size).toBe(t.themes.length);
    for (const theme of t.themes) {
      expect(theme.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(theme.name).toMatch(/\p{Script=Han}/u);
      expect(theme.description.length).toBeGreaterThan(10);
      expect(theme.topics.length + theme.patterns.length).toBeGreaterThan(0);
    }
  });

  it("includes the themes the issue names", () => {
    const names = defaultTaxonomy().themes.map((t) => t.name).join(" | ");
    for (const word of ["思想认识", "宣传", "知晓率", "及时", "内容", "程序", "人员", "渠道", "互动", "政策解读", "机制", "平台"])
      expect(names).toContain(word);
  });
});

describe("taxonomy validation names the theme at fault", () => {
  const withTheme = (index: number, patch: Record<string, unknown>) => {
    const data = raw();
    data.themes[index] = { ...data.themes[index], ...patch };
    return data;
  };

  it("bad pattern", () => {
    expect(() => compileTaxonomy(withTheme(2, { patterns: ["宣传*(不够"] }), "themes.json")).toThrow(
      /themes\.json: theme "publicity" \(#3\): patterns\[0\] "宣传\*\(不够" is not a valid pattern: missing "\)"/,
    );
  });
  it("missing name", () => {
    const data = raw();
    delete data.themes[0].name;
    expect(() => compileTaxonomy(data)).toThrow(/theme "awareness" \(#1\): name/);
  });
  it("bad id, duplicate id", () => {
    expect(() => compileTaxonomy(withTheme(1, { id: "Effort Theme" }))).toThrow(/theme "Effort Theme" \(#2\): id: id must be lower-case/);
    expect(() => compileTaxonomy(withTheme(1, { id: "awareness" }))).toThrow(/theme "awareness" \(#2\): id "awareness" is used twice/);
  });
  it("a theme without cues, a topic with punctuation", () => {
    expect(() => compileTaxonomy(withTheme(3, { topics: [], patterns: [] }))).toThrow(/theme "timeliness" \(#4\): needs at least one of topics or patterns/);
    expect(() => compileTaxonomy(withTheme(2, { topics: ["宣传，力度"] }))).toThrow(/theme "publicity" \(#3\): topic "宣传，力度" must be one word/);
  });
  it("a file that is not JSON, or has no themes", () => {
    const dir = mkdtempSync(join(tmpdir(), "themes-"));
    const bad = join(dir, "themes.json");
    writeFileSync(bad, "{ not json");
    expect(() => loadTaxonomy(bad)).toThrow(TaxonomyError);
    expect(() => loadTaxonomy(bad)).toThrow(/themes\.json: not valid JSON/);
    expect(() => compileTaxonomy({ version: 1, deficiency: ["不够"], themes: [] })).toThrow(/themes/);
  });
});

describe("pattern syntax", () => {
  const re = (p: string) => new RegExp(compilePattern(p));
  it("* is a short gap inside one clause, ~ may cross a comma", () => {
    expect(re("宣传*不够").test("宣传工作力度不够")).toBe(true);
    expect(re("宣传*不够").test("宣传工作，力度不够")).toBe(false);
    expect(re("制度~有待完善").test("制定了相关制度，但仍然有待完善")).toBe(true);
    expect(re("制度~有待完善").test("制定了相关制度。但仍然有待完善")).toBe(false);
  });
  it("groups, optional groups and optional characters", () => {
    expect(re("(工作|公开)的?力度不大").test("公开力度不大")).toBe(true);
    expect(re("(长期)?不更新").test("不更新")).toBe(true);
    expect(re("a.b").test("axb")).toBe(false); // everything else is literal
  });
  it("rejects malformed patterns", () => {
    expect(() => compilePattern("a|b")).toThrow(/only allowed inside/);
    expect(() => compilePattern("a)")).toThrow(/unbalanced/);
    expect(() => compilePattern("*")).toThrow(/no literal/);
    expect(() => compilePattern("*?")).toThrow(/must follow/);
  });
});
