/**
 * Rules that compare an agency's report with its previous year's: run after every report is parsed.
 *  - crossYear.carriedOver: this year's 上年结转 = last year's 结转下年度继续办理 (per column)
 *  - t2.inForce (2021 form): 现行有效件数 = last year's 现行有效件数 + 本年制发 − 本年废止
 */
import { TABLE3_COLUMNS, type Check, type Count, type Report } from "../../src/schema.ts";
import { TABLE3_COLUMN_LABEL } from "../../src/lib/labels.ts";
import { equation } from "../parse/checks.ts";

export function addCrossYearChecks(reports: Report[]): void {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    if (r.conflict && !r.conflict.shown) continue;
    const list = byAgency.get(r.agency.id) ?? [];
    list.push(r);
    byAgency.set(r.agency.id, list);
  }
  for (const list of byAgency.values()) {
    const byYear = new Map(list.map((r) => [r.year, r]));
    for (const report of list) {
      const previous = byYear.get(report.year - 1);
      report.checks.push(...carriedOverChecks(report, previous), ...inForceChecks(report, previous));
    }
  }
}

function carriedOverChecks(report: Report, previous: Report | undefined): Check[] {
  const rule = "crossYear.carriedOver";
  if (!previous) return [{ rule, status: "na", detail: `没有 ${report.year - 1} 年的报告可比对` }];
  return TABLE3_COLUMNS.map((col) => {
    const now: Count = report.table3.carriedOver?.[col] ?? null;
    const before: Count = previous.table3.carriedForward?.[col] ?? null;
    const cells = [`table3.carriedOver.${col}`, `${previous.id}:table3.carriedForward.${col}`];
    return equation(rule, `${TABLE3_COLUMN_LABEL[col]}：本年“上年结转” = ${previous.year} 年“结转下年度继续办理”`, now, [before], cells);
  });
}

function inForceChecks(report: Report, previous: Report | undefined): Check[] {
  const rule = "t2.inForce";
  if (report.template !== "2021") return [];
  if (!previous || previous.template !== "2021")
    return [{ rule, status: "na", detail: `没有 ${report.year - 1} 年 2021 版表格的报告可比对` }];
  return (["regulations", "normativeDocuments"] as const).map((item) => {
    const now = report.table2[item] ?? {};
    const before = previous.table2[item] ?? {};
    const issued = now.issued ?? null;
    const repealed = now.repealed ?? null;
    const cells = [`table2.${item}.inForce`, `${previous.id}:table2.${item}.inForce`, `table2.${item}.issued`, `table2.${item}.repealed`];
    const name = item === "regulations" ? "规章" : "规范性文件";
    return equation(rule, `${name}：现行有效 = 上年现行有效 + 本年制发 − 本年废止`, now.inForce ?? null, [before.inForce ?? null, issued, repealed === null ? null : -repealed], cells);
  });
}
