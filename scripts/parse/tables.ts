/**
 * Stage 4 — tables: recognize tables 二, 三 and 四 in the cell stream by their labels, detect the
 * form (2019 / 2021) and normalize values into the record's shape.
 *
 * Recognition is label-driven: a label cell (looked up in labels.ts) opens a row, the number and
 * empty cells after it are its values, and any other text closes it. This reads every layout the
 * cells stage produces the same way.
 */
import {
  OUTCOME_KEYS,
  TABLE2_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_ROWS_BY_TEMPLATE,
  TABLE4_GROUPS,
  type Count,
  type Table2,
  type Table2Item,
  type Table3,
  type Table3Cells,
  type Table3Row,
  type Table4,
  type Template,
  type Warning,
} from "../../src/schema.ts";
import type { Cell } from "./cells.ts";
import {
  TABLE2_ITEM_LABELS,
  TABLE3_CONTEXT_LABELS,
  TABLE3_GROUP_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_HEADER_WORDS,
  TEMPLATE_MARKERS,
  isLabelLike,
  memoize,
} from "./labels.ts";
import { resolveValues, rowTotalConstraint, table4Constraint, type Resolved } from "./resolve-values.ts";
import { TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from "./paths.ts";
import { WordIndex } from "./word-index.ts";

export interface TableRegions {
  table2: Cell[];
  table3: Cell[];
  table4: Cell[];
}

export interface RecognizedTables {
  template: Template;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  /** record path → 1-based source line */
  cellLines: Record<string, number>;
  /** collects cellLines while the tables are read (see CellLinesBuilder) */
  lines: CellLinesBuilder;
  warnings: Warning[];
  found: { table2: boolean; table3: boolean; table4: boolean };
}

export function recognizeTables(regions: TableRegions): RecognizedTables {
  const template = detectTemplate(regions.table2, regions.table3);
  const out: RecognizedTables = {
    template,
    table2: {},
    table3: {},
    table4: emptyTable4(),
    cellLines: {},
    lines: new CellLinesBuilder(),
    warnings: [],
    found: { table2: false, table3: false, table4: false },
  };
  if (template === "unknown" && (regions.table2.length || regions.table3.length))
    out.warnings.push({ code: "template-unknown", message: "表格样式无法识别（2019 或 2021 版），按 2019 版列读取" });
  readTable2(regions.table2, template, out);
  readTable3(regions.table3, template, out);
  readTable4(regions.table4, out);
  out.cellLines = out.lines.build();
  return out;
}

/* ------------------------------------------------------------------ form */

export function detectTemplate(...regions: Cell[][]): Template {
  let score2019 = 0;
  let score2021 = 0;
  for (const cells of regions)
    for (const cell of cells) {
      const key = cell.key;
      // most keys ("总计", "规章") are shorter than any marker ("" for non-text cells)
      if (key.length < MIN_MARKER_LENGTH || cell.kind !== "text") continue;
      const markers = markersIn(key);
      if (markers & 1) score2019++;
      if (markers & 2) score2021++;
    }
  if (score2019 === 0 && score2021 === 0) return "unknown";
  return score2021 > score2019 ? "2021" : "2019";
}

const MARKERS_2019 = new WordIndex(TEMPLATE_MARKERS["2019"].map((m) => [m, true] as const));
const MARKERS_2021 = new WordIndex(TEMPLATE_MARKERS["2021"].map((m) => [m, true] as const));
/** which forms' markers a key holds: 1 = 2019, 2 = 2021 (both = 3) */
const markersIn = memoize((key: string): number => (MARKERS_2019.any(key) ? 1 : 0) | (MARKERS_2021.any(key) ? 2 : 0));
const MIN_MARKER_LENGTH = Math.min(...[...TEMPLATE_MARKERS["2019"], ...TEMPLATE_MARKERS["2021"]].map((m) => m.length));

/* ------------------------------------------------------------------ rows */

interface OpenRow<K> {
  key: K;
  label: Cell;
  values: Cell[];
}

/**
 * Walk a region's cells: `match` names the row a text cell opens ("group" = a heading row with
 * no numbers of its own, null = text that closes the current row). Calls `close` for each row;
 * the row it is given is reused for the next one, so `close` must not keep it or its values.
 */
function walkRows<K>(
  cells: Cell[],
  match: (key: string, cell: Cell) => K | "group" | null,
  close: (row: OpenRow<K>) => void,
): void {
  // one row object serves every row of the walk: `close` keeps neither it nor its values
  let row: OpenRow<K> | null = null;
  let open = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind !== "text") {
      if (open) row!.values.push(cell);
      continue;
    }
    const matched = isLabelLike(cell.key) ? match(cell.key, cell) : null;
    if (open) close(row!);
    open = matched !== null && matched !== "group";
    if (!open) continue;
    if (row === null) row = { key: matched as K, label: cell, values: [] };
    else {
      row.key = matched as K;
      row.label = cell;
      row.values = []; // (cheaper than emptying the old one: setting length calls the runtime)
    }
  }
  if (open) close(row!);
}

function misfitWarning(label: Cell, r: Resolved): Warning | null {
  if (!r.misfit) return null;
  const { found, expected, ambiguous } = r.misfit;
  const kept = ambiguous === 0 ? "各种读法结果一致，保留数值" : `${ambiguous} 个单元格读法不一致，记为空`;
  return {
    code: found > expected ? "extra-cells" : "missing-cells",
    message: `“${label.text}”一行有 ${found} 个单元格，表格应为 ${expected} 个；${kept}`,
    line: label.line,
  };
}

/* ------------------------------------------------------------------ table 2 */

const TABLE2_LOOKUP = new Map<string, Table2Item>(
  Object.entries(TABLE2_ITEM_LABELS).flatMap(([item, variants]) => variants.map((v) => [v, item as Table2Item])),
);

function readTable2(cells: Cell[], template: Template, out: RecognizedTables): void {
  const formName = template === "2021" ? "2021" : "2019";
  const form = TABLE2_COLUMNS[formName] as Record<string, readonly string[]>;
  const paths = TABLE2_PATHS[formName];
  walkRows<Table2Item>(
    cells,
    (key) => {
      const item = TABLE2_LOOKUP.get(key);
      return item && form[item] ? item : null;
    },
    (row) => {
      if (out.table2[row.key]) {
        out.warnings.push({ code: "duplicate-row", message: `表二“${row.label.text}”重复出现，取第一次`, line: row.label.line });
        return;
      }
      const columns = form[row.key];
      const r = resolveValues(row.values, columns.length);
      const warning = misfitWarning(row.label, r);
      if (warning) out.warnings.push(warning);
      const item: Record<string, Count> = {};
      const lines = out.lines.row(paths[row.key]);
      for (let i = 0; i < columns.length; i++) {
        item[columns[i]] = r.values[i];
        lines.push(r.cells[i]?.line ?? row.label.line);
      }
      out.table2[row.key] = item;
      out.found.table2 = true;
    },
  );
  if (!out.found.table2) return;
  for (const [item, columns] of Object.entries(form) as [Table2Item, readonly string[]][]) {
    if (out.table2[item]) continue;
    out.table2[item] = Object.fromEntries(columns.map((c) => [c, null]));
    out.warnings.push({ code: "row-missing", message: `表二缺少“${TABLE2_ITEM_LABELS[item][0]}”一行，记为空` });
  }
}

/* ------------------------------------------------------------------ table 3 */

/**
 * TABLE3_ROW_LABELS as a WordIndex, ranked in row order. A variant containing another variant of
 * its row is left out (whatever contains it contains the shorter one too), so the first word found
 * names the same row as trying the rows in order.
 */
const TABLE3_WORDS = new WordIndex<Table3Row>(
  TABLE3_ROW_LABELS.flatMap(([row, variants]) =>
    variants.filter((variant) => !variants.some((v) => v !== variant && variant.includes(v))).map((v) => [v, row] as const),
  ),
);

/** What a key says on its own: the row its words name, "group", "context" (see below) or null. */
const table3Word = memoize((key: string): Table3Row | "group" | "context" | null => {
  const row = TABLE3_WORDS.first(key);
  if (row) return row.value;
  if (TABLE3_CONTEXT_LABELS.some((ctx) => key === ctx.key)) return "context";
  if (TABLE3_GROUP_LABELS.some((g) => key === g || (key.startsWith(g) && key.length <= g.length + 4))) return "group";
  return null;
});

export function matchTable3Label(key: string, seen: Set<Table3Row>, template: Template): Table3Row | "group" | null {
  const word = table3Word(key);
  if (word !== "context") return word;
  // a context label is its row only after one of `after`; otherwise it is a group word or nothing
  for (const ctx of TABLE3_CONTEXT_LABELS)
    if (key === ctx.key && ctx.after.some((r) => seen.has(r))) return ctx.row;
  if (TABLE3_GROUP_LABELS.some((g) => key === g || (key.startsWith(g) && key.length <= g.length + 4))) return "group";
  return null;
}

/**
 * A table-3 row's cells in TABLE3_COLUMNS order. Written as a literal so that every row object has
 * one shape (setting the keys one by one from the list made each row a chain of map transitions);
 * the check below keeps it in step with the schema's list.
 */
function table3Cells(v: readonly Count[]): Table3Cells {
  return { naturalPerson: v[0], commercial: v[1], research: v[2], socialWelfare: v[3], legalService: v[4], otherOrg: v[5], total: v[6] };
}
if (Object.keys(table3Cells([])).join() !== TABLE3_COLUMNS.join()) throw new Error("table3Cells ≠ TABLE3_COLUMNS");

const NO_VALUES: readonly Count[] = TABLE3_COLUMNS.map(() => null);

const FORM_ROW_SETS = {
  "2019": new Set<Table3Row>(TABLE3_ROWS_BY_TEMPLATE["2019"]),
  "2021": new Set<Table3Row>(TABLE3_ROWS_BY_TEMPLATE["2021"]),
};

function readTable3(cells: Cell[], template: Template, out: RecognizedTables): void {
  const seen = new Set<Table3Row>();
  /** the rows read, in order (the keys of out.table3 before the missing rows are added) */
  const read: Table3Row[] = [];
  walkRows<Table3Row>(
    cells,
    (key) => {
      const m = matchTable3Label(key, seen, template);
      if (m && m !== "group") seen.add(m);
      return m;
    },
    (row) => {
      // （六）其他处理 heads three rows in the 2021 form (no numbers of its own); with numbers it is
      // the 2019 form's single row, which some 2021 reports still print
      if (row.key === "other" && row.values.every((c) => c.kind === "empty") && template !== "2019") return;
      if (out.table3[row.key]) {
        out.warnings.push({ code: "duplicate-row", message: `表三“${row.label.text}”重复出现，取第一次`, line: row.label.line });
        return;
      }
      const r = resolveValues(row.values, TABLE3_COLUMNS.length, rowTotalConstraint);
      const warning = misfitWarning(row.label, r);
      if (warning) out.warnings.push(warning);
      const rowPaths = TABLE3_PATHS[row.key];
      const lines = out.lines.row(rowPaths);
      for (let i = 0; i < rowPaths.length; i++) {
        const cell = r.cells[i];
        lines.push(cell ? cell.line : row.label.line);
      }
      out.table3[row.key] = table3Cells(r.values);
      read.push(row.key);
      out.found.table3 = true;
    },
  );
  if (!out.found.table3) return;
  // a 2021 report printing the 2019 single 其他处理 row is read with the 2019 rows for part 三
  const rows2019 = template !== "2021" || (out.table3.other && !out.table3["other.other"]);
  const formName = rows2019 ? "2019" : "2021";
  const formRows: readonly Table3Row[] = TABLE3_ROWS_BY_TEMPLATE[formName];
  for (const row of formRows) {
    if (out.table3[row]) continue;
    out.table3[row] = table3Cells(NO_VALUES);
    out.warnings.push({ code: "row-missing", message: `表三缺少“${row}”一行，记为空` });
  }
  // rows of the other form that turned up (e.g. "其他处理" in a file we read as 2021) stay, with a note
  // (the rows added as missing above are the form's own)
  for (const row of read)
    if (!FORM_ROW_SETS[formName].has(row))
      out.warnings.push({ code: "row-not-in-form", message: `表三“${row}”不属于 ${template} 版表格` });
  if (template === "2021" && rows2019)
    out.warnings.push({ code: "mixed-form", message: "表二为 2021 版，表三却用 2019 版的单行“（六）其他处理”" });
}

/* ------------------------------------------------------------------ table 4 */

function emptyTable4(): Table4 {
  const group = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return { review: group(), litigationDirect: group(), litigationAfterReview: group() };
}

const TABLE4_HEADER_SET = new Set(TABLE4_HEADER_WORDS);

/**
 * A row layout may print more number cells than the 15 the form has (seed 003 prints 25). When the
 * header cells above stand in exactly 15 columns, the numbers under them are the table's.
 */
function alignUnderHeader(run: Cell[], cells: Cell[], headerEnd: number): Cell[] {
  if (run.length <= 15) return run; // the usual case: decided before collecting the lines
  const numberLines = new Set(run.filter((c) => c.kind === "number").map((c) => c.line));
  if (numberLines.size !== 1) return run;
  const row = run.filter((c) => numberLines.has(c.line));
  const headerCols = new Set<number>();
  for (let i = 0; i < headerEnd; i++)
    if (cells[i].kind === "text" && TABLE4_HEADER_SET.has(cells[i].key)) headerCols.add(cells[i].col);
  if (headerCols.size !== 15) return run;
  const under = row.filter((c) => headerCols.has(c.col));
  return under.length === 15 ? under : run;
}

function readTable4(cells: Cell[], out: RecognizedTables): void {
  // the numbers follow the last header cell; narrative text after them ends the table
  let start = 0;
  for (let i = 0; i < cells.length; i++)
    if (cells[i].kind === "text" && TABLE4_HEADER_SET.has(cells[i].key)) start = i + 1;
  let run: Cell[] = [];
  let hasNumber = false; // run.some((c) => c.kind === "number")
  for (let i = start; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind === "text") {
      if (hasNumber) break;
      if (run.length) run = []; // text before any number: still header or narrative
      continue;
    }
    run.push(cell);
    if (cell.kind === "number") hasNumber = true;
  }
  if (!hasNumber) {
    if (cells.length) out.warnings.push({ code: "table-missing", message: "未找到表四（行政复议、行政诉讼）的数字", line: cells[0].line });
    return;
  }
  const aligned = alignUnderHeader(run, cells, start);
  const r = resolveValues(aligned, 15, table4Constraint);
  const first = run.find((c) => c.kind === "number")!;
  if (aligned !== run)
    out.warnings.push({
      code: "extra-cells",
      message: `表四数字行有 ${run.filter((c) => c.line === first.line).length} 个单元格，表格应为 15 个；按表头所在列取 15 个`,
      line: first.line,
    });
  const warning = r.misfit ? misfitWarning({ ...first, text: "行政复议、行政诉讼", key: "" }, r) : null;
  if (warning) out.warnings.push(warning);
  for (let g = 0; g < TABLE4_GROUPS.length; g++) {
    const group = out.table4[TABLE4_GROUPS[g]];
    const lines = out.lines.row(TABLE4_PATHS[TABLE4_GROUPS[g]]);
    for (let k = 0; k < OUTCOME_KEYS.length; k++) {
      const i = g * 5 + k;
      group[OUTCOME_KEYS[k]] = r.values[i];
      const cell = r.cells[i];
      lines.push(cell ? cell.line : first.line);
    }
  }
  out.found.table4 = true;
}

/* ------------------------------------------------------------------ cell lines */

/**
 * cellLines, collected row by row (each row's paths, then one line per path) and made into the
 * record's object in one go at the end.
 *
 * Why not assign the ~200 keys one by one: an object that grows by keyed stores drops into V8's
 * dictionary mode (a hash table), which is slow to fill and then to list, validate and serialize.
 * An object literal with the same keys is a fast-mode object, built as cheaply as a small one. So
 * one literal function is compiled per order of rows (a handful: reports print the form's rows
 * in the form's order), found through a trie keyed by the rows' path arrays (the constants of
 * paths.ts, so lookups by identity). The object is the same as the assignments would make:
 * a literal with a repeated key keeps its first position and its last value, as assignment does.
 */
export class CellLinesBuilder {
  private readonly rows: (readonly string[])[] = [];
  private readonly lines: number[] = [];
  private paths = 0;

  /** Starts a row: push one line per path, in the paths' order, to the array returned. */
  row(paths: readonly string[]): number[] {
    this.rows.push(paths);
    this.paths += paths.length;
    return this.lines;
  }

  build(): Record<string, number> {
    if (this.paths !== this.lines.length) throw new Error(`cellLines: ${this.paths} paths but ${this.lines.length} lines`);
    let node = ORDERS;
    for (const paths of this.rows) {
      let child = node.next.get(paths);
      if (!child) {
        // a pathological stream of new orders: stop compiling, assign (same object, slower)
        if (orderNodes >= MAX_ORDER_NODES) return this.assign();
        orderNodes++;
        child = { next: new Map(), make: null };
        node.next.set(paths, child);
      }
      node = child;
    }
    node.make ??= new Function("l", `return {${this.rows.flat().map((k, i) => `${JSON.stringify(k)}: l[${i}]`).join(", ")}};`) as OrderNode["make"];
    return node.make!(this.lines);
  }

  private assign(): Record<string, number> {
    const keys = this.rows.flat();
    const out: Record<string, number> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = this.lines[i];
    return out;
  }
}

interface OrderNode {
  next: Map<readonly string[], OrderNode>;
  /** the literal for the rows on the way here (compiled when a report ends here) */
  make: ((lines: number[]) => Record<string, number>) | null;
}
const ORDERS: OrderNode = { next: new Map(), make: null };
/** 10,050 records of the regression set show 9 orders (under 100 nodes); this only bounds memory */
const MAX_ORDER_NODES = 2000;
let orderNodes = 0;
