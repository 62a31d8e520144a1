/** Minimal valid Report records for the theme tests (validated with the real zod schema). */
import { readFileSync } from "node:fs";
import { Report } from "../../src/schema.ts";

const empty = { upheld: null, corrected: null, other: null, pending: null, total: null };

export function makeReport(agency: string, year: number, problems: string | null, improvements: string | null = null): Report {
  return Report.parse({
    id: `${agency}-${year}`,
    year,
    template: "2021",
    title: null,
    publishedAt: null,
    agency: { id: agency, name: agency, region: [] },
    source: { path: `data/${agency}-${year}.txt`, sha256: "0".repeat(64), layout: "test" },
    proactive: { total: null, evidence: null },
    table2: {},
    table3: {},
    table4: { review: empty, litigationDirect: empty, litigationAfterReview: empty },
    sections: { overview: null, problems, improvements, other: null },
    themes: [],
    checks: [],
    warnings: [],
    cellLines: {},
  });
}

export interface Labelled {
  source: string;
  sentence: string;
  themes: string[];
}
export interface Section {
  source: string;
  path: string;
  text: string;
}

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));

/** seeds + ../shared/corpus: the required labelled set */
export const labelled: Labelled[] = fixture("problem-sentences");
export const sections: Section[] = fixture("problem-sections");
/** extra labelled sets from outside the developer corpus (see fixtures/README.md) */
export const heldout: Labelled[] = [...fixture("heldout-sentences"), ...fixture("heldout2-sentences")];
export const heldoutSections: Section[] = [...fixture("heldout-sections"), ...fixture("heldout2-sections")];

export function section(source: string): string {
  const s = [...sections, ...heldoutSections].find((x) => x.source === source);
  if (!s) throw new Error(`no section fixture ${source}`);
  return s.text;
}
