/**
 * Synthetic report records for the site's fixture and for the build benchmark when no parsed
 * corpus is at hand. Each record comes with the source text it would have been parsed from, so
 * `cellLines` point at real lines. Checks are computed the way SCHEMA.md describes them.
 *
 * This is test scaffolding, not the parser: the real records come from `npm run parse`.
 */
import { createHash } from "node:crypto";
import {
  Report,
  TABLE2_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_ROWS,
  TABLE3_ROWS_BY_TEMPLATE,
  TABLE4_GROUPS,
  type Check,
  type Table3,
  type Table3Cells,
  type Table3Row,
} from "../../src/schema";
import { TABLE2_LAYOUT, TABLE2_ITEM_LABEL, TABLE3_ROW_CELLS, table2ColumnLabel } from "../../src/lib/labels";

import { rng } from "../bench/corpus.ts";

export interface AgencySpec {
  id: string;
  name: string;
  region: string[];
  level?: string;
}

export interface RecordSpec {
  agency: AgencySpec;
  year: number;
  template?: "2019" | "2021";
  seed: number;
  /** 0 = no applications at all */
  activity?: number;
  proactive?: number | null;
  carriedOver?: Partial<Table3Cells>;
  overview?: string;
  problems?: string;
  improvements?: string;
  other?: string;
  themes?: { theme: string; sentence: string }[];
  publishedAt?: string | null;
  /** add this to a printed cell to make a check fail, e.g. { "table3.totalProcessed.total": 1 } */
  misprint?: Record<string, number>;
  idSuffix?: string;
  sourcePath?: string;
  conflict?: { with: string[]; shown: boolean };
  /** narrative states the number of applications received (for text.newReceived) */
  statesReceived?: boolean;
  extraWarnings?: { code: string; message: string }[];
}

const APPLICANTS = TABLE3_COLUMNS.filter((c) => c !== "total");

function emptyCells(): Table3Cells {
  return Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Table3Cells;
}

/** Build a record plus its source text (lines). */
export function synthesize(spec: RecordSpec): { report: Report; lines: string[] } {
  const rand = rng(spec.seed);
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const template = spec.template ?? (spec.year >= 2021 ? "2021" : "2019");
  const activity = spec.activity ?? 1;
  const id = `${spec.agency.id}-${spec.year}${spec.idSuffix ?? ""}`;

  /* ---------------- table 3 (consistent by construction) */
  const rows = TABLE3_ROWS_BY_TEMPLATE[template] as readonly Table3Row[];
  const outcomeRows = rows.filter((r) => TABLE3_OUTCOME_ROWS.includes(r));
  const t3: Table3 = {};
  for (const r of rows) t3[r] = emptyCells();
  for (const c of APPLICANTS) {
    const weight = c === "naturalPerson" ? 1 : c === "commercial" ? 0.4 : 0.12;
    const received = activity ? int(Math.round(12 * activity * weight)) : 0;
    const carried = (spec.carriedOver?.[c] as number | undefined) ?? (activity ? int(activity > 2 ? 2 : 0) : 0);
    const forward = activity ? Math.min(received + carried, int(1)) : 0;
    let left = received + carried - forward;
    t3.newReceived![c] = received;
    t3.carriedOver![c] = carried;
    t3.carriedForward![c] = forward;
    // granted gets the most, then a few scattered outcomes
    const pick = [0, 0, 0, 1, 1, 10, 12, 13, 15, 20].map((i) => outcomeRows[Math.min(i, outcomeRows.length - 1)]);
    while (left > 0) {
      const row = pick[int(pick.length - 1)];
      t3[row]![c] = (t3[row]![c] ?? 0) + 1;
      left--;
    }
    t3.totalProcessed![c] = outcomeRows.reduce((s, r) => s + (t3[r]![c] ?? 0), 0);
  }
  for (const r of rows) {
    const cells = t3[r]!;
    cells.total = APPLICANTS.reduce((s, c) => s + (cells[c] ?? 0), 0);
  }

  /* ---------------- table 2 */
  const table2: Report["table2"] = {};
  for (const [item, cols] of Object.entries(TABLE2_COLUMNS[template])) {
    const row: Record<string, number | null> = {};
    for (const col of cols) {
      if (col === "amount") row[col] = activity ? Math.round(rand() * 5000) / 100 : 0;
      else if (col === "change") row[col] = activity ? int(6) - 3 : 0;
      else row[col] = activity ? int(item === "penalty" || item === "licensing" ? 60 : 8) : 0;
    }
    table2[item as keyof typeof table2] = row;
  }

  /* ---------------- table 4 */
  const table4 = {} as Report["table4"];
  for (const g of TABLE4_GROUPS) {
    const o = { upheld: activity > 1 ? int(2) : 0, corrected: activity > 2 ? int(1) : 0, other: 0, pending: activity > 1 ? int(1) : 0, total: 0 };
    o.total = o.upheld + o.corrected + o.other + o.pending;
    table4[g] = o;
  }

  /* ---------------- misprints */
  for (const [p, delta] of Object.entries(spec.misprint ?? {})) {
    const [t, ...rest] = p.split(".");
    const col = rest.pop()!;
    const row = rest.join(".");
    if (t === "table3") (t3[row as Table3Row]! as Record<string, number>)[col] += delta;
    if (t === "table4") (table4[row as keyof typeof table4] as Record<string, number>)[col] += delta;
  }

  const proactive = spec.proactive === undefined ? int(400) + 5 : spec.proactive;

  /* ---------------- source text */
  const lines: string[] = [];
  const cellLines: Record<string, number> = {};
  const push = (s: string) => {
    lines.push(s);
    return lines.length;
  };
  const title = `${spec.agency.name}${spec.year}年政府信息公开工作年度报告`;
  push(title);
  const publishedAt = spec.publishedAt === undefined ? `${spec.year + 1}-01-${String(10 + int(18)).padStart(2, "0")}` : spec.publishedAt;
  if (publishedAt) push(`发布时间：${publishedAt}`);
  push("一、总体情况");
  const overview =
    spec.overview ??
    `${spec.year}年，${spec.agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`;
  let proactiveLine: number | null = null;
  for (const p of overview.split("\n")) push(p);
  const proactiveSentence = proactive == null ? null : `全年累计主动公开政府信息${proactive}条。`;
  if (proactiveSentence) proactiveLine = push(proactiveSentence);
  if (spec.statesReceived) push(`本年度共收到政府信息公开申请${t3.newReceived!.total}件。`);
  push("二、主动公开政府信息情况");
  for (const group of TABLE2_LAYOUT[template]) {
    push(group.clause);
    push(["信息内容", ...group.columns.map((c) => table2ColumnLabel(template, c))].join(" | "));
    for (const item of group.items) {
      const row = table2[item]!;
      const ln = push([TABLE2_ITEM_LABEL[item], ...group.columns.map((c) => String(row[c] ?? ""))].join(" | "));
      for (const c of group.columns) cellLines[`table2.${item}.${c}`] = ln;
    }
  }
  push("三、收到和处理政府信息公开申请情况");
  push("申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计");
  for (const r of rows) {
    const cells = t3[r]!;
    const label = TABLE3_ROW_CELLS[r].filter(Boolean).join(" ");
    const ln = push([label, ...TABLE3_COLUMNS.map((c) => String(cells[c] ?? ""))].join(" | "));
    for (const c of TABLE3_COLUMNS) cellLines[`table3.${r}.${c}`] = ln;
  }
  push("四、政府信息公开行政复议、行政诉讼情况");
  push("行政复议 | 行政诉讼（未经复议直接起诉） | 行政诉讼（复议后起诉）");
  push(Array(3).fill("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计").join(" | "));
  const t4line = push(
    TABLE4_GROUPS.flatMap((g) => (["upheld", "corrected", "other", "pending", "total"] as const).map((k) => String(table4[g][k])))
      .join(" | "),
  );
  for (const g of TABLE4_GROUPS) for (const k of ["upheld", "corrected", "other", "pending", "total"]) cellLines[`table4.${g}.${k}`] = t4line;
  push("五、存在的主要问题及改进情况");
  const problems = spec.problems ?? "信息公开工作人员业务能力有待提高。";
  for (const p of problems.split("\n")) push(p);
  const improvements = spec.improvements ?? "下一步将加强业务培训，提升信息公开质量。";
  for (const p of improvements.split("\n")) push(p);
  push("六、其他需要报告的事项");
  const other = spec.other ?? "无。";
  for (const p of other.split("\n")) push(p);

  /* ---------------- checks */
  const checks: Check[] = [];
  const fails = (rule: string, detail: string, cells: string[], printed: number, computed: number) =>
    checks.push({ rule, status: "fail", detail, cells, printed, computed });
  let ok = true;
  for (const c of TABLE3_COLUMNS) {
    const a = t3.newReceived![c]! + t3.carriedOver![c]!;
    const b = t3.totalProcessed![c]! + t3.carriedForward![c]!;
    if (a !== b) {
      ok = false;
      fails(
        "t3.balance",
        `${c}：本年新收 + 上年结转 = ${a}，办理结果总计 + 结转下年度 = ${b}`,
        [`table3.totalProcessed.${c}`, `table3.newReceived.${c}`, `table3.carriedOver.${c}`, `table3.carriedForward.${c}`],
        b,
        a,
      );
    }
  }
  if (ok) checks.push({ rule: "t3.balance", status: "pass", detail: "每列收支平衡" });
  ok = true;
  for (const c of TABLE3_COLUMNS) {
    const sum = outcomeRows.reduce((s, r) => s + (t3[r]![c] ?? 0), 0);
    if (sum !== t3.totalProcessed![c]) {
      ok = false;
      fails("t3.totalProcessed", `${c}：办理结果之和 ${sum}，总计印为 ${t3.totalProcessed![c]}`, [`table3.totalProcessed.${c}`], t3.totalProcessed![c]!, sum);
    }
  }
  if (ok) checks.push({ rule: "t3.totalProcessed", status: "pass", detail: "各列办理结果之和等于总计" });
  ok = true;
  for (const r of rows) {
    const sum = APPLICANTS.reduce((s, c) => s + (t3[r]![c] ?? 0), 0);
    if (sum !== t3[r]!.total) {
      ok = false;
      fails("t3.rowTotal", `${r}：六类申请人之和 ${sum}，总计印为 ${t3[r]!.total}`, [`table3.${r}.total`], t3[r]!.total!, sum);
    }
  }
  if (ok) checks.push({ rule: "t3.rowTotal", status: "pass", detail: "各行总计等于各类申请人之和" });
  ok = true;
  for (const g of TABLE4_GROUPS) {
    const o = table4[g];
    const sum = o.upheld! + o.corrected! + o.other! + o.pending!;
    if (sum !== o.total) {
      ok = false;
      fails("t4.total", `${g}：四项之和 ${sum}，总计印为 ${o.total}`, [`table4.${g}.total`], o.total!, sum);
    }
  }
  if (ok) checks.push({ rule: "t4.total", status: "pass", detail: "表四各组合计正确" });
  if (spec.statesReceived) checks.push({ rule: "text.newReceived", status: "pass", detail: "正文与表三一致" });
  else checks.push({ rule: "text.newReceived", status: "na", detail: "正文未写明收到申请数" });

  const report: Report = {
    id,
    year: spec.year,
    template,
    title,
    publishedAt,
    agency: { id: spec.agency.id, name: spec.agency.name, region: spec.agency.region, ...(spec.agency.level ? { level: spec.agency.level } : {}) },
    source: {
      path: spec.sourcePath ?? `data/reports/${id}.txt`,
      sha256: createHash("sha256").update(lines.join("\n")).digest("hex"),
      layout: "pipe-rows",
      format: "txt",
    },
    proactive: { total: proactive, evidence: proactiveSentence, line: proactiveLine },
    table2,
    table3: t3,
    table4,
    sections: { overview, problems, improvements, other },
    themes: [...new Set((spec.themes ?? []).map((t) => t.theme))],
    themeEvidence: spec.themes ?? [],
    checks,
    warnings: spec.extraWarnings ?? [],
    cellLines,
    ...(spec.conflict ? { conflict: spec.conflict } : {}),
  };
  return { report, lines };
}
