/**
 * A yearly series as a line with labelled dots (agency history). Every point carries its value, so
 * the chart needs no y axis; years are printed under the points. (Plot's axis machinery costs
 * ~3 ms per chart, and agency pages number in the thousands.) Gaps (null years) break the line (Plot interrupts a line at null values)
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
      Plot.line(series, { x: "year", y: "value", stroke: COLORS.main, strokeWidth: 2 }),
      Plot.dot(dots, { x: "year", y: "value", r: 4, fill: COLORS.main, title: "title", ...(dots.some((d) => d.href) ? { href: "href" } : {}) }),
      Plot.text(dots, { x: "year", y: "value", text: (d: LinePoint) => String(d.value), dy: -11, fontSize: 12, fontWeight: 600 }),
      Plot.text(years, { x: (y: number) => y, frameAnchor: "bottom", dy: 18, text: (y: number) => String(y), fill: "#4a5568" }),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}

export interface Series {
  name: string;
  points: LinePoint[];
}

/**
 * Several yearly series as stacked panels in one chart (one Plot call: a third of the cost of one
 * chart per series, which matters with thousands of agency pages). Each panel is scaled to its
 * own maximum — there is no y axis, every point carries its value — and named in its top-left
 * corner. Series without any value are left out; null when none has a value.
 */
export function seriesPanels(series: Series[], options: LineOptions & { panelHeight?: number } = {}): string | null {
  const shown = series.filter((s) => s.points.some((p) => p.value != null));
  if (!shown.length) return null;
  const { width = 440, panelHeight = 92 } = options;
  const years = options.years ?? [...new Set(shown.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const names = shown.map((s) => s.name);
  const rows: { s: string; year: number; value: number | null; y: number | null; title?: string; href?: string }[] = [];
  for (const s of shown) {
    const vals = s.points.filter((p) => p.value != null).map((p) => p.value!);
    const lo = Math.min(0, ...vals);
    const hi = Math.max(...vals);
    const span = hi > lo ? hi - lo : 1;
    for (const y of years) {
      const p = s.points.find((q) => q.year === y);
      const v = p?.value ?? null;
      rows.push({ s: s.name, year: y, value: v, y: v == null ? null : (v - lo) / span, title: p?.title ?? (v == null ? undefined : `${s.name} ${y} 年：${v}`), href: p?.href });
    }
  }
  const known = rows.filter((r) => r.y != null);
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height: 28 + names.length * panelHeight,
    marginTop: 4,
    marginBottom: 24,
    marginLeft: 24,
    marginRight: 24,
    style: BASE_STYLE,
    axis: null,
    x: { type: "point", domain: years, padding: years.length === 1 ? 1 : 0.3 },
    y: { domain: [0, 1], insetTop: 30, insetBottom: 4 },
    fy: { domain: names, padding: 0.1 },
    marks: [
      Plot.ruleY([0], { stroke: "#cbd5e0" }),
      Plot.line(rows, { x: "year", y: "y", fy: "s", stroke: COLORS.main, strokeWidth: 2 }),
      Plot.dot(known, { x: "year", y: "y", fy: "s", r: 4, fill: COLORS.main, title: "title", ...(known.some((d) => d.href) ? { href: "href" } : {}) }),
      Plot.text(known, { x: "year", y: "y", fy: "s", text: (d: { value: number }) => String(d.value), dy: -11, fontSize: 12, fontWeight: 600 }),
      Plot.text(names, { fy: (d: string) => d, frameAnchor: "top-left", text: (d: string) => d, dx: -16, dy: 2, fontSize: 12.5, fill: "#2d3748", fontWeight: 600 }),
      Plot.text(years, { x: (y: number) => y, fy: () => names[names.length - 1], frameAnchor: "bottom", dy: 18, text: (y: number) => String(y), fill: "#4a5568" }),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
