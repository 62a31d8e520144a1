/**
 * The parser: report files → records (or, for each file that is no report, the reason).
 *
 *   read → split sections → tokenize cells → recognize tables → metadata → narrative → themes
 *        → record → checks → validate
 *
 * Each stage is a module of its own; this file only wires them together (STAGES below).
 *
 * Reports go through in batches, stage by stage: every report of a batch is read, then every one
 * is split into sections, and so on. A stage's code and lookup tables (label forms, gazetteer,
 * theme patterns, jieba) then stay in the CPU caches from one report to the next, instead of being
 * pushed out by the nine other stages in between. Measured in one process, CPU time per report of
 * the bench corpus: 336 µs one at a time, 308 in batches of 8, 296 of 16 or 32, 300 of 64, 375 of
 * 128 (by then a batch's own data no longer fits the 2 MB cache). The records are the same either
 * way: stages keep nothing of one report for the next but caches of pure functions.
 */
import { hash } from "node:crypto";
import type { Report, Unparsed, Warning } from "../../src/schema.ts";
import { readSource } from "./read/index.ts";
import { UnreadableError, type SourceText } from "./read/source.ts";
import { splitSections, type Section, type Sections } from "./sections.ts";
import { dominantLayout, tokenizeCells, type Cell, type LineLayout } from "./cells.ts";
import { recognizeTables, type RecognizedTables, type TableRegions } from "./tables.ts";
import { extractMetadata, type Metadata } from "./metadata.ts";
import { readNarrative, type Narrative } from "./narrative.ts";
import { checkReport } from "./checks.ts";
import { validateRecord } from "./validate.ts";
import { detectThemes, type DetectResult } from "../themes/detect.ts";
import type { AgencyOverride } from "./agency.ts";

export type ParseOutcome =
  | { ok: true; record: Report; source: SourceText }
  | { ok: false; unparsed: Unparsed };

/** A report whose parse threw (a parser bug or an unexpected input): the error, for the caller to report. */
export interface ParseFailure {
  ok: false;
  error: unknown;
}

export interface ReportInput {
  bytes: Uint8Array;
  /** the file's path: its extension picks the reader */
  path: string;
  /** the path recorded in `source.path` (defaults to `path`) */
  displayPath?: string;
  override?: AgencyOverride;
}

export interface ParseOptions {
  /** when given, the milliseconds spent in each stage are added to it (bench:parse --stages) */
  stageTimes?: Record<string, number>;
}

/**
 * How many reports parseReports' callers hand it at once (see the file comment): the smaller end
 * of the best sizes measured, as real reports run larger than the bench's.
 */
export const BATCH_SIZE = 16;

/**
 * One outcome per input, in order. A report that throws fails alone (ParseFailure): the others of
 * its batch go on.
 */
export async function parseReports(inputs: ReportInput[], options: ParseOptions = {}): Promise<(ParseOutcome | ParseFailure)[]> {
  const jobs = inputs.map(newJob);
  const lap = stageTimer(options.stageTimes);
  for (const [name, step] of STAGES) {
    for (const job of jobs) {
      if (job.outcome) continue; // parsed, no report, or failed in an earlier stage
      try {
        const pending = step(job);
        if (pending) await pending; // (only reading markup formats is asynchronous)
      } catch (error) {
        job.outcome = { ok: false, error };
      }
    }
    lap(name);
  }
  return jobs.map((job) => job.outcome ?? { ok: false, error: new Error(`parser bug: ${job.displayPath} left the stages without an outcome`) });
}

/** One report: parseReports for a single input; throws what the parse threw. */
export async function parseReport(
  bytes: Uint8Array,
  path: string,
  options: ParseOptions & Omit<ReportInput, "bytes" | "path"> = {},
): Promise<ParseOutcome> {
  const [outcome] = await parseReports([{ bytes, path, displayPath: options.displayPath, override: options.override }], options);
  if ("error" in outcome) throw outcome.error;
  return outcome;
}

/**
 * A report on its way through the stages. Each stage fills in its field(s) from those of the
 * stages before it; `outcome` is set when the report leaves (parsed, no report, or failed).
 */
interface Job {
  input: ReportInput;
  displayPath: string;
  source: SourceText;
  sections: Sections;
  regions: TableRegions;
  lineLayouts: (LineLayout | null)[];
  tables: RecognizedTables;
  meta: Metadata;
  narrative: Narrative;
  themes: DetectResult;
  draft: Report;
  outcome?: ParseOutcome | ParseFailure;
}

function newJob(input: ReportInput): Job {
  // (the stages fill in the rest, in order: a stage reads only fields of stages before it)
  return { input, displayPath: input.displayPath ?? input.path } as Job;
}

type Step = (job: Job) => void | Promise<void>;

const STAGES: [string, Step][] = [
  ["read", readStep],
  ["sections", (job) => { job.sections = splitSections(job.source.lines); }],
  ["cells", (job) => { ({ regions: job.regions, lineLayouts: job.lineLayouts } = tableRegions(job.source.lines, job.sections)); }],
  ["tables", tablesStep],
  ["metadata", (job) => { job.meta = extractMetadata(job.source, job.sections, job.input.override, job.displayPath); }],
  ["narrative", (job) => { job.narrative = readNarrative(job.source.lines, job.sections); }],
  ["themes", (job) => { job.themes = detectThemes(job.narrative.sections.problems); }],
  ["record", (job) => { job.draft = draftRecord(job); }],
  ["checks", (job) => { job.draft.checks = checkReport(job.draft, job.narrative.newReceived); }],
  ["validate", (job) => { job.outcome = { ok: true, record: validateRecord(job.draft, job.displayPath), source: job.source }; }],
];

/** Text is decoded synchronously (the hot path); markup readers may be asynchronous. */
function readStep(job: Job): void | Promise<void> {
  let read: SourceText | Promise<SourceText>;
  try {
    read = readSource(job.input.bytes, job.input.path);
  } catch (error) {
    return unreadable(job, error);
  }
  if (!(read instanceof Promise)) {
    job.source = read;
    return;
  }
  return read.then(
    (source) => { job.source = source; },
    (error) => unreadable(job, error),
  );
}

/** An UnreadableError makes the report an unparsed file with the reason; anything else is thrown on. */
function unreadable(job: Job, error: unknown): void {
  if (!(error instanceof UnreadableError)) throw error;
  job.outcome = { ok: false, unparsed: { path: job.displayPath, reason: error.message, ...(error.line ? { line: error.line } : {}) } };
}

function tablesStep(job: Job): void {
  job.tables = recognizeTables(job.regions);
  if (!anyTable(job.tables) && job.sections.list.length < 2)
    job.outcome = { ok: false, unparsed: { path: job.displayPath, reason: "不是政府信息公开年度报告：既没有表格，也没有报告的章节标题" } };
}

const anyTable = (tables: RecognizedTables) => tables.found.table2 || tables.found.table3 || tables.found.table4;

/** The record before its checks (and before validation). */
function draftRecord({ input, displayPath, source, sections, lineLayouts, tables, meta, narrative, themes }: Job): Report {
  const warnings: Warning[] = source.warnings ? source.warnings.slice() : [];
  sectionWarnings(sections, warnings);
  for (const w of tables.warnings) warnings.push(w);
  for (const w of meta.warnings) warnings.push(w);
  if (!anyTable(tables)) warnings.push({ code: "no-tables", message: "报告中没有找到表二、表三、表四" });
  const year = meta.year ?? 0;
  // keys in the schema's order: validation returns this object itself, and the record's JSON
  // lists its keys as zod's output would
  return {
    id: `${meta.agency.id}-${year}`,
    year,
    template: tables.template,
    title: meta.title,
    publishedAt: meta.publishedAt,
    agency: meta.agency,
    source: {
      path: displayPath,
      sha256: hash("sha256", input.bytes), // one-shot: no Hash object and stream set-up per report
      layout: dominantLayout(lineLayouts, sectionRanges(sections)),
      format: source.format,
    },
    proactive: {
      total: narrative.proactive?.value ?? null,
      evidence: narrative.proactive?.sentence ?? null,
      line: narrative.proactive?.line ?? null,
    },
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    sections: narrative.sections,
    themes: themes.themes,
    checks: [],
    warnings,
    cellLines: tables.cellLines,
    themeEvidence: themes.evidence,
  };
}

/** Adds the time since the previous lap to `times[stage]`; a no-op without `times`. */
function stageTimer(times: Record<string, number> | undefined): (stage: string) => void {
  if (!times) return () => {};
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    times[stage] = (times[stage] ?? 0) + now - last;
    last = now;
  };
}

/**
 * Cells of each table: the part's own lines, or the whole file when the part heading is missing.
 * Only the lines that some table reads are tokenized (the narrative parts are most of a file).
 */
function tableRegions(lines: string[], sections: Sections): { regions: TableRegions; lineLayouts: (LineLayout | null)[] } {
  const lineLayouts: (LineLayout | null)[] = new Array(lines.length).fill(null);
  const proactive = sections.get("proactive");
  const applications = sections.get("applications");
  const review = sections.get("review");
  if (proactive && applications) {
    const table2 = partCells(lines, proactive, lineLayouts);
    const table3 = partCells(lines, applications, lineLayouts);
    const table4 = review ? partCells(lines, review, lineLayouts) : [];
    return { regions: { table2, table3, table4 }, lineLayouts };
  }
  const { cells } = tokenizeCells(lines, 0, lines.length, lineLayouts);
  return { regions: { table2: cellsWithin(cells, proactive), table3: cellsWithin(cells, applications), table4: review ? cellsWithin(cells, review) : [] }, lineLayouts };
}

/** The cells of a part's own lines, tokenized (their layouts noted in `lineLayouts`). */
function partCells(lines: string[], s: Section, lineLayouts: (LineLayout | null)[]): Cell[] {
  return tokenizeCells(lines, s.start, s.end, lineLayouts).cells;
}

/** The cells of a part's lines (all of them without the part). */
function cellsWithin(cells: Cell[], s: Section | undefined): Cell[] {
  return s ? cells.filter((c) => c.line - 1 >= s.start && c.line - 1 < s.end) : cells;
}

/** Lines of the parts that hold tables (a plain loop: flatMap is slow on this hot path). */
function sectionRanges(sections: Sections): [number, number][] {
  const ranges: [number, number][] = [];
  for (const k of TABLE_PARTS) {
    const s = sections.get(k);
    if (s) ranges.push([s.start, s.end]);
  }
  return ranges;
}
const TABLE_PARTS = ["proactive", "applications", "review"] as const;

const PART_NAMES = { overview: "一 总体情况", proactive: "二 主动公开", applications: "三 依申请公开", review: "四 复议诉讼", problems: "五 存在的主要问题", other: "六 其他事项" };

/** Adds a warning to `out` for each part whose heading is missing. */
function sectionWarnings(sections: Sections, out: Warning[]): void {
  for (const k of PART_KEYS)
    if (!sections.get(k)) out.push({ code: "section-missing", message: `没有找到“${PART_NAMES[k]}”部分的标题` });
}
const PART_KEYS = Object.keys(PART_NAMES) as (keyof typeof PART_NAMES)[];
