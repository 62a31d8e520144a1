/**
 * A yearly series as a line with labelled dots (agency history). Every point carries its value, so
 * the chart needs no y axis; years are printed under the points. (Plot's axis machinery costs
 * ~3 ms per chart, and agency pages number in the thousands.) Gaps (null years) break the line
 * rather than being drawn as 0. One point alone is a dot, never an empty axis.
 * Pure: (data, options) → SVG string.
 */
import * as Plot from "@observablehq/plot";
import { BASE_STYLE, COLORS, plotDocument, serialize } from "./render";

export interface LinePoint {
  year: number;
  value: number | null;
  title?: string;
  href?: string;
}
export interface LineOptions {
  width?: number;
  height?: number;
  /** all years of the axis (so gaps show); defaults to the data's years */
  years?: number[];
}

export function lineChart(points: LinePoint[], options: LineOptions = {}): string | null {
  const known = points.filter((p) => p.value != null) as (LinePoint & { value: number })[];
  if (!known.length) return null;
  const { width = 420, height = 170 } = options;
  const years = options.years ?? [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const max = Math.max(...known.map((p) => p.value));
  const min = Math.min(0, ...known.map((p) => p.value));
  const series = years.map((y) => points.find((p) => p.year === y) ?? { year: y, value: null });
  const dots = known.map((p) => ({ ...p, title: p.title ?? `${p.year} 年：${p.value}` }));
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginTop: 22,
    marginBottom: 26,
    marginLeft: 24,
    marginRight: 24,
    style: BASE_STYLE,
    axis: null,
    x: { type: "point", domain: years, padding: years.length === 1 ? 1 : 0.3 },
    y: { domain: [min, max > min ? max : min + 1] },
    marks: [
      Plot.ruleY([min], { stroke: "#a0aec0" }),
      Plot.line(series, { x: "year", y: "value", stroke: COLORS.main, strokeWidth: 2, defined: (d: LinePoint) => d.value != null }),
      Plot.dot(dots, { x: "year", y: "value", r: 4, fill: COLORS.main, title: "title", ...(dots.some((d) => d.href) ? { href: "href" } : {}) }),
      Plot.text(dots, { x: "year", y: "value", text: (d: LinePoint) => String(d.value), dy: -11, fontSize: 12, fontWeight: 600 }),
      Plot.text(years, { x: (y: number) => y, frameAnchor: "bottom", dy: 18, text: (y: number) => String(y), fill: "#4a5568" }),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
