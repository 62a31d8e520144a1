/**
 * Chinese labels for every record path the site shows, following the official forms
 * (国办公开办函〔2019〕60号 / 〔2021〕30号). Pure data: used by pages, the CSV data dictionary and
 * the tests.
 */
import {
  OUTCOME_KEYS,
  TABLE2_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_GROUPS,
  type Table2Item,
  type Table3Column,
  type Table3Row,
  type Table4Group,
  type Template,
} from "../schema";

export const SITE_NAME = "政务公开年报观察";

export const TEMPLATE_LABEL: Record<Template, string> = {
  "2019": "2019 年版表格（国办公开办函〔2019〕60号）",
  "2021": "2021 年版表格（国办公开办函〔2021〕30号）",
  unknown: "未识别的表格样式",
};
export const TEMPLATE_SHORT: Record<Template, string> = {
  "2019": "2019 版",
  "2021": "2021 版",
  unknown: "未识别",
};

/* ---------------------------------------------------------------- table 2 */

export const TABLE2_ITEM_LABEL: Record<Table2Item, string> = {
  regulations: "规章",
  normativeDocuments: "规范性文件",
  licensing: "行政许可",
  otherServices: "其他对外管理服务事项",
  penalty: "行政处罚",
  enforcement: "行政强制",
  fees: "行政事业性收费",
  procurement: "政府集中采购",
};
/** 2021 form prints 行政规范性文件 */
export const TABLE2_ITEM_LABEL_2021: Partial<Record<Table2Item, string>> = { normativeDocuments: "行政规范性文件" };

export const TABLE2_COLUMN_LABEL: Record<string, string> = {
  newlyMade: "本年新制作数量",
  newlyPublished: "本年新公开数量",
  totalPublished: "对外公开总数量",
  issued: "本年制发件数",
  repealed: "本年废止件数",
  inForce: "现行有效件数",
  previousCount: "上一年项目数量",
  change: "本年增/减",
  decisions: "处理决定数量",
  projects: "采购项目数量",
  amount: "金额（万元）",
};

/** Table 2 as the form prints it: groups by 第二十条 clause, each with its column header. */
export interface Table2Group {
  clause: string;
  columns: string[];
  items: Table2Item[];
}
export const TABLE2_LAYOUT: Record<"2019" | "2021", Table2Group[]> = {
  "2019": [
    { clause: "第二十条第（一）项", columns: ["newlyMade", "newlyPublished", "totalPublished"], items: ["regulations", "normativeDocuments"] },
    { clause: "第二十条第（五）项", columns: ["previousCount", "change", "decisions"], items: ["licensing", "otherServices"] },
    { clause: "第二十条第（六）项", columns: ["previousCount", "change", "decisions"], items: ["penalty", "enforcement"] },
    { clause: "第二十条第（八）项", columns: ["previousCount", "change"], items: ["fees"] },
    { clause: "第二十条第（九）项", columns: ["projects", "amount"], items: ["procurement"] },
  ],
  "2021": [
    { clause: "第二十条第（一）项", columns: ["issued", "repealed", "inForce"], items: ["regulations", "normativeDocuments"] },
    { clause: "第二十条第（五）项", columns: ["decisions"], items: ["licensing"] },
    { clause: "第二十条第（六）项", columns: ["decisions"], items: ["penalty", "enforcement"] },
    { clause: "第二十条第（八）项", columns: ["amount"], items: ["fees"] },
  ],
};
export function table2ColumnLabel(template: "2019" | "2021", col: string): string {
  if (template === "2021" && col === "decisions") return "本年处理决定数量";
  if (template === "2021" && col === "amount") return "本年收费金额（万元）";
  if (template === "2019" && col === "amount") return "采购总金额";
  return TABLE2_COLUMN_LABEL[col] ?? col;
}

/* ---------------------------------------------------------------- table 3 */

export const TABLE3_COLUMN_LABEL: Record<Table3Column, string> = {
  naturalPerson: "自然人",
  commercial: "商业企业",
  research: "科研机构",
  socialWelfare: "社会公益组织",
  legalService: "法律服务机构",
  otherOrg: "其他",
  total: "总计",
};
/** Column label for places without the two-level header (CSV, charts). */
export const TABLE3_COLUMN_LABEL_FULL: Record<Table3Column, string> = {
  ...TABLE3_COLUMN_LABEL,
  otherOrg: "其他法人或其他组织",
};

/** Full label of each row (for lists, CSV); `short` is what the form prints in the last header cell. */
export const TABLE3_ROW_LABEL: Record<Table3Row, string> = {
  newReceived: "一、本年新收政府信息公开申请数量",
  carriedOver: "二、上年结转政府信息公开申请数量",
  granted: "三（一）予以公开",
  partiallyGranted: "三（二）部分公开",
  "denied.stateSecret": "三（三）不予公开 1.属于国家秘密",
  "denied.lawProhibited": "三（三）不予公开 2.其他法律行政法规禁止公开",
  "denied.securityStability": "三（三）不予公开 3.危及“三安全一稳定”",
  "denied.thirdPartyRights": "三（三）不予公开 4.保护第三方合法权益",
  "denied.internalAffairs": "三（三）不予公开 5.属于三类内部事务信息",
  "denied.processInfo": "三（三）不予公开 6.属于四类过程性信息",
  "denied.enforcementFile": "三（三）不予公开 7.属于行政执法案卷",
  "denied.queryMatter": "三（三）不予公开 8.属于行政查询事项",
  "unavailable.notHeld": "三（四）无法提供 1.本机关不掌握相关政府信息",
  "unavailable.needsCreation": "三（四）无法提供 2.没有现成信息需要另行制作",
  "unavailable.unclear": "三（四）无法提供 3.补正后申请内容仍不明确",
  "notProcessed.complaint": "三（五）不予处理 1.信访举报投诉类申请",
  "notProcessed.duplicate": "三（五）不予处理 2.重复申请",
  "notProcessed.publication": "三（五）不予处理 3.要求提供公开出版物",
  "notProcessed.excessive": "三（五）不予处理 4.无正当理由大量反复申请",
  "notProcessed.confirmation": "三（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
  other: "三（六）其他处理",
  "other.overdueCorrection": "三（六）其他处理 1.申请人无正当理由逾期不补正",
  "other.overdueFee": "三（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用",
  "other.other": "三（六）其他处理 3.其他",
  totalProcessed: "三（七）总计",
  carriedForward: "四、结转下年度继续办理",
};

/** How the form lays out the label cells of each row: [group label, sub-group label, row label]. */
export const TABLE3_ROW_CELLS: Record<Table3Row, [string | null, string | null, string]> = {
  newReceived: [null, null, "一、本年新收政府信息公开申请数量"],
  carriedOver: [null, null, "二、上年结转政府信息公开申请数量"],
  granted: ["三、本年度办理结果", null, "（一）予以公开"],
  partiallyGranted: ["三、本年度办理结果", null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
  "denied.stateSecret": ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"],
  "denied.lawProhibited": ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开"],
  "denied.securityStability": ["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"],
  "denied.thirdPartyRights": ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"],
  "denied.internalAffairs": ["三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"],
  "denied.processInfo": ["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"],
  "denied.enforcementFile": ["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"],
  "denied.queryMatter": ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"],
  "unavailable.notHeld": ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"],
  "unavailable.needsCreation": ["三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"],
  "unavailable.unclear": ["三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确"],
  "notProcessed.complaint": ["三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请"],
  "notProcessed.duplicate": ["三、本年度办理结果", "（五）不予处理", "2.重复申请"],
  "notProcessed.publication": ["三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物"],
  "notProcessed.excessive": ["三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请"],
  "notProcessed.confirmation": ["三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
  other: ["三、本年度办理结果", null, "（六）其他处理"],
  "other.overdueCorrection": [
    "三、本年度办理结果",
    "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  ],
  "other.overdueFee": [
    "三、本年度办理结果",
    "（六）其他处理",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  ],
  "other.other": ["三、本年度办理结果", "（六）其他处理", "3.其他"],
  totalProcessed: ["三、本年度办理结果", null, "（七）总计"],
  carriedForward: [null, null, "四、结转下年度继续办理"],
};

/** How applications ended, grouped as the form's 三（一）…（六）. */
export const OUTCOME_GROUPS: { key: string; label: string; rows: Table3Row[] }[] = [
  { key: "granted", label: "予以公开", rows: ["granted"] },
  { key: "partiallyGranted", label: "部分公开", rows: ["partiallyGranted"] },
  {
    key: "denied",
    label: "不予公开",
    rows: TABLE3_ROWS.filter((r) => r.startsWith("denied.")),
  },
  { key: "unavailable", label: "无法提供", rows: TABLE3_ROWS.filter((r) => r.startsWith("unavailable.")) },
  { key: "notProcessed", label: "不予处理", rows: TABLE3_ROWS.filter((r) => r.startsWith("notProcessed.")) },
  { key: "other", label: "其他处理", rows: TABLE3_ROWS.filter((r) => r === "other" || r.startsWith("other.")) },
];

/* ---------------------------------------------------------------- table 4 */

export const TABLE4_GROUP_LABEL: Record<Table4Group, string> = {
  review: "行政复议",
  litigationDirect: "行政诉讼（未经复议直接起诉）",
  litigationAfterReview: "行政诉讼（复议后起诉）",
};
export const TABLE4_GROUP_SHORT: Record<Table4Group, string> = {
  review: "行政复议",
  litigationDirect: "未经复议直接起诉",
  litigationAfterReview: "复议后起诉",
};
export const OUTCOME_LABEL: Record<(typeof OUTCOME_KEYS)[number], string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
  total: "总计",
};

/* ---------------------------------------------------------------- checks */

export const RULE_INFO: Record<string, { name: string; description: string }> = {
  "t3.balance": {
    name: "表三收支平衡",
    description: "每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。",
  },
  "t3.totalProcessed": {
    name: "表三办理结果合计",
    description: "每一列：（七）总计 = 三（一）至（六）各项办理结果之和。",
  },
  "t3.rowTotal": {
    name: "表三行合计",
    description: "每一行：总计 = 自然人与五类法人或其他组织之和。",
  },
  "t4.total": {
    name: "表四合计",
    description: "行政复议、两类行政诉讼各自：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。",
  },
  "t2.inForce": {
    name: "表二现行有效件数（跨年）",
    description: "2021 年版表格：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。",
  },
  "crossYear.carriedOver": {
    name: "跨年结转衔接",
    description: "本年“上年结转”= 同一机关上一年报告的“结转下年度继续办理”。",
  },
  "text.newReceived": {
    name: "正文与表三一致",
    description: "正文中写明的收到申请数 = 表三“本年新收政府信息公开申请数量”总计。",
  },
};
export function ruleName(rule: string): string {
  return RULE_INFO[rule]?.name ?? rule;
}
export const STATUS_LABEL = { pass: "通过", fail: "未通过", na: "无法检查" } as const;

/* ---------------------------------------------------------------- paths */

/** Chinese label of a record path such as "table3.newReceived.total" (for the data dictionary, tooltips). */
export function pathLabel(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "table3") {
    const col = parts[parts.length - 1] as Table3Column;
    const row = parts.slice(1, -1).join(".") as Table3Row;
    if (TABLE3_ROW_LABEL[row] && TABLE3_COLUMN_LABEL_FULL[col])
      return `表三 ${TABLE3_ROW_LABEL[row]} · ${TABLE3_COLUMN_LABEL_FULL[col]}`;
  }
  if (parts[0] === "table2" && parts.length === 3) {
    const item = parts[1] as Table2Item;
    if (TABLE2_ITEM_LABEL[item]) return `表二 ${TABLE2_ITEM_LABEL[item]} · ${TABLE2_COLUMN_LABEL[parts[2]] ?? parts[2]}`;
  }
  if (parts[0] === "table4" && parts.length === 3) {
    const g = parts[1] as Table4Group;
    if (TABLE4_GROUP_LABEL[g])
      return `表四 ${TABLE4_GROUP_LABEL[g]} · ${OUTCOME_LABEL[parts[2] as keyof typeof OUTCOME_LABEL] ?? parts[2]}`;
  }
  return FIELD_LABEL[path] ?? path;
}

export const FIELD_LABEL: Record<string, string> = {
  id: "报告编号",
  year: "统计年度",
  template: "表格样式（2019 / 2021 / unknown）",
  title: "报告标题",
  publishedAt: "发布日期",
  "agency.id": "机构编号",
  "agency.name": "机构名称",
  "agency.region": "所在地区（省/市/县，以 / 分隔）",
  "agency.regionCode": "行政区划代码",
  "agency.level": "机构层级",
  "source.path": "原始文件路径",
  "source.sha256": "原始文件 SHA-256",
  "source.layout": "原始文件版式",
  "proactive.total": "主动公开政府信息条数（正文所述）",
  "proactive.evidence": "主动公开条数所在句子",
  themes: "“存在的主要问题”主题（以 ; 分隔）",
  "checks.failed": "未通过的勾稽规则（以 ; 分隔）",
  "checks.fail": "未通过的勾稽规则数",
  "checks.pass": "通过的勾稽规则数",
  "checks.na": "无法检查的勾稽规则数",
  "warnings.count": "解析警告数",
  "conflict.shown": "同一机关同一年度有多份报告时，是否为主报告",
};

export { OUTCOME_KEYS, TABLE2_COLUMNS, TABLE2_ITEMS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_GROUPS };
