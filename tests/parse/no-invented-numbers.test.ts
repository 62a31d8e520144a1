/**
 * Property: the parser never invents a number. Every number in a record — table cells and the
 * proactive total — is printed in the source, on the line the record says it came from.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../scripts/parse/index.ts";
import { loadSeeds, rng, varySeed } from "../../scripts/bench/corpus.ts";
import type { Report } from "../../src/schema.ts";

const seeds = loadSeeds();

function numbersOf(record: Report): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  for (const table of ["table2", "table3", "table4"] as const)
    for (const [row, cols] of Object.entries(record[table]))
      for (const [col, v] of Object.entries(cols as Record<string, number | null>))
        if (v !== null) out.push({ path: `${table}.${row}.${col}`, value: v });
  return out;
}

const onLine = (line: string, value: number) => new RegExp(`(^|[^\\d.])${String(value).replace(".", "\\.")}([^\\d]|$)`).test(line);

describe("no invented numbers", () => {
  it.each(seeds.map((s) => [s.name, s] as const))("%s and 20 variations of it", async (name, seed) => {
    const random = rng(7 + name.length);
    const texts = [seed.text, ...Array.from({ length: 20 }, () => varySeed(seed, random).text)];
    for (const text of texts) {
      const outcome = await parseReport(new TextEncoder().encode(text), name);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      const { record, source } = outcome;
      for (const { path, value } of numbersOf(record)) {
        const line = record.cellLines[path];
        expect(line, `${path} has a source line`).toBeGreaterThan(0);
        expect(onLine(source.lines[line - 1], value), `${path} = ${value} printed on line ${line}`).toBe(true);
      }
      if (record.proactive.total !== null) {
        expect(record.proactive.evidence).toBeTruthy();
        expect(source.lines[record.proactive.line! - 1]).toContain(record.proactive.evidence!);
        expect(onLine(record.proactive.evidence!, record.proactive.total)).toBe(true);
      }
    }
  });
});
