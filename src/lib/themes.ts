/**
 * 问题 themes for the site: the taxonomy (data/themes.json, validated here), per-theme frequency by
 * year and share of agencies, quotes linking to their report line, recurrence and boilerplate.
 *
 * Built on the loaders of src/lib/corpus.ts (the records come from `site()`), computed once per
 * build (module-level cache). `buildThemeIndex` is pure and exported for tests.
 *
 * Counting rules (the same as `themeCounts` in stats.ts):
 *  - only the reports the site counts (`shown`: one per agency and year);
 *  - the denominator n = reports with a 存在的主要问题 section (or with a theme), per year;
 *  - "share of agencies" = agencies naming the theme in at least one of their reports / agencies with
 *    at least one such report.
 */
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ThemeFindings, type RepeatedAfterPromise, type Report, type ThemeRecurrence } from "../schema";
import { generatedDir, parseDir, site, sourceLines, zhCompare, type SiteIndex } from "./corpus";
import { reportHref, themeHref } from "./paths";

/* ---------------------------------------------------------------- taxonomy */

export interface ThemeDefinition {
  id: string;
  /** full name, e.g. "思想认识不到位 / 主动公开意识不强" */
  name: string;
  /** short label for charts: the name up to the first " / " */
  short: string;
  description: string;
  /** detection cues, shown on the theme page (how the theme is found) */
  topics: string[];
  patterns: string[];
  remedies: string[];
  /** false for ids found in records but missing from the taxonomy file */
  inTaxonomy: boolean;
}

const cueList = z.array(z.string()).optional().default([]);
const TaxonomyTheme = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    description: z.string().optional(),
    topics: cueList,
    patterns: cueList,
    remedies: cueList,
    /** older / fixture files: one flat list of cues */
    cues: cueList,
  })
  .passthrough();
const TaxonomyList = z.array(TaxonomyTheme);
const TaxonomyFile = z.object({ themes: TaxonomyList }).passthrough();

export function shortName(name: string): string {
  const first = name.split(/\s*[/／]\s*/)[0].trim();
  return first || name;
}

/** Validate a parsed themes.json (either `{themes: [...]}` or a bare array). Throws on bad shape. */
export function parseTaxonomy(raw: unknown, origin = "themes.json"): ThemeDefinition[] {
  const parsed = Array.isArray(raw) ? TaxonomyList.safeParse(raw) : TaxonomyFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${origin}: ${first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "invalid"}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.themes;
  const seen = new Set<string>();
  const out: ThemeDefinition[] = [];
  for (const t of list) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const name = t.name?.trim() || t.id;
    out.push({
      id: t.id,
      name,
      short: shortName(name),
      description: t.description?.trim() ?? "",
      topics: t.topics,
      patterns: [...t.patterns, ...t.cues],
      remedies: t.remedies,
      inTaxonomy: true,
    });
  }
  return out;
}

/** The taxonomy file the site uses: the same candidates as corpus.ts (PARSE_DIR first, then data/). */
export function taxonomyFile(): string | null {
  const candidates = [path.join(parseDir(), "themes.json"), path.resolve(process.cwd(), "data/themes.json")];
  return candidates.find((f) => existsSync(f)) ?? null;
}

/** Read and validate the taxonomy; never fatal for the build (a warning, then ids only). */
export function readTaxonomy(file = taxonomyFile()): ThemeDefinition[] {
  if (!file) return [];
  try {
    return parseTaxonomy(JSON.parse(readFileSync(file, "utf8")), file);
  } catch (e) {
    console.warn(`[site] ${(e as Error).message}; theme definitions not shown`);
    return [];
  }
}

/* ---------------------------------------------------------------- findings (corpus.themes) */

/**
 * `corpus.themes` (recurrence and uncovered phrases). Taken from the site index when corpus.ts keeps
 * it (`themeFindings` / `findings`); otherwise read from the end of corpus.json, where the writer puts
 * it, without parsing the records a second time (10,000 records are hundreds of MB).
 */
export function loadFindings(s: SiteIndex): ThemeFindings | null {
  const kept = s as SiteIndex & { themeFindings?: ThemeFindings | null; findings?: ThemeFindings | null };
  if ("themeFindings" in kept) return kept.themeFindings ?? null;
  if ("findings" in kept) return kept.findings ?? null;
  const file = s.file && s.file !== "(memory)" ? s.file : path.join(generatedDir(), "corpus.json");
  return readFindingsFromFile(file);
}

/** the `themes` member of a corpus (any JSON spacing): `"themes": {"recurrence"` or `{"uncovered"` */
const FINDINGS_KEY = /"themes"\s*:\s*(?=\{\s*"(?:recurrence|uncovered)")/g;

/** The `themes` member of a corpus file, reading only its tail; null when absent or invalid. */
export function readFindingsFromFile(file: string): ThemeFindings | null {
  if (!existsSync(file)) return null;
  let fd: number | null = null;
  try {
    const size = statSync(file).size;
    fd = openSync(file, "r");
    // the findings are small (recurrence per agency, ≤ a few hundred phrases): read a growing tail
    for (let tail = Math.min(size, 1 << 20); ; tail = Math.min(size, tail * 4)) {
      const buf = Buffer.alloc(tail);
      readSync(fd, buf, 0, tail, size - tail);
      const text = buf.toString("utf8");
      let at = -1;
      for (const m of text.matchAll(FINDINGS_KEY)) at = m.index! + m[0].length;
      if (at >= 0) {
        let raw: unknown;
        try {
          raw = JSON.parse(text.slice(at).replace(/\}\s*$/, ""));
        } catch {
          // not the last member (a writer with another key order): parse the whole file once
          raw = (JSON.parse(readFileSync(file, "utf8")) as { themes?: unknown }).themes;
          if (raw === undefined) return null;
        }
        const parsed = ThemeFindings.safeParse(raw);
        if (!parsed.success) {
          console.warn(`[site] ${file}: corpus.themes does not match the schema; recurrence and phrases not shown`);
          return null;
        }
        return parsed.data;
      }
      if (tail >= size) return null;
    }
  } catch (e) {
    console.warn(`[site] ${file}: cannot read corpus.themes (${(e as Error).message})`);
    return null;
  } finally {
    if (fd != null) closeSync(fd);
  }
}

/* ---------------------------------------------------------------- index */

export interface YearCount {
  year: number;
  /** reports of that year naming the theme */
  count: number;
  /** reports of that year with a problems section (the denominator) */
  n: number;
}

export interface ThemeQuote {
  reportId: string;
  agencyId: string;
  agencyName: string;
  year: number;
  sentence: string;
  /** link to the report, at the line the sentence is on when it can be found */
  href: string;
  /** other reports naming the theme with the very same sentence (not quoted again) */
  also: number;
}

export interface AgencyRecurrence {
  agencyId: string;
  agencyName: string;
  years: number[];
  longestRun: number;
  reportIds: string[];
}

export interface PromiseItem extends RepeatedAfterPromise {
  agencyId: string;
  agencyName: string;
}

export interface ThemeStats {
  theme: ThemeDefinition;
  /** shown reports naming the theme */
  reports: number;
  /** agencies naming it in at least one report */
  agencies: number;
  byYear: YearCount[];
  /** by agency level: reports naming it / reports with a problems section */
  byLevel: { level: string; count: number; n: number }[];
  /** reports naming it, newest first (quotes are made from these, lazily: see `quotesFor`) */
  reportIds: string[];
  recurring: AgencyRecurrence[];
  promises: PromiseItem[];
  /** themes most often named in the same report: [id, reports] */
  together: { id: string; count: number }[];
}

export interface BoilerplatePair {
  a: string;
  b: string;
  kind: "previousYear" | "otherAgency";
  similarity: number;
}

export interface ThemeIndex {
  themes: ThemeDefinition[];
  stats: ThemeStats[];
  byId: Map<string, ThemeStats>;
  /** shown reports */
  reports: number;
  /** shown reports with a problems section (or a theme): the denominator */
  n: number;
  /** of those, how many name at least one theme */
  withTheme: number;
  /** shown reports that have a problems section but no theme (for the taxonomy's maintainers) */
  noTheme: string[];
  /** agencies with at least one report counted in n */
  agencies: number;
  years: number[];
  yearN: Map<number, number>;
  /** theme ids found in records but not defined in the taxonomy */
  undefinedIds: string[];
  findings: ThemeFindings | null;
  recurrenceByAgency: Map<string, ThemeRecurrence>;
  /** boilerplate pairs, each once, most similar first */
  boilerplate: BoilerplatePair[];
  /** reports carrying a boilerplate flag */
  boilerplateReports: number;
}

const hasProblems = (r: Report) => r.sections.problems != null || r.themes.length > 0;

/** Build the theme index from the site index, the taxonomy and corpus.themes (pure). */
export function buildThemeIndex(s: SiteIndex, taxonomy: ThemeDefinition[], findings: ThemeFindings | null): ThemeIndex {
  const shown = s.shown;
  const counted = shown.filter(hasProblems);
  const yearN = new Map<number, number>();
  const levelN = new Map<string, number>();
  const levelOf = (r: Report) => s.agencyById.get(r.agency.id)?.level ?? r.agency.level ?? "其他";
  const agencyName = (id: string) => s.agencyById.get(id)?.name ?? id;
  for (const r of counted) {
    yearN.set(r.year, (yearN.get(r.year) ?? 0) + 1);
    levelN.set(levelOf(r), (levelN.get(levelOf(r)) ?? 0) + 1);
  }
  const years = [...yearN.keys()].sort((a, b) => a - b);
  const agencies = new Set(counted.map((r) => r.agency.id)).size;

  // definitions: the taxonomy, then any id a record carries that the taxonomy lacks
  const themes = [...taxonomy];
  const known = new Set(themes.map((t) => t.id));
  const undefinedIds: string[] = [];
  for (const r of shown)
    for (const t of r.themes)
      if (!known.has(t)) {
        known.add(t);
        undefinedIds.push(t);
        themes.push({ id: t, name: t, short: t, description: "", topics: [], patterns: [], remedies: [], inTaxonomy: false });
      }

  type Acc = { reports: Report[]; agencies: Set<string>; year: Map<number, number>; level: Map<string, number>; together: Map<string, number> };
  const acc = new Map<string, Acc>(themes.map((t) => [t.id, { reports: [], agencies: new Set(), year: new Map(), level: new Map(), together: new Map() }]));
  let withTheme = 0;
  const noTheme: string[] = [];
  for (const r of counted) {
    const ts = [...new Set(r.themes)];
    if (ts.length) withTheme++;
    else if (r.sections.problems) noTheme.push(r.id);
    for (const t of ts) {
      const a = acc.get(t)!;
      a.reports.push(r);
      a.agencies.add(r.agency.id);
      a.year.set(r.year, (a.year.get(r.year) ?? 0) + 1);
      a.level.set(levelOf(r), (a.level.get(levelOf(r)) ?? 0) + 1);
      for (const o of ts) if (o !== t) a.together.set(o, (a.together.get(o) ?? 0) + 1);
    }
  }

  const recurrenceByAgency = new Map((findings?.recurrence ?? []).map((x) => [x.agencyId, x]));
  const recurringBy = new Map<string, AgencyRecurrence[]>();
  const promisesBy = new Map<string, PromiseItem[]>();
  for (const rec of findings?.recurrence ?? []) {
    for (const x of rec.recurring)
      (recurringBy.get(x.theme) ?? recurringBy.set(x.theme, []).get(x.theme)!).push({
        agencyId: rec.agencyId,
        agencyName: agencyName(rec.agencyId),
        years: x.years,
        longestRun: x.longestRun,
        reportIds: x.reportIds,
      });
    for (const p of rec.repeatedAfterPromise)
      (promisesBy.get(p.theme) ?? promisesBy.set(p.theme, []).get(p.theme)!).push({ agencyId: rec.agencyId, agencyName: agencyName(rec.agencyId), ...p });
  }

  const byNewest = (x: Report, y: Report) => y.year - x.year || zhCompare(x.agency.name, y.agency.name) || (x.id < y.id ? -1 : 1);
  const levelOrder = s.levels;
  const stats: ThemeStats[] = themes.map((theme) => {
    const a = acc.get(theme.id)!;
    return {
      theme,
      reports: a.reports.length,
      agencies: a.agencies.size,
      byYear: years.map((year) => ({ year, count: a.year.get(year) ?? 0, n: yearN.get(year)! })),
      byLevel: [...levelN.keys()]
        .sort((x, y) => (levelOrder.indexOf(x) + 1 || 999) - (levelOrder.indexOf(y) + 1 || 999) || zhCompare(x, y))
        .map((level) => ({ level, count: a.level.get(level) ?? 0, n: levelN.get(level)! })),
      reportIds: [...a.reports].sort(byNewest).map((r) => r.id),
      recurring: (recurringBy.get(theme.id) ?? []).sort(
        (x, y) => y.longestRun - x.longestRun || y.years.length - x.years.length || zhCompare(x.agencyName, y.agencyName),
      ),
      promises: (promisesBy.get(theme.id) ?? []).sort((x, y) => y.reportedYear - x.reportedYear || zhCompare(x.agencyName, y.agencyName)),
      together: [...a.together.entries()]
        .map(([id, count]) => ({ id, count }))
        .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)),
    };
  });

  // boilerplate pairs, each once
  const pairs = new Map<string, BoilerplatePair>();
  let boilerplateReports = 0;
  for (const r of shown) {
    if (r.boilerplate?.length) boilerplateReports++;
    for (const b of r.boilerplate ?? []) {
      const [x, y] = r.id < b.other ? [r.id, b.other] : [b.other, r.id];
      const key = `${x}|${y}`;
      if (!pairs.has(key)) pairs.set(key, { a: x, b: y, kind: b.kind, similarity: b.similarity });
    }
  }

  return {
    themes,
    stats,
    byId: new Map(stats.map((t) => [t.theme.id, t])),
    reports: shown.length,
    n: counted.length,
    withTheme,
    noTheme,
    agencies,
    years,
    yearN,
    undefinedIds,
    findings,
    recurrenceByAgency,
    boilerplate: [...pairs.values()].sort((x, y) => y.similarity - x.similarity || (x.a < y.a ? -1 : 1)),
    boilerplateReports,
  };
}

let cache: ThemeIndex | null = null;
/** The theme index of this build (computed once). */
export function themeIndex(): ThemeIndex {
  if (cache) return cache;
  const s = site();
  cache = buildThemeIndex(s, readTaxonomy(), loadFindings(s));
  return cache;
}

/* ---------------------------------------------------------------- quotes and lines */

const squash = (t: string) => t.replace(/\s+/g, "");

/**
 * The 1-based source line a sentence is on, or null. Looks for the longest of a few prefixes of
 * the sentence (whitespace ignored), so a sentence that runs over a line break still finds its start.
 */
export function lineOf(lines: string[] | null, sentence: string): number | null {
  return lines ? lineInSquashed(lines.map(squash), sentence) : null;
}

/** `lineOf` for many sentences of one text: squashes the lines once. */
export function lineFinder(lines: string[] | null): (sentence: string) => number | null {
  const squashed = lines?.map(squash) ?? null;
  return (sentence) => (squashed ? lineInSquashed(squashed, sentence) : null);
}

function lineInSquashed(squashed: string[], sentence: string): number | null {
  const target = squash(sentence ?? "");
  if (!target) return null;
  for (const len of [target.length, 24, 14, 8]) {
    if (len > target.length) continue;
    const probe = target.slice(0, len);
    const i = squashed.findIndex((l) => l.includes(probe));
    if (i >= 0) return i + 1;
  }
  return null;
}

/** squashed source lines of the last few reports looked up (pages ask for their own reports in a row) */
const linesCache = new Map<string, string[] | null>();
const LINES_CACHE_SIZE = 64;
function squashedLinesOf(reportId: string): string[] | null {
  let v = linesCache.get(reportId);
  if (v === undefined) {
    v = sourceLines(reportId)?.map(squash) ?? null;
    if (linesCache.size >= LINES_CACHE_SIZE) linesCache.delete(linesCache.keys().next().value!);
    linesCache.set(reportId, v);
  }
  return v;
}

/** Link to a report at the line of a sentence (report anchor only when the line is not found). */
export function sentenceHref(reportId: string, sentence: string): string {
  const squashed = squashedLinesOf(reportId);
  return reportHref(reportId, squashed ? lineInSquashed(squashed, sentence) : null);
}

/** The evidence sentences of one theme in one report (deduplicated). */
export function evidenceOf(r: Report, theme: string): string[] {
  return [...new Set((r.themeEvidence ?? []).filter((e) => e.theme === theme).map((e) => e.sentence.trim()).filter(Boolean))];
}

/**
 * Quotes for a theme page: at most `limit`, one per report (its first evidence sentence), taken
 * round-robin over the years (newest first) so every year is represented, and never the same
 * sentence twice (boilerplate repeats). Shown newest first. `rest` = reports naming the theme that are
 * not quoted. Reads source text only for the quotes shown.
 */
export function quotesFor(stats: ThemeStats, limit = 30, s: SiteIndex = site()): { quotes: ThemeQuote[]; rest: number } {
  const byYear = new Map<number, Report[]>();
  const uses = new Map<string, number>();
  for (const id of stats.reportIds) {
    const r = s.byId.get(id);
    if (!r) continue;
    (byYear.get(r.year) ?? byYear.set(r.year, []).get(r.year)!).push(r);
    const first = evidenceOf(r, stats.theme.id)[0];
    if (first) uses.set(squash(first), (uses.get(squash(first)) ?? 0) + 1);
  }
  const queues = [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([, rs]) => rs);
  const seen = new Set<string>();
  const picked: { r: Report; sentence: string }[] = [];
  const pos = queues.map(() => 0);
  let progressed = true;
  while (picked.length < limit && progressed) {
    progressed = false;
    for (let q = 0; q < queues.length && picked.length < limit; q++) {
      // next report of this year with a sentence not quoted yet
      while (pos[q] < queues[q].length) {
        const r = queues[q][pos[q]++];
        const sentence = evidenceOf(r, stats.theme.id)[0];
        const key = sentence ? squash(sentence) : "";
        if (!sentence || seen.has(key)) continue;
        seen.add(key);
        picked.push({ r, sentence });
        progressed = true;
        break;
      }
    }
  }
  const order = new Map(stats.reportIds.map((id, i) => [id, i]));
  picked.sort((a, b) => order.get(a.r.id)! - order.get(b.r.id)!);
  const quotes = picked.map(({ r, sentence }) => ({
    reportId: r.id,
    agencyId: r.agency.id,
    agencyName: s.agencyById.get(r.agency.id)?.name ?? r.agency.name,
    year: r.year,
    sentence,
    href: sentenceHref(r.id, sentence),
    also: (uses.get(squash(sentence)) ?? 1) - 1,
  }));
  return { quotes, rest: stats.reports - quotes.length };
}

/* ---------------------------------------------------------------- per report / agency */

export interface ThemeChip {
  id: string;
  name: string;
  href: string;
  /** evidence sentences (tooltip) */
  evidence: string[];
  /** agency chips: the years the theme was named, each with its report */
  years?: { year: number; reportId: string }[];
}

const defOf = (ti: ThemeIndex, id: string) => ti.byId.get(id)?.theme;

/** A report's themes as chips (taxonomy order), with the evidence sentences. */
export function reportThemeChips(r: Report, ti: ThemeIndex = themeIndex()): ThemeChip[] {
  const order = new Map(ti.themes.map((t, i) => [t.id, i]));
  return [...new Set(r.themes)]
    .sort((x, y) => (order.get(x) ?? 999) - (order.get(y) ?? 999))
    .map((id) => ({ id, name: defOf(ti, id)?.name ?? id, href: themeHref(id), evidence: evidenceOf(r, id) }));
}

/** An agency's themes over its shown reports: most often named first. */
export function agencyThemeChips(agencyId: string, s: SiteIndex = site(), ti: ThemeIndex = themeIndex()): ThemeChip[] {
  const a = s.agencyById.get(agencyId);
  if (!a) return [];
  const m = new Map<string, ThemeChip>();
  for (const r of a.reports)
    for (const id of new Set(r.themes)) {
      let c = m.get(id);
      if (!c) m.set(id, (c = { id, name: defOf(ti, id)?.name ?? id, href: themeHref(id), evidence: [], years: [] }));
      c.years!.push({ year: r.year, reportId: r.id });
      const ev = evidenceOf(r, id)[0];
      if (ev) c.evidence.push(`${r.year} 年：${ev}`);
    }
  const order = new Map(ti.themes.map((t, i) => [t.id, i]));
  return [...m.values()].sort((x, y) => y.years!.length - x.years!.length || (order.get(x.id) ?? 999) - (order.get(y.id) ?? 999));
}

export interface BoilerplateFlag {
  other: string;
  /** the other report's agency and year, when it is in the corpus */
  otherLabel: string;
  href: string | null;
  kind: "previousYear" | "otherAgency";
  similarity: number;
}

export const BOILERPLATE_KIND: Record<BoilerplateFlag["kind"], string> = {
  previousYear: "与上年",
  otherAgency: "与其他机关",
};

/** A report's boilerplate flags, most similar first, with a label and link for the other report. */
export function boilerplateFlags(r: Report, s: SiteIndex = site()): BoilerplateFlag[] {
  return [...(r.boilerplate ?? [])]
    .sort((x, y) => y.similarity - x.similarity)
    .map((b) => {
      const o = s.byId.get(b.other);
      const name = o ? (s.agencyById.get(o.agency.id)?.name ?? o.agency.name) : null;
      const label = o ? (b.kind === "previousYear" && o.agency.id === r.agency.id ? `${o.year} 年报告` : `${name} ${o.year} 年报告`) : b.other;
      return { other: b.other, otherLabel: label, href: o ? reportHref(o.id) : null, kind: b.kind, similarity: b.similarity };
    });
}

/** Similarity as shown: two decimals, never rounded up to 1.00 unless identical. */
export function fmtSimilarity(v: number): string {
  const t = Math.floor(v * 100) / 100;
  return t.toFixed(2);
}

export interface ThemeLink {
  id: string;
  name: string;
  href: string;
}

/** The evidence of a report's chips by sentence: one sentence often carries several themes. */
export function evidenceBySentence(chips: ThemeChip[]): { sentence: string; themes: ThemeLink[] }[] {
  const m = new Map<string, ThemeLink[]>();
  for (const c of chips)
    for (const sentence of c.evidence) (m.get(sentence) ?? m.set(sentence, []).get(sentence)!).push({ id: c.id, name: c.name, href: c.href });
  return [...m.entries()].map(([sentence, themes]) => ({ sentence, themes }));
}

export interface PromiseView {
  promisedIn: string;
  promisedYear: number;
  promise: string;
  promiseHref: string;
  reportedIn: string;
  reportedYear: number;
  problem: string;
  problemHref: string;
  /** themes of this (promise, problem) pair */
  themes: ThemeLink[];
}

export interface AgencyRecurrenceView {
  /** false when the corpus has no theme findings (written before they existed) */
  available: boolean;
  /** shown reports of the agency */
  reports: number;
  recurring: { theme: string; name: string; href: string; years: number[]; longestRun: number; reports: { year: number; href: string }[] }[];
  /** promises followed by the same problem next year, one entry per (promise, problem) sentence pair */
  promises: PromiseView[];
}

/** What RecurrenceList shows for one agency. */
export function agencyRecurrence(agencyId: string, s: SiteIndex = site(), ti: ThemeIndex = themeIndex()): AgencyRecurrenceView {
  const a = s.agencyById.get(agencyId);
  const rec = ti.recurrenceByAgency.get(agencyId);
  const name = (id: string) => defOf(ti, id)?.name ?? id;
  const yearOf = (id: string) => s.byId.get(id)?.year;
  const pairs = new Map<string, PromiseView>();
  for (const p of rec?.repeatedAfterPromise ?? []) {
    const key = [p.promisedIn, p.promise, p.reportedIn, p.problem].join("\u0000");
    let v = pairs.get(key);
    if (!v)
      pairs.set(
        key,
        (v = {
          promisedIn: p.promisedIn,
          promisedYear: p.promisedYear,
          promise: p.promise,
          promiseHref: s.byId.has(p.promisedIn) ? sentenceHref(p.promisedIn, p.promise) : reportHref(p.promisedIn),
          reportedIn: p.reportedIn,
          reportedYear: p.reportedYear,
          problem: p.problem,
          problemHref: s.byId.has(p.reportedIn) ? sentenceHref(p.reportedIn, p.problem) : reportHref(p.reportedIn),
          themes: [],
        }),
      );
    if (!v.themes.some((t) => t.id === p.theme)) v.themes.push({ id: p.theme, name: name(p.theme), href: themeHref(p.theme) });
  }
  return {
    available: ti.findings != null,
    reports: a?.reports.length ?? 0,
    recurring: (rec?.recurring ?? [])
      .map((x) => ({
        theme: x.theme,
        name: name(x.theme),
        href: themeHref(x.theme),
        years: x.years,
        longestRun: x.longestRun,
        reports: x.reportIds.map((id) => ({ year: yearOf(id) ?? 0, href: reportHref(id) })).filter((y) => y.year),
      }))
      .sort((x, y) => y.longestRun - x.longestRun || y.years.length - x.years.length),
    promises: [...pairs.values()].sort((x, y) => x.promisedYear - y.promisedYear),
  };
}

/** "2019—2021、2023" */
export function fmtYears(years: number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    parts.push(j > i ? `${ys[i]}—${ys[j]}` : `${ys[i]}`);
    i = j + 1;
  }
  return parts.join("、");
}

export const pct = (k: number, n: number) => (n ? `${Math.round((k / n) * 100)}%` : "—");
