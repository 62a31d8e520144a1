/**
 * Chart functions: pure (data, options) → SVG. Snapshots (ids stripped) catch unintended changes;
 * the other assertions pin what matters: tooltips, escaping, no empty axes.
 */
import { describe, expect, it } from "vitest";
import { bars } from "../../src/components/charts/bars";
import { dotStrip, medianByYear } from "../../src/components/charts/dotStrip";
import { groupedBars } from "../../src/components/charts/groupedBars";
import { lineChart, seriesPanels } from "../../src/components/charts/lines";

const stripIds = (svg: string) =>
  svg
    .replace(/\sid="[^"]*"/g, "")
    .replace(/url\(#[^)]*\)/g, "url(#)")
    .replace(/(clip-path|href)="#[^"]*"/g, '$1="#"');

const strip = [
  { year: 2020, value: 10, title: "甲街道 2020 年：10 条", key: "a-2020", href: "/r/a-2020/#L5" },
  { year: 2020, value: 212, title: "乙街道 2020 年：212 条", key: "b-2020", href: "/r/b-2020/#L7" },
  { year: 2020, value: 2, title: "丙乡 2020 年：2 条", key: "c-2020" },
  { year: 2024, value: 273, title: "丁街道 2024 年：273 条", key: "d-2024" },
];

describe("dotStrip", () => {
  it("renders one dot per report with native <title> tooltips and a median per year", () => {
    const svg = dotStrip(strip, { width: 480, height: 280, yLabel: "主动公开条数" })!;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain("<title>乙街道 2020 年：212 条</title>");
    expect(svg).toContain("2020 年中位数 10（3 份报告）");
    expect(svg).toContain('href="/r/a-2020/#L5"');
    expect(stripIds(svg)).toMatchSnapshot();
  });
  it("is deterministic", () => {
    expect(dotStrip(strip)).toBe(dotStrip(strip));
  });
  it("returns null instead of empty axes", () => {
    expect(dotStrip([])).toBeNull();
  });
  it("computes medians per year", () => {
    expect(medianByYear(strip)).toEqual([
      { year: 2020, median: 10, n: 3 },
      { year: 2024, median: 273, n: 1 },
    ]);
  });
  it("escapes report text in tooltips", () => {
    const svg = dotStrip([{ year: 2020, value: 1, key: "x", title: '<script>alert(1)</script><img src=x onerror=alert(1)>' }])!;
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;script&gt;");
  });
});

describe("bars", () => {
  it("renders labelled bars with shares", () => {
    const svg = bars(
      [
        { label: "街道", value: 0.8, text: "80%（4/5）" },
        { label: "乡镇", value: 1, text: "100%（1/1）" },
      ],
      { max: 1, percent: true },
    )!;
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg).toContain("<title>街道：80%</title>");
    expect(svg).toContain("80%（4/5）");
    expect(stripIds(svg)).toMatchSnapshot();
  });
  it("returns null for no data", () => {
    expect(bars([])).toBeNull();
  });
});

describe("groupedBars", () => {
  it("renders panels per group", () => {
    const svg = groupedBars([
      { group: "行政复议", label: "维持", value: 3 },
      { group: "行政复议", label: "纠正", value: 1 },
      { group: "复议后起诉", label: "维持", value: 2 },
      { group: "复议后起诉", label: "纠正", value: 0 },
    ])!;
    expect(svg).toContain("行政复议");
    expect(svg).toContain("<title>行政复议 · 维持：3</title>");
    expect(stripIds(svg)).toMatchSnapshot();
  });
});

describe("lineChart", () => {
  it("draws a series with gaps left open, labels on points", () => {
    const svg = lineChart(
      [
        { year: 2019, value: 12, href: "/r/2019/#L4" },
        { year: 2020, value: null },
        { year: 2021, value: 48 },
      ],
      { years: [2019, 2020, 2021] },
    )!;
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).toContain("<title>2019 年：12</title>");
    expect(stripIds(svg)).toMatchSnapshot();
  });
  it("a single year is a dot, not an empty axis", () => {
    const svg = lineChart([{ year: 2020, value: 5 }])!;
    expect(svg.match(/<circle/g)).toHaveLength(1);
  });
  it("all-null series → null", () => {
    expect(lineChart([{ year: 2020, value: null }])).toBeNull();
  });
});

describe("seriesPanels", () => {
  const series = [
    { name: "主动公开信息条数", points: [{ year: 2019, value: 12, href: "/r/2019/#L5" }, { year: 2020, value: 10 }, { year: 2021, value: 48 }] },
    { name: "本年新收申请", points: [{ year: 2019, value: 19 }, { year: 2020, value: null }, { year: 2021, value: 27 }] },
    { name: "行政复议与行政诉讼", points: [{ year: 2019, value: null }, { year: 2020, value: null }, { year: 2021, value: null }] },
  ];
  it("draws one panel per series with values, labelled points and year labels", () => {
    const svg = seriesPanels(series, { years: [2019, 2020, 2021] })!;
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain("<title>本年新收申请 2021 年：27</title>");
    expect(svg).toContain("主动公开信息条数");
    expect(svg).not.toContain("行政复议与行政诉讼"); // no values: no empty panel
    expect(svg).toContain('href="/r/2019/#L5"');
    expect(stripIds(svg)).toMatchSnapshot();
  });
  it("returns null when no series has a value", () => {
    expect(seriesPanels([series[2]])).toBeNull();
  });
});
