/**
 * Recurring problems of one agency, year after year.
 *
 *  - a theme reported in consecutive years (runs of years), and
 *  - an improvement promised last year (改进情况 of year Y) whose problem is reported again in Y+1.
 */
import type { RepeatedAfterPromise, Report } from "../../src/schema.ts";
import { detectPromises, detectThemes, type ThemeEvidence } from "./detect.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

export interface ThemeRecurrence {
  theme: string;
  /** every year the theme is reported, ascending */
  years: number[];
  /** maximal runs of consecutive years (length ≥ 2), e.g. [[2019, 2020, 2021]] */
  runs: number[][];
  /** length of the longest run */
  longestRun: number;
  /** ids of the reports the theme is found in, in year order */
  reportIds: string[];
}

/** Themes reported in consecutive years (only those), plus the promises not kept. */
export type RecurrenceResult = ThemeRecurrence[] & { repeatedAfterPromise: RepeatedAfterPromise[] };

export interface RecurrenceOptions {
  taxonomy?: Taxonomy;
}

/** Themes + evidence of a record: the stored ones when the record has them, else detected now. */
export function themesOf(report: Report, taxonomy: Taxonomy = defaultTaxonomy()): { themes: string[]; evidence: ThemeEvidence[] } {
  if (report.themeEvidence && report.themes.length > 0) return { themes: report.themes, evidence: report.themeEvidence };
  return detectThemes(report.sections.problems, taxonomy);
}

function runsOf(years: number[]): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  for (const y of years) {
    if (current.length && y === current[current.length - 1] + 1) current.push(y);
    else {
      if (current.length >= 2) runs.push(current);
      current = [y];
    }
  }
  if (current.length >= 2) runs.push(current);
  return runs;
}

/**
 * Recurrence for the reports of ONE agency (any order; sorted here by year). When the corpus holds
 * two records for the same year (a conflict), the one shown on the site is used.
 */
export function recurrence(reports: Report[], options: RecurrenceOptions = {}): RecurrenceResult {
  const taxonomy = options.taxonomy ?? defaultTaxonomy();
  const agencies = new Set(reports.map((r) => r.agency.id));
  if (agencies.size > 1) throw new Error(`recurrence() takes the reports of one agency; got ${[...agencies].join(", ")}`);

  const byYear = new Map<number, Report>();
  for (const r of reports) {
    const prev = byYear.get(r.year);
    if (!prev || (prev.conflict?.shown === false && r.conflict?.shown !== false)) byYear.set(r.year, r);
  }
  const ordered = [...byYear.values()].sort((a, b) => a.year - b.year);
  const found = ordered.map((r) => ({ report: r, ...themesOf(r, taxonomy) }));

  const result: ThemeRecurrence[] = [];
  for (const theme of taxonomy.themes) {
    const hits = found.filter((f) => f.themes.includes(theme.id));
    if (hits.length < 2) continue;
    const years = hits.map((h) => h.report.year);
    const runs = runsOf(years);
    if (runs.length === 0) continue;
    result.push({
      theme: theme.id,
      years,
      runs,
      longestRun: Math.max(...runs.map((r) => r.length)),
      reportIds: hits.map((h) => h.report.id),
    });
  }
  const order = new Map(taxonomy.themes.map((t, i) => [t.id, i]));
  result.sort((a, b) => b.longestRun - a.longestRun || order.get(a.theme)! - order.get(b.theme)!);

  const repeatedAfterPromise: RepeatedAfterPromise[] = [];
  for (let i = 1; i < found.length; i++) {
    const last = found[i - 1];
    const now = found[i];
    if (now.report.year !== last.report.year + 1) continue;
    const promises = detectPromises(last.report.sections.improvements, last.report.sections.problems, taxonomy);
    for (const theme of promises.themes) {
      if (!now.themes.includes(theme)) continue;
      repeatedAfterPromise.push({
        theme,
        promisedIn: last.report.id,
        promisedYear: last.report.year,
        promise: promises.evidence.find((e) => e.theme === theme)!.sentence,
        reportedIn: now.report.id,
        reportedYear: now.report.year,
        problem: now.evidence.find((e) => e.theme === theme)?.sentence ?? "",
      });
    }
  }
  return Object.assign(result, { repeatedAfterPromise });
}
