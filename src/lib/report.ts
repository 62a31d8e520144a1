/**
 * Helpers for showing one report: which cells failing checks point at, the table-3 row set of a
 * form, and per-agency series. Pure functions of a record.
 */
import type { Check, Report, Table3Row } from "../schema";
import { TABLE2_COLUMNS, TABLE3_ROWS, TABLE3_ROWS_BY_TEMPLATE, TABLE2_ITEMS } from "../schema";
import { TABLE2_LAYOUT, type Table2Group } from "./labels";

export interface CellFailure {
  checks: Check[];
  /** set on the cell whose printed value a check compares (the first of `cells`) */
  printed?: number | null;
  computed?: number | null;
}

/** record path → failing checks involving it. */
export function failingCells(report: Report): Map<string, CellFailure> {
  const m = new Map<string, CellFailure>();
  for (const c of report.checks) {
    if (c.status !== "fail" || !c.cells) continue;
    c.cells.forEach((path, i) => {
      const e = m.get(path) ?? { checks: [] };
      e.checks.push(c);
      if (i === 0 && c.computed !== undefined && e.computed === undefined) {
        e.printed = c.printed;
        e.computed = c.computed;
      }
      m.set(path, e);
    });
  }
  return m;
}

/** Rows of table 3 to lay out for this report, in form order. */
export function table3Rows(report: Report): Table3Row[] {
  if (report.template !== "unknown") return [...TABLE3_ROWS_BY_TEMPLATE[report.template]];
  const present = new Set(Object.keys(report.table3));
  const form = [...present].some((r) => r.startsWith("other.")) ? "2021" : "2019";
  const rows: Table3Row[] = [...TABLE3_ROWS_BY_TEMPLATE[form]];
  for (const r of TABLE3_ROWS) if (present.has(r) && !rows.includes(r)) rows.push(r);
  return rows;
}

/** Table 2 groups to lay out (form layout; for an unknown form, whatever items are present). */
export function table2Layout(report: Report): { template: "2019" | "2021"; groups: Table2Group[] } {
  if (report.template !== "unknown") return { template: report.template, groups: TABLE2_LAYOUT[report.template] };
  const cols = new Set(Object.values(report.table2).flatMap((r) => Object.keys(r ?? {})));
  const template = cols.has("issued") || cols.has("inForce") ? "2021" : "2019";
  const groups = TABLE2_LAYOUT[template].map((g) => ({ ...g, items: g.items.filter((i) => report.table2[i]) }));
  const extra = TABLE2_ITEMS.filter((i) => report.table2[i] && !groups.some((g) => g.items.includes(i)));
  for (const item of extra)
    groups.push({ clause: "", columns: Object.keys(report.table2[item]!), items: [item] });
  void TABLE2_COLUMNS;
  return { template, groups: groups.filter((g) => g.items.length) };
}

export const failCount = (r: Report) => r.checks.filter((c) => c.status === "fail").length;

/** Sum of the table-3 total column over a set of outcome rows (null if all blank). */
export function rowsTotal(report: Report, rows: readonly Table3Row[]): number | null {
  let s = 0,
    any = false;
  for (const row of rows) {
    const v = report.table3[row]?.total;
    if (v != null) {
      s += v;
      any = true;
    }
  }
  return any ? s : null;
}
