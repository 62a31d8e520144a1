/**
 * npm run bench:build [-- COUNT] [--no-search] [--keep]
 *
 * Builds the site from ≥10,000 records and prints the figures the site is held to:
 * wall time of `astro build` — split into the pages and the pagefind search index, which the
 * "search-index" integration (astro.config.mjs) builds in a child process while the pages render —
 * their total (what the user waits for after parsing), CPU time, pages/s, peak memory (max RSS), and
 * the gzipped size and JavaScript weight of the largest agency and report pages.
 * Goals: astro build + search index ≤120 s on a 2-core machine; agency and report pages ≤60 KB
 * gzipped, ≤20 KB of JavaScript.
 *
 * Records: scripts/bench/corpus.ts writes COUNT varied seed reports into .bench/site/reports and
 * `npm run parse` turns them into .bench/site/generated (not timed here; bench:parse measures it).
 * --keep reuses .bench/site/generated when it already holds ≥COUNT records.
 * If either step is unavailable, records are synthesized directly (scripts/site/synth.ts).
 * Printed figures are measurements, never assertions: this is not a test.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Corpus, type Report } from "../../src/schema";
import { addCrossYearChecks } from "../corpus/cross-year.ts";
import { synthesize, type AgencySpec } from "../site/synth";

const ROOT = process.cwd();
const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
const SEARCH = !args.includes("--no-search");
const KEEP = args.includes("--keep");
const WORK = path.resolve(ROOT, ".bench/site");
const REPORTS = path.join(WORK, "reports");
const GENERATED = path.join(WORK, "generated");
const DIST = path.join(WORK, "dist");
const tsx = path.join(ROOT, "node_modules/.bin/tsx");

const log = (s: string) => console.log(s);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/* ------------------------------------------------------------------ records */

function countRecords(): number {
  try {
    return (JSON.parse(readFileSync(path.join(GENERATED, "corpus.json"), "utf8")) as Corpus).reports.length;
  } catch {
    return 0;
  }
}

function viaParser(): boolean {
  const corpusScript = path.join(ROOT, "scripts/bench/corpus.ts");
  const cli = path.join(ROOT, "scripts/cli.ts");
  if (!existsSync(corpusScript) || !existsSync(cli)) return false;
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  let t = performance.now();
  const gen = spawnSync(tsx, [corpusScript, REPORTS, String(COUNT)], { stdio: "inherit" });
  if (gen.status !== 0) return false;
  log(`corpus: ${readdirSync(REPORTS).length} report files written in ${secs(performance.now() - t)}`);
  t = performance.now();
  const parse = spawnSync(tsx, [cli], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PARSE_DIR: REPORTS, GENERATED_DIR: GENERATED },
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = parse.stdout?.toString() ?? "";
  log(out.split("\n").filter((l) => l.startsWith("parse:")).join("\n"));
  log(`parse: ${secs(performance.now() - t)} (not part of the build time)`);
  return parse.status === 0 && countRecords() >= Math.min(COUNT, 1) * 0.9;
}

const PROVINCES = [
  ["河北省", "石家庄市", "秦皇岛市", "保定市"],
  ["河南省", "郑州市", "洛阳市", "开封市"],
  ["新疆维吾尔自治区", "哈密市", "昌吉回族自治州", "乌鲁木齐市"],
  ["黑龙江省", "哈尔滨市", "鹤岗市", "齐齐哈尔市"],
  ["浙江省", "杭州市", "宁波市", "温州市"],
  ["四川省", "成都市", "绵阳市", "宜宾市"],
];
const SUFFIX: [string, string][] = [
  ["街道办事处", "街道"],
  ["乡人民政府", "乡镇"],
  ["镇人民政府", "乡镇"],
  ["区人民政府", "县区政府"],
  ["市场监督管理局", "部门"],
  ["教育局", "部门"],
];

/** Fallback: synthesize COUNT records (agencies × years) straight into GENERATED. */
function viaSynth(): void {
  rmSync(GENERATED, { recursive: true, force: true });
  mkdirSync(path.join(GENERATED, "text"), { recursive: true });
  mkdirSync(REPORTS, { recursive: true });
  const years = [2019, 2020, 2021, 2022, 2023];
  const reports: Report[] = [];
  const nAgencies = Math.ceil(COUNT / years.length);
  for (let a = 0; a < nAgencies && reports.length < COUNT; a++) {
    const prov = PROVINCES[a % PROVINCES.length];
    const city = prov[1 + (Math.floor(a / PROVINCES.length) % 3)];
    const county = `第${(a % 37) + 1}区`;
    const [suffix, level] = SUFFIX[a % SUFFIX.length];
    const agency: AgencySpec = { id: `bench-agency-${a}`, name: `样本${a}${suffix}`, region: [prov[0], city, county], level };
    for (const year of years) {
      if (reports.length >= COUNT) break;
      const id = `${agency.id}-${year}`;
      const { report, lines } = synthesize({
        agency,
        year,
        seed: a * 31 + year,
        activity: (a % 7) / 2,
        sourcePath: path.relative(ROOT, path.join(REPORTS, `${id}.txt`)),
        problems: a % 3 ? "宣传力度不够，群众知晓度不高。" : "信息公开工作人员业务能力有待提高。",
        themes: [{ theme: a % 3 ? "publicity" : "staff", sentence: "…" }],
        misprint: a % 11 === 0 ? { "table3.totalProcessed.total": 1 } : undefined,
      });
      reports.push(report);
      writeFileSync(path.join(GENERATED, "text", `${id}.txt`), lines.join("\n") + "\n");
      writeFileSync(path.join(REPORTS, `${id}.txt`), lines.join("\n") + "\n");
    }
  }
  addCrossYearChecks(reports);
  writeFileSync(path.join(GENERATED, "corpus.json"), JSON.stringify({ generatedAt: new Date().toISOString(), reports, unparsed: [] }));
  log(`synth: ${reports.length} records written to ${path.relative(ROOT, GENERATED)}`);
}

/* ------------------------------------------------------------------ build */

interface SearchTiming {
  records: number;
  /** the indexer's wall time, from the start of the build */
  ms: number;
  /** how long the build waited for it after the pages were done */
  waitedMs: number;
  loadMs: number;
  addMs: number;
  writeMs: number;
  /** CPU of the indexer and the pagefind service */
  cpuMs: number;
  /** peak RSS of the indexer plus that of the pagefind service */
  maxRssKB: number;
}

interface BuildResult {
  ms: number;
  /** wall time until the pages (and originals) were written, before waiting for the search index */
  pagesMs: number;
  maxRssKB: number;
  /** CPU of the astro process */
  cpuMs: number;
  search: SearchTiming | null;
}

function runBuild(): BuildResult {
  rmSync(DIST, { recursive: true, force: true });
  const code = `
    import { build } from "astro";
    const t0 = performance.now();
    await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(DIST)}, logLevel: "warn" });
    const t1 = performance.now();
    const u = process.resourceUsage();
    const s = globalThis.__zwgkSearchTiming;
    const pagesMs = s ? s.doneAt - t0 : t1 - t0;
    console.log("__RSS__" + u.maxRSS + " __CPU__" + (u.userCPUTime + u.systemCPUTime) + " __PAGES__" + pagesMs + " __SEARCH__" + JSON.stringify(s ?? null));
  `;
  const t = performance.now();
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: ROOT,
    env: {
      ...process.env,
      GENERATED_DIR: GENERATED,
      PARSE_DIR: REPORTS,
      // --max-semi-space-size=64 as in `npm run build`: a larger young generation promotes less of
      // each page's garbage (GC was ~23% of the build's CPU at 10,000 records; ~10% less CPU
      // measured at 2,000)
      NODE_OPTIONS: "--max-old-space-size=6144 --max-semi-space-size=64",
      ...(SEARCH ? {} : { SEARCH_INDEX: "off" }),
    },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const out = res.stdout.toString();
  if (res.status !== 0) {
    console.error(out.slice(-4000));
    throw new Error(`astro build failed (exit ${res.status})`);
  }
  const m = /__RSS__(\d+) __CPU__(\d+) __PAGES__([\d.]+) __SEARCH__(.*)/.exec(out);
  return {
    ms,
    pagesMs: m ? Number(m[3]) : NaN,
    maxRssKB: m ? Number(m[1]) : NaN,
    cpuMs: m ? Number(m[2]) / 1000 : NaN,
    search: m ? (JSON.parse(m[4]) as SearchTiming | null) : null,
  };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Bytes of JavaScript a page loads: its module scripts (and their static imports) under dist. */
function pageJs(html: string): number {
  const seen = new Set<string>();
  let total = 0;
  const add = (rel: string) => {
    const file = path.join(DIST, rel.replace(/^\/+/, ""));
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const js = readFileSync(file, "utf8");
    total += Buffer.byteLength(js);
    for (const m of js.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) add(path.join(path.dirname(rel), m[1]));
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) add(m[1].replace(/^.*?\/_astro\//, "_astro/"));
  // inline scripts
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) total += Buffer.byteLength(m[1]);
  return total;
}

function largest(dir: string, keep: (f: string) => boolean = () => true): { file: string; raw: number; gz: number; js: number } | null {
  let best: { file: string; raw: number; gz: number; js: number } | null = null;
  for (const f of htmlFiles(dir).filter(keep)) {
    const buf = readFileSync(f);
    const gz = gzipSync(buf, { level: 9 }).length;
    if (!best || gz > best.gz) best = { file: f, raw: buf.length, gz, js: 0 };
  }
  if (best) best.js = pageJs(readFileSync(best.file, "utf8"));
  return best;
}

/* ------------------------------------------------------------------ main */

mkdirSync(WORK, { recursive: true });
log(`bench:build — ${COUNT} records, ${os.cpus().length} CPUs, node ${process.version}`);
if (countRecords() >= COUNT && KEEP) log(`reusing ${countRecords()} records in ${path.relative(ROOT, GENERATED)}`);
else if (!viaParser()) {
  log("parser route unavailable or incomplete — synthesizing records instead");
  viaSynth();
}
const records = countRecords();
log(`records: ${records}`);

const load0 = os.loadavg()[0];
const { ms, pagesMs, maxRssKB, cpuMs, search } = runBuild();
const load1 = os.loadavg()[0];
const pages = htmlFiles(DIST).length;
// agency pages are agencies/<id>/index.html (agencies/index.html is the list of all agencies)
const agency = largest(path.join(DIST, "agencies"), (f) => path.dirname(f) !== path.join(DIST, "agencies"));
const report = largest(path.join(DIST, "reports"));
const list = largest(path.join(DIST, "agencies"), (f) => path.dirname(f) === path.join(DIST, "agencies"));
const home = path.join(DIST, "index.html");
const homeGz = existsSync(home) ? gzipSync(readFileSync(home)).length : 0;
const distSize = (() => {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else n += statSync(p).size;
    }
  };
  walk(DIST);
  return n;
})();

const ok = (cond: boolean) => (cond ? "ok" : "OVER");
log("");
log("── bench:build ─────────────────────────────────────────");
log(`records                  ${records}`);
log(`astro build: pages      ${secs(pagesMs)}   (${pages} HTML pages, ${(pages / (pagesMs / 1000)).toFixed(0)} pages/s; astro process CPU ${secs(cpuMs)})`);
if (search)
  log(
    `search index (pagefind)  ${secs(search.ms)}   in parallel with the pages, from the start of the build ` +
      `(records ${search.records}: load ${secs(search.loadMs)}, index ${secs(search.addMs)}, write ${secs(search.writeMs)}); ` +
      `CPU ${secs(search.cpuMs)}; the build waited ${secs(search.waitedMs)} for it`,
  );
else log(`search index (pagefind)  skipped (--no-search)`);
log(
  `total (astro + search)   ${secs(ms)}   [goal ≤120 s: ${ok(ms <= 120_000)}${SEARCH ? "" : ", without search"}]  ` +
    `CPU ${secs(cpuMs + (search?.cpuMs ?? 0))} (astro process + indexer and pagefind)`,
);
log(`  load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${os.cpus().length} CPUs (other work on the machine inflates wall time; CPU time is the steadier comparison)`);
log(
  `peak memory (max RSS)    ${(maxRssKB / 1024).toFixed(0)} MB (astro process)` +
    (search ? ` + ${(search.maxRssKB / 1024).toFixed(0)} MB (search indexer + pagefind, running alongside)` : ""),
);
if (agency)
  log(
    `largest agency page      ${kb(agency.gz)} gzipped (${kb(agency.raw)} raw), JS ${kb(agency.js)}  ` +
      `[≤60 KB: ${ok(agency.gz <= 60 * 1024)}, JS ≤20 KB: ${ok(agency.js <= 20 * 1024)}]  ${path.relative(DIST, agency.file)}`,
  );
if (report)
  log(
    `largest report page      ${kb(report.gz)} gzipped (${kb(report.raw)} raw), JS ${kb(report.js)}  ` +
      `[≤60 KB: ${ok(report.gz <= 60 * 1024)}, JS ≤20 KB: ${ok(report.js <= 20 * 1024)}]  ${path.relative(DIST, report.file)}`,
  );
log(`home page                ${kb(homeGz)} gzipped`);
if (list) log(`agency list page         ${kb(list.gz)} gzipped, JS ${kb(list.js)}`);
log(`dist total               ${(distSize / 1024 / 1024).toFixed(0)} MB`);
log(`(output in ${path.relative(ROOT, DIST)})`);
