/**
 * The CLI contract outside checks rely on: `npm run -s parse -- --json FILE...` prints a JSON array,
 * one record per file, in order, and nothing else on stdout — also when a file is bad or missing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Corpus, Report } from "../src/schema.ts";

const seeds = "../shared/seeds";
const seedFiles = readdirSync(seeds).sort().map((f) => join(seeds, f));

/** each test spawns npm and node (and bundles the CLI) once or twice: seconds each on a busy machine */
const CLI_TIMEOUT = { timeout: 120_000 };

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync("npm", ["run", "-s", "parse", "--", ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

describe("npm run -s parse -- --json FILE...", CLI_TIMEOUT, () => {
  it("prints exactly one JSON array, one valid record per file, in order", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-"));
    writeFileSync(join(dir, "empty.txt"), "");
    const files = [seedFiles[3], join(dir, "empty.txt"), seedFiles[0], join(dir, "missing.txt")];
    const out = run(["--json", ...files]);
    expect(out.status).toBe(0);
    const parsed = JSON.parse(out.stdout); // throws if anything but JSON is on stdout
    expect(parsed).toHaveLength(4);
    parsed.forEach((r: unknown) => Report.parse(r));
    expect(parsed.map((r: any) => r.source.path)).toEqual(files);
    expect(parsed[0].agency.name).toBe("王城路街道办事处");
    expect(parsed[1].warnings[0]).toMatchObject({ code: "unparsed" });
    expect(parsed[2].agency.name).toBe("丽园街道办事处");
    expect(parsed[3].warnings[0].message).toContain("不存在");
    expect(out.stderr).toContain("empty.txt");
  });

  it("prints the whole array through a pipe, however long (not cut at the pipe's 64 KB)", () => {
    const files = [...seedFiles, ...seedFiles, ...seedFiles];
    const out = run(["--json", ...files]); // spawnSync reads stdout through a pipe
    expect(out.status).toBe(0);
    expect(out.stdout.length).toBeGreaterThan(3 * 65536);
    expect(JSON.parse(out.stdout)).toHaveLength(files.length);
  });

  it("--strict exits non-zero when a file could not be parsed", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-"));
    writeFileSync(join(dir, "junk.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    expect(run(["--json", "--strict", join(dir, "junk.txt")]).status).toBe(1);
    expect(run(["--json", "--strict", seedFiles[4]]).status).toBe(0);
  });
});

describe("npm run parse (a data folder)", CLI_TIMEOUT, () => {
  it("writes every report and lists every other file with its reason; one bad file takes nothing down", () => {
    const data = mkdtempSync(join(tmpdir(), "data-"));
    const out = mkdtempSync(join(tmpdir(), "gen-"));
    mkdirSync(join(data, "reports"));
    seedFiles.forEach((f, i) => copyFileSync(f, join(data, "reports", `r${i}.txt`)));
    writeFileSync(join(data, "reports", "broken.txt"), Buffer.from([0, 0, 0, 1]));
    writeFileSync(join(data, "notes.xlsx"), "x");
    writeFileSync(join(data, "README.md"), "# not a report");
    const result = run([], { PARSE_DIR: data, GENERATED_DIR: out });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/7 files, 5 parsed, 2 unparsed/);
    const corpus = Corpus.parse(JSON.parse(readFileSync(join(out, "corpus.json"), "utf8")));
    expect(corpus.reports).toHaveLength(5);
    expect(corpus.unparsed.map((u) => u.path.split("/").pop()).sort()).toEqual(["broken.txt", "notes.xlsx"]);
    // the text the site shows, whose line numbers the records point to
    for (const r of corpus.reports) expect(readFileSync(join(out, "text", `${r.id}.txt`), "utf8").length).toBeGreaterThan(1000);
  });
});

describe("data/agencies.csv", CLI_TIMEOUT, () => {
  it("overrides the agency of the file it names, and only that file", () => {
    const data = mkdtempSync(join(tmpdir(), "data-"));
    const out = mkdtempSync(join(tmpdir(), "gen-"));
    copyFileSync(seedFiles[1], join(data, "qihu.txt"));
    copyFileSync(seedFiles[0], join(data, "liyuan.txt"));
    writeFileSync(join(data, "agencies.csv"), "file,name,region,id\nqihu.txt,奇台县七户乡人民政府,新疆维吾尔自治区/昌吉回族自治州/奇台县,qitai-qihu\n");
    const result = run([], { PARSE_DIR: data, GENERATED_DIR: out });
    expect(result.status, result.stderr).toBe(0);
    const corpus = Corpus.parse(JSON.parse(readFileSync(join(out, "corpus.json"), "utf8")));
    const qihu = corpus.reports.find((r) => r.source.path.endsWith("qihu.txt"))!;
    expect(qihu.agency).toMatchObject({ id: "qitai-qihu", name: "奇台县七户乡人民政府", region: ["新疆维吾尔自治区", "昌吉回族自治州", "奇台县"] });
    expect(qihu.id).toBe("qitai-qihu-2020");
    expect(corpus.reports.find((r) => r.source.path.endsWith("liyuan.txt"))!.agency.name).toBe("丽园街道办事处");
  });
});
