/**
 * `npm run bench:themes [-- N]` — how long theme work takes on N (default 10,000) problems texts.
 *
 * The texts are made from the real problem and improvement sentences of the labelled fixtures
 * (seeds, developer corpus, extra sets): 2–7 problem sentences in random order, years and
 * "我区/我县/…" varied, and in 60% of texts the improvements printed after them (as when a report
 * does not separate 改进情况), so the splitter has work to do. Deterministic (seeded).
 * Prints figures; asserts nothing.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "../../src/schema.ts";
import { findBoilerplate } from "../themes/boilerplate.ts";
import { detectThemes } from "../themes/detect.ts";
import { uncoveredPhrases } from "../themes/discover.ts";
import { recurrence } from "../themes/recurrence.ts";
import { splitProblems } from "../themes/sentences.ts";
import { defaultTaxonomy } from "../themes/taxonomy.ts";

const N = Number(process.argv[2] ?? 10_000);
const YEARS = 5;
const fixtures = fileURLToPath(new URL("../../tests/themes/fixtures/", import.meta.url));

const read = (f: string) => JSON.parse(readFileSync(fixtures + f, "utf8"));
const problemPool: string[] = readdirSync(fixtures)
  .filter((f) => f.endsWith("sentences.json"))
  .flatMap((f) => read(f).map((x: { sentence: string }) => x.sentence));
const improvementPool: string[] = readdirSync(fixtures)
  .filter((f) => f.endsWith("sections.json"))
  .flatMap((f) => read(f).flatMap((s: { text: string }) => splitProblems(s.text).improvements));

let seed = 20240601;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
const PRONOUNS = ["我区", "我县", "我市", "我镇", "我乡", "我街道", "我局", "我委", "我办"];

function makeText(): string {
  const n = 2 + Math.floor(rand() * 6);
  let text = Array.from({ length: n }, () => pick(problemPool)).join("");
  if (rand() < 0.6) text += "\n下一步，" + Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(improvementPool)).join("");
  return text.replace(/20\d\d/g, () => String(2015 + Math.floor(rand() * 11))).replace(/我(区|县|市|街道|办)/g, () => pick(PRONOUNS));
}

function report(i: number, problems: string): Report {
  const agency = `agency-${Math.floor(i / YEARS)}`;
  const year = 2019 + (i % YEARS);
  return {
    id: `${agency}-${year}`,
    year,
    template: "2021",
    title: null,
    publishedAt: null,
    agency: { id: agency, name: agency, region: [] },
    source: { path: "", sha256: "", layout: "bench" },
    proactive: { total: null, evidence: null },
    table2: {},
    table3: {},
    table4: {
      review: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationDirect: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationAfterReview: { upheld: null, corrected: null, other: null, pending: null, total: null },
    },
    sections: { overview: null, problems, improvements: null, other: null },
    themes: [],
    checks: [],
    warnings: [],
    cellLines: {},
  };
}

const fmt = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** run fn, return its result with wall-clock and CPU milliseconds (the CPU figure is the one to trust on a busy machine) */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const w = performance.now();
  const c = cpuNow();
  const value = fn();
  return { value, wall: performance.now() - w, cpu: cpuNow() - c };
}
const secs = (t: { wall: number; cpu: number }) => `${fmt(t.wall / 1000)} s wall, ${fmt(t.cpu / 1000)} s CPU`;

const texts = Array.from({ length: N }, makeText);
const chars = texts.reduce((s, t) => s + t.length, 0);
console.log(
  `bench:themes — ${fmt(N)} problems texts from ${problemPool.length} problem + ${improvementPool.length} improvement sentences, ` +
    `${fmt(chars)} characters (avg ${fmt(chars / N)}); node ${process.version}`,
);

const tTaxonomy = timed(() => defaultTaxonomy());
const tWarm = timed(() => detectThemes("宣传力度不够。")); // first call: jieba dictionary + topic words
console.log(`  load data/themes.json              ${fmt(tTaxonomy.wall)} ms`);
console.log(`  jieba dictionary (first call)      ${fmt(tWarm.wall)} ms`);

const tDetect = timed(() => texts.map((text) => detectThemes(text)));
const detected = tDetect.value;
const themes = detected.reduce((s, r) => s + r.themes.length, 0);
const evidence = detected.reduce((s, r) => s + r.evidence.length, 0);
console.log(
  `  detectThemes × ${fmt(N)}              ${secs(tDetect)}  (${fmt(N / (tDetect.wall / 1000))} reports/s wall, ` +
    `${fmt(N / (tDetect.cpu / 1000))} reports/s CPU; ${fmt(themes / N)} themes, ${fmt(evidence / N)} evidence sentences per report)`,
);
const records = texts.map((text, i) => ({ ...report(i, text), themes: detected[i].themes, themeEvidence: detected[i].evidence }));

// boilerplate on realistic input: every text made unique (a third of its characters replaced), then
// 5% copy the agency's previous year and 1% copy another agency's text, lightly edited
const HAN = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x4e00 + ((37 * i) % 20000)));
const unique = texts.map((t) => t.replace(/\p{Script=Han}/gu, (c) => (rand() < 0.33 ? pick(HAN) : c)));
const edit = (t: string) => t.replace(/\p{Script=Han}/gu, (c) => (rand() < 0.05 ? pick(HAN) : c));
let plantedPrev = 0;
let plantedOther = 0;
for (let i = 0; i < N; i++) {
  if (i % YEARS > 0 && rand() < 0.05) {
    unique[i] = edit(unique[i - 1]);
    plantedPrev++;
  } else if (rand() < 0.01) {
    unique[i] = edit(unique[Math.floor(rand() * N)]);
    plantedOther++;
  }
}
const uniqueRecords = unique.map((t, i) => report(i, t));
const stats = { compared: 0, candidates: 0 };
const tBoiler = timed(() => findBoilerplate(uniqueRecords, { stats }));
const prev = tBoiler.value.filter((f) => f.kind === "previousYear").length;
console.log(
  `  findBoilerplate × ${fmt(N)}           ${secs(tBoiler)}  (${fmt(stats.candidates)} candidate pairs of ${fmt((N * (N - 1)) / 2)}, ${fmt(stats.compared)} compared exactly; ` +
    `flags: ${fmt(prev)} previousYear / ${plantedPrev} planted, ${fmt(tBoiler.value.length - prev)} otherAgency / ${plantedOther} planted)`,
);
const statsPool = { compared: 0, candidates: 0 };
const tBoilerPool = timed(() => findBoilerplate(records, { stats: statsPool }));
console.log(
  `  findBoilerplate, worst case        ${secs(tBoilerPool)}  (the un-mutated texts: all drawn from ${problemPool.length} sentences, ` +
    `so most pairs share sentences — ${fmt(statsPool.candidates)} candidates, ${fmt(statsPool.compared)} compared exactly, ${fmt(tBoilerPool.value.length)} flags, ≤ 10 per report)`,
);

const tRec = timed(() => {
  let recurring = 0;
  let promises = 0;
  for (let a = 0; a < N; a += YEARS) {
    const r = recurrence(records.slice(a, a + YEARS));
    recurring += r.length;
    promises += r.repeatedAfterPromise.length;
  }
  return { recurring, promises };
});
console.log(
  `  recurrence × ${fmt(Math.ceil(N / YEARS))} agencies         ${secs(tRec)}  (${fmt(tRec.value.recurring)} recurring themes, ${fmt(tRec.value.promises)} promises repeated)`,
);

const tDisc = timed(() => uncoveredPhrases(texts));
console.log(
  `  uncoveredPhrases × ${fmt(N)}          ${secs(tDisc)}  (${tDisc.value.length} phrases; top: ${tDisc.value
    .slice(0, 4)
    .map((p) => `${p.phrase} ${p.count}`)
    .join(", ")})`,
);

console.log(
  `\n  theme tagging adds ${fmt((tWarm.wall + tDetect.wall) / 1000)} s wall (${fmt((tWarm.cpu + tDetect.cpu) / 1000)} s CPU) ` +
    `to a parse of ${fmt(N)} reports (detectThemes incl. jieba load); budget 5 s.`,
);
