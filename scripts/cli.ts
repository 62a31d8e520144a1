/**
 * npm run parse                      parse every report under $PARSE_DIR (default data/) into
 *                                    $GENERATED_DIR (default generated/) and print a summary
 * npm run -s parse -- --json FILE…   print a JSON array, one record per file in order; nothing else
 *                                    goes to stdout (messages go to stderr)
 * --strict                           exit 1 when any file could not be parsed
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { listReportFiles, overridesFor, parseFiles } from "./corpus/parse-files.ts";
import { unparsedRecord } from "./corpus/unparsed-record.ts";
import { writeGenerated } from "./corpus/write.ts";

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const json = args.includes("--json");
const files = args.filter((a) => !a.startsWith("--"));

async function main(): Promise<number> {
  if (json) return printJson(files);
  const dataDir = process.env.PARSE_DIR ?? (files[0] && !json ? files[0] : "data");
  const outDir = process.env.GENERATED_DIR ?? "generated";
  if (!existsSync(dataDir)) {
    console.error(`parse: folder "${dataDir}" does not exist`);
    return 2;
  }
  const started = performance.now();
  const { files: paths, skipped } = await listReportFiles(dataDir);
  const parsed = await parseFiles(paths, { overrides: overridesFor(dataDir), root: resolve(".") });
  parsed.unparsed.push(...skipped);
  const file = writeGenerated(outDir, parsed);
  const seconds = (performance.now() - started) / 1000;
  const warnings = parsed.reports.reduce((n, r) => n + r.warnings.length, 0);
  const failing = parsed.reports.filter((r) => r.checks.some((c) => c.status === "fail")).length;
  console.log(
    `parse: ${paths.length + skipped.length} files, ${parsed.reports.length} parsed, ${parsed.unparsed.length} unparsed, ` +
      `${warnings} warnings, ${failing} reports with failing checks — ${file} (${seconds.toFixed(1)} s)`,
  );
  for (const u of parsed.unparsed) console.log(`  unparsed: ${u.path}${u.line ? `:${u.line}` : ""} — ${u.reason}`);
  return strict && parsed.unparsed.length ? 1 : 0;
}

async function printJson(paths: string[]): Promise<number> {
  const missing = paths.filter((p) => !existsSync(p));
  const present = paths.filter((p) => existsSync(p));
  const parsed = await parseFiles(present, { overrides: overridesFor(process.env.PARSE_DIR ?? "data") });
  const reports = new Map(parsed.reports.map((r) => [r.id, r]));
  let next = 0;
  const out = paths.map((p) => {
    if (!existsSync(p)) return unparsedRecord({ path: p, reason: "文件不存在" }, null);
    const entry = parsed.order[next++];
    if ("id" in entry) return reports.get(entry.id)!;
    return unparsedRecord(entry.unparsed, readFileSync(p));
  });
  for (const p of missing) console.error(`parse: ${p}: file not found`);
  for (const u of parsed.unparsed) console.error(`parse: ${u.path}${u.line ? `:${u.line}` : ""}: ${u.reason}`);
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
  return strict && (missing.length || parsed.unparsed.length) ? 1 : 0;
}

main().then(exitWhenFlushed, (error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  exitWhenFlushed(2);
});

/**
 * Exit once stdout has taken everything written to it. Writes to a pipe are asynchronous: exiting
 * at once cut a piped JSON array after its first 64 KB. (The callback of an empty write runs after
 * the writes queued before it.)
 */
function exitWhenFlushed(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
