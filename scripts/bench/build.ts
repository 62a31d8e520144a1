/**
 * npm run bench:build [-- COUNT] [--no-search] [--keep]
 *
 * Builds the site from ≥10,000 records and prints the figures the site is held to:
 * wall time of `astro build`, pages/s, peak memory (max RSS of the build process), and the gzipped
 * size and JavaScript weight of the largest agency and report pages.
 * Goals: ≤120 s on a 2-core machine; agency and report pages ≤60 KB gzipped, ≤20 KB of JavaScript.
 *
 * Records: scripts/bench/corpus.ts writes COUNT varied seed reports into .bench/site/reports and
 * `npm run parse` turns them into .bench/site/generated (not timed here; bench:parse measures it).
 * If either step is unavailable, records are synthesized directly (scripts/site/synth.ts).
 * Printed figures are measurements, never assertions: this is not a test.
 */
import { execFileSync, spawnSync } from "node:child_process";
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

function runBuild(): { ms: number; maxRssKB: number; cpuMs: number } {
  rmSync(DIST, { recursive: true, force: true });
  const code = `
    import { build } from "astro";
    await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(DIST)}, logLevel: "warn" });
    const u = process.resourceUsage();
    console.log("__RSS__" + u.maxRSS + " __CPU__" + (u.userCPUTime + u.systemCPUTime));
  `;
  const t = performance.now();
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: ROOT,
    env: { ...process.env, GENERATED_DIR: GENERATED, PARSE_DIR: REPORTS, NODE_OPTIONS: "--max-old-space-size=6144" },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const out = res.stdout.toString();
  if (res.status !== 0) {
    console.error(out.slice(-4000));
    throw new Error(`astro build failed (exit ${res.status})`);
  }
  const m = /__RSS__(\d+) __CPU__(\d+)/.exec(out);
  return { ms, maxRssKB: m ? Number(m[1]) : NaN, cpuMs: m ? Number(m[2]) / 1000 : NaN };
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
const { ms, maxRssKB, cpuMs } = runBuild();
const load1 = os.loadavg()[0];
const pages = htmlFiles(DIST).length;
let searchMs = NaN;
if (SEARCH) {
  const t = performance.now();
  execFileSync(path.join(ROOT, "node_modules/.bin/pagefind"), ["--site", DIST, "--silent"], { stdio: "inherit" });
  searchMs = performance.now() - t;
}
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
log(`astro build wall time    ${secs(ms)}   [goal ≤120 s: ${ok(ms <= 120_000)}]`);
log(`  CPU time (user+sys)    ${secs(cpuMs)}   (load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${os.cpus().length} CPUs: other work on the machine inflates wall time)`);
log(`HTML pages               ${pages}  (${(pages / (ms / 1000)).toFixed(0)} pages/s)`);
log(`peak memory (max RSS)    ${(maxRssKB / 1024).toFixed(0)} MB`);
if (SEARCH) log(`pagefind index           ${secs(searchMs)}`);
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
