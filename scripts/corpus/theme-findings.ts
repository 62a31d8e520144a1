/**
 * Corpus-wide theme work, after every report is parsed: boilerplate flags go onto the records
 * (both sides of a pair), recurrence per agency and uncovered phrases go into `corpus.themes`.
 */
import type { Report, ThemeFindings } from "../../src/schema.ts";
import { findBoilerplate } from "../themes/boilerplate.ts";
import { recurrence } from "../themes/recurrence.ts";
import { uncoveredPhrases } from "../themes/discover.ts";

export function addThemeFindings(reports: Report[]): ThemeFindings {
  const shown = reports.filter((r) => !r.conflict || r.conflict.shown);
  const byId = new Map(shown.map((r) => [r.id, r]));
  for (const flag of findBoilerplate(shown)) {
    for (const [self, other] of [
      [flag.a, flag.b],
      [flag.b, flag.a],
    ]) {
      const report = byId.get(self);
      if (!report) continue;
      (report.boilerplate ??= []).push({ other, kind: flag.kind, similarity: flag.similarity });
    }
  }

  const byAgency = new Map<string, Report[]>();
  for (const r of shown) byAgency.set(r.agency.id, [...(byAgency.get(r.agency.id) ?? []), r]);
  const recurrenceOut: ThemeFindings["recurrence"] = [];
  for (const [agencyId, list] of byAgency) {
    if (list.length < 2) continue;
    const found = recurrence([...list].sort((a, b) => a.year - b.year));
    if (!found.length && !found.repeatedAfterPromise.length) continue;
    recurrenceOut.push({
      agencyId,
      recurring: found.map(({ theme, years, longestRun, reportIds }) => ({ theme, years, longestRun, reportIds })),
      repeatedAfterPromise: found.repeatedAfterPromise,
    });
  }

  const texts = shown.map((r) => r.sections.problems).filter((t): t is string => !!t);
  const uncovered = uncoveredPhrases(texts).map(({ phrase, count, example }) => ({ phrase, count, example }));
  return { recurrence: recurrenceOut, uncovered };
}
