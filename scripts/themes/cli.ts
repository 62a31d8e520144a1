/**
 * `npx tsx scripts/themes/cli.ts [generated/corpus.json]` — a report for whoever maintains
 * data/themes.json: theme frequency by year, recurring themes, broken promises, boilerplate pairs,
 * and the frequent problem phrases no theme covers (candidates for new cues or themes).
 */
import { readFileSync } from "node:fs";
import { Corpus, type Report } from "../../src/schema.ts";
import { findBoilerplate } from "./boilerplate.ts";
import { uncoveredPhrases } from "./discover.ts";
import { recurrence, themesOf } from "./recurrence.ts";
import { defaultTaxonomy } from "./taxonomy.ts";

const path = process.argv[2] ?? "generated/corpus.json";
const corpus = Corpus.parse(JSON.parse(readFileSync(path, "utf8")));
const reports = corpus.reports.filter((r) => r.conflict?.shown !== false);
const taxonomy = defaultTaxonomy();

const years = [...new Set(reports.map((r) => r.year))].sort();
const withProblems = reports.filter((r) => r.sections.problems);
console.log(`${path}: ${reports.length} reports, ${withProblems.length} with a problems section, ${taxonomy.themes.length} themes\n`);

const found = new Map(reports.map((r) => [r.id, themesOf(r, taxonomy).themes]));
console.log(["theme".padEnd(16), ...years.map((y) => String(y).padStart(8)), "   all"].join(""));
for (const t of taxonomy.themes) {
  const row = years.map((y) => {
    const ofYear = withProblems.filter((r) => r.year === y);
    const n = ofYear.filter((r) => found.get(r.id)!.includes(t.id)).length;
    return ofYear.length ? `${Math.round((100 * n) / ofYear.length)}%`.padStart(8) : "       -";
  });
  const all = withProblems.filter((r) => found.get(r.id)!.includes(t.id)).length;
  console.log([t.id.padEnd(16), ...row, String(all).padStart(6), `  ${t.name}`].join(""));
}
const none = withProblems.filter((r) => found.get(r.id)!.length === 0);
console.log(`\nno theme found: ${none.length} reports${none.length ? ` (e.g. ${none.slice(0, 5).map((r) => r.id).join(", ")})` : ""}`);

const byAgency = new Map<string, Report[]>();
for (const r of reports) byAgency.set(r.agency.id, [...(byAgency.get(r.agency.id) ?? []), r]);
let recurring = 0;
const promises: string[] = [];
for (const list of byAgency.values()) {
  const r = recurrence(list, { taxonomy });
  recurring += r.length;
  for (const p of r.repeatedAfterPromise) promises.push(`  ${p.theme}: promised in ${p.promisedIn} («${p.promise}»), reported again in ${p.reportedIn} («${p.problem}»)`);
}
console.log(`\nthemes reported in consecutive years: ${recurring} (agency × theme)`);
console.log(`improvements promised and the problem reported again next year: ${promises.length}`);
console.log(promises.slice(0, 20).join("\n"));

const flags = findBoilerplate(reports);
console.log(`\nboilerplate pairs: ${flags.length}`);
for (const f of flags.slice(0, 20)) console.log(`  ${f.similarity.toFixed(3)}  ${f.kind.padEnd(12)} ${f.a}  ≈  ${f.b}`);

const phrases = uncoveredPhrases(
  withProblems.map((r) => r.sections.problems!),
  taxonomy,
);
console.log(`\nfrequent phrases of problem clauses no theme covers: ${phrases.length}`);
for (const p of phrases.slice(0, 40)) console.log(`  ${String(p.count).padStart(5)}  ${p.phrase.padEnd(12)}  e.g. «${p.example}»`);
