/**
 * An agency's history table: one column per year (proactive count, table-3 key rows, table-4
 * totals, form, themes, checks incl. cross-year carry-over). Every number links to its report's
 * source line. Built as escaped strings (src/lib/html.ts).
 */
import type { Report, Table3Row } from "../../schema";
import { TABLE4_GROUPS } from "../../schema";
import { esc, Html, num } from "../../lib/html";
import { OUTCOME_GROUPS, TABLE4_GROUP_LABEL, TEMPLATE_SHORT, ruleName, STATUS_LABEL } from "../../lib/labels";
import { rowsTotal } from "../../lib/report";
import { reportHref } from "../../lib/paths";

interface RowDef {
  label: string;
  get: (r: Report) => number | null | undefined;
  path?: string;
  sub?: boolean;
}
const t3 = (row: Table3Row, label: string, sub = false): RowDef => ({ label, get: (r) => r.table3[row]?.total, path: `table3.${row}.total`, sub });
const outcomeRow = (key: string): RowDef => {
  const g = OUTCOME_GROUPS.find((x) => x.key === key)!;
  if (g.rows.length === 1) return t3(g.rows[0], g.label, true);
  return { label: key === "other" ? "其他处理" : `${g.label}（各小项合计）`, get: (r) => rowsTotal(r, g.rows), sub: true };
};

export const HISTORY_SECTIONS: { title: string; rows: RowDef[] }[] = [
  { title: "主动公开", rows: [{ label: "主动公开信息条数（正文所述）", get: (r) => r.proactive.total, path: "proactive.total" }] },
  {
    title: "依申请公开（表三，总计列）",
    rows: [
      t3("newReceived", "本年新收申请"),
      t3("carriedOver", "上年结转"),
      ...OUTCOME_GROUPS.map((g) => outcomeRow(g.key)),
      t3("totalProcessed", "办理结果总计"),
      t3("carriedForward", "结转下年度继续办理"),
    ],
  },
  {
    title: "行政复议、行政诉讼（表四，总计）",
    rows: TABLE4_GROUPS.map((g) => ({ label: TABLE4_GROUP_LABEL[g], get: (r: Report) => r.table4[g].total, path: `table4.${g}.total` })),
  },
];

const lineOf = (r: Report, path?: string) =>
  !path ? null : path === "proactive.total" ? (r.proactive.line ?? null) : (r.cellLines[path] ?? null);

export function agencyHistoryHtml(
  reports: Report[],
  themeLabel: (id: string) => string,
  themeLink: ((id: string) => string) | null,
): Html {
  const span = reports.length + 1;
  let s = '<div class="scroll" tabindex="0" role="region" aria-label="历年数据"><table class="form" id="history"><thead><tr><th scope="col">项目</th>';
  for (const r of reports) s += `<th scope="col" class="n"><a href="${reportHref(r.id)}">${r.year} 年</a></th>`;
  s += '</tr></thead><tbody><tr><th scope="row">表格样式</th>';
  for (const r of reports) s += `<td class="n">${TEMPLATE_SHORT[r.template]}</td>`;
  s += '</tr><tr><th scope="row">发布日期</th>';
  for (const r of reports) s += `<td class="n">${esc(r.publishedAt ?? "—")}</td>`;
  s += "</tr></tbody>";
  for (const sec of HISTORY_SECTIONS) {
    s += `<tbody><tr><th colspan="${span}" scope="colgroup" class="group">${sec.title}</th></tr>`;
    for (const def of sec.rows) {
      s += `<tr><th scope="row"${def.sub ? ' class="sub"' : ""}>${def.label}</th>`;
      for (const r of reports) {
        const v = def.get(r);
        const ln = lineOf(r, def.path);
        const href = ln ? reportHref(r.id, ln) : reportHref(r.id) + "#tables";
        s += `<td class="n"><a class="cell${v == null ? " blank" : ""}" href="${href}" data-report="${r.id}"${def.path ? ` data-path="${def.path}"` : ""} data-value="${v == null ? "" : v}">${num(v)}</a></td>`;
      }
      s += "</tr>";
    }
    s += "</tbody>";
  }
  s += `<tbody><tr><th colspan="${span}" scope="colgroup" class="group">问题与检查</th></tr><tr><th scope="row">“存在的主要问题”主题</th>`;
  for (const r of reports) {
    s += "<td>";
    if (r.themes.length) {
      s += '<ul class="chips">';
      for (const t of r.themes)
        s += themeLink
          ? `<li><a class="badge" href="${esc(themeLink(t))}">${esc(themeLabel(t))}</a></li>`
          : `<li><span class="badge">${esc(themeLabel(t))}</span></li>`;
      s += "</ul>";
    } else s += '<span class="blank">—</span>';
    s += "</td>";
  }
  s += '</tr><tr><th scope="row">跨年结转衔接</th>';
  for (const r of reports) {
    const cs = r.checks.filter((c) => c.rule === "crossYear.carriedOver");
    const st = cs.some((c) => c.status === "fail") ? "fail" : cs.some((c) => c.status === "pass") ? "pass" : cs.length ? "na" : null;
    s += st
      ? `<td><span class="badge ${st}" title="${esc(cs.map((c) => c.detail).join("\n"))}">${STATUS_LABEL[st]}</span></td>`
      : '<td><span class="blank">—</span></td>';
  }
  s += '</tr><tr><th scope="row">未通过的勾稽检查</th>';
  for (const r of reports) {
    const f = [...new Set(r.checks.filter((c) => c.status === "fail").map((c) => ruleName(c.rule)))];
    s += f.length ? `<td><a href="${reportHref(r.id)}#checks">${esc(f.join("、"))}</a></td>` : '<td><span class="badge pass">无</span></td>';
  }
  return new Html(s + "</tr></tbody></table></div>");
}
