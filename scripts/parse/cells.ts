/**
 * Stage 3 — cells: text lines → a stream of table cells, whatever the layout.
 *
 * Reports reach us as one cell per line with blank lines between (seed 000), cells ending in " |"
 * (001), Word tab-indented cells with blank cells (002), tab-separated rows (003) or "|"-separated
 * rows (004). Each line is classified on its own, so mixed files work too; the dominant class of a
 * table region names the file's layout. A blank cell is kept as a cell (it becomes `null`), except
 * in layouts where blank lines are mere spacing.
 */
import { EMPTY_CELL_VALUES, labelKey } from "./labels.ts";

export interface Cell {
  text: string;
  /** 1-based source line */
  line: number;
  /** position of the cell within its line (0 for one-cell lines) */
  col: number;
  kind: "number" | "empty" | "text";
  /** the number, when kind === "number" */
  value: number | null;
  /** labelKey(text) for short text cells ("" otherwise): computed once, compared many times */
  key: string;
}

export type LineLayout = "tab-rows" | "tab-cells" | "pipe-rows" | "pipe-cells" | "cell-per-line";

export interface TokenizedLines {
  cells: Cell[];
  /** layout class of each line that produced cells (index = line - 1) */
  lineLayouts: (LineLayout | null)[];
}

// "1,162", "-3", "+2", "0.0000", "12条", "5 件", "3.5万元" (a unit word left in a cell)
const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:条|件|个|项|次|人|宗|万元|元)?$/;

export function parseNumber(text: string): number | null {
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const n = Number(m[1] + m[2].replace(/,/g, "") + (m[3] ?? ""));
  return Number.isFinite(n) ? n : null;
}

export function makeCell(raw: string, line: number, col = 0): Cell {
  const text = raw.trim();
  if (EMPTY_CELL_VALUES.has(text)) return { text, line, col, kind: "empty", value: null, key: "" };
  const value = parseNumber(text);
  if (value !== null) return { text, line, col, kind: "number", value, key: "" };
  // long text is narrative, never a label: skip the key work
  return { text, line, col, kind: "text", value: null, key: text.length <= 80 ? labelKey(text) : "" };
}

const ONLY_PIPES_RE = /^[\s|]*$/;

/** Split one line into cells and say which layout it follows; `null` = a spacing line (no cell). */
export function classifyLine(line: string): { layout: LineLayout; pieces: string[] } | null {
  if (line.trim() === "" && !line.includes("\t")) return null;
  if (line.includes("|")) {
    if (ONLY_PIPES_RE.test(line)) return null; // merged-cell artefacts: "|||"
    const pieces = line.split("|");
    if (line.trimEnd().endsWith("|")) pieces.pop();
    return { layout: pieces.length > 1 ? "pipe-rows" : "pipe-cells", pieces };
  }
  if (line.includes("\t")) {
    // "\t0" is one Word cell; "a\tb", "\t\tb" or "a\t" are rows of cells
    const single = /^\t[^\t]*$/.test(line);
    return single ? { layout: "tab-cells", pieces: [line.slice(1)] } : { layout: "tab-rows", pieces: line.split("\t") };
  }
  return { layout: "cell-per-line", pieces: [line] };
}

/** Tokenize lines [from, to) (0-based indices into `lines`). */
export function tokenizeCells(lines: string[], from = 0, to = lines.length): TokenizedLines {
  const cells: Cell[] = [];
  const lineLayouts: (LineLayout | null)[] = new Array(lines.length).fill(null);
  for (let i = from; i < to; i++) {
    const classified = classifyLine(lines[i]);
    if (!classified) continue;
    lineLayouts[i] = classified.layout;
    classified.pieces.forEach((piece, col) => cells.push(makeCell(piece, i + 1, col)));
  }
  return { cells, lineLayouts };
}

/** The layout most table lines in [from, to) follow, for `source.layout`. */
export function dominantLayout(lineLayouts: (LineLayout | null)[], ranges: [number, number][]): LineLayout | "none" {
  const counts = new Map<LineLayout, number>();
  for (const [from, to] of ranges)
    for (let i = from; i < to; i++) {
      const layout = lineLayouts[i];
      if (layout) counts.set(layout, (counts.get(layout) ?? 0) + 1);
    }
  let best: LineLayout | "none" = "none";
  let bestCount = 0;
  for (const [layout, count] of counts) if (count > bestCount) [best, bestCount] = [layout, count];
  return best;
}
