/**
 * Lookup tables: canonical label → the variants reports really print.
 *
 * Every table in the pipeline that recognizes a label reads from here, so supporting a new way of
 * writing a label is a one-line data change. Variants are compared after `labelKey` (numbering,
 * spaces and quotes removed), so "3.危及“三安全一稳定”", "3.危及三安全一稳定" and
 * "3.危及'三安全一稳定'" are the same key.
 */
import type { Table2Item, Table3Row } from "../../src/schema.ts";
import { isDigitCode, withoutCodes } from "./chars.ts";
import { memoize } from "./memoize.ts";
import { WordIndex } from "./word-index.ts";

/** Headings of the six parts of a report. */
export const SECTION_HEADINGS = {
  overview: ["总体情况", "概述", "基本情况"],
  proactive: ["主动公开政府信息情况", "主动公开政府信息", "政府信息主动公开情况", "主动公开情况"],
  applications: ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "依申请公开政府信息情况", "依申请公开情况"],
  // "行政法复议、行政诉讼情况" (pingtan 2022) is a misprint that still ends in 行政诉讼情况
  review: ["政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况", "行政复议、行政诉讼", "行政复议和行政诉讼", "行政诉讼情况", "行政复议"],
  problems: ["存在的主要问题及改进情况", "存在的主要问题和改进情况", "主要问题及改进情况", "主要问题和改进", "存在的主要问题", "存在的问题"],
  other: ["其他需要报告的事项", "需要说明的其他事项", "其他需要报告事项", "其他需要说明的事项", "其他事项"],
} as const;
export type SectionKey = keyof typeof SECTION_HEADINGS;

/** Table 2 items. Matched against the whole label key (a cell holds only the item name). */
export const TABLE2_ITEM_LABELS: Record<Table2Item, string[]> = {
  regulations: ["规章"],
  normativeDocuments: ["规范性文件", "行政规范性文件", "政府规范性文件"],
  licensing: ["行政许可"],
  otherServices: ["其他对外管理服务事项", "其他对外管理服务"],
  penalty: ["行政处罚"],
  enforcement: ["行政强制"],
  fees: ["行政事业性收费"],
  procurement: ["政府集中采购"],
};

/** Header words that identify the form (国办公开办函〔2019〕60号 vs 〔2021〕30号). */
export const TEMPLATE_MARKERS = {
  "2019": ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额"],
  "2021": ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"],
} as const;

/**
 * Table 3 rows. A label matches when its key contains a variant (keys are short; see `isLabelLike`).
 * Order matters where one variant contains another: the first match wins.
 */
export const TABLE3_ROW_LABELS: [Table3Row, string[]][] = [
  ["newReceived", ["本年新收政府信息公开申请数量", "本年新收政府信息公开申请", "本年新收"]],
  ["carriedOver", ["上年结转政府信息公开申请数量", "上年结转政府信息公开申请", "上年结转"]],
  ["partiallyGranted", ["部分公开"]],
  ["granted", ["予以公开"]],
  ["denied.stateSecret", ["属于国家秘密", "国家秘密"]],
  ["denied.lawProhibited", ["其他法律行政法规禁止公开", "法律行政法规禁止公开", "其他法律行政止公开", "行政法规禁止公开"]],
  ["denied.securityStability", ["危及三安全一稳定", "三安全一稳定"]],
  ["denied.thirdPartyRights", ["保护第三方合法权益", "第三方合法权益"]],
  ["denied.internalAffairs", ["属于三类内部事务信息", "三类内部事务"]],
  ["denied.processInfo", ["属于四类过程性信息", "四类过程性信息"]],
  ["denied.enforcementFile", ["属于行政执法案卷", "行政执法案卷"]],
  ["denied.queryMatter", ["属于行政查询事项", "行政查询事项"]],
  ["unavailable.notHeld", ["本机关不掌握相关政府信息", "本机关不掌握"]],
  ["unavailable.needsCreation", ["没有现成信息需要另行制作", "需要另行制作", "另行制作"]],
  ["unavailable.unclear", ["补正后申请内容仍不明确", "申请内容仍不明确", "仍不明确"]],
  ["notProcessed.complaint", ["信访举报投诉类申请", "信访举报投诉"]],
  ["notProcessed.duplicate", ["重复申请"]],
  ["notProcessed.publication", ["要求提供公开出版物", "公开出版物"]],
  ["notProcessed.excessive", ["无正当理由大量反复申请", "大量反复申请"]],
  ["notProcessed.confirmation", ["要求行政机关确认或重新出具已获取信息", "确认或重新出具已获取信息", "确认或重新出具"]],
  ["other.overdueCorrection", ["逾期不补正"]],
  ["other.overdueFee", ["逾期未按收费通知要求缴纳费用", "逾期未按收费通知", "未按收费通知要求缴纳费用"]],
  ["other", ["其他处理"]],
  ["carriedForward", ["结转下年度继续办理", "结转下年度"]],
];

/**
 * Labels that only appear in a given context: "其他" is row 三（六）3 of the 2021 form only after
 * 逾期未按收费…; "总计" alone is （七）总计 only once outcome rows have begun (before that it is the
 * column header 总计).
 */
export const TABLE3_CONTEXT_LABELS: { row: Table3Row; key: string; after: Table3Row[] }[] = [
  { row: "other.other", key: "其他", after: ["other.overdueFee", "other.overdueCorrection"] },
  { row: "totalProcessed", key: "总计", after: ["granted", "partiallyGranted", "other", "other.other", "notProcessed.confirmation"] },
];

/** Group headings of table 3: they carry no numbers of their own. */
export const TABLE3_GROUP_LABELS = ["本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理"];

/** Header words of table 4 (the review/litigation numbers follow the last of them). */
export const TABLE4_HEADER_WORDS = [
  "行政复议",
  "行政诉讼",
  "未经复议直接起诉",
  "复议后起诉",
  "结果维持",
  "结果纠正",
  "其他结果",
  "其结果他",
  "尚未审结",
  "总计",
  "结果",
  "其他",
  "尚未",
  "维持",
  "纠正",
  "审结",
];

/** Cells that stand for "no number": blank, dashes, slash, 无. */
export const EMPTY_CELL_VALUES = new Set(["", "-", "—", "——", "–", "/", "\\", "无", "空", "－", "／", "…"]);

const NUMBERING_RE =
  /^(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d+[)）]|\d+\s*[.、．)](?!\d)|第[一二三四五六七八九十]+[项部分]+)\s*/;
/** spaces, quotes, punctuation and parentheses: dropped from a key */
const NOISE_RE = /[\s“”"'‘’「」『』《》:：,，;；。()（）]/;
/**
 * NOISE_RE as a table by char code, made from the regex itself: labelKey runs on every short cell,
 * and a regex call there cost more than the rest of the key work.
 */
const IS_NOISE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (NOISE_RE.test(String.fromCharCode(c))) IS_NOISE[c] = 1;

const isNoiseCode = (c: number) => IS_NOISE[c] === 1;

/** Can NUMBERING_RE match at a string starting with this char code? ( （ 一…十 0-9 第 */
function mayStartNumbering(c: number): boolean {
  if (isDigitCode(c)) return true;
  switch (c) {
    case 0x28: // (
    case 0xff08: // （
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x7b2c: // 第
      return true;
  }
  return false;
}

/** The comparable key of a label: no leading numbering, spaces, quotes or punctuation. */
export function labelKey(text: string): string {
  let t = text.trim();
  // a group and its first row often share a cell: "(四)无法提供 1.本机关…"; strip repeatedly
  for (let i = 0; i < 3 && mayStartNumbering(t.charCodeAt(0)); i++) {
    const m = NUMBERING_RE.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return withoutCodes(t, isNoiseCode);
}

/** A cell can be a row label: short, and no digits once its numbering is gone. */
export function isLabelLike(key: string): boolean {
  if (key.length === 0 || key.length > 45) return false;
  // no digit: /\d/.test(key) without a regex call (this runs on every text cell of the tables)
  for (let i = 0; i < key.length; i++) if (isDigitCode(key.charCodeAt(i))) return false;
  return true;
}

/* ------------------------------------------------------------------ what a key says */

/**
 * What the tables stage asks of a text cell's key, worked out once per distinct key (the cells
 * stage attaches it to each text cell): the tables then read fields instead of looking the key up
 * in half a dozen sets and word lists per cell.
 */
export interface LabelFacts {
  /** labelKey of the cell's text */
  key: string;
  /** isLabelLike(key): the cell can open a row */
  rowLabel: boolean;
  /** the table-2 item the whole key names */
  table2Item: Table2Item | null;
  /** what the key says in table 3 on its own (see table3Word; null for keys that are no row label) */
  table3: Table3Row | "group" | "context" | null;
  /** which forms' header words the key holds: 1 = 2019, 2 = 2021 (both = 3) */
  markers: number;
  /** the key is a header word of table 4 */
  table4Header: boolean;
}

const TABLE2_LOOKUP = new Map<string, Table2Item>(
  Object.entries(TABLE2_ITEM_LABELS).flatMap(([item, variants]) => variants.map((v) => [v, item as Table2Item])),
);

const MARKERS_2019 = new WordIndex(TEMPLATE_MARKERS["2019"].map((m) => [m, true] as const));
const MARKERS_2021 = new WordIndex(TEMPLATE_MARKERS["2021"].map((m) => [m, true] as const));

/**
 * TABLE3_ROW_LABELS as a WordIndex, ranked in row order. A variant containing another variant of
 * its row is left out (whatever contains it contains the shorter one too), so the first word found
 * names the same row as trying the rows in order.
 */
const TABLE3_WORDS = new WordIndex<Table3Row>(
  TABLE3_ROW_LABELS.flatMap(([row, variants]) =>
    variants.filter((variant) => !variants.some((v) => v !== variant && variant.includes(v))).map((v) => [v, row] as const),
  ),
);

/** What a key says in table 3 on its own: the row its words name, "group", "context" (see TABLE3_CONTEXT_LABELS) or null. */
function table3Word(key: string): Table3Row | "group" | "context" | null {
  const row = TABLE3_WORDS.first(key);
  if (row) return row.value;
  if (TABLE3_CONTEXT_LABELS.some((ctx) => key === ctx.key)) return "context";
  return isGroupLabel(key) ? "group" : null;
}

/** A group heading of table 3 (三、本年度办理结果 …), alone or with a few characters more. */
export function isGroupLabel(key: string): boolean {
  return TABLE3_GROUP_LABELS.some((g) => key === g || (key.startsWith(g) && key.length <= g.length + 4));
}

const TABLE4_HEADER_SET = new Set(TABLE4_HEADER_WORDS);

/** The facts of a key (see LabelFacts), remembered per key. */
export const labelFacts = memoize((key: string): LabelFacts => {
  const rowLabel = isLabelLike(key);
  return {
    key,
    rowLabel,
    table2Item: TABLE2_LOOKUP.get(key) ?? null,
    table3: rowLabel ? table3Word(key) : null,
    markers: (MARKERS_2019.any(key) ? 1 : 0) | (MARKERS_2021.any(key) ? 2 : 0),
    table4Header: TABLE4_HEADER_SET.has(key),
  };
});
