/**
 * PDF reader: text with positions (unpdf's bundled pdf.js, no worker, no network) → SourceText.
 *
 * 1. Per page, the text items with their boxes, and the ruling lines of the page's drawing
 *    (operator list: stroked segments and thin filled rectangles, through the CTM).
 * 2. Ruling lines that touch each other form a table; their x and y positions make a grid, and a
 *    grid boundary that no line covers joins two grid cells into one (merged cell → rowspan /
 *    colspan). Each text item goes to the cell under its centre (items across a column line are cut
 *    at it), and a cell's text lines are joined top to bottom with nothing between them — a label
 *    that wraps ("（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形）") is one label again, and
 *    header words that a text dump scrambles ("其他" over "结果") read in order. Each grid row is one
 *    tab-separated line (table-grid.ts), so the 15 review/litigation numbers stay under their
 *    columns by position.
 * 3. Text outside tables is grouped into visual lines, then into paragraphs (a paragraph goes on
 *    while lines start at the left margin and the previous line ran to the right margin, also
 *    across a page break). Page numbers ("- 3 -") are dropped.
 * Tables without rulings: a visual line whose items are set apart by wide gaps is a row, written
 * as tab-separated cells.
 */
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { cleanLine } from "./line-text.ts";
import { UnreadableError, type PageMeta, type SourceText } from "./source.ts";
import { gridToLines } from "./table-grid.ts";

/* pdf.js 6 calls ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21) when it compiles font
 * info; Node 20 lacks it. A spec-conforming copy, installed only when missing. */
if (!("transferToFixedLength" in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
      const n = length ?? this.byteLength;
      const out = new ArrayBuffer(n);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      return out;
    },
  });
}

interface TextBox {
  str: string;
  x0: number;
  x1: number;
  /** top-down coordinates: baseline, box top and bottom */
  base: number;
  top: number;
  bottom: number;
  size: number;
}

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Table {
  top: number;
  bottom: number;
  left: number;
  right: number;
  lines: string[];
}

interface TextLine {
  page: number;
  top: number;
  bottom: number;
  base: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
  /** cells found by wide gaps (1 for ordinary text) */
  cells: number;
}

type Block = { kind: "table"; page: number; top: number; table: Table } | { kind: "text"; page: number; top: number; line: TextLine };

export async function readPdf(bytes: Uint8Array): Promise<SourceText> {
  if (bytes.length < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== "%PDF-")
    throw new UnreadableError("not a PDF file (no %PDF- header)");
  let pdf;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false } as object);
  } catch (e) {
    throw new UnreadableError(`PDF cannot be opened: ${(e as Error).message}`);
  }
  const pdfjs = await getResolvedPDFJS();
  const OPS = (pdfjs as unknown as { OPS: Record<string, number> }).OPS;

  const blocks: Block[] = [];
  const pageHeights: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const [vx0, vy0, vx1, vy1] = page.view;
    const height = vy1 - vy0;
    pageHeights.push(height);
    const toTop = (y: number) => vy1 - y;
    const content = await page.getTextContent();
    const boxes: TextBox[] = [];
    for (const item of content.items as { str?: string; transform?: number[]; width?: number }[]) {
      if (!item.str || !item.transform || !item.str.trim()) continue;
      const [a, b, c, d, e, f] = item.transform;
      const size = Math.hypot(c, d) || Math.hypot(a, b) || 10;
      const base = toTop(f);
      boxes.push({ str: item.str, x0: e - vx0, x1: e - vx0 + (item.width ?? 0), base, top: base - size * 0.85, bottom: base + size * 0.15, size });
    }
    const ops = await page.getOperatorList();
    const segments = rulings(ops.fnArray, ops.argsArray, OPS).map((s) => ({
      x0: Math.min(s.x0, s.x1) - vx0,
      x1: Math.max(s.x0, s.x1) - vx0,
      y0: Math.min(toTop(s.y0), toTop(s.y1)),
      y1: Math.max(toTop(s.y0), toTop(s.y1)),
    }));
    const tables = findTables(segments).map((grid) => fillTable(grid, boxes));
    const inTable = (b: TextBox) => {
      const cx = (b.x0 + b.x1) / 2;
      const cy = (b.top + b.bottom) / 2;
      return tables.some((t) => cx >= t.left && cx <= t.right && cy >= t.top && cy <= t.bottom);
    };
    for (const t of tables) if (t.lines.length) blocks.push({ kind: "table", page: p, top: t.top, table: t });
    for (const line of textLines(boxes.filter((b) => !inTable(b)), p)) {
      if (isPageNumber(line, height)) continue;
      blocks.push({ kind: "text", page: p, top: line.top, line });
    }
    page.cleanup();
  }
  blocks.sort((a, b) => a.page - b.page || a.top - b.top);
  const lines = assemble(blocks);
  const meta = await pdfMeta(pdf);
  await (pdf as unknown as { loadingTask?: { destroy(): Promise<void> } }).loadingTask?.destroy();
  if (lines.length === 0) throw new UnreadableError("PDF has no text layer (scanned images?)");
  return { lines, format: "pdf", meta };
}

/* ------------------------------------------------------------------ rulings */

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF: n × m)
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Axis-parallel segments drawn on the page (user space, y up). */
function rulings(fnArray: number[], argsArray: unknown[][], OPS: Record<string, number>): Segment[] {
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const isStroke = strokes.has(paint);
      if (!isStroke && !fills.has(paint)) continue; // clipping paths, endPath
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof data.length !== "number") continue;
      for (const sub of subpaths(data, ctm)) {
        if (isStroke) {
          for (let k = 1; k < sub.length; k++) pushAxis(out, sub[k - 1], sub[k]);
        } else {
          const xs = sub.map((p) => p[0]);
          const ys = sub.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (sub.length < 4 || sub.length > 6) continue;
          if (y1 - y0 <= 2.5 && x1 - x0 > 3) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
          else if (x1 - x0 <= 2.5 && y1 - y0 > 3) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
        }
      }
    }
  }
  return out;
}

/** pdf.js 6 path data: [op, coords…]*, op 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): [number, number][][] {
  const paths: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === 0) {
      if (cur.length) paths.push(cur);
      cur = [apply(ctm, data[i + 1], data[i + 2])];
      i += 3;
    } else if (op === 1) {
      cur.push(apply(ctm, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === 2) {
      cur.push(apply(ctm, data[i + 5], data[i + 6]));
      i += 7;
    } else if (op === 3) {
      cur.push(apply(ctm, data[i + 3], data[i + 4]));
      i += 5;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
      i += 1;
    } else break; // unknown encoding: stop rather than misread
  }
  if (cur.length) paths.push(cur);
  return paths;
}

function pushAxis(out: Segment[], [ax, ay]: [number, number], [bx, by]: [number, number]): void {
  if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) > 3) out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
  else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) > 3) out.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
}

/* ------------------------------------------------------------------ tables */

interface Grid {
  xs: number[];
  ys: number[];
  h: Segment[];
  v: Segment[];
}

const TOL = 2;

/** Groups of touching rulings with at least two lines each way: tables (top-down coordinates). */
function findTables(segments: Segment[]): Grid[] {
  const n = segments.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = segments[i];
      const b = segments[j];
      if (a.x0 - TOL <= b.x1 && b.x0 - TOL <= a.x1 && a.y0 - TOL <= b.y1 && b.y0 - TOL <= a.y1) parent[find(i)] = find(j);
    }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(s);
  });
  const grids: Grid[] = [];
  for (const segs of groups.values()) {
    const h = segs.filter((s) => s.y1 - s.y0 < 1);
    const v = segs.filter((s) => s.x1 - s.x0 < 1);
    const xs = cluster(v.map((s) => s.x0));
    const ys = cluster(h.map((s) => s.y0));
    // a table that runs on to the next page has no closing rule: its verticals still end there
    extendEdges(ys, v.map((s) => s.y0), v.map((s) => s.y1));
    extendEdges(xs, h.map((s) => s.x0), h.map((s) => s.x1));
    if (xs.length >= 2 && ys.length >= 2) grids.push({ xs, ys, h, v });
  }
  return grids;
}

/** Add an outer edge where at least two crossing rulings end beyond the last ruling of `edges`. */
function extendEdges(edges: number[], starts: number[], ends: number[]): void {
  if (edges.length === 0) return;
  const lo = Math.min(...starts);
  const hi = Math.max(...ends);
  if (edges[0] - lo > 5 && starts.filter((s) => Math.abs(s - lo) <= TOL).length >= 2) edges.unshift(lo);
  if (hi - edges[edges.length - 1] > 5 && ends.filter((e) => Math.abs(e - hi) <= TOL).length >= 2) edges.push(hi);
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** How much of [from, to] the segments at `pos` (± TOL) cover, 0…1. */
function coverage(segs: Segment[], axis: "h" | "v", pos: number, from: number, to: number): number {
  const spans: [number, number][] = [];
  for (const s of segs) {
    const at = axis === "h" ? s.y0 : s.x0;
    if (Math.abs(at - pos) > TOL) continue;
    const [a, b] = axis === "h" ? [s.x0, s.x1] : [s.y0, s.y1];
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) spans.push([lo, hi]);
  }
  spans.sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = from;
  for (const [lo, hi] of spans) {
    if (hi <= end) continue;
    covered += hi - Math.max(lo, end);
    end = hi;
  }
  return to > from ? covered / (to - from) : 1;
}

function fillTable(grid: Grid, boxes: TextBox[]): Table {
  const { xs, ys, h, v } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  // merge grid cells that no ruling separates
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && coverage(v, "v", xs[c + 1], ys[r], ys[r + 1]) < 0.5) union(r * C + c, r * C + c + 1);
      if (r + 1 < R && coverage(h, "h", ys[r + 1], xs[c], xs[c + 1]) < 0.5) union(r * C + c, (r + 1) * C + c);
    }
  // the anchor (top-left grid cell) of each merged cell is the component's smallest index
  const texts = new Map<number, TextBox[]>();
  const left = xs[0];
  const right = xs[C];
  const top = ys[0];
  const bottom = ys[R];
  for (const box of boxes) {
    const cy = (box.top + box.bottom) / 2;
    if (cy < top || cy > bottom || box.x1 < left || box.x0 > right) continue;
    const r = locate(ys, cy);
    if (r < 0) continue;
    for (const part of cutAtColumns(box, xs)) {
      const c = locate(xs, (part.x0 + part.x1) / 2);
      if (c < 0) continue;
      const anchor = find(r * C + c);
      if (!texts.has(anchor)) texts.set(anchor, []);
      texts.get(anchor)!.push(part);
    }
  }
  const rows: string[][] = [];
  for (let r = 0; r < R; r++) {
    const row: string[] = [];
    for (let c = 0; c < C; c++) {
      const idx = r * C + c;
      row.push(find(idx) === idx ? cellText(texts.get(idx) ?? []) : "");
    }
    rows.push(row);
  }
  return { top, bottom, left, right, lines: gridToLines(rows) };
}

function locate(edges: number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i] && v < edges[i + 1]) return i;
  return -1;
}

/** A text item that runs across column lines is cut there, at proportional character positions. */
function cutAtColumns(box: TextBox, xs: number[]): TextBox[] {
  const inner = xs.filter((x) => x > box.x0 + 1 && x < box.x1 - 1);
  const chars = [...box.str];
  if (inner.length === 0 || chars.length < 2) return [box];
  const per = (box.x1 - box.x0) / chars.length;
  const parts: TextBox[] = [];
  let start = 0;
  for (const x of [...inner, Infinity]) {
    const end = x === Infinity ? chars.length : Math.round((x - box.x0) / per);
    if (end > start) {
      parts.push({ ...box, str: chars.slice(start, end).join(""), x0: box.x0 + start * per, x1: box.x0 + end * per });
      start = end;
    }
  }
  return parts;
}

/** A cell's items: visual lines top to bottom, each left to right; lines joined with nothing. */
function cellText(items: TextBox[]): string {
  if (items.length === 0) return "";
  return cleanLine(groupLines(items).map(joinLine).join(""));
}

function groupLines(items: TextBox[]): TextBox[][] {
  const sorted = [...items].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: TextBox[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.base - line[0].base) <= Math.max(2, 0.45 * Math.min(it.size, line[0].size))) line.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => l.sort((a, b) => a.x0 - b.x0));
}

function joinLine(items: TextBox[]): string {
  let out = "";
  let prev: TextBox | null = null;
  for (const it of items) {
    if (prev && it.x0 - prev.x1 > 0.3 * Math.min(it.size, prev.size) && !out.endsWith(" ")) out += " ";
    out += it.str;
    prev = it;
  }
  return out;
}

/* ------------------------------------------------------------------ text */

function textLines(boxes: TextBox[], page: number): TextLine[] {
  return groupLines(boxes).map((items) => {
    const cells = splitAtGaps(items);
    return {
      page,
      top: Math.min(...items.map((i) => i.top)),
      bottom: Math.max(...items.map((i) => i.bottom)),
      base: items[0].base,
      x0: items[0].x0,
      x1: Math.max(...items.map((i) => i.x1)),
      size: Math.max(...items.map((i) => i.size)),
      text: cells.map((c) => cleanLine(joinLine(c))).join("\t"),
      cells: cells.length,
    };
  });
}

/**
 * A table drawn without rulings still sets its cells apart: a gap wider than two characters
 * within a visual line separates cells (justified prose never leaves one that wide).
 */
function splitAtGaps(items: TextBox[]): TextBox[][] {
  const cells: TextBox[][] = [[items[0]]];
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1];
    const it = items[i];
    if (it.x0 - prev.x1 > 2 * Math.min(it.size, prev.size)) cells.push([it]);
    else cells[cells.length - 1].push(it);
  }
  return cells;
}

const PAGE_NUMBER_RE = /^[-－—–\s]*(第\s*)?\d{1,3}(\s*页)?[-－—–\s]*$|^\d{1,3}\s*\/\s*\d{1,3}$/;

function isPageNumber(line: TextLine, height: number): boolean {
  const edge = line.top > height * 0.88 || line.bottom < height * 0.1;
  return edge && PAGE_NUMBER_RE.test(line.text.trim());
}

/** Blocks in reading order → lines: paragraphs re-joined, tables as their tab rows. */
function assemble(blocks: Block[]): string[] {
  const textBlocks = blocks.filter((b): b is Extract<Block, { kind: "text" }> => b.kind === "text");
  const left = mode(textBlocks.map((b) => Math.round(b.line.x0)));
  const right = percentile(textBlocks.map((b) => b.line.x1), 0.9);
  const lines: string[] = [];
  let para = "";
  let last: TextLine | null = null;
  const flush = () => {
    const t = cleanLine(para);
    if (t) lines.push(t);
    para = "";
    last = null;
  };
  for (const block of blocks) {
    if (block.kind === "table") {
      flush();
      lines.push(...block.table.lines);
      continue;
    }
    const line = block.line;
    if (line.cells > 1) {
      // a row of a table without rulings: a line of its own, cells tab-separated
      flush();
      lines.push(line.text);
      continue;
    }
    if (last && continues(last, line, left, right)) para = joinWrapped(para, line.text);
    else {
      flush();
      para = line.text;
    }
    last = line;
  }
  flush();
  return lines;
}

function continues(prev: TextLine, line: TextLine, left: number, right: number): boolean {
  const size = Math.min(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > 1.5) return false; // a heading and its text
  if (Math.abs(line.x0 - left) > 0.8 * size) return false; // indented or centred: a new paragraph
  if (prev.x1 < right - 1.5 * size) return false; // the previous line stopped short
  if (prev.page === line.page) {
    const gap = line.base - prev.base;
    if (gap <= 0 || gap > 2.6 * size) return false;
  }
  return true;
}

function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/* ------------------------------------------------------------------ metadata */

async function pdfMeta(pdf: { getMetadata(): Promise<{ info: unknown }> }): Promise<PageMeta> {
  const meta: PageMeta = {};
  try {
    const { info } = await pdf.getMetadata();
    const title = cleanLine(String((info as Record<string, unknown>)?.Title ?? ""));
    // only a title that names the report (generic "政府信息公开工作年度报告" says nothing)
    if (/\d{4}/.test(title) && /报告/.test(title)) meta.title = title;
  } catch {
    /* no info dictionary */
  }
  return meta;
}
