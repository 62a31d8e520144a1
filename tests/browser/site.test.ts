/**
 * Browser tests of the built site (playwright-core driving Debian's chromium, fonts-noto-cjk):
 * the site is built once from the fixture corpus under a sub-path base (as on GitHub Pages) and
 * once from data/ through the real parser. They open /, an agency page, a report page, /data/ and a
 * search; assert the figures shown equal the records; find no console errors, no horizontal
 * scrolling at 375 px and no script execution from report text; and save screenshots under
 * test-output/browser/.
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing and CI is not "true".
 */
import { mkdirSync, readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Corpus, type Report } from "../../src/schema";
import { buildSite, parseInto, removeBuild, type BuiltSite } from "./build-site";
import { hasChromium, launch, CHROMIUM } from "./chromium";
import { serveStatic, type StaticServer } from "./server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = path.join(ROOT, "test-output/browser");
const FIXTURE = path.join(ROOT, "tests/fixtures/site");
const BASE = "/zwgk-test/";

const available = hasChromium();
if (!available && process.env.CI === "true") {
  throw new Error(`browser tests: ${CHROMIUM} not found and CI=true — install it (apt-get install -y chromium fonts-noto-cjk)`);
}
if (!available) console.warn(`[browser tests] SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk). Under CI=true this fails instead.`);
const suite = available ? describe : describe.skip;

const corpus = Corpus.parse(JSON.parse(readFileSync(path.join(FIXTURE, "corpus.json"), "utf8")));
const shown = corpus.reports.filter((r) => r.conflict?.shown !== false);
const byId = new Map(corpus.reports.map((r) => [r.id, r]));

/** Value of a record path like "table3.newReceived.total" / "proactive.total". */
function valueAt(r: Report, p: string): number | null | undefined {
  const parts = p.split(".");
  if (parts[0] === "proactive") return r.proactive.total;
  if (parts[0] === "table3") return r.table3[parts.slice(1, -1).join(".") as keyof Report["table3"]]?.[parts.at(-1) as "total"];
  if (parts[0] === "table2") return r.table2[parts[1] as "regulations"]?.[parts[2]];
  if (parts[0] === "table4") return r.table4[parts[1] as "review"][parts[2] as "total"];
  return undefined;
}
const digits = (s: string | null) => (s ?? "").replace(/[,\s]/g, "");

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function open(context: BrowserContext, url: string, width = 1280): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors, dialogs };
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(sw, `page scrolls sideways: scrollWidth ${sw} > ${cw}`).toBeLessThanOrEqual(cw);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

suite("site built from the fixture corpus (base " + BASE + ")", () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  const url = (p = "") => server.url + p;

  beforeAll(async () => {
    site = buildSite({ generatedDir: FIXTURE, parseDir: FIXTURE, base: BASE });
    server = await serveStatic(site.dist, BASE);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeBuild(site);
  });

  it("overview: headline figures equal the records, charts have tooltips and tables", async () => {
    const { page, errors } = await open(browser.context, url());
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    const stat = async (k: string) => digits(await page.textContent(`[data-stat="${k}"] .value`));
    expect(await stat("reports")).toBe(String(shown.length));
    expect(await stat("agencies")).toBe(String(new Set(shown.map((r) => r.agency.id)).size));
    const received = shown.map((r) => r.table3.newReceived?.total).filter((v): v is number => v != null);
    expect(await stat("received")).toBe(String(received.reduce((a, b) => a + b, 0)));
    const zero = received.filter((v) => v === 0).length;
    expect(await stat("zero-share")).toBe(`${Math.round((zero / received.length) * 100)}%`);
    const pro = shown.map((r) => r.proactive.total).filter((v): v is number => v != null);
    expect(await stat("proactive")).toBe(String(pro.reduce((a, b) => a + b, 0)));
    expect(await stat("failing")).toBe(String(shown.filter((r) => r.checks.some((c) => c.status === "fail")).length));
    // few reports: the page says so
    await expect(page.textContent('[data-testid="few-notice"]')).resolves.toContain(`${shown.length} 份报告`);
    // every chart: title, subtitle with n, an SVG with <title> tooltips (or a sentence), a data table
    const charts = await page.$$eval("figure.chart", (fs) =>
      fs.map((f) => ({
        title: f.querySelector(".chart-title")?.textContent ?? "",
        sub: f.querySelector(".chart-sub")?.textContent ?? "",
        svg: !!f.querySelector("svg"),
        tips: f.querySelectorAll("svg title").length,
        empty: !!f.querySelector(".empty-chart"),
        table: !!f.querySelector("details table"),
      })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.title).not.toBe("");
      expect(c.sub).toMatch(/n = \d+/);
      expect(c.svg || c.empty).toBe(true);
      if (c.svg) expect(c.tips).toBeGreaterThan(0);
      expect(c.table).toBe(true);
    }
    // the proactive dots: one per shown report with a count
    expect(await page.$$eval("#chart-proactive svg circle", (cs) => cs.length)).toBe(pro.length);
    expect(errors).toEqual([]);
    await shot(page, "overview-1280");
    await page.close();
  });

  it("agency page: one column per year, every figure equals the record and links to its line", async () => {
    const agencyId = "xinjiang-hami-yizhou-liyuan-jiedao";
    const { page, errors } = await open(browser.context, url(`agencies/${agencyId}/`));
    const cells = await page.$$eval("#history a.cell[data-path]", (as) =>
      as.map((a) => ({ report: a.getAttribute("data-report")!, path: a.getAttribute("data-path")!, text: a.textContent, href: a.getAttribute("href")! })),
    );
    expect(cells.length).toBeGreaterThan(10);
    const years = await page.$$eval("#history thead th a", (as) => as.map((a) => a.textContent));
    expect(years).toEqual(["2019 年", "2020 年", "2021 年"]);
    for (const c of cells) {
      const r = byId.get(c.report)!;
      const v = valueAt(r, c.path);
      expect(digits(c.text), `${c.report} ${c.path}`).toBe(v == null ? "—" : String(v));
      const line = c.path === "proactive.total" ? r.proactive.line : r.cellLines[c.path];
      expect(c.href).toBe(`${BASE}reports/${r.id}/#L${line}`);
    }
    // the history chart: one dot per printed value of the three series
    const agencyReports = shown.filter((r) => r.agency.id === agencyId);
    const t4sum = (r: Report) => [r.table4.review.total, r.table4.litigationDirect.total, r.table4.litigationAfterReview.total].some((v) => v != null);
    const dots = agencyReports.reduce((n, r) => n + (r.proactive.total != null ? 1 : 0) + (r.table3.newReceived?.total != null ? 1 : 0) + (t4sum(r) ? 1 : 0), 0);
    expect(await page.$$eval("#series svg circle", (cs) => cs.length)).toBe(dots);
    // follow a figure to its source line
    const target = cells.find((c) => c.path === "table3.newReceived.total" && c.report.endsWith("2021"))!;
    await page.click(`#history a.cell[data-report="${target.report}"][data-path="table3.newReceived.total"]`);
    await page.waitForURL(/#L\d+$/);
    const lineText = await page.textContent(":target > span");
    expect(lineText).toContain(String(valueAt(byId.get(target.report)!, target.path)));
    expect(errors).toEqual([]);
    await page.goBack();
    await shot(page, "agency-1280");
    await page.close();
  });

  it("report page: the three tables equal the record; failing cells show printed and computed", async () => {
    const id = "xinjiang-hami-yizhou-liyuan-jiedao-2021";
    const r = byId.get(id)!;
    const { page, errors } = await open(browser.context, url(`reports/${id}/`));
    const cells = await page.$$eval("[data-path]", (es) => es.map((e) => ({ path: e.getAttribute("data-path")!, text: e.textContent, href: e.getAttribute("href") })));
    const paths = new Set(cells.map((c) => c.path));
    for (const row of Object.keys(r.table3)) expect(paths.has(`table3.${row}.total`)).toBe(true);
    expect(paths.has("table4.litigationAfterReview.total")).toBe(true);
    for (const c of cells) {
      const v = valueAt(r, c.path);
      expect(digits(c.text), c.path).toBe(v == null ? "—" : String(v));
      const line = c.path === "proactive.total" ? r.proactive.line : r.cellLines[c.path];
      if (line) expect(c.href).toBe(`#L${line}`);
    }
    // the failing check: highlighted, printed 35 and computed 33 side by side
    const fail = await page.$eval('td.fail:has([data-path="table3.totalProcessed.total"])', (td) => td.textContent);
    expect(fail).toContain("35");
    expect(fail).toContain("应为 33");
    expect(await page.$$eval("td.fail", (t) => t.length)).toBeGreaterThanOrEqual(2);
    // source text with numbered lines, each cell's line exists
    const text = readFileSync(path.join(FIXTURE, "text", `${id}.txt`), "utf8").trimEnd().split("\n");
    expect(await page.$$eval(".source li", (l) => l.length)).toBe(text.length);
    await page.click('[data-path="table3.granted.naturalPerson"]');
    expect(await page.textContent(":target > span")).toBe(text[r.cellLines["table3.granted.naturalPerson"] - 1]);
    // the original file is downloadable
    const orig = await page.getAttribute('a[href*="/originals/"]', "href");
    const res = await page.request.get(new URL(orig!, url()).toString());
    expect(res.status()).toBe(200);
    expect(errors).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "report-1280");
    await page.close();
  });

  it("report text is untrusted: scripts, onerror images and javascript: links render as text", async () => {
    const id = "hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024";
    const { page, errors, dialogs } = await open(browser.context, url(`reports/${id}/`));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval("main script, main iframe, main img", (e) => e.length)).toBe(0);
    expect(await page.$$eval('a[href^="javascript:"], [onerror]', (e) => e.length)).toBe(0);
    const narrative = await page.textContent(".narrative");
    expect(narrative).toContain('<script>alert("xss-overview")</script>');
    expect(narrative).toContain('<img src=x onerror=alert("xss-img")>');
    expect(narrative).toContain('<a href="javascript:alert(1)">');
    expect(errors).toEqual([]);
    await shot(page, "report-untrusted-text");
    await page.close();
  });

  it("duplicate reports: the later one is shown, the other says so", async () => {
    const { page } = await open(browser.context, url("reports/henan-luoyang-xigong-wangchenglu-jiedao-2020-b/"));
    expect(await page.textContent('[data-testid="duplicate-notice"]')).toContain("2021-03-01");
    await page.close();
  });

  it("/data/: downloads hold every record; CSVs match the records", async () => {
    const { page, errors } = await open(browser.context, url("data/"));
    expect(digits(await page.textContent('[data-testid="record-count"]'))).toBe(String(corpus.reports.length));
    const get = async (sel: string) => {
      const href = await page.getAttribute(sel, "href");
      expect(href!.startsWith(BASE)).toBe(true);
      const res = await page.request.get(new URL(href!, url()).toString());
      expect(res.status()).toBe(200);
      return res.text();
    };
    const json = JSON.parse(await get('[data-testid="dl-json"]'));
    expect(Corpus.parse(json).reports.map((r) => r.id)).toEqual(corpus.reports.map((r) => r.id));
    const wide = Papa.parse<string[]>((await get('[data-testid="dl-wide"]')).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(wide).toHaveLength(corpus.reports.length + 1);
    const col = wide[0].indexOf("table3.newReceived.total");
    for (const row of wide.slice(1)) expect(row[col]).toBe(String(byId.get(row[0])!.table3.newReceived!.total));
    const long = Papa.parse<string[]>((await get('[data-testid="dl-long"]')).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(long[0].slice(0, 5)).toEqual(["report", "table", "row", "column", "value"]);
    const dict = await get('[data-testid="dl-dict"]');
    expect(dict).toContain("本年新收政府信息公开申请数量");
    expect(await page.$$eval("#dictionary-table tbody tr", (t) => t.length)).toBe(wide[0].length);
    expect(errors).toEqual([]);
    await shot(page, "data-1280");
    await page.close();
  });

  it("search finds Chinese phrases and agency names (pagefind)", async () => {
    for (const [q, expectHref] of [
      ["宣传力度", "reports/xinjiang-hami-yizhou-liyuan-jiedao-2020/"],
      ["七户乡人民政府", "agencies/xinjiang-changji-qitai-qihu-xiang/"],
    ]) {
      const { page, errors } = await open(browser.context, url(`search/?q=${encodeURIComponent(q)}`));
      await page.waitForFunction(() => /找到|不可用/.test(document.getElementById("search-status")?.textContent ?? ""), null, { timeout: 20_000 });
      expect(await page.textContent("#search-status"), `${q}: ${errors.join("; ")}`).toMatch(/找到 \d+ 个页面/);
      const hrefs = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs, q).toContain(BASE + expectHref);
      expect(await page.textContent("#search-results")).toContain(q.slice(0, 2));
      expect(errors).toEqual([]);
      if (q === "宣传力度") await shot(page, "search-1280");
      await page.close();
    }
  });

  it("no horizontal scrolling at 375 px; screenshots", async () => {
    const pages = [
      ["", "overview"],
      ["agencies/", "agencies"],
      ["agencies/xinjiang-hami-yizhou-liyuan-jiedao/", "agency"],
      ["reports/xinjiang-hami-yizhou-liyuan-jiedao-2021/", "report"],
      ["regions/", "regions"],
      ["quality/", "quality"],
      ["data/", "data"],
      ["about/", "about"],
      ["search/?q=%E5%AE%A3%E4%BC%A0%E5%8A%9B%E5%BA%A6", "search"],
    ];
    for (const [p, name] of pages) {
      const { page, errors } = await open(browser.context, url(p), 375);
      await noHorizontalScroll(page);
      expect(errors, p).toEqual([]);
      await shot(page, `${name}-375`);
      await page.close();
    }
  });

  it("reads well with JavaScript off", async () => {
    const ctx = await browser.context.browser()!.newContext({ javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(url());
      expect(await page.$$eval("figure.chart svg", (s) => s.length)).toBeGreaterThan(3);
      await page.goto(url("agencies/"));
      expect(await page.$$eval("#agency-table tbody tr", (t) => t.length)).toBe(new Set(corpus.reports.map((r) => r.agency.id)).size);
      expect(await page.isHidden("#agency-filters")).toBe(true);
      await page.goto(url("reports/xinjiang-hami-yizhou-liyuan-jiedao-2021/"));
      expect(await page.$$eval("#table3 [data-path]", (t) => t.length)).toBe(25 * 7);
    } finally {
      await ctx.close();
    }
  });

  it("agency list filters and sorts (script enhancement)", async () => {
    const { page, errors } = await open(browser.context, url("agencies/"));
    await page.selectOption('#agency-filters select[name="level"]', "街道");
    const visible = await page.$$eval("#agency-table tbody tr:not([hidden])", (t) => t.length);
    const streets = new Set(corpus.reports.filter((r) => r.agency.level === "街道").map((r) => r.agency.id)).size;
    expect(visible).toBe(streets);
    await page.selectOption('#agency-filters select[name="level"]', "");
    await page.check('#agency-filters input[name="failing"]');
    const failingNames = await page.$$eval("#agency-table tbody tr:not([hidden]) td:first-child", (t) => t.map((x) => x.textContent));
    expect(failingNames).toContain("丽园街道办事处");
    await page.uncheck('#agency-filters input[name="failing"]');
    await page.click('#agency-table th[data-key="count"] button');
    await page.click('#agency-table th[data-key="count"] button');
    const first = await page.textContent("#agency-table tbody tr:first-child td:first-child");
    expect(first).toBe("丽园街道办事处");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("every internal link resolves under the base path", async () => {
    const html: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory() && e.name !== "pagefind" && e.name !== "_astro") walk(p);
        else if (e.name.endsWith(".html")) html.push(p);
      }
    };
    walk(site.dist);
    const seen = new Set<string>();
    for (const file of html) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\s(?:href|src)="([^"#]*)(#[^"]*)?"/g)) {
        const link = m[1];
        if (!link || /^(https?:|mailto:|data:)/.test(link)) continue;
        expect(link.startsWith(BASE), `${path.relative(site.dist, file)} links to ${link}`).toBe(true);
        if (seen.has(link)) continue;
        seen.add(link);
        const rel = decodeURIComponent(link.slice(BASE.length).split("?")[0]);
        const target = path.join(site.dist, rel);
        expect(existsSync(target) || existsSync(path.join(target, "index.html")), `broken link ${link} in ${path.relative(site.dist, file)}`).toBe(true);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});

suite("site built from data/ through the real parser", () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  let real: Corpus;

  beforeAll(async () => {
    const generated = parseInto(path.join(ROOT, "data"));
    real = Corpus.parse(JSON.parse(readFileSync(path.join(generated, "corpus.json"), "utf8")));
    site = buildSite({ generatedDir: generated, parseDir: path.join(ROOT, "data"), base: "/" });
    server = await serveStatic(site.dist, "/");
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeBuild(site);
  });

  it("overview and every report page open without errors; figures equal the records", async () => {
    const shownReal = real.reports.filter((r) => r.conflict?.shown !== false);
    const { page, errors } = await open(browser.context, server.url);
    expect(digits(await page.textContent('[data-stat="reports"] .value'))).toBe(String(shownReal.length));
    expect(errors).toEqual([]);
    await shot(page, "real-overview-1280");
    for (const r of real.reports) {
      await page.goto(`${server.url}reports/${r.id}/`, { waitUntil: "load" });
      const vals = await page.$$eval("#table3 [data-path]", (es) => es.map((e) => [e.getAttribute("data-path")!, e.textContent!]));
      for (const [p, text] of vals) {
        const v = valueAt(r, p);
        expect(digits(text), `${r.id} ${p}`).toBe(v == null ? "—" : String(v));
      }
      await noHorizontalScroll(page);
    }
    expect(errors).toEqual([]);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`${server.url}reports/${real.reports[0].id}/`);
    await noHorizontalScroll(page);
    await shot(page, "real-report-375");
    await page.close();
  });
});
