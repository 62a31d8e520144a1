/**
 * 表二 / 表三 / 表四 laid out as the official forms. Every cell links to its source line
 * (`#L<n>` on the report page); cells named by a failing check are highlighted with the computed
 * value under the printed one. Built as escaped strings (src/lib/html.ts) for build speed.
 */
import type { Report } from "../../schema";
import { OUTCOME_KEYS, TABLE3_COLUMNS, TABLE4_GROUPS } from "../../schema";
import { esc, Html, num } from "../../lib/html";
import {
  OUTCOME_LABEL,
  TABLE2_ITEM_LABEL,
  TABLE2_ITEM_LABEL_2021,
  TABLE3_COLUMN_LABEL,
  TABLE3_ROW_CELLS,
  table2ColumnLabel,
} from "../../lib/labels";
import { table2Layout, table3Rows, type CellFailure } from "../../lib/report";

/** One value cell: <td> with the printed number linked to its line, fail highlight, computed value. */
export function cellHtml(
  value: number | null | undefined,
  path: string,
  line: number | undefined,
  fail: CellFailure | undefined,
): string {
  const blank = value == null;
  const text = num(value);
  const inner = line
    ? `<a class="cell${blank ? " blank" : ""}" href="#L${line}" data-path="${path}">${text}</a>`
    : `<span class="${blank ? "blank" : ""}" data-path="${path}">${text}</span>`;
  if (!fail) return `<td class="n">${inner}</td>`;
  const why = esc(fail.checks.map((c) => c.detail).join("\n"));
  const computed = fail.computed !== undefined ? `<span class="computed">应为 ${esc(num(fail.computed))}</span>` : "";
  return `<td class="n fail" title="${why}">${inner}${computed}</td>`;
}

const hint = '<p class="scroll-hint" aria-hidden="true">表格较宽，可左右滑动查看 →</p>';

export function table2Html(report: Report, fails: Map<string, CellFailure>): Html {
  if (!Object.keys(report.table2).length) return new Html('<p class="muted">未能从原文读出表二。</p>');
  const { template, groups } = table2Layout(report);
  let s = '<div class="scroll" tabindex="0" role="region" aria-label="表二 主动公开政府信息情况"><table class="form" id="table2">';
  for (const g of groups) {
    s += "<tbody>";
    if (g.clause)
      s += `<tr><th colspan="${g.columns.length + 1}" scope="colgroup" class="group">${esc(g.clause)}</th></tr>`;
    s += `<tr><th scope="col">信息内容</th>${g.columns.map((c) => `<th scope="col">${esc(table2ColumnLabel(template, c))}</th>`).join("")}</tr>`;
    for (const item of g.items) {
      const label = (template === "2021" && TABLE2_ITEM_LABEL_2021[item]) || TABLE2_ITEM_LABEL[item];
      s += `<tr data-row="${item}"><th scope="row">${esc(label)}</th>`;
      for (const c of g.columns) {
        const path = `table2.${item}.${c}`;
        s += cellHtml(report.table2[item]?.[c], path, report.cellLines[path], fails.get(path));
      }
      s += "</tr>";
    }
    s += "</tbody>";
  }
  return new Html(s + "</table></div>");
}

export function table3Html(report: Report, fails: Map<string, CellFailure>): Html {
  const rows = table3Rows(report);
  let s =
    hint +
    '<div class="scroll" tabindex="0" role="region" aria-label="表三 收到和处理政府信息公开申请情况"><table class="form" id="table3"><thead>' +
    '<tr><th colspan="3" rowspan="3" scope="col"><small>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</small></th><th colspan="7" scope="colgroup">申请人情况</th></tr>' +
    '<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr><tr>' +
    TABLE3_COLUMNS.filter((c) => c !== "naturalPerson" && c !== "total")
      .map((c) => `<th scope="col">${TABLE3_COLUMN_LABEL[c]}</th>`)
      .join("") +
    "</tr></thead><tbody>";
  rows.forEach((row, i) => {
    const [g, sub, label] = TABLE3_ROW_CELLS[row];
    const prev = i > 0 ? TABLE3_ROW_CELLS[rows[i - 1]] : null;
    let gSpan = 0,
      sSpan = 0;
    if (g && (!prev || prev[0] !== g)) for (let j = i; j < rows.length && TABLE3_ROW_CELLS[rows[j]][0] === g; j++) gSpan++;
    if (sub && (!prev || prev[1] !== sub)) for (let j = i; j < rows.length && TABLE3_ROW_CELLS[rows[j]][1] === sub; j++) sSpan++;
    s += `<tr data-row="${row}">`;
    if (!g) s += `<th scope="row" colspan="3">${label}</th>`;
    else {
      if (gSpan) s += `<th scope="rowgroup" rowspan="${gSpan}">${g}</th>`;
      if (!sub) s += `<th scope="row" colspan="2">${label}</th>`;
      else {
        if (sSpan) s += `<th scope="rowgroup" rowspan="${sSpan}">${sub}</th>`;
        s += `<th scope="row">${label}</th>`;
      }
    }
    const cells = report.table3[row];
    for (const c of TABLE3_COLUMNS) {
      const path = `table3.${row}.${c}`;
      s += cellHtml(cells?.[c], path, report.cellLines[path], fails.get(path));
    }
    s += "</tr>";
  });
  s += "</tbody></table></div>";
  const missing = rows.filter((r) => !report.table3[r]).length;
  if (missing) s += `<p class="muted">表三中有 ${missing} 行未能从原文读出，显示为“—”。</p>`;
  return new Html(s);
}

export function table4Html(report: Report, fails: Map<string, CellFailure>): Html {
  let s =
    hint +
    '<div class="scroll" tabindex="0" role="region" aria-label="表四 行政复议、行政诉讼情况"><table class="form" id="table4"><thead>' +
    '<tr><th colspan="5" rowspan="2" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>' +
    '<tr><th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr><tr>';
  for (const _g of TABLE4_GROUPS) for (const k of OUTCOME_KEYS) s += `<th scope="col">${OUTCOME_LABEL[k]}</th>`;
  s += "</tr></thead><tbody><tr>";
  for (const g of TABLE4_GROUPS)
    for (const k of OUTCOME_KEYS) {
      const path = `table4.${g}.${k}`;
      s += cellHtml(report.table4[g][k], path, report.cellLines[path], fails.get(path));
    }
  return new Html(s + "</tr></tbody></table></div>");
}
