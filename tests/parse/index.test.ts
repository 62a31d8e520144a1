/**
 * parseReports: reports go through the stages in batches. A batch must give each report exactly
 * the outcome it gets alone, in input order, and a report that throws must fail alone.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, parseReports, type ReportInput } from "../../scripts/parse/index.ts";
import { InvalidRecordError } from "../../scripts/parse/validate.ts";
import { SHARED, loadSeeds, rng, varySeed } from "../../scripts/bench/corpus.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** One corpus file of each format, found by listing ../shared/corpus. */
function corpusSamples(): ReportInput[] {
  const byExt = new Map<string, string>();
  const dir = join(SHARED, "corpus");
  for (const sub of readdirSync(dir).sort()) {
    const folder = join(dir, sub);
    if (!statSync(folder).isDirectory()) continue;
    for (const f of readdirSync(folder).sort()) {
      const ext = f.slice(f.lastIndexOf("."));
      if (!byExt.has(ext)) byExt.set(ext, join(folder, f));
    }
  }
  return [...byExt.values()].map((path) => ({ bytes: readFileSync(path), path }));
}

/** Seeds, varied seeds, corpus files of every format, and inputs that are no report. */
function mixedInputs(): ReportInput[] {
  const random = rng(7);
  const seeds = loadSeeds();
  const inputs: ReportInput[] = [];
  for (const seed of seeds) {
    inputs.push({ bytes: encode(seed.text), path: seed.name });
    inputs.push({ bytes: encode(varySeed(seed, random).text), path: `varied-${seed.name}` });
  }
  inputs.push({ bytes: new Uint8Array(0), path: "empty.txt" });
  inputs.push({ bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 7, 8]), path: "binary.txt" });
  inputs.push({ bytes: encode("今天天气很好。\n我们去公园散步。\n"), path: "no-report.txt" });
  inputs.push({ bytes: encode(seeds[0].text), path: "table.xls" });
  inputs.splice(3, 0, ...corpusSamples());
  return inputs;
}

/** What a test compares: the record or the unparsed entry (the source text is compared by its lines). */
const comparable = (o: Awaited<ReturnType<typeof parseReport>>) => (o.ok ? { record: o.record, lines: o.source.lines } : { unparsed: o.unparsed });

describe("parseReports", () => {
  it("gives every report of a batch the outcome it gets alone, in order", async () => {
    const inputs = mixedInputs();
    expect(inputs.length).toBeGreaterThan(16);
    const alone = [];
    for (const input of inputs) alone.push(comparable(await parseReport(input.bytes, input.path)));
    const batched = await parseReports(inputs);
    expect(batched).toHaveLength(inputs.length);
    expect(batched.map((o) => ("error" in o ? { error: String(o.error) } : comparable(o)))).toEqual(alone);
    // the mix has records and unparsed files of several kinds
    expect(alone.filter((o) => "record" in o).length).toBeGreaterThan(10);
    expect(alone.filter((o) => "unparsed" in o).map((o) => (o as { unparsed: { path: string } }).unparsed.path)).toEqual(
      expect.arrayContaining(["empty.txt", "binary.txt", "no-report.txt", "table.xls"]),
    );
  }, 60_000);

  it("fails one report alone when it throws, naming its file", async () => {
    const seeds = loadSeeds();
    const inputs: ReportInput[] = seeds.map((s) => ({ bytes: encode(s.text), path: s.name }));
    // an override with an id the schema refuses: the record is invalid, which validation throws on
    inputs[2] = { ...inputs[2], override: { file: inputs[2].path, id: "不是 URL 安全的 id" } };
    const outcomes = await parseReports(inputs);
    outcomes.forEach((o, i) => {
      if (i === 2) {
        expect("error" in o && o.error).toBeInstanceOf(InvalidRecordError);
        expect(String((o as { error: Error }).error.message)).toContain(seeds[2].name);
      } else expect(o.ok).toBe(true);
    });
    await expect(parseReport(inputs[2].bytes, inputs[2].path, { override: inputs[2].override })).rejects.toThrow(InvalidRecordError);
  });

  it("adds each stage's time over the batch to stageTimes", async () => {
    const stageTimes: Record<string, number> = {};
    const seeds = loadSeeds();
    await parseReports(seeds.map((s) => ({ bytes: encode(s.text), path: s.name })), { stageTimes });
    expect(Object.keys(stageTimes)).toEqual(["read", "sections", "cells", "tables", "metadata", "narrative", "themes", "record", "checks", "validate"]);
    for (const ms of Object.values(stageTimes)) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
