/**
 * The parser: one report file → one record (or the reason it could not be read).
 *
 *   read → split sections → tokenize cells → recognize tables → metadata → narrative → checks → validate
 *
 * Each stage is a module of its own; this file only wires them together.
 */
import { hash } from "node:crypto";
import type { Report, Unparsed, Warning } from "../../src/schema.ts";
import { readSource } from "./read/index.ts";
import { UnreadableError, type SourceText } from "./read/source.ts";
import { splitSections, type Section, type Sections } from "./sections.ts";
import { dominantLayout, tokenizeCells, type Cell, type LineLayout } from "./cells.ts";
import { recognizeTables, type TableRegions } from "./tables.ts";
import { extractMetadata } from "./metadata.ts";
import { readNarrative } from "./narrative.ts";
import { checkReport } from "./checks.ts";
import { validateRecord } from "./validate.ts";
import { detectThemes } from "../themes/detect.ts";
import type { AgencyOverride } from "./agency.ts";

export type ParseOutcome =
  | { ok: true; record: Report; source: SourceText }
  | { ok: false; unparsed: Unparsed };

export interface ParseOptions {
  /** the path recorded in `source.path` (defaults to the path given) */
  displayPath?: string;
  override?: AgencyOverride;
  /** when given, the milliseconds spent in each stage are added to it (bench:parse --stages) */
  stageTimes?: Record<string, number>;
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

export async function parseReport(bytes: Uint8Array, path: string, options: ParseOptions = {}): Promise<ParseOutcome> {
  const displayPath = options.displayPath ?? path;
  const lap = stageTimer(options.stageTimes);
  let source: SourceText;
  try {
    source = await readSource(bytes, path);
  } catch (error) {
    if (error instanceof UnreadableError)
      return { ok: false, unparsed: { path: displayPath, reason: error.message, ...(error.line ? { line: error.line } : {}) } };
    throw error;
  }
  lap("read");
  const sections = splitSections(source.lines);
  lap("sections");
  const { regions, lineLayouts } = tableRegions(source.lines, sections);
  lap("cells");
  const tables = recognizeTables(regions);
  lap("tables");
  const found = tables.found.table2 || tables.found.table3 || tables.found.table4;
  if (!found && sections.list.length < 2) {
    return { ok: false, unparsed: { path: displayPath, reason: "不是政府信息公开年度报告：既没有表格，也没有报告的章节标题" } };
  }
  const meta = extractMetadata(source, sections, options.override, displayPath);
  lap("metadata");
  const narrative = readNarrative(source.lines, sections);
  lap("narrative");
  const themes = detectThemes(narrative.sections.problems);
  lap("themes");

  const warnings: Warning[] = source.warnings ? source.warnings.slice() : [];
  sectionWarnings(sections, warnings);
  for (const w of tables.warnings) warnings.push(w);
  for (const w of meta.warnings) warnings.push(w);
  if (!found) warnings.push({ code: "no-tables", message: "报告中没有找到表二、表三、表四" });
  const year = meta.year ?? 0;
  // keys in the schema's order: validation returns this object itself, and the record's JSON
  // lists its keys as zod's output would
  const draft = {
    id: `${meta.agency.id}-${year}`,
    year,
    template: tables.template,
    title: meta.title,
    publishedAt: meta.publishedAt,
    agency: meta.agency,
    source: {
      path: displayPath,
      sha256: hash("sha256", bytes), // one-shot: no Hash object and stream set-up per report
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
    checks: [] as Report["checks"],
    warnings,
    cellLines: tables.cellLines,
    themeEvidence: themes.evidence,
  };
  lap("record");
  draft.checks = checkReport(draft, narrative.newReceived);
  lap("checks");
  const record = validateRecord(draft, displayPath);
  lap("validate");
  return { ok: true, record, source };
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
    const table2 = tokenizeCells(lines, proactive.start, proactive.end, lineLayouts).cells;
    const table3 = tokenizeCells(lines, applications.start, applications.end, lineLayouts).cells;
    const table4 = review ? tokenizeCells(lines, review.start, review.end, lineLayouts).cells : [];
    return { regions: { table2, table3, table4 }, lineLayouts };
  }
  const { cells } = tokenizeCells(lines, 0, lines.length, lineLayouts);
  return { regions: { table2: cellsWithin(cells, proactive), table3: cellsWithin(cells, applications), table4: review ? cellsWithin(cells, review) : [] }, lineLayouts };
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
