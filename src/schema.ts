/**
 * The report record — the one place its types are defined.
 *
 * The parser (scripts/) validates every record it writes against `Report`, and the site (src/lib)
 * validates what it reads, so both sides agree by construction. The keys follow the contract in
 * ../shared/SCHEMA.md: extend, never rename. Fields added beyond the contract are marked "extension".
 */
import { z } from "zod";

/** A printed count. `null` = blank, —, /, 无 or missing in the source; never a silent 0. */
export const Count = z.number().nullable();
export type Count = z.infer<typeof Count>;

export const TEMPLATES = ["2019", "2021", "unknown"] as const;
export const Template = z.enum(TEMPLATES);
export type Template = z.infer<typeof Template>;

/* ------------------------------------------------------------------ table 2 */

/** Column keys of each table-2 item, per form (国办公开办函〔2019〕60号 / 〔2021〕30号). */
export const TABLE2_COLUMNS = {
  "2019": {
    regulations: ["newlyMade", "newlyPublished", "totalPublished"],
    normativeDocuments: ["newlyMade", "newlyPublished", "totalPublished"],
    licensing: ["previousCount", "change", "decisions"],
    otherServices: ["previousCount", "change", "decisions"],
    penalty: ["previousCount", "change", "decisions"],
    enforcement: ["previousCount", "change", "decisions"],
    fees: ["previousCount", "change"],
    procurement: ["projects", "amount"],
  },
  "2021": {
    regulations: ["issued", "repealed", "inForce"],
    normativeDocuments: ["issued", "repealed", "inForce"],
    licensing: ["decisions"],
    penalty: ["decisions"],
    enforcement: ["decisions"],
    fees: ["amount"],
  },
} as const satisfies Record<"2019" | "2021", Record<string, readonly string[]>>;

export const TABLE2_ITEMS = [
  "regulations",
  "normativeDocuments",
  "licensing",
  "otherServices",
  "penalty",
  "enforcement",
  "fees",
  "procurement",
] as const;
export type Table2Item = (typeof TABLE2_ITEMS)[number];

export const Table2 = z.partialRecord(z.enum(TABLE2_ITEMS), z.record(z.string(), Count));
export type Table2 = z.infer<typeof Table2>;

/* ------------------------------------------------------------------ table 3 */

export const TABLE3_COLUMNS = [
  "naturalPerson",
  "commercial",
  "research",
  "socialWelfare",
  "legalService",
  "otherOrg",
  "total",
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];

/** Outcome rows shared by both forms, in form order. */
const OUTCOME_ROWS_COMMON = [
  "granted",
  "partiallyGranted",
  "denied.stateSecret",
  "denied.lawProhibited",
  "denied.securityStability",
  "denied.thirdPartyRights",
  "denied.internalAffairs",
  "denied.processInfo",
  "denied.enforcementFile",
  "denied.queryMatter",
  "unavailable.notHeld",
  "unavailable.needsCreation",
  "unavailable.unclear",
  "notProcessed.complaint",
  "notProcessed.duplicate",
  "notProcessed.publication",
  "notProcessed.excessive",
  "notProcessed.confirmation",
] as const;

/** Rows of table 3 per form, in the order the form prints them (23 rows in 2019, 25 in 2021). */
export const TABLE3_ROWS_BY_TEMPLATE = {
  "2019": ["newReceived", "carriedOver", ...OUTCOME_ROWS_COMMON, "other", "totalProcessed", "carriedForward"],
  "2021": [
    "newReceived",
    "carriedOver",
    ...OUTCOME_ROWS_COMMON,
    "other.overdueCorrection",
    "other.overdueFee",
    "other.other",
    "totalProcessed",
    "carriedForward",
  ],
} as const;

export const TABLE3_ROWS = [
  "newReceived",
  "carriedOver",
  ...OUTCOME_ROWS_COMMON,
  "other",
  "other.overdueCorrection",
  "other.overdueFee",
  "other.other",
  "totalProcessed",
  "carriedForward",
] as const;
export type Table3Row = (typeof TABLE3_ROWS)[number];

/** Rows that are outcomes (三（一）…（六）): they sum to totalProcessed. */
export const TABLE3_OUTCOME_ROWS: readonly Table3Row[] = TABLE3_ROWS.filter(
  (row) => !["newReceived", "carriedOver", "totalProcessed", "carriedForward"].includes(row),
);

export const Table3Cells = z.object(
  Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, Count])) as Record<Table3Column, typeof Count>,
);
export type Table3Cells = z.infer<typeof Table3Cells>;

export const Table3 = z.partialRecord(z.enum(TABLE3_ROWS), Table3Cells);
export type Table3 = z.infer<typeof Table3>;

/* ------------------------------------------------------------------ table 4 */

export const OUTCOME_KEYS = ["upheld", "corrected", "other", "pending", "total"] as const;
export const TABLE4_GROUPS = ["review", "litigationDirect", "litigationAfterReview"] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];

export const Outcome = z.object({
  upheld: Count,
  corrected: Count,
  other: Count,
  pending: Count,
  total: Count,
});
export type Outcome = z.infer<typeof Outcome>;

export const Table4 = z.object({
  review: Outcome,
  litigationDirect: Outcome,
  litigationAfterReview: Outcome,
});
export type Table4 = z.infer<typeof Table4>;

/* ------------------------------------------------------------------ cell lines */

/** Record path → 1-based source line ("table3.newReceived.total" → 42). */
export const CellLines = z.record(z.string(), z.number().int().positive());

/* ------------------------------------------------------------- checks, warnings */

export const CheckStatus = z.enum(["pass", "fail", "na"]);
export const Check = z.object({
  rule: z.string(),
  status: CheckStatus,
  detail: z.string(),
  cells: z.array(z.string()).optional(),
  /** extension: what the report printed and what the rule computes, for fails */
  printed: z.number().nullable().optional(),
  computed: z.number().nullable().optional(),
});
export type Check = z.infer<typeof Check>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional(),
});
export type Warning = z.infer<typeof Warning>;

/* ------------------------------------------------------------------ record */

export const Report = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id must be URL-safe"),
  year: z.number().int(),
  template: Template,
  title: z.string().nullable(),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  agency: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string(),
    region: z.array(z.string()),
    /** extension: GB/T 2260 code of the most specific region, when known */
    regionCode: z.string().nullable().optional(),
    /** extension: 街道 / 乡镇 / 县区政府 / 部门 / 市政府 / … */
    level: z.string().optional(),
  }),
  source: z.object({
    path: z.string(),
    sha256: z.string(),
    layout: z.string(),
    /** extension: input format (txt, html, pdf, docx, md) */
    format: z.string().optional(),
  }),
  proactive: z.object({
    total: Count,
    evidence: z.string().nullable(),
    /** extension: source line of the evidence sentence */
    line: z.number().int().positive().nullable().optional(),
  }),
  table2: Table2,
  table3: Table3,
  table4: Table4,
  sections: z.object({
    overview: z.string().nullable(),
    problems: z.string().nullable(),
    improvements: z.string().nullable(),
    other: z.string().nullable(),
  }),
  themes: z.array(z.string()),
  checks: z.array(Check),
  warnings: z.array(Warning),
  /** extension: source line of every table cell, keyed by record path ("table3.newReceived.total") */
  cellLines: CellLines,
  /** extension: evidence for each theme id — the sentence it was found in */
  themeEvidence: z
    .array(z.object({ theme: z.string(), sentence: z.string() }))
    .optional(),
  /** extension: problems text that closely resembles another report's (boilerplate), with the pair */
  boilerplate: z
    .array(
      z.object({
        other: z.string(),
        kind: z.enum(["previousYear", "otherAgency"]),
        similarity: z.number(),
      }),
    )
    .optional(),
  /** extension: set when another file reports the same agency and year */
  conflict: z
    .object({ with: z.array(z.string()), shown: z.boolean() })
    .optional(),
});
export type Report = z.infer<typeof Report>;

/** A file that could not be turned into a record, with the reason (no input silently vanishes). */
export const Unparsed = z.object({
  path: z.string(),
  reason: z.string(),
  line: z.number().int().positive().optional(),
});
export type Unparsed = z.infer<typeof Unparsed>;

/** An improvement promised in year Y (改进情况) whose problem is reported again in Y+1. */
export const RepeatedAfterPromise = z.object({
  theme: z.string(),
  /** the report (year Y) whose 改进情况 promised to work on the theme */
  promisedIn: z.string(),
  promisedYear: z.number(),
  /** the improvement sentence */
  promise: z.string(),
  /** the report (year Y+1) that reports the problem again */
  reportedIn: z.string(),
  reportedYear: z.number(),
  /** the problem sentence */
  problem: z.string(),
});
export type RepeatedAfterPromise = z.infer<typeof RepeatedAfterPromise>;

/** Per agency: themes reported in consecutive years, and improvements promised but not kept. */
export const ThemeRecurrence = z.object({
  agencyId: z.string(),
  recurring: z.array(z.object({ theme: z.string(), years: z.array(z.number()), longestRun: z.number(), reportIds: z.array(z.string()) })),
  repeatedAfterPromise: z.array(RepeatedAfterPromise),
});
export type ThemeRecurrence = z.infer<typeof ThemeRecurrence>;

/** Corpus-wide theme findings for the taxonomy's maintainers and the /themes/ pages. */
export const ThemeFindings = z.object({
  recurrence: z.array(ThemeRecurrence),
  /** frequent phrases in problems text that no theme covers */
  uncovered: z.array(z.object({ phrase: z.string(), count: z.number(), example: z.string() })),
});
export type ThemeFindings = z.infer<typeof ThemeFindings>;

/** What `npm run parse` writes for the site. */
export const Corpus = z.object({
  generatedAt: z.string(),
  reports: z.array(Report),
  unparsed: z.array(Unparsed),
  /** extension: theme recurrence and discovery (absent in corpora written before themes existed) */
  themes: ThemeFindings.optional(),
});
export type Corpus = z.infer<typeof Corpus>;
