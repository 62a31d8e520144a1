/**
 * The only code that reads generated data (generated/corpus.json, generated/text/*.txt) and the
 * report originals. Everything is validated with zod on load and indexed once per build
 * (module-level cache), so each page only does work proportional to its own data.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Corpus, type Report, type Unparsed } from "../schema";
import { compileCheck } from "../schema-check";
import { inferLevel, LEVEL_ORDER } from "./levels";

/* ---------------------------------------------------------------- locations */

const ROOT = process.cwd();
export function generatedDir(): string {
  return path.resolve(ROOT, process.env.GENERATED_DIR || "generated");
}
export function parseDir(): string {
  return path.resolve(ROOT, process.env.PARSE_DIR || "data");
}

/* ---------------------------------------------------------------- types */

export interface AgencyEntry {
  id: string;
  name: string;
  region: string[];
  level: string;
  /** shown reports (conflict.shown !== false), oldest year first */
  reports: Report[];
  /** duplicates not shown as the main report for their year */
  hidden: Report[];
  years: number[];
  /** number of failing checks over the shown reports */
  failing: number;
  /** key of the most specific region node */
  regionKey: string | null;
}

export interface RegionNode {
  key: string;
  name: string;
  path: string[];
  depth: number;
  parent: RegionNode | null;
  children: RegionNode[];
  /** agencies placed exactly here */
  agencies: AgencyEntry[];
  /** agencies here and in every descendant */
  allAgencies: AgencyEntry[];
  reportCount: number;
}

export interface Theme {
  id: string;
  name: string;
  description: string;
}

export interface SiteIndex {
  generatedAt: string;
  file: string;
  all: Report[];
  /** the reports the site counts: one per agency and year */
  shown: Report[];
  unparsed: Unparsed[];
  byId: Map<string, Report>;
  agencies: AgencyEntry[];
  agencyById: Map<string, AgencyEntry>;
  regions: RegionNode[];
  regionByKey: Map<string, RegionNode>;
  roots: RegionNode[];
  years: number[];
  levels: string[];
  themes: Theme[];
  themeById: Map<string, Theme>;
  /** shown report id → the shown report for each hidden duplicate */
  mainFor: Map<string, Report>;
}

/* ---------------------------------------------------------------- loading */

export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataError";
  }
}

function formatZodError(err: z.ZodError, data: unknown): string {
  return err.issues
    .slice(0, 8)
    .map((i) => {
      let where = "";
      if (i.path[0] === "reports" && typeof i.path[1] === "number") {
        const r = (data as { reports?: { id?: unknown }[] }).reports?.[i.path[1]];
        where = ` (report ${String(r?.id ?? i.path[1])})`;
      }
      return `  - ${i.path.join(".")}${where}: ${i.message}`;
    })
    .join("\n");
}

const isCorpus = compileCheck(Corpus);

/**
 * Read and validate a corpus file; throws a DataError naming the file on any problem.
 * `validate: false` only parses the JSON — for the search indexer (scripts/site/search-index.ts),
 * which runs beside an Astro build that validates the same file.
 */
export function readCorpusFile(file: string, { validate = true } = {}): Corpus {
  if (!existsSync(file)) {
    throw new DataError(
      `找不到数据文件 ${file}\n` +
        `Missing ${file}: run \`npm run parse\` first (or set GENERATED_DIR to a folder holding corpus.json).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DataError(`数据文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (!validate) return data as Corpus;
  // the checker compiled from the schema accepts only what zod accepts unchanged (4× faster at
  // 10,000 records); zod's own parse runs for its verdict and issues otherwise
  const parsed = isCorpus(data) ? { success: true as const } : Corpus.safeParse(data);
  if (!parsed.success) {
    throw new DataError(
      `数据文件 ${file} 不符合 src/schema.ts 的 Corpus 结构（${parsed.error.issues.length} 处问题）:\n` +
        formatZodError(parsed.error, data),
    );
  }
  // Valid: use the parsed JSON as is rather than zod's deep copy (identical for a valid corpus,
  // and at 10,000 records the copy doubles load time and garbage).
  return data as Corpus;
}

const ThemeFile = z.array(
  z
    .object({ id: z.string(), name: z.string().optional(), description: z.string().optional() })
    .passthrough(),
);

/** data/themes.json (owned by the themes work): read defensively, never fatal. */
export function readThemes(): Theme[] {
  const candidates = [path.join(parseDir(), "themes.json"), path.resolve(ROOT, "data/themes.json")];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    try {
      const raw = JSON.parse(readFileSync(file, "utf8"));
      const list = Array.isArray(raw) ? raw : Array.isArray(raw?.themes) ? raw.themes : null;
      const parsed = ThemeFile.safeParse(list);
      if (!parsed.success) {
        console.warn(`[site] ${file}: unexpected shape, theme names not shown`);
        return [];
      }
      return parsed.data.map((t) => ({ id: t.id, name: t.name || t.id, description: t.description || "" }));
    } catch (e) {
      console.warn(`[site] ${file}: ${(e as Error).message}; theme names not shown`);
      return [];
    }
  }
  return [];
}

export function regionKey(p: string[]): string {
  return "r" + createHash("sha1").update(p.join("/")).digest("hex").slice(0, 10);
}

const collator = new Intl.Collator("zh-CN");
export const zhCompare = (a: string, b: string) => collator.compare(a, b);

/** Build every index from a validated corpus (pure; exported for tests). */
export function buildIndex(corpus: Corpus, file = "(memory)", themes: Theme[] = []): SiteIndex {
  const all = corpus.reports;
  const byId = new Map(all.map((r) => [r.id, r]));
  const shown = all.filter((r) => r.conflict?.shown !== false);
  const mainFor = new Map<string, Report>();
  for (const r of all) {
    if (r.conflict?.shown === false) {
      const main =
        r.conflict.with.map((id) => byId.get(id)).find((o) => o && o.conflict?.shown !== false) ??
        shown.find((o) => o.agency.id === r.agency.id && o.year === r.year);
      if (main) mainFor.set(r.id, main);
    }
  }

  // agencies
  const agencyById = new Map<string, AgencyEntry>();
  for (const r of all) {
    let a = agencyById.get(r.agency.id);
    if (!a) {
      a = {
        id: r.agency.id,
        name: r.agency.name,
        region: r.agency.region,
        level: r.agency.level || inferLevel(r.agency.name),
        reports: [],
        hidden: [],
        years: [],
        failing: 0,
        regionKey: null,
      };
      agencyById.set(a.id, a);
    }
    if (r.conflict?.shown === false) a.hidden.push(r);
    else a.reports.push(r);
  }
  for (const a of agencyById.values()) {
    a.reports.sort((x, y) => x.year - y.year);
    const latest = a.reports[a.reports.length - 1] ?? a.hidden[0];
    // the latest report names the agency and its place (names change; the id does not)
    a.name = latest.agency.name;
    if (latest.agency.region.length >= a.region.length) a.region = latest.agency.region;
    if (latest.agency.level) a.level = latest.agency.level;
    a.years = [...new Set(a.reports.map((r) => r.year))].sort((x, y) => x - y);
    a.failing = a.reports.reduce((n, r) => n + r.checks.filter((c) => c.status === "fail").length, 0);
  }
  const agencies = [...agencyById.values()].sort(
    (x, y) => zhCompare(x.region.join("/"), y.region.join("/")) || zhCompare(x.name, y.name),
  );

  // regions
  const regionByKey = new Map<string, RegionNode>();
  const roots: RegionNode[] = [];
  for (const a of agencies) {
    let parent: RegionNode | null = null;
    for (let d = 0; d < a.region.length; d++) {
      const p = a.region.slice(0, d + 1);
      const key = regionKey(p);
      let node = regionByKey.get(key);
      if (!node) {
        node = { key, name: p[d], path: p, depth: d, parent, children: [], agencies: [], allAgencies: [], reportCount: 0 };
        regionByKey.set(key, node);
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      node.allAgencies.push(a);
      node.reportCount += a.reports.length;
      parent = node;
    }
    if (parent) {
      parent.agencies.push(a);
      a.regionKey = parent.key;
    }
  }
  const sortNodes = (nodes: RegionNode[]) => {
    nodes.sort((x, y) => zhCompare(x.name, y.name));
    for (const n of nodes) sortNodes(n.children);
  };
  sortNodes(roots);

  const years = [...new Set(shown.map((r) => r.year))].sort((x, y) => x - y);
  const levelSet = new Set(agencies.map((a) => a.level));
  const levels = [
    ...LEVEL_ORDER.filter((l) => levelSet.has(l)),
    ...[...levelSet].filter((l) => !LEVEL_ORDER.includes(l)).sort(zhCompare),
  ];

  return {
    generatedAt: corpus.generatedAt,
    file,
    all,
    shown,
    unparsed: corpus.unparsed,
    byId,
    agencies,
    agencyById,
    regions: [...regionByKey.values()],
    regionByKey,
    roots,
    years,
    levels,
    themes,
    themeById: new Map(themes.map((t) => [t.id, t])),
    mainFor,
  };
}

let cache: SiteIndex | null = null;

/** The site's data, loaded and indexed once per build (`validate`: see readCorpusFile). */
export function site({ validate = true } = {}): SiteIndex {
  if (cache) return cache;
  const file = path.join(generatedDir(), "corpus.json");
  const t0 = performance.now();
  const corpus = readCorpusFile(file, { validate });
  cache = buildIndex(corpus, file, readThemes());
  if (process.env.SITE_DEBUG)
    console.log(`[site] ${file}: ${corpus.reports.length} records indexed in ${Math.round(performance.now() - t0)} ms`);
  return cache;
}

/* ---------------------------------------------------------------- per-report files */

/** The normalized source text of a report (line N = what cellLines point to), or null. */
export function sourceLines(id: string): string[] | null {
  const file = path.join(generatedDir(), "text", `${id}.txt`);
  if (!existsSync(file)) return null;
  let text = readFileSync(file, "utf8");
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Where the original file of a report is on disk, if it can be found. */
export function findOriginal(report: Report): { file: string; ext: string; name: string } | null {
  const p = report.source.path;
  const candidates = path.isAbsolute(p)
    ? [p]
    : [path.resolve(ROOT, p), path.resolve(parseDir(), p), path.resolve(parseDir(), path.basename(p))];
  for (const file of candidates) {
    if (existsSync(file)) {
      const ext = (path.extname(file).slice(1).toLowerCase() || "txt").replace(/[^a-z0-9]/g, "") || "txt";
      return { file, ext, name: `${report.id}.${ext}` };
    }
  }
  return null;
}

/**
 * Originals the site publishes as originals/<report id>.<ext>. The copying itself happens once
 * after the build (the "report-originals" integration in astro.config.mjs), reading this list from
 * a process global — far cheaper than an endpoint per file.
 */
export const ORIGINALS_KEY = "__zwgkSiteOriginals";
const originals = new Map<string, { file: string; ext: string; name: string } | null>();

export function originalFile(report: Report): { file: string; ext: string; name: string } | null {
  let o = originals.get(report.id);
  if (o === undefined) {
    o = findOriginal(report);
    originals.set(report.id, o);
    const list = ((globalThis as Record<string, unknown>)[ORIGINALS_KEY] ??= []) as { from: string; name: string }[];
    if (o) list.push({ from: o.file, name: o.name });
  }
  return o;
}

/** The theme's display name (falls back to the id when data/themes.json lacks it). */
export function themeName(id: string): string {
  return site().themeById.get(id)?.name ?? id;
}
