/**
 * Stage 3 — cells: text lines → a stream of table cells, whatever the layout.
 *
 * Reports reach us as one cell per line with blank lines between (seed 000), cells ending in " |"
 * (001), Word tab-indented cells with blank cells (002), tab-separated rows (003) or "|"-separated
 * rows (004). Each line is classified on its own, so mixed files work too; the dominant class of a
 * table region names the file's layout. A blank cell is kept as a cell (it becomes `null`), except
 * in layouts where blank lines are mere spacing.
 */
import { EMPTY_CELL_VALUES, labelFacts, labelKey, type LabelFacts } from "./labels.ts";
import { isDigitCode, isSpaceCode } from "./chars.ts";

/** What a cell's text says: one object for all the cells of a text (see Cell). */
export interface CellForm {
  readonly text: string;
  readonly kind: "number" | "empty" | "text";
  /** the number, when kind === "number" */
  readonly value: number | null;
  /** what the label key of a short text cell says (null otherwise): worked out once per key */
  readonly label: LabelFacts | null;
}

/**
 * A cell: where it stands, and the form of its text. Cells of one text ("0", "规章", "—") share
 * the form, so a cell is three fields instead of six: a report has hundreds of cells, and their
 * allocation was a good part of this stage.
 */
export class Cell {
  /** 1-based source line */
  declare readonly line: number;
  /** position of the cell within its line (0 for one-cell lines) */
  declare readonly col: number;
  declare readonly form: CellForm;

  constructor(line: number, col: number, form: CellForm) {
    this.line = line;
    this.col = col;
    this.form = form;
  }

  get text(): string {
    return this.form.text;
  }
  get kind(): CellForm["kind"] {
    return this.form.kind;
  }
  get value(): number | null {
    return this.form.value;
  }
  get label(): LabelFacts | null {
    return this.form.label;
  }
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
  return new Cell(line, col, formOf(raw.trim()));
}

/** the longest EMPTY_CELL_VALUES entry: longer text skips the set lookup (and hashing the text) */
const EMPTY_MAX_LENGTH = Math.max(...[...EMPTY_CELL_VALUES].map((v) => v.length));

/** The form of an already trimmed text. */
function formOf(text: string): CellForm {
  // plain digits ("0", "12") are most cells: read them here, without the set, Number() or the regex
  const digits = plainDigits(text);
  if (digits !== -1) return { text, kind: "number", value: digits, label: null };
  // blank cells ("" is in EMPTY_CELL_VALUES, checked below) are common: no set lookup for them
  if (text.length <= EMPTY_MAX_LENGTH && (text.length === 0 || EMPTY_CELL_VALUES.has(text))) return { text, kind: "empty", value: null, label: null };
  const value = parseNumber(text);
  if (value !== null) return { text, kind: "number", value, label: null };
  // long text is narrative, never a label: skip the key work (the key is copied: the facts are kept)
  return { text, kind: "text", value: null, label: text.length <= LABEL_MAX_LENGTH ? labelFacts(ownCopy(labelKey(text))) : null };
}

/** Longer cell texts are narrative, never row labels (they get no label key). */
const LABEL_MAX_LENGTH = 80;

/** Numbers of more digits are not read as plain digits (Number() is exact below 2^53) */
const MAX_PLAIN_DIGITS = 15;

/**
 * The value of s[from, to) when it is 1–15 ASCII digits (Number(text), exact: below 2^53), else -1.
 * No EMPTY_CELL_VALUES entry is made of digits, so these texts skip that lookup safely.
 */
function plainDigits(s: string, from = 0, to = s.length): number {
  const n = to - from;
  if (n === 0 || n > MAX_PLAIN_DIGITS) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// formOf reads plain digits before looking at EMPTY_CELL_VALUES: that order must not matter
if ([...EMPTY_CELL_VALUES].some((v) => plainDigits(v) !== -1)) throw new Error("EMPTY_CELL_VALUES: an entry is a number");
if (!EMPTY_CELL_VALUES.has("")) throw new Error("EMPTY_CELL_VALUES: formOf takes \"\" for an empty cell");

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

/**
 * What layoutOf learnt of the line besides its layout, for tokenizeCells to read right after the
 * call: where the first separator ("|" or tab) is, and where the last cell ends (before a trailing
 * "|", else at the line's end). Unset for one-cell lines without separators.
 */
const scanned = { firstSeparator: -1, cellsEnd: 0 };

/** The layout class of a line (see classifyLine); null for a spacing line. Sets `scanned`. */
function layoutOf(line: string): LineLayout | null {
  const n = line.length;
  // a charCodeAt loop up to the first "|" or tab: table lines are short or reach one early, where
  // this costs less than calls of the native indexOf
  let i = 0;
  let c = 0;
  let blank = true;
  for (; i < n; i++) {
    c = line.charCodeAt(i);
    if (c === 0x7c || c === 0x09) break;
    if (blank && !isSpaceCode(c)) blank = false;
  }
  if (i === n) return blank ? null : "cell-per-line";
  let pipe = i;
  if (c === 0x09) {
    // a "|" anywhere makes it a pipe line: tabs are then only space in its cells
    let tabs = 1;
    if (n - i > SHORT_REST) pipe = line.indexOf("|", i + 1);
    else {
      // (a Word cell "\t 0": the loop is cheaper than two calls of indexOf)
      for (pipe = i + 1; pipe < n && (c = line.charCodeAt(pipe)) !== 0x7c; pipe++) if (c === 0x09) tabs++;
      if (pipe === n) pipe = -1;
    }
    if (pipe === -1) {
      scanned.firstSeparator = i;
      scanned.cellsEnd = n;
      // "\t0" is one Word cell; "a\tb", "\t\tb" or "a\t" are rows of cells
      return i === 0 && (n - i > SHORT_REST ? line.indexOf("\t", 1) === -1 : tabs === 1) ? "tab-cells" : "tab-rows";
    }
  }
  // (text before the first "|" rules out a line of pipes only)
  if (blank && onlyPipes(line)) return null; // merged-cell artefacts: "|||"
  const trailing = trailingPipe(line);
  scanned.firstSeparator = pipe;
  scanned.cellsEnd = trailing === -1 ? n : trailing; // no cell after a last "|"
  // one piece once a trailing "|" is dropped: the first "|" is that trailing one
  return trailing === pipe ? "pipe-cells" : "pipe-rows";
}

/** After a first tab, a rest of the line this short is read by a loop, not by indexOf */
const SHORT_REST = 16;

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
  // sized for a cell per line (the common layouts; row layouts grow it) and cut to size at the
  // end: growing an array from empty push by push made a few times its size in garbage
  const cells: Cell[] = new Array(Math.min(to - from, MAX_PRESIZE));
  let n = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const layout = layoutOf(line);
    if (!layout) continue;
    lineLayouts[i] = layout;
    switch (layout) {
      case "cell-per-line":
        cells[n++] = trimmedCell(line, 0, line.length, i + 1, 0);
        continue;
      case "tab-cells":
        cells[n++] = trimmedCell(line, 1, line.length, i + 1, 0);
        continue;
      case "pipe-cells":
        // the line's only "|" is the trailing one: one cell, before it
        cells[n++] = trimmedCell(line, 0, scanned.cellsEnd, i + 1, 0);
        continue;
    }
    // rows: the pieces between separators (what piecesOf gives), trimmed; the first separator is
    // known already
    cells[n++] = trimmedCell(line, 0, scanned.firstSeparator, i + 1, 0);
    n = addRowCells(cells, n, line, layout === "tab-rows" ? 0x09 : 0x7c, i + 1);
  }
  cells.length = n;
  return { cells, lineLayouts };
}

/** (a huge file of few cells is not worth its lines' count of empty slots up front) */
const MAX_PRESIZE = 1 << 14;

/**
 * Stores the cells of a row after its first, from scanned.firstSeparator to scanned.cellsEnd, in
 * cells[n…]; returns the new count. The cells after a row's label are mostly short numbers: one
 * loop finds a cell's separator, trims it and reads its digits (for less than indexOf, trimming
 * and plainDigits one after the other).
 */
function addRowCells(cells: Cell[], n: number, line: string, separator: number, lineNo: number): number {
  const end = scanned.cellsEnd;
  for (let j = scanned.firstSeparator, col = 1; j < end; col++) {
    let first = -1; // the cell's trimmed text is line[first, last)
    let last = -1;
    let digits = true; // line[first, last) is ASCII digits only (and `value` their number)
    let value = 0;
    for (j++; j < end; j++) {
      const c = line.charCodeAt(j);
      if (c === separator) break;
      if (isSpaceCode(c)) continue;
      if (first === -1) first = j;
      else if (last !== j) digits = false; // space inside the text
      last = j + 1;
      const d = c - 0x30;
      if (d >= 0 && d <= 9) value = value * 10 + d;
      else digits = false;
    }
    const form =
      first === -1 ? EMPTY_FORM : digits && last - first <= MAX_PLAIN_DIGITS ? numberForm(line, first, last, value) : trimmedForm(line, first, last);
    cells[n++] = new Cell(lineNo, col, form);
  }
  return n;
}

/** The cell of line[from, to), trimmed: makeCell(line.slice(from, to)), mostly without the slice. */
function trimmedCell(line: string, from: number, to: number, lineNo: number, col: number): Cell {
  while (from < to && isSpaceCode(line.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(line.charCodeAt(to - 1))) to--;
  return new Cell(lineNo, col, trimmedForm(line, from, to));
}

/** The form of line[from, to) (already trimmed): a shared one when the text is common. */
function trimmedForm(line: string, from: number, to: number): CellForm {
  const n = to - from;
  if (n === 0) return EMPTY_FORM;
  // plain digits, read off the line: most cells
  const value = plainDigits(line, from, to);
  if (value !== -1) return numberForm(line, from, to, value);
  if (n > TEMPLATE_MAX_LENGTH) return formOf(line.slice(from, to));
  // short texts repeat from report to report: their forms are remembered by text, found by a hash
  // of the line's characters (the slice is compared natively: cheaper than startsWith or a
  // charCodeAt loop)
  let h = n;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + line.charCodeAt(i)) | 0;
  let slot = h & TEMPLATE_MASK;
  for (let t = templates[slot]; t !== undefined; t = templates[slot]) {
    if (t.text.length === n && line.slice(from, to) === t.text) return t;
    slot = (slot + 1) & TEMPLATE_MASK;
  }
  const form = formOf(ownCopy(line.slice(from, to)));
  if (templateCount >= TEMPLATE_LIMIT) {
    templates.fill(undefined);
    templateCount = 0;
    slot = h & TEMPLATE_MASK;
    // (the table is empty now: the first slot is free)
  }
  templates[slot] = form;
  templateCount++;
  return form;
}

/** The form of line[from, to), plain digits reading `value`: a shared one for small numbers. */
function numberForm(line: string, from: number, to: number, value: number): CellForm {
  if (value < NUMBER_FORMS_SIZE && (to - from === 1 || line.charCodeAt(from) !== 0x30)) // no leading zero: the text is String(value)
    return (NUMBER_FORMS[value] ??= { text: String(value), kind: "number", value, label: null });
  return { text: line.slice(from, to), kind: "number", value, label: null };
}

/**
 * s with characters of its own: a slice of a line may keep the whole report text alive, and the
 * table outlives the report. (Slicing a concatenation makes V8 copy it into a new string first.)
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** the form of "" */
const EMPTY_FORM: CellForm = { text: "", kind: "empty", value: null, label: null };

/** forms of small numbers written String(value), made once each */
const NUMBER_FORMS_SIZE = 10_000;
const NUMBER_FORMS: (CellForm | undefined)[] = new Array(NUMBER_FORMS_SIZE).fill(undefined);

/** forms of short texts by text (open addressing, cleared when a quarter full) */
const TEMPLATE_MAX_LENGTH = LABEL_MAX_LENGTH; // (longer texts have no label to remember)
const TEMPLATE_MASK = (1 << 14) - 1;
const TEMPLATE_LIMIT = 1 << 12;
const templates: (CellForm | undefined)[] = new Array(TEMPLATE_MASK + 1).fill(undefined);
let templateCount = 0;

/** The layout most table lines in [from, to) follow, for `source.layout`. */
export function dominantLayout(lineLayouts: (LineLayout | null)[], ranges: [number, number][]): LineLayout | "none" {
  // counts in order of first appearance (a tie goes to the layout seen first)
  const layouts: LineLayout[] = [];
  const counts: number[] = [];
  let last: LineLayout | null = null; // most lines follow the layout of the line before: no search
  let lastIndex = -1;
  for (const [from, to] of ranges)
    for (let i = from; i < to; i++) {
      const layout = lineLayouts[i];
      if (!layout) continue;
      if (layout !== last) {
        last = layout;
        lastIndex = layouts.indexOf(layout);
        if (lastIndex === -1) {
          lastIndex = layouts.length;
          layouts.push(layout);
          counts.push(0);
        }
      }
      counts[lastIndex]++;
    }
  let best: LineLayout | "none" = "none";
  let bestCount = 0;
  for (let k = 0; k < layouts.length; k++) if (counts[k] > bestCount) [best, bestCount] = [layouts[k], counts[k]];
  return best;
}
