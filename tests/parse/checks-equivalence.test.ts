/**
 * checks.ts computes sums without per-row arrays and precomputes its wording: its checks must be
 * exactly those of the straightforward version (checks-reference.ts) — rule, status, detail,
 * cells, printed and computed, in the same key order — on varied and inconsistent tables.
 */
import { describe, expect, it } from "vitest";
import { checkTable3, checkTable4 } from "../../scripts/parse/checks.ts";
import { TABLE3_COLUMNS, TABLE3_ROWS_BY_TEMPLATE, TABLE4_GROUPS, type Table3, type Table4 } from "../../src/schema.ts";
import { refCheckTable3, refCheckTable4 } from "./checks-reference.ts";

let seed = 11;
const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);

/** a count as reports print them: mostly small integers, sometimes null, absent, zero, a fraction or large */
function count(): number | null | undefined {
  const k = rand(20);
  if (k === 0) return null;
  if (k === 1) return undefined;
  if (k < 6) return 0;
  if (k === 6) return rand(1000) / 4;
  if (k === 7) return rand(1e9);
  return rand(30);
}

function row(consistent: boolean): Record<string, number | null> {
  const r: Record<string, number | null> = {};
  for (const c of TABLE3_COLUMNS.slice(0, 6)) {
    const v = count();
    if (v !== undefined) r[c] = v;
  }
  const six = TABLE3_COLUMNS.slice(0, 6).map((c) => r[c]);
  if (consistent && six.every((v) => typeof v === "number")) r.total = (six as number[]).reduce((a, b) => a + b, 0);
  else {
    const v = count();
    if (v !== undefined) r.total = v;
  }
  return r;
}

function table3(): Table3 {
  if (rand(25) === 0) return {};
  const rows: string[] = [...TABLE3_ROWS_BY_TEMPLATE[rand(2) ? "2019" : "2021"]].filter(() => rand(8) !== 0);
  if (rand(10) === 0) rows.splice(rand(rows.length + 1), 0, "notInTheSchema");
  if (rand(5) === 0) rows.reverse();
  const t: Record<string, unknown> = {};
  for (const r of rows) t[r] = rand(30) === 0 ? undefined : row(rand(3) !== 0);
  return t as Table3;
}

function table4(): Table4 {
  const t: Record<string, unknown> = {};
  for (const g of TABLE4_GROUPS) {
    const o: Record<string, number | null> = {};
    for (const k of ["upheld", "corrected", "other", "pending"]) o[k] = count() ?? null;
    const parts = Object.values(o);
    o.total = rand(2) && parts.every((v) => v !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : count() ?? null;
    t[g] = o;
  }
  return t as Table4;
}

describe("checks equal the straightforward version", () => {
  it("on 3,000 generated tables", () => {
    for (let i = 0; i < 3000; i++) {
      const draft = { table3: table3(), table4: table4(), template: "2019" as const };
      expect(JSON.stringify(checkTable3(draft))).toBe(JSON.stringify(refCheckTable3(draft)));
      expect(JSON.stringify(checkTable4(draft))).toBe(JSON.stringify(refCheckTable4(draft)));
    }
  });
});
