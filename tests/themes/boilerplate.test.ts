import { describe, expect, it } from "vitest";
import { comparable, DEFAULT_THRESHOLD, findBoilerplate, similarity } from "../../scripts/themes/boilerplate.ts";
import { makeReport, section } from "./helpers.ts";

const county2013 = section("pingtan-county-2013");
/** the same text, re-dated and re-addressed, one clause dropped: what a copied report looks like */
const county2013Copy = county2013.replace("目前，我县", "2014年，我镇").replace("三是依申请公开工作机制仍需进一步规范；", "");
const different = section("pingtan-2022");

describe("similarity", () => {
  it("is high for near-identical problems texts", () => {
    expect(similarity(county2013, county2013Copy)).toBeGreaterThan(0.7);
    expect(similarity(county2013, county2013)).toBe(1);
    // real: Pingtan 2015 reuses three sentences of the 2013 county report
    expect(similarity(county2013, section("pingtan-2015"))).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it("is low for different problems texts", () => {
    expect(similarity(county2013, different)).toBeLessThan(0.1);
    expect(similarity(section("hongze-2024"), section("pingtan-2020"))).toBeLessThan(0.1);
  });

  it("compares the problems only: punctuation, digits and the improvements do not count", () => {
    expect(comparable("2019年，宣传力度不够！下一步将加大宣传力度。")).toBe("年宣传力度不够");
    expect(similarity("宣传力度不够，群众知晓率低。", "宣传力度不够；群众知晓率低。2021")).toBe(1);
    expect(similarity("", "")).toBe(0);
  });
});

describe("findBoilerplate", () => {
  const reports = [
    makeReport("county", 2013, county2013),
    makeReport("county", 2014, county2013Copy),
    makeReport("town", 2014, county2013Copy.replace("我镇", "我乡")),
    makeReport("other", 2014, different),
    makeReport("other", 2015, section("hongze-2024")),
    makeReport("tiny-a", 2014, "无。"),
    makeReport("tiny-b", 2014, "无。"),
  ];

  it("flags the copy of last year's text and the copy of another agency's, with the pair", () => {
    const flags = findBoilerplate(reports);
    const keys = flags.map((f) => `${f.kind} ${f.a} ${f.b}`).sort();
    // a = the later report (same year: the larger id), b = the one it resembles
    expect(keys).toEqual([
      "otherAgency town-2014 county-2013",
      "otherAgency town-2014 county-2014",
      "previousYear county-2014 county-2013",
    ]);
    for (const f of flags) expect(f.similarity).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    const prev = flags.find((f) => f.kind === "previousYear")!;
    expect(prev.similarity).toBeCloseTo(similarity(county2013, county2013Copy), 3);
  });

  it("does not flag different texts, nor texts too short to judge", () => {
    const ids = new Set(findBoilerplate(reports).flatMap((f) => [f.a, f.b]));
    for (const id of ["other-2014", "other-2015", "tiny-a-2014", "tiny-b-2014"]) expect(ids.has(id)).toBe(false);
  });

  it("finds planted copies among thousands of reports (MinHash + LSH, not all pairs)", () => {
    // deterministic pseudo-random Chinese texts: unrelated to each other
    let seed = 42;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const text = () => Array.from({ length: 120 }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 600))).join("") + "。";
    const many = Array.from({ length: 3000 }, (_, i) => makeReport(`ag${i}`, 2020, text()));
    const planted: [number, number][] = [[10, 2500], [77, 1234], [999, 2999]];
    for (const [i, j] of planted) many[j] = makeReport(`ag${j}`, 2021, many[i].sections.problems!.slice(0, 110) + "有待加强。");
    const flags = findBoilerplate(many);
    expect(flags.map((f) => `${f.a}|${f.b}`).sort()).toEqual(planted.map(([i, j]) => `ag${j}-2021|ag${i}-2020`).sort());
    expect(flags.every((f) => f.kind === "otherAgency")).toBe(true);
  });
});
