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
import { isDigitCode, isSpaceCode } from "./chars.ts";

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
  // most cells are plain digits or text: decide those without the regex
  const c0 = text.charCodeAt(0);
  if (isDigitCode(c0)) {
    let i = 1;
    while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
    if (i === text.length) {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
  } else if (c0 !== 0x2b && c0 !== 0x2d) return null; // not 0-9 + -
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const n = Number(m[1] + m[2].replace(/,/g, "") + (m[3] ?? ""));
  return Number.isFinite(n) ? n : null;
}

export function makeCell(raw: string, line: number, col = 0): Cell {
  return cellOf(raw.trim(), line, col);
}

/** the longest EMPTY_CELL_VALUES entry: longer text skips the set lookup (and hashing the text) */
const EMPTY_MAX_LENGTH = Math.max(...[...EMPTY_CELL_VALUES].map((v) => v.length));

/** The cell of an already trimmed text. */
function cellOf(text: string, line: number, col: number): Cell {
  // plain digits ("0", "12") are most cells: read them here, without the set, Number() or the regex
  const digits = plainDigits(text);
  if (digits !== -1) return { text, line, col, kind: "number", value: digits, key: "" };
  // blank cells ("" is in EMPTY_CELL_VALUES, checked below) are common: no set lookup for them
  if (text.length <= EMPTY_MAX_LENGTH && (text.length === 0 || EMPTY_CELL_VALUES.has(text))) return { text, line, col, kind: "empty", value: null, key: "" };
  const value = parseNumber(text);
  if (value !== null) return { text, line, col, kind: "number", value, key: "" };
  // long text is narrative, never a label: skip the key work
  return { text, line, col, kind: "text", value: null, key: text.length <= LABEL_MAX_LENGTH ? labelKey(text) : "" };
}

/** Longer cell texts are narrative, never row labels (they get no label key). */
const LABEL_MAX_LENGTH = 80;

/**
 * The value of s[from, to) when it is 1–15 ASCII digits (Number(text), exact: below 2^53), else -1.
 * No EMPTY_CELL_VALUES entry is made of digits, so these texts skip that lookup safely.
 */
function plainDigits(s: string, from = 0, to = s.length): number {
  const n = to - from;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// cellOf reads plain digits before looking at EMPTY_CELL_VALUES: that order must not matter
if ([...EMPTY_CELL_VALUES].some((v) => plainDigits(v) !== -1)) throw new Error("EMPTY_CELL_VALUES: an entry is a number");
if (!EMPTY_CELL_VALUES.has("")) throw new Error("EMPTY_CELL_VALUES: cellOf takes \"\" for an empty cell");

/** /^[\s|]*$/.test(line), without the regex: usually the first character settles it. */
function onlyPipes(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x7c && !isSpaceCode(c)) return false;
  }
  return true;
}

/** Split one line into cells and say which layout it follows; `null` = a spacing line (no cell). */
export function classifyLine(line: string): { layout: LineLayout; pieces: string[] } | null {
  const layout = layoutOf(line);
  return layout ? { layout, pieces: piecesOf(line, layout) } : null;
}

/** The layout class of a line (see classifyLine); null for a spacing line. */
function layoutOf(line: string): LineLayout | null {
  // one pass: the first "|", else the tabs and whether anything but space is there
  let pipe = -1;
  let tabs = 0;
  let firstTab = -1;
  let blank = true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x7c) {
      pipe = i;
      break;
    }
    if (c === 0x09) {
      if (tabs++ === 0) firstTab = i;
    } else if (blank && !isSpaceCode(c)) blank = false;
  }
  if (pipe === -1) {
    if (tabs === 0) return blank ? null : "cell-per-line";
    // "\t0" is one Word cell; "a\tb", "\t\tb" or "a\t" are rows of cells
    return firstTab === 0 && tabs === 1 ? "tab-cells" : "tab-rows";
  }
  if (onlyPipes(line)) return null; // merged-cell artefacts: "|||"
  // more than one piece once a trailing "|" is dropped
  const trailing = trailingPipe(line) !== -1;
  return !trailing || line.indexOf("|", pipe + 1) !== -1 ? "pipe-rows" : "pipe-cells";
}

/** Index of the "|" that ends the line (only spaces after it), or -1: line.trimEnd().endsWith("|"). */
function trailingPipe(line: string): number {
  let i = line.length - 1;
  while (i >= 0 && isSpaceCode(line.charCodeAt(i))) i--;
  return i >= 0 && line.charCodeAt(i) === 0x7c ? i : -1;
}

function piecesOf(line: string, layout: LineLayout): string[] {
  switch (layout) {
    case "cell-per-line":
      return [line];
    case "tab-cells":
      return [line.slice(1)];
    case "tab-rows":
      return line.split("\t");
    default: {
      const pieces = line.split("|");
      if (trailingPipe(line) !== -1) pieces.pop();
      return pieces;
    }
  }
}

/**
 * Tokenize lines [from, to) (0-based indices into `lines`). Each line is tokenized on its own, so
 * tokenizing parts of a file gives the cells a whole-file run has there. `lineLayouts` may be
 * passed in to collect several ranges' layouts.
 */
export function tokenizeCells(
  lines: string[],
  from = 0,
  to = lines.length,
  lineLayouts: (LineLayout | null)[] = new Array(lines.length).fill(null),
): TokenizedLines {
  const cells: Cell[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const layout = layoutOf(line);
    if (!layout) continue;
    lineLayouts[i] = layout;
    if (layout === "cell-per-line" || layout === "tab-cells") {
      cells.push(trimmedCell(line, layout === "tab-cells" ? 1 : 0, line.length, i + 1, 0));
      continue;
    }
    if (layout === "pipe-cells") {
      // the line's only "|" is the trailing one: one cell, before it
      cells.push(trimmedCell(line, 0, trailingPipe(line), i + 1, 0));
      continue;
    }
    // rows: the pieces between separators (what piecesOf gives), each cut out once, trimmed
    const sep = layout === "tab-rows" ? "\t" : "|";
    let end = line.length;
    if (layout !== "tab-rows") {
      const trailing = trailingPipe(line); // no cell after a last "|"
      if (trailing !== -1) end = trailing;
    }
    let col = 0;
    for (let start = 0; ; ) {
      let j = line.indexOf(sep, start);
      if (j === -1 || j > end) j = end;
      cells.push(trimmedCell(line, start, j, i + 1, col++));
      if (j === end) break;
      start = j + 1;
    }
  }
  return { cells, lineLayouts };
}

/** The cell of line[from, to), trimmed: makeCell(line.slice(from, to)), mostly without the slice. */
function trimmedCell(line: string, from: number, to: number, lineNo: number, col: number): Cell {
  while (from < to && isSpaceCode(line.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(line.charCodeAt(to - 1))) to--;
  const n = to - from;
  if (n === 0) return { text: "", line: lineNo, col, kind: "empty", value: null, key: "" };
  // plain digits, read off the line: most cells; small ones reuse one text string
  const value = plainDigits(line, from, to);
  if (value !== -1) {
    const text =
      value < NUMBER_TEXTS_SIZE && (n === 1 || line.charCodeAt(from) !== 0x30) // no leading zero: the text is String(value)
        ? (NUMBER_TEXTS[value] ??= String(value))
        : line.slice(from, to);
    return { text, line: lineNo, col, kind: "number", value, key: "" };
  }
  if (n > TEMPLATE_MAX_LENGTH) return cellOf(line.slice(from, to), lineNo, col);
  // short texts repeat from report to report: their kind, value and key are remembered by text,
  // found by a hash of the line's characters (no slice, no string hashing of a fresh string)
  let h = n;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + line.charCodeAt(i)) | 0;
  let slot = h & TEMPLATE_MASK;
  for (let t = templates[slot]; t !== undefined; t = templates[slot]) {
    if (t.text.length === n && line.startsWith(t.text, from))
      return { text: t.text, line: lineNo, col, kind: t.kind, value: t.value, key: t.key };
    slot = (slot + 1) & TEMPLATE_MASK;
  }
  const cell = cellOf(line.slice(from, to), lineNo, col);
  if (templateCount >= TEMPLATE_LIMIT) {
    templates.fill(undefined);
    templateCount = 0;
    slot = h & TEMPLATE_MASK;
    // (the table is empty now: the first slot is free)
  }
  templates[slot] = { text: ownCopy(cell.text), line: 0, col: 0, kind: cell.kind, value: cell.value, key: ownCopy(cell.key) };
  templateCount++;
  return cell;
}

/**
 * s with characters of its own: a slice of a line may keep the whole report text alive, and the
 * table outlives the report. (Slicing a concatenation makes V8 copy it into a new string first.)
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** String(value) of small numbers, made once each */
const NUMBER_TEXTS_SIZE = 10_000;
const NUMBER_TEXTS: (string | undefined)[] = new Array(NUMBER_TEXTS_SIZE).fill(undefined);

/** cells of short texts by text (open addressing, cleared when a quarter full); line/col unused */
const TEMPLATE_MAX_LENGTH = LABEL_MAX_LENGTH; // (longer texts have no key to remember)
const TEMPLATE_MASK = (1 << 14) - 1;
const TEMPLATE_LIMIT = 1 << 12;
const templates: (Cell | undefined)[] = new Array(TEMPLATE_MASK + 1).fill(undefined);
let templateCount = 0;

/** The layout most table lines in [from, to) follow, for `source.layout`. */
export function dominantLayout(lineLayouts: (LineLayout | null)[], ranges: [number, number][]): LineLayout | "none" {
  // counts in order of first appearance (a tie goes to the layout seen first)
  const layouts: LineLayout[] = [];
  const counts: number[] = [];
  for (const [from, to] of ranges)
    for (let i = from; i < to; i++) {
      const layout = lineLayouts[i];
      if (!layout) continue;
      const k = layouts.indexOf(layout);
      if (k === -1) {
        layouts.push(layout);
        counts.push(1);
      } else counts[k]++;
    }
  let best: LineLayout | "none" = "none";
  let bestCount = 0;
  for (let k = 0; k < layouts.length; k++) if (counts[k] > bestCount) [best, bestCount] = [layouts[k], counts[k]];
  return best;
}
