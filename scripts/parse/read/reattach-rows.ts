/**
 * Table-3 rows that lost their labels, put back by the form's row order.
 *
 * PDF-to-markdown converters often break table 3 apart: some rows keep their label
 * (`| 6.属于四类过程性信息 | 1 | 0 | … |`), others come out as bare numbers (`| 1 | 0 | … |`) while their
 * label drifts away as loose text, often wrapped over several lines. The form fixes the order of
 * the rows, so between two labelled rows A and B the bare rows are the form's rows between A and
 * B — when, and only when, their count is exactly the number of form rows missing there. Otherwise
 * the bare rows are left as they are (no label: the tables stage will not guess either).
 */
import { TABLE3_ROWS_BY_TEMPLATE, type Table3Row } from "../../../src/schema.ts";
import { labelKey, TABLE3_ROW_LABELS } from "../labels.ts";

/** The labels the forms print, for rows whose label is put back. */
export const FORM_LABELS: Record<Table3Row, string> = {
  newReceived: "一、本年新收政府信息公开申请数量",
  carriedOver: "二、上年结转政府信息公开申请数量",
  granted: "(一)予以公开",
  partiallyGranted: "(二)部分公开(区分处理的，只计这一情形，不计其他情形)",
  "denied.stateSecret": "1.属于国家秘密",
  "denied.lawProhibited": "2.其他法律行政法规禁止公开",
  "denied.securityStability": "3.危及“三安全一稳定”",
  "denied.thirdPartyRights": "4.保护第三方合法权益",
  "denied.internalAffairs": "5.属于三类内部事务信息",
  "denied.processInfo": "6.属于四类过程性信息",
  "denied.enforcementFile": "7.属于行政执法案卷",
  "denied.queryMatter": "8.属于行政查询事项",
  "unavailable.notHeld": "1.本机关不掌握相关政府信息",
  "unavailable.needsCreation": "2.没有现成信息需要另行制作",
  "unavailable.unclear": "3.补正后申请内容仍不明确",
  "notProcessed.complaint": "1.信访举报投诉类申请",
  "notProcessed.duplicate": "2.重复申请",
  "notProcessed.publication": "3.要求提供公开出版物",
  "notProcessed.excessive": "4.无正当理由大量反复申请",
  "notProcessed.confirmation": "5.要求行政机关确认或重新出具已获取信息",
  other: "(六)其他处理",
  "other.overdueCorrection": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "other.overdueFee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "other.other": "3.其他",
  totalProcessed: "(七)总计",
  carriedForward: "四、结转下年度继续办理",
};

/** A table row as the reader found it: its label (may be empty) and its value cells. */
export interface FoundRow {
  label: string;
  values: string[];
}

const NOT_OUTCOMES: (Table3Row | null)[] = [null, "newReceived", "carriedOver", "totalProcessed", "carriedForward"];

/**
 * Which table-3 row a label names (null: none, or a header). `previous`: the last row named
 * before it; "其他" alone is 三（六）3 of the 2021 form once outcome rows have begun.
 */
export function table3RowOf(label: string, previous: Table3Row | null, template: "2019" | "2021" = "2021"): Table3Row | null {
  const key = labelKey(label);
  if (!key) return null;
  if (key === "其他") return template === "2021" && !NOT_OUTCOMES.includes(previous) ? "other.other" : null;
  if (key === "总计") return previous && previous !== "newReceived" && previous !== "carriedOver" ? "totalProcessed" : null;
  for (const [row, variants] of TABLE3_ROW_LABELS) if (variants.some((v) => key.includes(v))) return row;
  return null;
}

export interface Reattached {
  /** one entry per input row: the row id, or null when not known */
  ids: (Table3Row | null)[];
  /** input rows whose label was put back */
  reattached: number[];
  /** bare rows that could not be placed */
  unplaced: number[];
}

/** Bare value rows (label "") between labelled rows → their form rows, by order and count. */
export function reattachTable3(rows: FoundRow[], template: "2019" | "2021"): Reattached {
  const form: readonly Table3Row[] = TABLE3_ROWS_BY_TEMPLATE[template];
  const ids: (Table3Row | null)[] = [];
  let previous: Table3Row | null = null;
  for (const row of rows) {
    const id: Table3Row | null = row.label ? table3RowOf(row.label, previous, template) : null;
    ids.push(id);
    if (id) previous = id;
  }
  const reattached: number[] = [];
  const unplaced: number[] = [];
  // anchors: labelled rows in form order, with a virtual anchor before the first row and after the last
  const anchors = ids.map((id, i) => ({ i, pos: id ? form.indexOf(id) : -2 })).filter((a) => a.pos >= 0);
  const bounds = [{ i: -1, pos: -1 }, ...anchors, { i: rows.length, pos: form.length }];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k];
    const b = bounds[k + 1];
    const bare = range(a.i + 1, b.i).filter((i) => !rows[i].label && isValueRow(rows[i]));
    if (bare.length === 0) continue;
    const missing = b.pos > a.pos ? form.slice(a.pos + 1, b.pos).filter((id) => !ids.includes(id)) : [];
    if (missing.length === bare.length) {
      bare.forEach((i, n) => {
        ids[i] = missing[n];
        reattached.push(i);
      });
    } else unplaced.push(...bare);
  }
  return { ids, reattached, unplaced };
}

/** A row of numbers: at least five cells, every non-empty one a number. */
export function isValueRow(row: FoundRow): boolean {
  const filled = row.values.filter((v) => v.trim() !== "");
  return row.values.length >= 5 && filled.length > 0 && filled.every((v) => /^[+-]?[\d,]+(\.\d+)?$/.test(v.trim()));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
