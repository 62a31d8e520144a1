/**
 * Vertical bars in side-by-side panels (e.g. review / litigation: one panel per procedure, one bar
 * per outcome). Pure: (data, options) → SVG string.
 */
import * as Plot from "@observablehq/plot";
import { BASE_STYLE, COLORS, plotDocument, serialize } from "./render";

export interface GroupedBar {
  group: string;
  label: string;
  value: number;
  title?: string;
}
export interface GroupedOptions {
  width?: number;
  height?: number;
  groups?: string[];
  labels?: string[];
}

export function groupedBars(data: GroupedBar[], options: GroupedOptions = {}): string | null {
  if (!data.length) return null;
  const { width = 480, height = 230 } = options;
  const groups = options.groups ?? [...new Set(data.map((d) => d.group))];
  const labels = options.labels ?? [...new Set(data.map((d) => d.label))];
  const max = Math.max(1, ...data.map((d) => d.value));
  const rows = data.map((d) => ({ ...d, title: d.title ?? `${d.group} · ${d.label}：${d.value}` }));
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 36,
    marginTop: 34,
    marginBottom: 40,
    style: BASE_STYLE,
    fx: { domain: groups, label: null, axis: "top", padding: 0.12 },
    x: { domain: labels, label: null, tickSize: 0, padding: 0.15, tickRotate: 0 },
    y: { domain: [0, max], nice: true, grid: true, ticks: 4, tickFormat: (d: number) => (Number.isInteger(d) ? `${d}` : ""), label: null },
    marks: [
      Plot.frame({ stroke: "#e2e8f0" }),
      Plot.barY(rows, { x: "label", y: "value", fx: "group", fill: COLORS.main, title: "title" }),
      Plot.text(rows, { x: "label", y: "value", fx: "group", text: (d: GroupedBar) => String(d.value), dy: -7 }),
      Plot.ruleY([0]),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
