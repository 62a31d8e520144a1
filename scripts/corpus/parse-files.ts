/**
 * Parse many report files: one failure never takes the others down, and no file silently vanishes —
 * each becomes a record or an entry in `unparsed` with the reason.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import fg from "fast-glob";
import type { Report, ThemeFindings, Unparsed } from "../../src/schema.ts";
import { BATCH_SIZE, parseReports, type ReportInput } from "../parse/index.ts";
import { SUPPORTED_EXTENSIONS } from "../parse/read/index.ts";
import type { SourceText } from "../parse/read/source.ts";
import { findAgencyOverride, loadAgencyOverrides, type AgencyOverride } from "../parse/agency.ts";
import { addCrossYearChecks } from "./cross-year.ts";
import { flagConflicts } from "./conflicts.ts";
import { addThemeFindings } from "./theme-findings.ts";

export interface ParsedCorpus {
  reports: Report[];
  unparsed: Unparsed[];
  /** normalized source text of each report, by report id (what line numbers refer to) */
  sources: Map<string, SourceText>;
  /** for each input path, in input order: the report id or the unparsed entry */
  order: ({ id: string } | { unparsed: Unparsed })[];
  themes: ThemeFindings;
}

/** Files under a data folder that are not reports. */
const NOT_REPORTS = new Set(["readme.md", "agencies.csv", "themes.json"]);

/** Every report file under `dir` (recursively), sorted; other files are listed as unparsed. */
export async function listReportFiles(dir: string): Promise<{ files: string[]; skipped: Unparsed[] }> {
  const all = (await fg("**/*", { cwd: dir, onlyFiles: true, dot: false })).sort();
  const files: string[] = [];
  const skipped: Unparsed[] = [];
  for (const rel of all) {
    const name = basename(rel).toLowerCase();
    if (NOT_REPORTS.has(name)) continue;
    const ext = name.includes(".") ? name.slice(name.lastIndexOf(".")) : "";
    if (SUPPORTED_EXTENSIONS.includes(ext)) files.push(join(dir, rel));
    else skipped.push({ path: join(dir, rel), reason: `不支持的文件类型“${ext || "无扩展名"}”（支持 ${SUPPORTED_EXTENSIONS.join(" ")}）` });
  }
  return { files, skipped };
}

export function overridesFor(dataDir: string): AgencyOverride[] {
  const csv = join(dataDir, "agencies.csv");
  return existsSync(csv) ? loadAgencyOverrides(csv) : [];
}

export async function parseFiles(paths: string[], options: { overrides?: AgencyOverride[]; root?: string } = {}): Promise<ParsedCorpus> {
  const reports: Report[] = [];
  const unparsed: Unparsed[] = [];
  const sources = new Map<string, SourceText>();
  const order: ParsedCorpus["order"] = [];
  const listUnparsed = (entry: Unparsed) => {
    unparsed.push(entry);
    order.push({ unparsed: entry });
  };
  const fail = (displayPath: string, error: unknown) => listUnparsed({ path: displayPath, reason: `读取或解析出错：${(error as Error).message}` });
  // in batches: the parser runs each stage over a batch before the next (see parse/index.ts)
  for (let start = 0; start < paths.length; start += BATCH_SIZE) {
    const batch = paths.slice(start, start + BATCH_SIZE).map((path) => readInput(path, options));
    const outcomes = await parseReports(batch.filter((b): b is FileInput => !("error" in b)));
    let k = 0;
    for (const input of batch) {
      if ("error" in input) {
        fail(input.displayPath, input.error);
        continue;
      }
      const outcome = outcomes[k++];
      if ("error" in outcome) fail(input.displayPath, outcome.error);
      else if (outcome.ok) {
        reports.push(outcome.record);
        sources.set(`${reports.length - 1}`, outcome.source);
        order.push({ id: "" });
      } else listUnparsed(outcome.unparsed);
    }
  }
  // ids may change while conflicts are flagged: key sources by final id afterwards
  flagConflicts(reports);
  addCrossYearChecks(reports);
  const themes = addThemeFindings(reports);
  const byId = new Map<string, SourceText>();
  reports.forEach((r, i) => byId.set(r.id, sources.get(`${i}`)!));
  let k = 0;
  for (const entry of order) if ("id" in entry) entry.id = reports[k++].id;
  return { reports, unparsed, sources: byId, order, themes };
}

type FileInput = ReportInput & { displayPath: string };

/** The parser's input for a file, or the error that kept it from being read. */
function readInput(path: string, options: { overrides?: AgencyOverride[]; root?: string }): FileInput | { displayPath: string; error: unknown } {
  const displayPath = options.root ? relative(options.root, path) : path;
  try {
    const override = options.overrides && findAgencyOverride(options.overrides, displayPath);
    return { bytes: readFileSync(path), path, displayPath, override };
  } catch (error) {
    return { displayPath, error };
  }
}
