/**
 * The checks of one report written the straightforward way (a copy of checks.ts before its fast
 * path): arrays of row values, `equation` for every sum. checks-equivalence.test.ts holds the
 * parser's checks to exactly these, wording included.
 */
import { TABLE3_COLUMNS, TABLE3_OUTCOME_ROWS, TABLE4_GROUPS, type Check, type Count, type Report, type Table3Row } from "../../src/schema.ts";
import { TABLE3_COLUMN_LABEL } from "../../src/lib/labels.ts";

type Draft = Pick<Report, "table3" | "table4" | "template">;

function sum(values: (Count | undefined)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined) return null;
    total += v;
  }
  return total;
}
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function equation(rule: string, what: string, printed: Count | undefined, parts: (Count | undefined)[], cells: string[]): Check {
  const computed = sum(parts);
  if (printed === null || printed === undefined || computed === null)
    return { rule, status: "na", detail: `${what}：有空单元格，无法核对`, cells };
  if (same(printed, computed)) return { rule, status: "pass", detail: `${what}：${printed} = ${computed}`, cells };
  return { rule, status: "fail", detail: `${what}：表中为 ${printed}，计算应为 ${computed}`, cells, printed, computed };
}

const path = (row: string, col: string) => `table3.${row}.${col}`;

export function refCheckTable3(draft: Draft): Check[] {
  const t3 = draft.table3;
  if (!t3.newReceived && !t3.totalProcessed)
    return ["t3.balance", "t3.totalProcessed", "t3.rowTotal"].map((rule) => ({ rule, status: "na", detail: "没有表三" }));
  const cell = (row: string, col: string): Count => (t3 as Record<string, Record<string, Count> | undefined>)[row]?.[col] ?? null;
  const checks: Check[] = [];
  const outcomeRows = TABLE3_OUTCOME_ROWS.filter((r) => t3[r]);
  for (const col of TABLE3_COLUMNS) {
    const name = TABLE3_COLUMN_LABEL[col];
    const [a, b, processed, forward] = ["newReceived", "carriedOver", "totalProcessed", "carriedForward"].map((r) => cell(r, col));
    const left = sum([a, b]);
    const right = sum([processed, forward]);
    const cells = ["newReceived", "carriedOver", "totalProcessed", "carriedForward"].map((r) => path(r, col));
    if (left === null || right === null) checks.push({ rule: "t3.balance", status: "na", detail: `${name}：有空单元格，无法核对`, cells });
    else if (same(left, right)) checks.push({ rule: "t3.balance", status: "pass", detail: `${name}：${a} + ${b} = ${processed} + ${forward}`, cells });
    else
      checks.push({
        rule: "t3.balance",
        status: "fail",
        detail: `${name}：新收 ${a} + 结转 ${b} = ${left}，但办结 ${processed} + 结转下年 ${forward} = ${right}`,
        cells,
        printed: right,
        computed: left,
      });
    checks.push(
      equation(
        "t3.totalProcessed",
        `${name}：（七）总计 = 各办理结果之和`,
        processed,
        outcomeRows.map((r) => cell(r, col)),
        [path("totalProcessed", col), ...outcomeRows.map((r) => path(r, col))],
      ),
    );
  }
  for (const row of Object.keys(t3) as Table3Row[]) {
    const parts = TABLE3_COLUMNS.slice(0, 6).map((c) => cell(row, c));
    checks.push(equation("t3.rowTotal", `${row}：总计 = 六类申请人之和`, cell(row, "total"), parts, TABLE3_COLUMNS.map((c) => path(row, c))));
  }
  return checks;
}

const GROUP_NAMES = { review: "行政复议", litigationDirect: "未经复议直接起诉", litigationAfterReview: "复议后起诉" };

export function refCheckTable4(draft: Draft): Check[] {
  return TABLE4_GROUPS.map((group) => {
    const g = draft.table4[group];
    const cells = ["upheld", "corrected", "other", "pending", "total"].map((k) => `table4.${group}.${k}`);
    return equation("t4.total", `${GROUP_NAMES[group]}：总计 = 维持 + 纠正 + 其他 + 尚未审结`, g.total, [g.upheld, g.corrected, g.other, g.pending], cells);
  });
}
