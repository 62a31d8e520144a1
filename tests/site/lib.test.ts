/** src/lib: loading with friendly errors, indexes, and the aggregations behind the overview. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIndex, DataError, readCorpusFile } from "../../src/lib/corpus";
import { inferLevel } from "../../src/lib/levels";
import { applicantTypes, headline, outcomes, reviewLitigation, zeroShareBy } from "../../src/lib/stats";
import { failingCells } from "../../src/lib/report";
import { pathLabel } from "../../src/lib/labels";
import { icuWords, searchRecords } from "../../src/lib/search";

const file = path.resolve("tests/fixtures/site/corpus.json");
const corpus = readCorpusFile(file);
const idx = buildIndex(corpus, file);

describe("loading", () => {
  it("names the missing file", () => {
    expect(() => readCorpusFile("/nonexistent/corpus.json")).toThrow(DataError);
    expect(() => readCorpusFile("/nonexistent/corpus.json")).toThrow(/\/nonexistent\/corpus\.json.*npm run parse/s);
  });
  it("names the file and the bad record on invalid data", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "site-lib-"));
    const bad = JSON.parse(readFileSync(file, "utf8"));
    bad.reports[1].year = "二〇二〇";
    writeFileSync(path.join(dir, "corpus.json"), JSON.stringify(bad));
    expect(() => readCorpusFile(path.join(dir, "corpus.json"))).toThrow(/corpus\.json[\s\S]*reports\.1\.year \(report xinjiang-hami-yizhou-liyuan-jiedao-2020\)/);
    writeFileSync(path.join(dir, "corpus.json"), "{not json");
    expect(() => readCorpusFile(path.join(dir, "corpus.json"))).toThrow(/不是有效的 JSON/);
  });
});

describe("index", () => {
  it("shows one report per agency and year (the duplicate is hidden)", () => {
    expect(idx.all).toHaveLength(10);
    expect(idx.shown).toHaveLength(9);
    const keys = idx.shown.map((r) => `${r.agency.id}/${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(idx.mainFor.get("henan-luoyang-xigong-wangchenglu-jiedao-2020-b")!.id).toBe("henan-luoyang-xigong-wangchenglu-jiedao-2020");
  });
  it("groups agencies with their years, oldest first", () => {
    const a = idx.agencyById.get("xinjiang-hami-yizhou-liyuan-jiedao")!;
    expect(a.years).toEqual([2019, 2020, 2021]);
    expect(a.failing).toBeGreaterThan(0);
  });
  it("rolls regions up province → city → county", () => {
    const xj = idx.roots.find((r) => r.name === "新疆维吾尔自治区")!;
    expect(xj.children.map((c) => c.name).sort()).toEqual(["哈密市", "昌吉回族自治州"].sort());
    expect(xj.allAgencies).toHaveLength(4);
    const yizhou = idx.regions.find((r) => r.name === "伊州区")!;
    expect(yizhou.path).toEqual(["新疆维吾尔自治区", "哈密市", "伊州区"]);
    expect(yizhou.agencies).toHaveLength(3);
    expect(idx.regions.every((r) => /^r[0-9a-f]{10}$/.test(r.key))).toBe(true);
  });
});

describe("stats", () => {
  const h = headline(idx.shown);
  it("headline figures are sums over shown records", () => {
    expect(h.reports).toBe(9);
    expect(h.agencies).toBe(6);
    expect(h.received.sum).toBe(idx.shown.reduce((s, r) => s + (r.table3.newReceived?.total ?? 0), 0));
    expect(h.zeroShare.zero).toBe(1);
    expect(h.proactive.sum).toBe(idx.shown.reduce((s, r) => s + (r.proactive.total ?? 0), 0));
  });
  it("applicant types add up to the received total when rows balance", () => {
    const app = applicantTypes(idx.shown);
    expect(app.rows.reduce((s, r) => s + r.value, 0)).toBe(h.received.sum);
  });
  it("outcomes and review sums are computed from printed cells", () => {
    const out = outcomes(idx.shown);
    expect(out.rows.map((r) => r.key)).toEqual(["granted", "partiallyGranted", "denied", "unavailable", "notProcessed", "other"]);
    expect(out.rows[0].value).toBe(idx.shown.reduce((s, r) => s + (r.table3.granted?.total ?? 0), 0));
    const rl = reviewLitigation(idx.shown);
    expect(rl.totals.review).toBe(idx.shown.reduce((s, r) => s + (r.table4.review.total ?? 0), 0));
  });
  it("leaves null cells out of shares", () => {
    const r = structuredClone(idx.shown[0]);
    r.table3.newReceived!.total = null;
    expect(zeroShareBy([r], () => "x")).toEqual([]);
  });
});

describe("report helpers", () => {
  it("marks cells of failing checks, with the computed value on the first cell", () => {
    const r = idx.byId.get("xinjiang-hami-yizhou-liyuan-jiedao-2021")!;
    const f = failingCells(r);
    expect(f.get("table3.totalProcessed.total")!.computed).toBe(33);
    expect(f.get("table3.totalProcessed.total")!.printed).toBe(35);
  });
  it("labels record paths in Chinese", () => {
    expect(pathLabel("table3.denied.stateSecret.naturalPerson")).toBe("表三 三（三）不予公开 1.属于国家秘密 · 自然人");
  });
  it("infers levels from names when a record lacks one", () => {
    expect(inferLevel("丽园街道办事处")).toBe("街道");
    expect(inferLevel("七户乡人民政府")).toBe("乡镇");
    expect(inferLevel("伊州区人民政府")).toBe("县区政府");
    expect(inferLevel("伊州区教育局")).toBe("部门");
  });
});

describe("search records (src/lib/search.ts)", () => {
  const records = searchRecords(idx);
  it("one per agency and per shown report, base-less URLs of the pages", () => {
    expect(records.filter((r) => r.meta.type === "机构").map((r) => r.url).sort()).toEqual(idx.agencies.map((a) => `/agencies/${a.id}/`).sort());
    expect(records.filter((r) => r.meta.type === "报告").map((r) => r.url).sort()).toEqual(idx.shown.map((r) => `/reports/${r.id}/`).sort());
    expect(records.some((r) => r.url.includes("2020-b"))).toBe(false); // the hidden duplicate
  });
  it("carry the narrative sections and the names, also segmented as the browser segments queries", () => {
    const r = idx.shown.find((x) => x.sections.problems?.includes("宣传力度"))!;
    const rec = records.find((x) => x.url === `/reports/${r.id}/`)!;
    for (const text of Object.values(r.sections)) if (text) expect(rec.content).toContain(text);
    const agency = records.find((x) => x.url === "/agencies/xinjiang-changji-qitai-qihu-xiang/")!;
    expect(agency.content).toContain("七户乡人民政府");
    expect(agency.content).toContain(icuWords("七户乡人民政府"));
  });
});
