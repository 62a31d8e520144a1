/**
 * CSV exports, written with papaparse:
 *  - wide: one row per report, columns named after record paths ("table3.newReceived.total")
 *  - long: one row per printed cell (report, table, row, column, value, line)
 *  - dictionary: every wide column with its Chinese label
 * Blank cells (null) stay empty, never 0. Files start with a UTF-8 BOM so that spreadsheet programs
 * read the Chinese text correctly; cells that look like formulas are escaped (report text is untrusted).
 */
import Papa from "papaparse";
import type { Report } from "../schema";
import { OUTCOME_KEYS, TABLE2_COLUMNS, TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_GROUPS } from "../schema";
import { FIELD_LABEL, pathLabel, RULE_INFO } from "./labels";

export const BOM = "\uFEFF";
/** Text papaparse writes unchanged: no quote, delimiter, line break, leading space or formula character. */
const PLAIN = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
// papaparse's default formula test (/^[=+\-@\t\r].*$/) misses multi-line cells; match the first character only
const UNPARSE = { escapeFormulae: /^[=+\-@\t\r]/, newline: "\r\n" };

/** Table-2 columns per item, union of both forms, in form order. */
function table2Paths(): string[] {
  const out: string[] = [];
  for (const item of TABLE2_ITEMS) {
    const cols: string[] = [];
    for (const t of ["2019", "2021"] as const) {
      const c = (TABLE2_COLUMNS[t] as Record<string, readonly string[]>)[item];
      if (c) for (const x of c) if (!cols.includes(x)) cols.push(x);
    }
    for (const c of cols) out.push(`table2.${item}.${c}`);
  }
  return out;
}

export const KNOWN_RULES = Object.keys(RULE_INFO);

/** Columns of the wide CSV, in order. */
export function wideColumns(rules: string[] = KNOWN_RULES): string[] {
  return [
    "id",
    "year",
    "template",
    "title",
    "publishedAt",
    "agency.id",
    "agency.name",
    "agency.region",
    "agency.regionCode",
    "agency.level",
    "source.path",
    "source.sha256",
    "conflict.shown",
    "proactive.total",
    ...table2Paths(),
    ...TABLE3_ROWS.flatMap((r) => TABLE3_COLUMNS.map((c) => `table3.${r}.${c}`)),
    ...TABLE4_GROUPS.flatMap((g) => OUTCOME_KEYS.map((k) => `table4.${g}.${k}`)),
    "themes",
    "checks.fail",
    "checks.pass",
    "checks.na",
    "checks.failed",
    ...rules.map((r) => `check.${r}`),
    "warnings.count",
  ];
}

type Cell = string | number | boolean | null;

export function wideRow(r: Report, rules: string[] = KNOWN_RULES): Record<string, Cell> {
  const row: Record<string, Cell> = {
    id: r.id,
    year: r.year,
    template: r.template,
    title: r.title,
    publishedAt: r.publishedAt,
    "agency.id": r.agency.id,
    "agency.name": r.agency.name,
    "agency.region": r.agency.region.join("/"),
    "agency.regionCode": r.agency.regionCode ?? null,
    "agency.level": r.agency.level ?? null,
    "source.path": r.source.path,
    "source.sha256": r.source.sha256,
    "conflict.shown": r.conflict ? r.conflict.shown : true,
    "proactive.total": r.proactive.total,
  };
  for (const [item, cols] of Object.entries(r.table2)) for (const [c, v] of Object.entries(cols ?? {})) row[`table2.${item}.${c}`] = v;
  for (const [rowId, cells] of Object.entries(r.table3))
    for (const c of TABLE3_COLUMNS) row[`table3.${rowId}.${c}`] = cells?.[c] ?? null;
  for (const g of TABLE4_GROUPS) for (const k of OUTCOME_KEYS) row[`table4.${g}.${k}`] = r.table4[g][k];
  row.themes = r.themes.join(";");
  let fail = 0,
    pass = 0,
    na = 0;
  const failed: string[] = [];
  const byRule = new Map<string, string>();
  for (const c of r.checks) {
    if (c.status === "fail") {
      fail++;
      if (!failed.includes(c.rule)) failed.push(c.rule);
    } else if (c.status === "pass") pass++;
    else na++;
    // a rule that fails anywhere (any column, any row) fails for the report
    const prev = byRule.get(c.rule);
    if (!prev || c.status === "fail" || (prev === "na" && c.status === "pass")) byRule.set(c.rule, c.status);
  }
  row["checks.fail"] = fail;
  row["checks.pass"] = pass;
  row["checks.na"] = na;
  row["checks.failed"] = failed.join(";");
  for (const rule of rules) row[`check.${rule}`] = byRule.get(rule) ?? null;
  row["warnings.count"] = r.warnings.length;
  return row;
}

function unparse(fields: string[], data: Cell[][], header: boolean): string {
  return Papa.unparse({ fields, data }, { ...UNPARSE, header });
}

/** Every known rule (stable columns), then any other rule seen in the records. */
export function rulesIn(reports: Report[]): string[] {
  const seen = new Set<string>();
  for (const r of reports) for (const c of r.checks) seen.add(c.rule);
  return [...KNOWN_RULES, ...[...seen].filter((r) => !KNOWN_RULES.includes(r)).sort()];
}

/**
 * One CSV field exactly as papaparse writes it: numbers, null and plain [A-Za-z0-9._-] text
 * directly, anything else (Chinese text, quotes, commas, formula-like text …) through papaparse.
 */
function csvField(v: Cell): string {
  if (v == null) return "";
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && (v === "" || PLAIN.test(v))) return v;
  return Papa.unparse([[v]], { ...UNPARSE, header: false });
}

/** The wide CSV (one row per report). Fields are written as papaparse writes them (see csvField). */
export function toWideCsv(reports: Report[], rules: string[] = rulesIn(reports), fast = true): string {
  const fields = wideColumns(rules);
  const parts: string[] = [BOM + unparse(fields, [], true)];
  for (let i = 0; i < reports.length; i += 1000) {
    const data = reports.slice(i, i + 1000).map((r) => {
      const row = wideRow(r, rules);
      return fields.map((f) => (f in row ? row[f] : null));
    });
    parts.push(fast ? data.map((row) => row.map(csvField).join(",")).join("\r\n") : unparse(fields, data, false));
  }
  return parts.join("\r\n") + "\r\n";
}

export const LONG_FIELDS = ["report", "table", "row", "column", "value", "line"];

/** Long rows of one report: every printed table cell (null → empty value). */
export function longRows(r: Report): Cell[][] {
  const out: Cell[][] = [];
  const line = (p: string) => r.cellLines[p] ?? null;
  if (r.proactive.total != null || r.proactive.evidence)
    out.push([r.id, "proactive", "total", "total", r.proactive.total, r.proactive.line ?? null]);
  for (const item of TABLE2_ITEMS) {
    const cols = r.table2[item];
    if (!cols) continue;
    for (const [c, v] of Object.entries(cols)) out.push([r.id, "table2", item, c, v, line(`table2.${item}.${c}`)]);
  }
  for (const row of TABLE3_ROWS) {
    const cells = r.table3[row];
    if (!cells) continue;
    for (const c of TABLE3_COLUMNS) out.push([r.id, "table3", row, c, cells[c], line(`table3.${row}.${c}`)]);
  }
  for (const g of TABLE4_GROUPS) for (const k of OUTCOME_KEYS) out.push([r.id, "table4", g, k, r.table4[g][k], line(`table4.${g}.${k}`)]);
  return out;
}

/**
 * A row whose every field is a number, null, or plain [A-Za-z0-9._-] text needs no quoting or
 * escaping under papaparse's rules (no quote, delimiter, line break, leading space or formula
 * character), so papaparse would write it as the fields joined by commas. The long CSV has
 * millions of such rows; writing them directly is ~10× faster. Any other row goes through
 * papaparse. (tests/site/csv.test.ts checks the result equals papaparse's output.)
 */
function plainRow(row: Cell[]): string | null {
  let s = "";
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i) s += ",";
    if (v == null) continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return null;
      s += String(v);
    } else if (typeof v === "string" && (v === "" || PLAIN.test(v))) s += v;
    else return null;
  }
  return s;
}

/** The long CSV (report, table, row, column, value, line). */
export function toLongCsv(reports: Report[], fast = true): string {
  const parts: string[] = [BOM + unparse(LONG_FIELDS, [], true)];
  for (const r of reports) {
    const rows = longRows(r);
    if (!rows.length) continue;
    if (!fast) {
      parts.push(unparse(LONG_FIELDS, rows, false));
      continue;
    }
    const out: string[] = [];
    for (const row of rows) out.push(plainRow(row) ?? unparse(LONG_FIELDS, [row], false));
    parts.push(out.join("\r\n"));
  }
  return parts.join("\r\n") + "\r\n";
}

export interface DictEntry {
  column: string;
  label: string;
  type: string;
}

/** The data dictionary of the wide CSV (and of the JSON record paths). */
export function dictionary(rules: string[] = KNOWN_RULES): DictEntry[] {
  return wideColumns(rules).map((column) => {
    let label = pathLabel(column);
    let type = "文本";
    if (column.startsWith("table") || column === "proactive.total") type = "数字（空 = 原文空白）";
    if (column === "year" || column.startsWith("checks.") || column === "warnings.count") type = "整数";
    if (column === "conflict.shown") type = "true / false";
    if (column.startsWith("check.")) {
      const rule = column.slice(6);
      label = `勾稽检查“${RULE_INFO[rule]?.name ?? rule}”的结果`;
      type = "pass / fail / na（空 = 未检查）";
    }
    if (FIELD_LABEL[column]) label = FIELD_LABEL[column];
    return { column, label, type };
  });
}

export function toDictionaryCsv(rules?: string[]): string {
  const rows = dictionary(rules);
  return BOM + Papa.unparse({ fields: ["column", "label", "type"], data: rows.map((d) => [d.column, d.label, d.type]) }, UNPARSE) + "\r\n";
}
