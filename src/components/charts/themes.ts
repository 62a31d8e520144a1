/**
 * 问题 theme charts. Pure: (data, options) → SVG string (or null when there is nothing to draw, so
 * the page says so instead of showing empty axes). Tooltips are native <title>s; links are <a href>.
 *
 *  - themeHeatmap: themes × years, shade = share of that year's reports naming the theme, number = reports
 *  - themeTrend:   one theme, share of reports by year, "k/n" printed on each column
 *  - themeShareBars: horizontal bars of shares, "xx%（k/n）" printed after each bar
 */
import * as Plot from "@observablehq/plot";
import { BASE_STYLE, COLORS, plotDocument, serialize } from "./render";

const pctText = (k: number, n: number) => (n ? `${Math.round((k / n) * 100)}%` : "—");
/** display width of a label in px at 12px (CJK ≈ 1 em, ASCII ≈ 0.6 em) */
const labelWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12.5 : 7), 0);

/* ---------------------------------------------------------------- heatmap */

export interface HeatCell {
  /** row label (short theme name) */
  row: string;
  year: number;
  /** reports naming the theme that year */
  count: number;
  /** reports of that year (denominator) */
  n: number;
  title?: string;
  href?: string;
}

export interface HeatmapOptions {
  /** row order (defaults to first appearance) */
  rows?: string[];
  width?: number;
  cellWidth?: number;
  cellHeight?: number;
}

export function themeHeatmap(cells: HeatCell[], options: HeatmapOptions = {}): string | null {
  const usable = cells.filter((c) => c.n > 0);
  if (!usable.length) return null;
  const rows = options.rows ?? [...new Set(usable.map((c) => c.row))];
  const years = [...new Set(usable.map((c) => c.year))].sort((a, b) => a - b);
  const { cellWidth = 52, cellHeight = 26 } = options;
  const marginLeft = Math.min(190, 12 + Math.max(...rows.map(labelWidth)));
  const width = options.width ?? Math.min(640, marginLeft + 16 + years.length * cellWidth);
  const data = usable.map((c) => ({
    ...c,
    yearLabel: String(c.year),
    share: c.count / c.n,
    label: c.count ? String(c.count) : "",
    title: c.title ?? `${c.row} · ${c.year} 年：${c.n} 份报告中 ${c.count} 份提到（${pctText(c.count, c.n)}）`,
  }));
  const links = data.some((d) => d.href);
  // shade relative to the largest share, so that differences show when every share is small
  const top = Math.max(0.05, ...data.map((d) => d.share));
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height: 34 + rows.length * cellHeight,
    marginLeft,
    marginRight: 8,
    marginTop: 28,
    marginBottom: 6,
    style: BASE_STYLE,
    x: { domain: years.map(String), axis: "top", label: null, tickSize: 0, padding: 0.06 },
    y: { domain: rows, label: null, tickSize: 0, padding: 0.08 },
    color: { type: "linear", domain: [0, top], range: ["#eef2f7", COLORS.main], clamp: true },
    marks: [
      Plot.cell(data, {
        x: "yearLabel",
        y: "row",
        fill: "share",
        title: "title",
        ...(links ? { href: "href" } : {}),
      }),
      Plot.text(data, {
        x: "yearLabel",
        y: "row",
        text: "label",
        fill: (d: { share: number }) => (d.share / top > 0.55 ? "white" : "#1a202c"),
        pointerEvents: "none",
      }),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}

/* ---------------------------------------------------------------- one theme by year */

export interface TrendPoint {
  year: number;
  count: number;
  n: number;
  title?: string;
  href?: string;
}

export interface TrendOptions {
  width?: number;
  height?: number;
}

export function themeTrend(points: TrendPoint[], options: TrendOptions = {}): string | null {
  const usable = points.filter((p) => p.n > 0).sort((a, b) => a.year - b.year);
  if (!usable.length) return null;
  const { height = 200 } = options;
  const width = options.width ?? Math.min(520, 80 + usable.length * 64);
  const data = usable.map((p) => ({
    ...p,
    yearLabel: String(p.year),
    share: p.count / p.n,
    text: `${p.count}/${p.n}`,
    title: p.title ?? `${p.year} 年：${p.n} 份报告中 ${p.count} 份提到（${pctText(p.count, p.n)}）`,
  }));
  const links = data.some((d) => d.href);
  // 0 … a round share above the largest (room for the labels); 100% when shares are large
  const top = Math.min(1, Math.ceil((Math.max(...data.map((d) => d.share)) * 1.2) / 0.1) * 0.1) || 0.1;
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 22,
    marginBottom: 28,
    style: BASE_STYLE,
    x: { domain: data.map((d) => d.yearLabel), label: null, tickSize: 0, padding: 0.3 },
    y: { domain: [0, top], label: null, ticks: 4, tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
    marks: [
      Plot.barY(data, {
        x: "yearLabel",
        y: "share",
        fill: COLORS.main,
        title: "title",
        ...(links ? { href: "href" } : {}),
      }),
      Plot.text(data, { x: "yearLabel", y: "share", text: "text", dy: -8, fill: "currentColor", pointerEvents: "none" }),
      Plot.ruleY([0]),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}

/* ---------------------------------------------------------------- shares as bars */

export interface ShareBar {
  label: string;
  count: number;
  n: number;
  title?: string;
  href?: string;
}

export interface ShareBarOptions {
  width?: number;
  marginLeft?: number;
}

export function themeShareBars(rows: ShareBar[], options: ShareBarOptions = {}): string | null {
  const usable = rows.filter((r) => r.n > 0);
  if (!usable.length) return null;
  const { width = 480 } = options;
  const marginLeft = options.marginLeft ?? Math.min(190, 12 + Math.max(...usable.map((r) => labelWidth(r.label))));
  const data = usable.map((r) => ({
    ...r,
    share: r.count / r.n,
    text: `${pctText(r.count, r.n)}（${r.count}/${r.n}）`,
    title: r.title ?? `${r.label}：${r.n} 份中 ${r.count} 份（${pctText(r.count, r.n)}）`,
  }));
  const links = data.some((d) => d.href);
  const svg = Plot.plot({
    document: plotDocument(),
    width,
    height: 30 + data.length * 26,
    marginLeft,
    marginRight: 92,
    marginTop: 22,
    style: BASE_STYLE,
    x: { domain: [0, 1], axis: "top", label: null, ticks: 4, tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
    y: { domain: data.map((d) => d.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(data, { x: "share", y: "label", fill: COLORS.main, title: "title", ...(links ? { href: "href" } : {}) }),
      Plot.text(data, { x: "share", y: "label", text: "text", textAnchor: "start", dx: 4, fill: "currentColor", pointerEvents: "none" }),
      Plot.ruleX([0]),
    ],
  } as Plot.PlotOptions);
  return serialize(svg as unknown as Element);
}
