/**
 * Stage 7 — checks: the consistency rules (勾稽关系) of one report.
 * A `fail` is a finding about the printed report, never a reason to change a number: both the
 * printed and the computed value are kept. Rules across years live in scripts/corpus/cross-year.ts.
 */
import {
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_ROWS,
  TABLE3_ROWS,
  TABLE4_GROUPS,
  type Check,
  type Count,
  type Report,
  type Table3Cells,
  type Table3Row,
} from "../../src/schema.ts";
import { TABLE3_COLUMN_LABEL } from "../../src/lib/labels.ts";
import type { StatedFigure } from "./narrative.ts";
import { TABLE3_PATHS, TABLE4_PATHS } from "./paths.ts";

type Draft = Pick<Report, "table3" | "table4" | "template">;

/** Sum of counts, or null when any is null (the rule is then n.a.). */
function sum(values: Count[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** One equation: printed (left) = computed (right). */
export function equation(rule: string, what: string, printed: Count, parts: Count[], cells: string[]): Check {
  return settle(rule, `${what}：`, printed, sum(parts), cells);
}

/** The check of printed = computed; `label` is the rule's wording followed by "：". */
function settle(rule: string, label: string, printed: Count | undefined, computed: number | null, cells: string[]): Check {
  if (printed === null || printed === undefined || computed === null)
    return { rule, status: "na", detail: `${label}有空单元格，无法核对`, cells };
  if (same(printed, computed)) return { rule, status: "pass", detail: `${label}${printed} = ${computed}`, cells };
  return { rule, status: "fail", detail: `${label}表中为 ${printed}，计算应为 ${computed}`, cells, printed, computed };
}

const BALANCE_ROWS = ["newReceived", "carriedOver", "totalProcessed", "carriedForward"] as const;

/* per column, made once: its name with "：", its balance cells, the wording of its 总计 rule */
const COLUMN_LABELS = TABLE3_COLUMNS.map((col) => `${TABLE3_COLUMN_LABEL[col]}：`);
const BALANCE_CELLS = TABLE3_COLUMNS.map((_, c) => BALANCE_ROWS.map((r) => TABLE3_PATHS[r][c]));
const TOTAL_PROCESSED_LABELS = TABLE3_COLUMNS.map((col) => `${TABLE3_COLUMN_LABEL[col]}：（七）总计 = 各办理结果之和：`);
/** per row of the schema: the wording of its 总计 rule (with "：") and its paths */
const ROW_TOTAL = new Map(TABLE3_ROWS.map((row) => [row as string, { label: `${rowTotalWhat(row)}：`, paths: TABLE3_PATHS[row] }]));
function rowTotalWhat(row: string): string {
  return `${row}：总计 = 六类申请人之和`;
}
const NO_ROW: readonly Count[] = TABLE3_COLUMNS.map(() => null);

/**
 * A row's values in TABLE3_COLUMNS order; a missing row or cell reads as null. Named loads: the
 * rows tables.ts makes share one shape, which a loop over the column names would not make use of.
 */
function rowValues(cells: Partial<Table3Cells> | undefined): readonly Count[] {
  if (!cells) return NO_ROW;
  return [
    cells.naturalPerson ?? null,
    cells.commercial ?? null,
    cells.research ?? null,
    cells.socialWelfare ?? null,
    cells.legalService ?? null,
    cells.otherOrg ?? null,
    cells.total ?? null,
  ];
}
if (rowValues(Object.fromEntries(TABLE3_COLUMNS.map((c, i) => [c, i]))).join() !== TABLE3_COLUMNS.map((_, i) => i).join())
  throw new Error("rowValues ≠ TABLE3_COLUMNS");

/** sum([total, v]) step by step: null once a value is missing */
const plus = (total: number | null, v: Count | undefined): number | null => (total === null || v === null || v === undefined ? null : total + v);

/** sum(rowValues(cells).slice(0, 6)): the six applicant columns, without the arrays */
function applicantSum(cells: Partial<Table3Cells> | undefined): number | null {
  if (!cells) return null;
  let total = plus(0, cells.naturalPerson);
  total = plus(total, cells.commercial);
  total = plus(total, cells.research);
  total = plus(total, cells.socialWelfare);
  total = plus(total, cells.legalService);
  return plus(total, cells.otherOrg);
}

/** Per column (TABLE3_COLUMNS order), the sum over `rows` in their order — null where one is missing. */
function columnSums(t3: Draft["table3"], rows: readonly Table3Row[]): (number | null)[] {
  const sums: (number | null)[] = [0, 0, 0, 0, 0, 0, 0];
  for (const row of rows) {
    const v = rowValues(t3[row]);
    for (let c = 0; c < sums.length; c++) sums[c] = plus(sums[c], v[c]);
  }
  return sums;
}
if (columnSums({}, []).length !== TABLE3_COLUMNS.length) throw new Error("columnSums ≠ TABLE3_COLUMNS");

export function checkTable3(draft: Draft): Check[] {
  const t3 = draft.table3;
  const checks: Check[] = [];
  if (!t3.newReceived && !t3.totalProcessed) {
    return ["t3.balance", "t3.totalProcessed", "t3.rowTotal"].map((rule) => ({ rule, status: "na", detail: "没有表三" }));
  }
  const outcomeRows = TABLE3_OUTCOME_ROWS.filter((r) => t3[r]);
  const outcomePaths = outcomeRows.map((r) => TABLE3_PATHS[r]);
  const outcomeSums = columnSums(t3, outcomeRows);
  const newReceived = rowValues(t3.newReceived);
  const carriedOver = rowValues(t3.carriedOver);
  const totalProcessed = rowValues(t3.totalProcessed);
  const carriedForward = rowValues(t3.carriedForward);

  for (let c = 0; c < TABLE3_COLUMNS.length; c++) {
    const label = COLUMN_LABELS[c];
    // 一 + 二 = （七）总计 + 四, written as: newReceived + carriedOver − carriedForward = totalProcessed
    const a = newReceived[c];
    const b = carriedOver[c];
    const processed = totalProcessed[c];
    const forward = carriedForward[c];
    const left = plus(plus(0, a), b);
    const right = plus(plus(0, processed), forward);
    const cells = BALANCE_CELLS[c].slice();
    if (left === null || right === null) checks.push({ rule: "t3.balance", status: "na", detail: `${label}有空单元格，无法核对`, cells });
    else if (same(left, right))
      checks.push({ rule: "t3.balance", status: "pass", detail: `${label}${a} + ${b} = ${processed} + ${forward}`, cells });
    else
      checks.push({
        rule: "t3.balance",
        status: "fail",
        detail: `${label}新收 ${a} + 结转 ${b} = ${left}，但办结 ${processed} + 结转下年 ${forward} = ${right}`,
        cells,
        printed: right,
        computed: left,
      });

    const outcomeCells: string[] = new Array(outcomeRows.length + 1);
    outcomeCells[0] = TABLE3_PATHS.totalProcessed[c];
    for (let r = 0; r < outcomeRows.length; r++) outcomeCells[r + 1] = outcomePaths[r][c];
    checks.push(settle("t3.totalProcessed", TOTAL_PROCESSED_LABELS[c], processed, outcomeSums[c], outcomeCells));
  }
  for (const row of Object.keys(t3)) {
    const cells = t3[row as Table3Row];
    // (a fresh array of paths per check; rows outside the schema get theirs made)
    const known = ROW_TOTAL.get(row);
    const label = known ? known.label : `${rowTotalWhat(row)}：`;
    const paths = known ? known.paths.slice() : TABLE3_COLUMNS.map((c) => `table3.${row}.${c}`);
    checks.push(settle("t3.rowTotal", label, cells ? cells.total ?? null : null, applicantSum(cells), paths));
  }
  return checks;
}

const GROUP_NAMES = { review: "行政复议", litigationDirect: "未经复议直接起诉", litigationAfterReview: "复议后起诉" };
/** per group, made once: the wording of its rule, with "：" */
const GROUP_LABELS = TABLE4_GROUPS.map((group) => `${GROUP_NAMES[group]}：总计 = 维持 + 纠正 + 其他 + 尚未审结：`);

export function checkTable4(draft: Draft): Check[] {
  const checks: Check[] = [];
  for (let k = 0; k < TABLE4_GROUPS.length; k++) {
    const group = TABLE4_GROUPS[k];
    const g = draft.table4[group];
    const computed = plus(plus(plus(plus(0, g.upheld), g.corrected), g.other), g.pending);
    checks.push(settle("t4.total", GROUP_LABELS[k], g.total, computed, TABLE4_PATHS[group].slice()));
  }
  return checks;
}

export function checkStatedNewReceived(draft: Draft, stated: StatedFigure | null): Check {
  const rule = "text.newReceived";
  const cells = ["table3.newReceived.total"];
  const printed = draft.table3.newReceived?.total ?? null;
  if (!stated) return { rule, status: "na", detail: "正文没有写明收到的申请数", cells };
  if (printed === null) return { rule, status: "na", detail: `正文写明 ${stated.value} 件，但表三新收总计为空`, cells };
  if (same(printed, stated.value))
    return { rule, status: "pass", detail: `正文“${stated.sentence}”与表三一致（${printed}）`, cells };
  return {
    rule,
    status: "fail",
    detail: `正文“${stated.sentence}”写 ${stated.value} 件，表三新收总计为 ${printed}`,
    cells,
    printed,
    computed: stated.value,
  };
}

export function checkReport(draft: Draft, statedNewReceived: StatedFigure | null): Check[] {
  const checks = checkTable3(draft);
  for (const check of checkTable4(draft)) checks.push(check);
  checks.push(checkStatedNewReceived(draft, statedNewReceived));
  return checks;
}
