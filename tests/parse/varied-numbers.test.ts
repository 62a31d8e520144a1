/**
 * The seeds are almost all zeros, so they alone prove little. Here every seed layout is rewritten
 * with fresh, consistent, mostly non-zero numbers (scripts/bench/corpus.ts places them from the
 * seed text and its answer key, not from the parser): every cell must land in its row and column,
 * consistent tables raise no false alarm, and a planted imbalance shows up as a failing t3.balance.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../scripts/parse/index.ts";
import { loadSeeds, rng, varySeed } from "../../scripts/bench/corpus.ts";
import type { Report } from "../../src/schema.ts";

const seeds = loadSeeds();
const ROUNDS = 12;

async function parse(name: string, text: string): Promise<Report> {
  const outcome = await parseReport(new TextEncoder().encode(text), name);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.unparsed.reason}`);
  return outcome.record;
}

describe.each(seeds.map((s) => [s.name, s] as const))("layout of %s", (name, seed) => {
  it(`${ROUNDS} rewrites with fresh numbers: every cell in its row and column`, async () => {
    const random = rng(name.length * 7919);
    let nonZero = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const varied = varySeed(seed, random);
      const record = await parse(name, varied.text);
      expect(record.table2).toEqual(varied.expected.table2);
      expect(record.table3).toEqual(varied.expected.table3);
      expect(record.table4).toEqual(varied.expected.table4);
      nonZero += Object.values(record.table3).flatMap((r) => Object.values(r!)).filter((v) => v !== null && v !== 0).length;
    }
    expect(nonZero).toBeGreaterThan(ROUNDS * 20); // the test really varies the numbers
  });

  it("consistent tables raise no failing check", async () => {
    const random = rng(42 + name.length);
    for (let round = 0; round < ROUNDS; round++) {
      const record = await parse(name, varySeed(seed, random).text);
      const fails = record.checks.filter((c) => c.status === "fail" && c.rule !== "text.newReceived");
      expect(fails, JSON.stringify(fails, null, 1)).toEqual([]);
    }
  });

  it("a planted imbalance in table 3 fails t3.balance for that column", async () => {
    const random = rng(99 + name.length);
    for (let round = 0; round < ROUNDS; round++) {
      const varied = varySeed(seed, random, { plantImbalance: true });
      const record = await parse(name, varied.text);
      const failing = record.checks.filter((c) => c.rule === "t3.balance" && c.status === "fail");
      const columns = failing.flatMap((c) => c.cells ?? []).map((p) => p.split(".").pop());
      expect(columns).toContain(varied.imbalance);
      expect(columns).toContain("total");
      // the printed numbers are kept: the parser never "fixes" the table
      expect(record.table3.newReceived).toEqual(varied.expected.table3.newReceived);
    }
  });
});
