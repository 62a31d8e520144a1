/**
 * Horizontal bars with the value printed at the end of each bar. Used for shares (zero-application
 * share by year / level) and sums (applicant types, outcomes, themes). Pure: (data, options) → SVG.
 */
import * as Plot from "@observablehq/plot";
import { BASE_STYLE, COLORS, plotDocument, serialize } from "./render";

export interface Bar {
  label: string;
  value: number;
  /** tooltip (native <title>); defaults to "label: value" */
  title?: string;
  /** text printed after the bar; defaults to the formatted value */
  text?: string;
  highlight?: boolean;
}

export interface BarOptions {
  width?: number;
  /** x domain max; 1 for shares */
  max?: number;
  percent?: boolean;
  xLabel?: string;
  marginLeft?: number;
}

const fmtValue = (v: number, percent?: boolean) =>
  percent ? `${Math.round(v * 100)}%` : Number.isInteger(v) ? v.toLocaleString("zh-CN") : v.toFixed(2);

export function bars(data: Bar[], options: BarOptions = {}): string | null {
  if (!data.length) return null;
  const { width = 480, percent = false, xLabel = "" } = options;
  const longest = Math.max(...data.map((d) => [...d.label].length));
  const marginLeft = options.marginLeft ?? Math.min(200, 14 + longest * 12.5);
  const max = options.max ?? Math.max(1, ...data.map((d) => d.value));
  const rows = data.map((d) => ({
    ...d,
    title: d.title ?? `${d.label}：${fmtValue(d.value, percent)}`,
    text: d.text ?? fmtValue(d.value, percent),
  }));
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height: 30 + data.length * 28,
    marginLeft,
    marginRight: 64,
    marginTop: 20,
    style: BASE_STYLE,
    x: {
      domain: [0, max],
      label: xLabel || null,
      ticks: 4,
      tickFormat: percent ? (d: number) => `${Math.round(d * 100)}%` : (d: number) => (Number.isInteger(d) ? `${d}` : ""),
      grid: true,
      axis: "top",
    },
    y: { domain: rows.map((d) => d.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, {
        x: "value",
        y: "label",
        fill: (d: Bar) => (d.highlight ? COLORS.accent : COLORS.main),
        title: "title",
      }),
      Plot.text(rows, { x: "value", y: "label", text: "text", textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.ruleX([0]),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
