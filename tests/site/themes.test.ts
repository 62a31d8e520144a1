/**
 * The 问题 themes on the site: src/lib/themes.ts (taxonomy, counts, quotes, recurrence, boilerplate,
 * corpus.themes read from the file's tail) and the chart functions of src/components/charts/themes.ts
 * (snapshots with ids stripped, like charts.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Corpus, type ThemeFindings } from "../../src/schema";
import { buildIndex, type SiteIndex } from "../../src/lib/corpus";
import {
  agencyRecurrence,
  agencyThemeChips,
  boilerplateFlags,
  buildThemeIndex,
  evidenceBySentence,
  fmtSimilarity,
  fmtYears,
  lineFinder,
  lineOf,
  parseTaxonomy,
  quotesFor,
  readFindingsFromFile,
  reportThemeChips,
  shortName,
  type ThemeIndex,
} from "../../src/lib/themes";
import { themeHeatmap, themeShareBars, themeTrend } from "../../src/components/charts/themes";
import { recurrenceHtml, themeChipsHtml } from "../../src/components/themes/fragments";

const FIXTURE = path.resolve("tests/fixtures/site");
// line lookups read the fixture's normalized text (generated/text/<id>.txt layout)
process.env.GENERATED_DIR = FIXTURE;

const stripIds = (svg: string) =>
  svg
    .replace(/\sid="[^"]*"/g, "")
    .replace(/url\(#[^)]*\)/g, "url(#)")
    .replace(/(clip-path|href)="#[^"]*"/g, '$1="#"');

const LIYUAN = "xinjiang-hami-yizhou-liyuan-jiedao";
const PUBLICITY = "宣传力度不够，群众对信息公开知晓度不高。";

const findings: ThemeFindings = {
  recurrence: [
    {
      agencyId: LIYUAN,
      recurring: [{ theme: "publicity", years: [2019, 2020], longestRun: 2, reportIds: [`${LIYUAN}-2019`, `${LIYUAN}-2020`] }],
      repeatedAfterPromise: [
        {
          theme: "publicity",
          promisedIn: `${LIYUAN}-2019`,
          promisedYear: 2019,
          promise: "加大政务公开宣传力度。",
          reportedIn: `${LIYUAN}-2020`,
          reportedYear: 2020,
          problem: PUBLICITY,
        },
      ],
    },
  ],
  uncovered: [{ phrase: "侧重点", count: 3, example: "信息公开侧重点有待进一步明确。" }],
};

function fixtureCorpus(): Corpus {
  const corpus = Corpus.parse(JSON.parse(readFileSync(path.join(FIXTURE, "corpus.json"), "utf8")));
  const byId = new Map(corpus.reports.map((r) => [r.id, r]));
  byId.get(`${LIYUAN}-2019`)!.boilerplate = [{ other: `${LIYUAN}-2020`, kind: "previousYear", similarity: 0.9349 }];
  byId.get(`${LIYUAN}-2020`)!.boilerplate = [{ other: `${LIYUAN}-2019`, kind: "previousYear", similarity: 0.9349 }];
  byId.get("xinjiang-hami-yizhou-zhengfu-2022")!.boilerplate = [
    { other: "hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024", kind: "otherAgency", similarity: 0.999 },
  ];
  byId.get("hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024")!.boilerplate = [
    { other: "xinjiang-hami-yizhou-zhengfu-2022", kind: "otherAgency", similarity: 0.999 },
  ];
  // a theme id the taxonomy does not define
  byId.get("xinjiang-hami-yizhou-zhengfu-2021")!.themes = ["made-up"];
  return { ...corpus, themes: findings };
}

const taxonomy = () => parseTaxonomy(JSON.parse(readFileSync(path.join(FIXTURE, "themes.json"), "utf8")));

let s: SiteIndex;
let ti: ThemeIndex;
beforeAll(() => {
  s = buildIndex(fixtureCorpus());
  ti = buildThemeIndex(s, taxonomy(), findings);
});

describe("taxonomy", () => {
  it("validates data/themes.json and derives short names", () => {
    const defs = parseTaxonomy(JSON.parse(readFileSync("data/themes.json", "utf8")));
    expect(defs.length).toBeGreaterThanOrEqual(10);
    for (const d of defs) {
      expect(d.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(d.name.length).toBeGreaterThan(0);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.topics.length + d.patterns.length).toBeGreaterThan(0);
      expect(d.short.length).toBeLessThanOrEqual(d.name.length);
    }
    expect(shortName("思想认识不到位 / 主动公开意识不强")).toBe("思想认识不到位");
    expect(shortName("政策解读不足")).toBe("政策解读不足");
  });
  it("accepts a bare array with flat cues, drops duplicate ids", () => {
    const defs = parseTaxonomy([
      { id: "a", name: "甲", cues: ["x"] },
      { id: "a", name: "again" },
      { id: "b" },
    ]);
    expect(defs.map((d) => [d.id, d.name, d.patterns])).toEqual([
      ["a", "甲", ["x"]],
      ["b", "b", []],
    ]);
  });
  it("names the file and the field on a bad shape", () => {
    expect(() => parseTaxonomy({ themes: [{ name: "no id" }] }, "x/themes.json")).toThrow(/x\/themes\.json: themes\.0\.id/);
  });
});

describe("buildThemeIndex", () => {
  it("counts shown reports with a problems section, by year and agency", () => {
    // 10 records, one hidden duplicate → 9 shown, all with a problems section
    expect(ti.reports).toBe(9);
    expect(ti.n).toBe(9);
    expect(ti.years).toEqual([2019, 2020, 2021, 2022, 2024]);
    const pub = ti.byId.get("publicity")!;
    expect(pub.reports).toBe(4);
    expect(pub.agencies).toBe(3);
    expect(pub.byYear).toEqual([
      { year: 2019, count: 1, n: 1 },
      { year: 2020, count: 1, n: 3 },
      { year: 2021, count: 0, n: 2 },
      { year: 2022, count: 1, n: 2 },
      { year: 2024, count: 1, n: 1 },
    ]);
    expect(pub.reportIds[0]).toBe("hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024");
    expect(pub.together).toEqual([{ id: "staff", count: 1 }]);
    expect(pub.byLevel.find((l) => l.level === "街道")).toEqual({ level: "街道", count: 3, n: 5 });
  });
  it("never counts a hidden duplicate", () => {
    const staff = ti.byId.get("staff")!;
    expect(staff.reportIds).not.toContain("henan-luoyang-xigong-wangchenglu-jiedao-2020-b");
  });
  it("lists ids missing from the taxonomy and reports without a theme", () => {
    expect(ti.undefinedIds).toEqual(["made-up"]);
    expect(ti.byId.get("made-up")!.theme.inTaxonomy).toBe(false);
    expect(ti.noTheme).toEqual(["henan-luoyang-xigong-wangchenglu-jiedao-2020"]);
    expect(ti.withTheme).toBe(8);
  });
  it("attaches recurrence and promises to their theme", () => {
    const pub = ti.byId.get("publicity")!;
    expect(pub.recurring).toEqual([
      { agencyId: LIYUAN, agencyName: "丽园街道办事处", years: [2019, 2020], longestRun: 2, reportIds: [`${LIYUAN}-2019`, `${LIYUAN}-2020`] },
    ]);
    expect(pub.promises).toHaveLength(1);
    expect(ti.byId.get("staff")!.recurring).toEqual([]);
  });
  it("keeps each boilerplate pair once, most similar first", () => {
    expect(ti.boilerplate.map((p) => [p.a, p.b, p.kind])).toEqual([
      ["hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024", "xinjiang-hami-yizhou-zhengfu-2022", "otherAgency"],
      [`${LIYUAN}-2019`, `${LIYUAN}-2020`, "previousYear"],
    ]);
    expect(ti.boilerplateReports).toBe(4);
  });
  it("still makes sense without findings or taxonomy", () => {
    const bare = buildThemeIndex(s, [], null);
    expect(bare.findings).toBeNull();
    expect(bare.themes.map((t) => t.id).sort()).toEqual(["made-up", "publicity", "staff", "timeliness"]);
    expect(bare.byId.get("publicity")!.recurring).toEqual([]);
  });
});

describe("quotes and lines", () => {
  it("finds the source line of a sentence, ignoring whitespace", () => {
    const lines = ["一、总体情况", "2020年，我街道仍存在问题和不足，宣传力度不够，群众对信息公开", "知晓度不高。"];
    expect(lineOf(lines, "宣传力度不够，群众对信息公开知晓度不高。")).toBe(2);
    expect(lineOf(["宣 传 力 度 不 够"], "宣传力度不够")).toBe(1);
    expect(lineOf(lines, "完全不在文中的句子")).toBeNull();
    expect(lineOf(null, "x")).toBeNull();
  });
  it("quotes one sentence per report, newest first, linked to its line; same sentence once; caps and counts the rest", () => {
    const pub = ti.byId.get("publicity")!;
    // the four reports naming "publicity" all use the same sentence: quoted once, from the newest
    const once = quotesFor(pub, 30, s);
    expect(once.quotes.map((q) => [q.year, q.agencyName, q.href, q.also])).toEqual([
      [2024, "南关街道办事处", "/reports/hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024/#L55", 3],
    ]);
    expect(once.rest).toBe(3);
    const staff = ti.byId.get("staff")!;
    const two = quotesFor(staff, 30, s);
    // 丽园 (lì) sorts before 七户 (qī); the sentence is on line 57 of its text
    expect(two.quotes.map((q) => [q.year, q.reportId, q.href, q.also])).toEqual([[2020, `${LIYUAN}-2020`, `/reports/${LIYUAN}-2020/#L57`, 1]]);
  });
  it("takes quotes round-robin over the years, newest first", () => {
    const c = fixtureCorpus();
    const distinct = (id: string, sentence: string) => {
      const r = c.reports.find((x) => x.id === id)!;
      r.themes = ["publicity"];
      r.themeEvidence = [{ theme: "publicity", sentence }];
    };
    distinct(`${LIYUAN}-2020`, "二〇二〇年甲句。");
    distinct("xinjiang-changji-qitai-qihu-xiang-2020", "二〇二〇年乙句。");
    distinct("henan-luoyang-xigong-wangchenglu-jiedao-2020", "二〇二〇年丙句。");
    distinct(`${LIYUAN}-2019`, "二〇一九年句。");
    distinct("xinjiang-hami-yizhou-zhengfu-2022", "二〇二二年句。");
    const s2 = buildIndex(c);
    const t2 = buildThemeIndex(s2, taxonomy(), findings).byId.get("publicity")!;
    const { quotes, rest } = quotesFor(t2, 4, s2);
    expect(quotes.map((q) => q.year)).toEqual([2024, 2022, 2020, 2019]);
    expect(rest).toBe(t2.reports - 4);
  });
});

describe("per report and agency", () => {
  it("report chips: taxonomy order, evidence, theme links", () => {
    const chips = reportThemeChips(s.byId.get(`${LIYUAN}-2020`)!, ti);
    expect(chips).toEqual([
      { id: "publicity", name: "宣传力度不够", href: "/themes/publicity/", evidence: [PUBLICITY] },
      { id: "staff", name: "队伍业务能力不足", href: "/themes/staff/", evidence: ["信息公开工作人员业务能力有待提高。"] },
    ]);
  });
  it("groups evidence by sentence (one sentence, several themes)", () => {
    const chips = [
      { id: "a", name: "甲", href: "/themes/a/", evidence: ["句一。", "句二。"] },
      { id: "b", name: "乙", href: "/themes/b/", evidence: ["句一。"] },
    ];
    expect(evidenceBySentence(chips)).toEqual([
      { sentence: "句一。", themes: [{ id: "a", name: "甲", href: "/themes/a/" }, { id: "b", name: "乙", href: "/themes/b/" }] },
      { sentence: "句二。", themes: [{ id: "a", name: "甲", href: "/themes/a/" }] },
    ]);
  });
  it("groups promise pairs that carry several themes", () => {
    const twice: ThemeFindings = {
      ...findings,
      recurrence: [
        {
          ...findings.recurrence[0],
          repeatedAfterPromise: [
            findings.recurrence[0].repeatedAfterPromise[0],
            { ...findings.recurrence[0].repeatedAfterPromise[0], theme: "staff" },
          ],
        },
      ],
    };
    const v = agencyRecurrence(LIYUAN, s, buildThemeIndex(s, taxonomy(), twice));
    expect(v.promises).toHaveLength(1);
    expect(v.promises[0].themes.map((t) => t.id)).toEqual(["publicity", "staff"]);
  });
  it("agency chips: the years each theme was named, most years first", () => {
    const chips = agencyThemeChips(LIYUAN, s, ti);
    expect(chips.map((c) => [c.id, c.years!.map((y) => y.year)])).toEqual([
      ["publicity", [2019, 2020]],
      ["staff", [2020]],
      ["timeliness", [2021]],
    ]);
    expect(chips[0].evidence[0]).toBe(`2019 年：${PUBLICITY}`);
    expect(agencyThemeChips("nope", s, ti)).toEqual([]);
  });
  it("boilerplate flags name and link the other report", () => {
    expect(boilerplateFlags(s.byId.get(`${LIYUAN}-2020`)!, s)).toEqual([
      { other: `${LIYUAN}-2019`, otherLabel: "2019 年报告", href: `/reports/${LIYUAN}-2019/`, kind: "previousYear", similarity: 0.9349 },
    ]);
    const other = boilerplateFlags(s.byId.get("xinjiang-hami-yizhou-zhengfu-2022")!, s)[0];
    expect(other.otherLabel).toBe("南关街道办事处 2024 年报告");
    expect(boilerplateFlags(s.byId.get("xinjiang-hami-yizhou-jiaoyuju-2022")!, s)).toEqual([]);
    expect(fmtSimilarity(0.999)).toBe("0.99");
    expect(fmtSimilarity(1)).toBe("1.00");
    expect(fmtSimilarity(0.9349)).toBe("0.93");
  });
  it("agency recurrence: recurring themes and promises with line links", () => {
    const v = agencyRecurrence(LIYUAN, s, ti);
    expect(v.reports).toBe(3);
    expect(v.recurring).toEqual([
      {
        theme: "publicity",
        name: "宣传力度不够",
        href: "/themes/publicity/",
        years: [2019, 2020],
        longestRun: 2,
        reports: [
          { year: 2019, href: `/reports/${LIYUAN}-2019/` },
          { year: 2020, href: `/reports/${LIYUAN}-2020/` },
        ],
      },
    ]);
    expect(v.promises).toHaveLength(1);
    expect(v.promises[0].themes).toEqual([{ id: "publicity", name: "宣传力度不够", href: "/themes/publicity/" }]);
    expect(v.promises[0].problemHref).toBe(`/reports/${LIYUAN}-2020/#L56`);
    // the promise is not in the fixture text: link to the report itself
    expect(v.promises[0].promiseHref).toBe(`/reports/${LIYUAN}-2019/`);
    expect(v.available).toBe(true);
    expect(agencyRecurrence("xinjiang-changji-qitai-qihu-xiang", s, ti)).toEqual({ available: true, reports: 1, recurring: [], promises: [] });
    expect(agencyRecurrence(LIYUAN, s, buildThemeIndex(s, [], null)).available).toBe(false);
  });
  it("formats year lists as runs", () => {
    expect(fmtYears([2023, 2019, 2020, 2021])).toBe("2019—2021、2023");
    expect(fmtYears([2020])).toBe("2020");
  });
});

describe("readFindingsFromFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "themes-findings-"));
  it("reads corpus.themes from the end of the file", () => {
    const file = path.join(dir, "corpus.json");
    writeFileSync(file, JSON.stringify(fixtureCorpus()));
    expect(readFindingsFromFile(file)).toEqual(findings);
  });
  it("reads findings larger than the first tail", () => {
    const big: ThemeFindings = {
      recurrence: [],
      uncovered: Array.from({ length: 20000 }, (_, i) => ({ phrase: `短语${i}`, count: 2, example: `例句，“引号”与 "quotes" 第 ${i} 句。` })),
    };
    const file = path.join(dir, "big.json");
    writeFileSync(file, JSON.stringify({ ...fixtureCorpus(), themes: big }));
    expect(readFindingsFromFile(file)!.uncovered).toHaveLength(20000);
  });
  it("reads them whatever the JSON spacing", () => {
    const file = path.join(dir, "spaced.json");
    writeFileSync(file, JSON.stringify(fixtureCorpus(), null, 2));
    expect(readFindingsFromFile(file)).toEqual(findings);
  });
  it("still reads them when they are not the last member", () => {
    const file = path.join(dir, "order.json");
    const { themes, ...rest } = fixtureCorpus();
    writeFileSync(file, JSON.stringify({ themes, ...rest }));
    expect(readFindingsFromFile(file)).toEqual(findings);
  });
  it("null when the corpus predates themes or the file is missing", () => {
    const file = path.join(dir, "old.json");
    const { themes: _drop, ...old } = fixtureCorpus();
    writeFileSync(file, JSON.stringify(old));
    expect(readFindingsFromFile(file)).toBeNull();
    expect(readFindingsFromFile(path.join(dir, "missing.json"))).toBeNull();
  });
});

describe("charts", () => {
  const cells = [
    { row: "宣传力度不够", year: 2019, count: 1, n: 1, href: "/themes/publicity/" },
    { row: "宣传力度不够", year: 2020, count: 1, n: 3, href: "/themes/publicity/" },
    { row: "人员不稳定", year: 2019, count: 0, n: 1, href: "/themes/staff/" },
    { row: "人员不稳定", year: 2020, count: 2, n: 3, href: "/themes/staff/" },
  ];
  it("heatmap: one cell per theme and year, counts printed, tooltips, links", () => {
    const svg = themeHeatmap(cells, { rows: ["宣传力度不够", "人员不稳定"] })!;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<rect/g)).toHaveLength(4);
    expect(svg).toContain("<title>人员不稳定 · 2020 年：3 份报告中 2 份提到（67%）</title>");
    expect(svg).toContain('href="/themes/staff/"');
    expect(stripIds(svg)).toMatchSnapshot();
  });
  it("heatmap: deterministic; null without reports", () => {
    expect(themeHeatmap(cells)).toBe(themeHeatmap(cells));
    expect(themeHeatmap([])).toBeNull();
    expect(themeHeatmap([{ row: "x", year: 2020, count: 0, n: 0 }])).toBeNull();
  });
  it("trend: share by year with k/n labels; one year is one column", () => {
    const svg = themeTrend([
      { year: 2021, count: 0, n: 2 },
      { year: 2019, count: 1, n: 1 },
      { year: 2020, count: 1, n: 3, href: "/reports/x/#L3" },
    ])!;
    expect(svg.match(/<rect/g)).toHaveLength(3);
    expect(svg).toContain("1/3");
    expect(svg).toContain("<title>2020 年：3 份报告中 1 份提到（33%）</title>");
    expect(svg.indexOf(">2019<")).toBeLessThan(svg.indexOf(">2020<"));
    expect(stripIds(svg)).toMatchSnapshot();
    expect(themeTrend([{ year: 2024, count: 1, n: 1 }])!.match(/<rect/g)).toHaveLength(1);
    expect(themeTrend([])).toBeNull();
  });
  it("share bars: percent and k/n after each bar", () => {
    const svg = themeShareBars([
      { label: "街道", count: 3, n: 5 },
      { label: "部门", count: 0, n: 1 },
    ])!;
    expect(svg).toContain("60%（3/5）");
    expect(svg).toContain("0%（0/1）");
    expect(svg).toContain("<title>街道：5 份中 3 份（60%）</title>");
    expect(stripIds(svg)).toMatchSnapshot();
    expect(themeShareBars([])).toBeNull();
  });
  it("escapes text in tooltips and labels", () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    for (const svg of [
      themeHeatmap([{ row: evil, year: 2020, count: 1, n: 1, title: evil }])!,
      themeTrend([{ year: 2020, count: 1, n: 1, title: evil }])!,
      themeShareBars([{ label: evil, count: 1, n: 1 }])!,
    ]) {
      expect(svg).not.toContain("<script");
      expect(svg).not.toContain("<img");
      expect(svg).toContain("&lt;script&gt;");
    }
  });
});

describe("fragments (report and agency pages)", () => {
  const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  it("report chips: links, tooltip, evidence by sentence with line anchors, all escaped", () => {
    const chips = [
      { id: "publicity", name: "宣传力度不够", href: "/themes/publicity/", evidence: [PUBLICITY, evil] },
      { id: "staff", name: "队伍<b>", href: "/themes/staff/", evidence: [PUBLICITY] },
    ];
    const out = themeChipsHtml(chips, { kind: "report", hasProblems: true, lineOf: lineFinder(["x", PUBLICITY]) }).value;
    expect(out).toContain('<a class="badge" href="/themes/publicity/" title="依据：');
    expect(out).toContain(`<a href="#L2" title="原文第 2 行">${PUBLICITY}</a>`);
    // one evidence line per sentence, naming both themes
    expect(out.split(`>${PUBLICITY}</a>`)).toHaveLength(2);
    expect(out).toContain('→ <a href="/themes/publicity/">宣传力度不够</a>、<a href="/themes/staff/">队伍&lt;b&gt;</a>');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;script&gt;");
  });
  it("report without themes: says so only when it has a problems section", () => {
    expect(themeChipsHtml([], { kind: "report", hasProblems: true }).value).toContain("没有识别出");
    expect(themeChipsHtml([], { kind: "report", hasProblems: false }).value).toBe("");
    expect(themeChipsHtml([], { kind: "agency" }).value).toBe("");
  });
  it("agency chips carry the years", () => {
    const out = themeChipsHtml(agencyThemeChips(LIYUAN, s, ti), { kind: "agency" }).value;
    expect(out).toContain("宣传力度不够<span class=\"tc-yrs\">（2019—2020）</span>");
    expect(out).not.toContain("<details>");
  });
  it("recurrence: runs, promises quoted and linked, escaped; the one-year and no-data cases", () => {
    const out = recurrenceHtml(agencyRecurrence(LIYUAN, s, ti)).value;
    expect(out).toContain('<a href="/themes/publicity/">宣传力度不够</a>：2019—2020 年（最长连续 2 年）');
    expect(out).toContain(`<a class="quote" href="/reports/${LIYUAN}-2020/#L56">${PUBLICITY}</a>`);
    const hostile = recurrenceHtml({
      available: true,
      reports: 2,
      recurring: [],
      promises: [
        { promisedIn: "a", promisedYear: 2020, promise: evil, promiseHref: "/reports/a/", reportedIn: "b", reportedYear: 2021, problem: "x".repeat(200), problemHref: "/reports/b/", themes: [] },
      ],
    }).value;
    expect(hostile).not.toContain("<script");
    expect(hostile).toContain("x".repeat(120) + "…");
    expect(recurrenceHtml(agencyRecurrence("xinjiang-changji-qitai-qihu-xiang", s, ti)).value).toContain("只收录了这个机构一年的报告");
    expect(recurrenceHtml(agencyRecurrence(LIYUAN, s, buildThemeIndex(s, [], null))).value).toContain("数据文件中没有重复出现的统计");
  });
});

describe("templates", () => {
  it("never insert markup from strings (report text is untrusted)", () => {
    const files = [
      ...["src/pages/themes/index.astro", "src/pages/themes/[id].astro"],
      ...readdirSync("src/components/themes")
        .filter((f) => f.endsWith(".astro"))
        .map((f) => path.join("src/components/themes", f)),
    ];
    for (const f of files) expect(readFileSync(f, "utf8"), f).not.toMatch(/set:html|innerHTML/);
  });
});
