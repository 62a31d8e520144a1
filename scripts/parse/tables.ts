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
import { TABLE2_ITEM_LABELS, TABLE3_CONTEXT_LABELS, isGroupLabel, type LabelFacts } from "./labels.ts";
import { allEmpty, resolveValues, rowTotalConstraint, table4Constraint, type Resolved } from "./resolve-values.ts";
import { TABLE2_PATHS, TABLE3_PATHS, TABLE4_PATHS } from "./paths.ts";

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
    warnings: [],
    found: { table2: false, table3: false, table4: false },
  };
  if (template === "unknown" && (regions.table2.length || regions.table3.length))
    out.warnings.push({ code: "template-unknown", message: "表格样式无法识别（2019 或 2021 版），按 2019 版列读取" });
  // each table adds its rows' cell lines here as it is read
  const lines = new CellLinesBuilder();
  readTable2(regions.table2, template, out, lines);
  readTable3(regions.table3, template, out, lines);
  readTable4(regions.table4, out, lines);
  out.cellLines = lines.build();
  return out;
}

/* ------------------------------------------------------------------ form */

export function detectTemplate(...regions: Cell[][]): Template {
  let score2019 = 0;
  let score2021 = 0;
  for (const cells of regions)
    for (let i = 0; i < cells.length; i++) {
      const label = cells[i].label; // (null for non-text cells)
      if (label === null) continue;
      const markers = label.markers;
      if (markers & 1) score2019++;
      if (markers & 2) score2021++;
    }
  if (score2019 === 0 && score2021 === 0) return "unknown";
  return score2021 > score2019 ? "2021" : "2019";
}

/* ------------------------------------------------------------------ rows */

interface OpenRow<K> {
  key: K;
  label: Cell;
  /** its values: the number and empty cells after the label, cells[from, to) of the region */
  from: number;
  to: number;
}

/**
 * Walk a region's cells: `match` names the row a row label opens ("group" = a heading row with
 * no numbers of its own, null = text that closes the current row); other text closes the current
 * row too. Calls `close` for each row; the row it is given is reused for the next one, so `close`
 * must not keep it.
 */
function walkRows<K>(
  cells: Cell[],
  match: (label: LabelFacts) => K | "group" | null,
  close: (row: OpenRow<K>) => void,
): void {
  // one row object serves every row of the walk; a row's values run up to the next text cell
  let row: OpenRow<K> | null = null;
  let open = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind !== "text") continue;
    const label = cell.label;
    const matched = label !== null && label.rowLabel ? match(label) : null;
    if (open) {
      row!.to = i;
      close(row!);
    }
    open = matched !== null && matched !== "group";
    if (!open) continue;
    if (row === null) row = { key: matched as K, label: cell, from: i + 1, to: i + 1 };
    else {
      row.key = matched as K;
      row.label = cell;
      row.from = i + 1;
    }
  }
  if (open) {
    row!.to = cells.length;
    close(row!);
  }
}

function misfitWarning(label: { text: string; line: number }, r: Resolved): Warning | null {
  if (!r.misfit) return null;
  const { found, expected, ambiguous } = r.misfit;
  const kept = ambiguous === 0 ? "各种读法结果一致，保留数值" : `${ambiguous} 个单元格读法不一致，记为空`;
  return {
    code: found > expected ? "extra-cells" : "missing-cells",
    message: `“${label.text}”一行有 ${found} 个单元格，表格应为 ${expected} 个；${kept}`,
    line: label.line,
  };
}

/* ------------------------------------------------------------------ object literals */

/**
 * Objects with many keys (tables 2 and 3, cellLines) made as object literals, one function
 * compiled per order of keys. Why not assign the keys one by one: an object that grows by keyed
 * stores drops into V8's dictionary mode (a hash table) past a dozen keys, which is slow to fill
 * and then to list, validate and serialize; a literal with the same keys is a fast-mode object
 * (and objects of one order share one shape).
 *
 * Keys come in groups (a row's paths, a row name); a handful of group orders occur (reports print
 * the form's rows in the form's order), found through a trie keyed by the groups themselves (the
 * constants of paths.ts or row names, so lookups are cheap). The object is the same as the
 * assignments would make: a literal with a repeated key keeps its first position and its last
 * value, as assignment does.
 */
class LiteralShapes<G> {
  private readonly root: ShapeNode<G> = newShapeNode();
  private nodes = 0;

  /** `keys(group)`: a group's keys; `maxNodes` bounds the trie (only memory: see `make`) */
  constructor(
    private readonly keys: (group: G) => readonly string[],
    private readonly maxNodes: number,
  ) {}

  /** The object with the keys of `groups`, in order, and `values` (one per key, in order). */
  make<V>(groups: readonly G[], values: readonly V[]): Record<string, V> {
    const make = this.maker(groups);
    if (make) return make(values) as Record<string, V>;
    // a pathological stream of new orders: no more compiling, assign (same object, slower)
    const keys = groups.flatMap(this.keys);
    const out: Record<string, V> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
    return out;
  }

  /** The compiled literal for `groups` in this order, or null once the trie is full. */
  private maker(groups: readonly G[]): ShapeNode<G>["make"] {
    let node = this.root;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      // reports print one order again and again: the child taken last time usually is the one
      let child = node.lastGroup === group ? node.lastChild : node.next.get(group);
      if (!child) {
        if (this.nodes >= this.maxNodes) return null;
        this.nodes++;
        child = newShapeNode();
        node.next.set(group, child);
      }
      node.lastGroup = group;
      node.lastChild = child;
      node = child;
    }
    node.make ??= new Function(
      "l",
      `return {${groups.flatMap(this.keys).map((k, i) => `${JSON.stringify(k)}: l[${i}]`).join(", ")}};`,
    ) as ShapeNode<G>["make"];
    return node.make;
  }
}

interface ShapeNode<G> {
  next: Map<G, ShapeNode<G>>;
  /** the child of `next` taken last, and its group (a lookup in `next` saved) */
  lastGroup: G | undefined;
  lastChild: ShapeNode<G> | undefined;
  /** the literal for the groups on the way here (compiled when an object ends here) */
  make: ((values: readonly unknown[]) => object) | null;
}

function newShapeNode<G>(): ShapeNode<G> {
  return { next: new Map(), lastGroup: undefined, lastChild: undefined, make: null };
}

/** An object with `keys` (in order) and `values`, made as a literal (see LiteralShapes). */
function makeObject<K extends string, V>(keys: readonly K[], values: readonly V[]): Record<K, V> {
  return OBJECT_SHAPES.make(keys, values) as Record<K, V>;
}
/** row names, table-2 items and columns: a few dozen orders (the bound only caps memory) */
const OBJECT_SHAPES = new LiteralShapes<string>((key) => [key], 2000);

/* ------------------------------------------------------------------ table 2 */

/** Each form's table-2 items and their columns, in the form's order (listed once, not per report) */
const TABLE2_FORM_ITEMS = {
  "2019": Object.entries(TABLE2_COLUMNS["2019"]) as [Table2Item, readonly string[]][],
  "2021": Object.entries(TABLE2_COLUMNS["2021"]) as [Table2Item, readonly string[]][],
};

function readTable2(cells: Cell[], template: Template, out: RecognizedTables, cellLines: CellLinesBuilder): void {
  const formName = template === "2021" ? "2021" : "2019";
  const form = TABLE2_COLUMNS[formName] as Record<string, readonly string[]>;
  const paths = TABLE2_PATHS[formName];
  // the items, in order, and their cells: out.table2 is made from them at the end (as table 3 is)
  const items: Table2Item[] = [];
  const itemCells: Record<string, Count>[] = [];
  walkRows<Table2Item>(
    cells,
    (label) => {
      const item = label.table2Item;
      return item && form[item] ? item : null;
    },
    (row) => {
      if (items.includes(row.key)) {
        out.warnings.push({ code: "duplicate-row", message: `表二“${row.label.text}”重复出现，取第一次`, line: row.label.line });
        return;
      }
      const columns = form[row.key];
      const r = resolveValues(cells, columns.length, undefined, row.from, row.to);
      const warning = misfitWarning(row.label, r);
      if (warning) out.warnings.push(warning);
      cellLines.row(paths[row.key], r.cells, row.label.line);
      items.push(row.key);
      itemCells.push(makeObject(columns, r.values));
    },
  );
  if (items.length === 0) return;
  out.found.table2 = true;
  for (const [item, columns] of TABLE2_FORM_ITEMS[formName]) {
    if (items.includes(item)) continue;
    items.push(item);
    itemCells.push(makeObject(columns, columns.map(() => null)));
    out.warnings.push({ code: "row-missing", message: `表二缺少“${TABLE2_ITEM_LABELS[item][0]}”一行，记为空` });
  }
  out.table2 = makeObject(items, itemCells);
}

/* ------------------------------------------------------------------ table 3 */

/** The row (or group heading) a row label opens in table 3, given the rows `seen` before it. */
export function matchTable3Label(label: LabelFacts, seen: readonly Table3Row[]): Table3Row | "group" | null {
  const word = label.table3;
  if (word !== "context") return word;
  // a context label is its row only after one of `after`; otherwise it is a group word or nothing
  const key = label.key;
  for (const ctx of TABLE3_CONTEXT_LABELS)
    if (key === ctx.key && ctx.after.some((r) => seen.includes(r))) return ctx.row;
  return isGroupLabel(key) ? "group" : null;
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

function readTable3(cells: Cell[], template: Template, out: RecognizedTables, cellLines: CellLinesBuilder): void {
  const seen: Table3Row[] = []; // (a list of the few dozen rows: a Set cost more to fill)
  // the rows, in order, and their cells: out.table3 is made from them in one go at the end
  // (see makeObject), so `rows.includes` stands for "out.table3 has this row" (twenty rows at most)
  const rows: Table3Row[] = [];
  const rowCells: Table3Cells[] = [];
  walkRows<Table3Row>(
    cells,
    (label) => {
      const m = matchTable3Label(label, seen);
      if (m && m !== "group" && !seen.includes(m)) seen.push(m);
      return m;
    },
    (row) => {
      // （六）其他处理 heads three rows in the 2021 form (no numbers of its own); with numbers it is
      // the 2019 form's single row, which some 2021 reports still print
      if (row.key === "other" && allEmpty(cells, row.from, row.to) && template !== "2019") return;
      if (rows.includes(row.key)) {
        out.warnings.push({ code: "duplicate-row", message: `表三“${row.label.text}”重复出现，取第一次`, line: row.label.line });
        return;
      }
      const r = resolveValues(cells, TABLE3_COLUMNS.length, rowTotalConstraint, row.from, row.to);
      const warning = misfitWarning(row.label, r);
      if (warning) out.warnings.push(warning);
      cellLines.row(TABLE3_PATHS[row.key], r.cells, row.label.line);
      rows.push(row.key);
      rowCells.push(table3Cells(r.values));
    },
  );
  if (rows.length === 0) return;
  out.found.table3 = true;
  const read = rows.length;
  // a 2021 report printing the 2019 single 其他处理 row is read with the 2019 rows for part 三
  const rows2019 = template !== "2021" || (rows.includes("other") && !rows.includes("other.other"));
  const formName = rows2019 ? "2019" : "2021";
  const formRows: readonly Table3Row[] = TABLE3_ROWS_BY_TEMPLATE[formName];
  for (const row of formRows) {
    if (rows.includes(row)) continue;
    rows.push(row);
    rowCells.push(table3Cells(NO_VALUES));
    out.warnings.push({ code: "row-missing", message: `表三缺少“${row}”一行，记为空` });
  }
  out.table3 = makeObject(rows, rowCells);
  // rows of the other form that turned up (e.g. "其他处理" in a file we read as 2021) stay, with a note
  // (the rows added as missing above are the form's own)
  const formRowSet = FORM_ROW_SETS[formName];
  for (let i = 0; i < read; i++)
    if (!formRowSet.has(rows[i]))
      out.warnings.push({ code: "row-not-in-form", message: `表三“${rows[i]}”不属于 ${template} 版表格` });
  if (template === "2021" && rows2019)
    out.warnings.push({ code: "mixed-form", message: "表二为 2021 版，表三却用 2019 版的单行“（六）其他处理”" });
}

/* ------------------------------------------------------------------ table 4 */

/**
 * Table 4 from its 15 values (TABLE4_GROUPS × OUTCOME_KEYS, in order), written as a literal so
 * every table has one shape; the check below keeps it in step with the schema's lists.
 */
function table4Of(v: readonly Count[]): Table4 {
  return {
    review: { upheld: v[0], corrected: v[1], other: v[2], pending: v[3], total: v[4] },
    litigationDirect: { upheld: v[5], corrected: v[6], other: v[7], pending: v[8], total: v[9] },
    litigationAfterReview: { upheld: v[10], corrected: v[11], other: v[12], pending: v[13], total: v[14] },
  };
}
const TABLE4_ORDER = Object.fromEntries(
  TABLE4_GROUPS.map((g, gi) => [g, Object.fromEntries(OUTCOME_KEYS.map((k, ki) => [k, gi * 5 + ki]))]),
);
if (JSON.stringify(table4Of(Array.from({ length: 15 }, (_, i) => i))) !== JSON.stringify(TABLE4_ORDER))
  throw new Error("table4Of ≠ TABLE4_GROUPS × OUTCOME_KEYS");

const NO_TABLE4_VALUES: readonly Count[] = new Array(15).fill(null);
function emptyTable4(): Table4 {
  return table4Of(NO_TABLE4_VALUES);
}

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
    if (isTable4Header(cells[i])) headerCols.add(cells[i].col);
  if (headerCols.size !== 15) return run;
  const under = row.filter((c) => headerCols.has(c.col));
  return under.length === 15 ? under : run;
}

function isTable4Header(cell: Cell): boolean {
  return cell.label !== null && cell.label.table4Header;
}

function readTable4(cells: Cell[], out: RecognizedTables, cellLines: CellLinesBuilder): void {
  // the numbers follow the last header cell; narrative text after them ends the table
  let start = 0;
  for (let i = 0; i < cells.length; i++) if (isTable4Header(cells[i])) start = i + 1;
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
  const warning = r.misfit ? misfitWarning({ text: "行政复议、行政诉讼", line: first.line }, r) : null;
  if (warning) out.warnings.push(warning);
  out.table4 = table4Of(r.values);
  for (let g = 0; g < TABLE4_GROUPS.length; g++) cellLines.row(TABLE4_PATHS[TABLE4_GROUPS[g]], r.cells, first.line, g * OUTCOME_KEYS.length);
  out.found.table4 = true;
}

/* ------------------------------------------------------------------ cell lines */

/**
 * cellLines, collected row by row (each row's paths and the line of each) and made into the
 * record's object in one go at the end, as a literal (see LiteralShapes: ~200 keys set one by one
 * would make a dictionary-mode object).
 */
export class CellLinesBuilder {
  private readonly rows: (readonly string[])[] = [];
  private readonly lines: number[] = [];
  private paths = 0;

  /**
   * A row: paths[i] comes from cells[offset + i], or, where that cell is null (no value was read),
   * from `fallbackLine` (the row's label).
   */
  row(paths: readonly string[], cells: readonly (Cell | null)[], fallbackLine: number, offset = 0): void {
    this.rows.push(paths);
    this.paths += paths.length;
    for (let i = 0; i < paths.length; i++) {
      const cell = cells[offset + i];
      this.lines.push(cell ? cell.line : fallbackLine);
    }
  }

  build(): Record<string, number> {
    if (this.paths !== this.lines.length) throw new Error(`cellLines: ${this.paths} paths but ${this.lines.length} lines`);
    return CELL_LINE_SHAPES.make(this.rows, this.lines);
  }
}

/** 10,050 records of the regression set show 9 orders (under 100 nodes); the bound only caps memory */
const CELL_LINE_SHAPES = new LiteralShapes<readonly string[]>((paths) => paths, 2000);
