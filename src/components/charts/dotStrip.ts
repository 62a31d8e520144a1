/**
 * One dot per report, by year (e.g. proactively disclosed items: every agency a dot), with the
 * median of each year marked by a tick. Pure: (data, options) → SVG string.
 */
import * as Plot from "@observablehq/plot";
import { BASE_STYLE, COLORS, plotDocument, serialize } from "./render";

export interface StripPoint {
  year: number;
  value: number;
  /** tooltip text (native <title>) */
  title: string;
  /** optional link of the dot (a report page line) */
  href?: string;
  /** stable key for the deterministic horizontal jitter */
  key: string;
}

export interface StripOptions {
  width?: number;
  height?: number;
  yLabel?: string;
  /** links are dropped above this many points to keep the page light */
  maxLinks?: number;
}

function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

export function medianByYear(points: StripPoint[]): { year: number; median: number; n: number }[] {
  const m = new Map<number, number[]>();
  for (const p of points) (m.get(p.year) ?? m.set(p.year, []).get(p.year)!).push(p.value);
  return [...m.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, vs]) => {
      const s = vs.sort((a, b) => a - b);
      const k = s.length >> 1;
      return { year, median: s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2, n: s.length };
    });
}

/** 0, 1, 10, 100 … up to max (symlog ticks that do not crowd). */
function logTicks(max: number): number[] {
  const t = [0];
  for (let v = 1; v <= max * 1.01; v *= 10) t.push(v);
  return t;
}

export function dotStrip(points: StripPoint[], options: StripOptions = {}): string | null {
  if (!points.length) return null;
  const { width = 640, height = 300, yLabel = "", maxLinks = 2000 } = options;
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const meds = medianByYear(points);
  const max = Math.max(...points.map((p) => p.value));
  const positive = points.filter((p) => p.value > 0).map((p) => p.value);
  const minPos = positive.length ? Math.min(...positive) : 1;
  const useLog = max / Math.max(minPos, 1) > 100;
  // years present only, evenly spaced (a gap of several years does not stretch the axis)
  const pos = new Map(years.map((y, i) => [y, i]));
  const data = points.map((p) => ({ ...p, xi: pos.get(p.year)! + (hash01(p.key) - 0.5) * 0.6 }));
  const r = points.length > 3000 ? 1.5 : points.length > 500 ? 2.2 : 3.5;
  const links = points.length <= maxLinks && points.some((p) => p.href);
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 48,
    marginBottom: 32,
    style: BASE_STYLE,
    x: {
      domain: [-0.5, years.length - 0.5],
      ticks: years.map((_, i) => i),
      tickFormat: (i: number) => `${years[i]}`,
      label: null,
    },
    y: {
      type: useLog ? "symlog" : "linear",
      label: yLabel + (useLog ? "（对数刻度）" : ""),
      grid: true,
      nice: true,
      domain: useLog ? [0, max] : [0, Math.max(max, 1)],
      ...(useLog ? { ticks: logTicks(max), tickFormat: (d: number) => d.toLocaleString("zh-CN") } : {}),
    },
    marks: [
      Plot.ruleY([0], { stroke: "#718096" }),
      Plot.dot(data, {
        x: "xi",
        y: "value",
        r,
        fill: COLORS.main,
        fillOpacity: 0.55,
        stroke: null,
        title: "title",
        ...(links ? { href: "href" } : {}),
      }),
      Plot.ruleY(meds, {
        x1: (d: { year: number }) => pos.get(d.year)! - 0.38,
        x2: (d: { year: number }) => pos.get(d.year)! + 0.38,
        y: "median",
        stroke: COLORS.accent,
        strokeWidth: 3,
        title: (d: { year: number; median: number; n: number }) => `${d.year} 年中位数 ${d.median}（${d.n} 份报告）`,
      }),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
