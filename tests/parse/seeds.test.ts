/**
 * The five seed reports against their hand-checked answer keys (../shared/seeds-gold):
 * every field the key has, every cell, exactly.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../scripts/parse/index.ts";
import { loadSeeds } from "../../scripts/bench/corpus.ts";
import type { Report } from "../../src/schema.ts";

const seeds = loadSeeds();

async function parse(name: string, text: string): Promise<Report> {
  const outcome = await parseReport(new TextEncoder().encode(text), name);
  if (!outcome.ok) throw new Error(`${name} not parsed: ${outcome.unparsed.reason}`);
  return outcome.record;
}

describe.each(seeds.map((s) => [s.name, s] as const))("seed %s", (name, seed) => {
  const gold = seed.gold;
  let record: Report;

  it("parses", async () => {
    record = await parse(name, seed.text);
  });
  it("year, form, publishedAt", () => {
    expect(record.year).toBe(gold.year);
    expect(record.template).toBe(gold.template);
    expect(record.publishedAt).toBe(gold.publishedAt);
  });
  it("agency name and region", () => {
    expect(record.agency.name).toBe(gold.agencyName);
    expect(record.agency.region).toEqual(gold.region);
  });
  it("proactive total from the narrative", () => {
    expect(record.proactive.total).toBe(gold.proactiveTotal);
    if (gold.proactiveTotal !== null) expect(record.proactive.evidence).toContain(String(gold.proactiveTotal));
  });
  it("table 2, every cell", () => expect(record.table2).toEqual(gold.table2));
  it("table 3, every row and cell", () => expect(record.table3).toEqual(gold.table3));
  it("table 4, every cell", () => expect(record.table4).toEqual(gold.table4));
  it("problems section", () => expect(record.sections.problems !== null).toBe(gold.hasProblems));
  it("every cell links to a source line holding its value", () => {
    const lines = seed.text.split(/\r?\n/);
    for (const [path, line] of Object.entries(record.cellLines)) {
      const [table, row, col] = splitPath(path);
      const value = (record as any)[table][row][col];
      if (value === null) continue;
      expect(lines[line - 1], `${path} → line ${line}`).toMatch(new RegExp(`(^|[^\\d])${value}([^\\d]|$)`));
    }
  });
  it("id is agency id + year", () => expect(record.id).toBe(`${record.agency.id}-${record.year}`));
});

function splitPath(path: string): [string, string, string] {
  const [table, ...rest] = path.split(".");
  const col = rest.pop()!;
  return [table, rest.join("."), col];
}
