import { describe, expect, it } from "vitest";
import { checkTable3, checkTable4, equation } from "../../scripts/parse/checks.ts";
import { TABLE3_COLUMNS, TABLE3_ROWS_BY_TEMPLATE, type Table3, type Table4 } from "../../src/schema.ts";

const row = (...six: number[]) => {
  const r: Record<string, number | null> = {};
  TABLE3_COLUMNS.forEach((c, i) => (r[c] = i < 6 ? six[i] ?? 0 : (six as number[]).reduce((a, b) => a + b, 0)));
  return r as any;
};
function table3(): Table3 {
  const t: Table3 = {};
  for (const r of TABLE3_ROWS_BY_TEMPLATE["2019"]) t[r] = row(0);
  t.newReceived = row(5, 1);
  t.carriedOver = row(1);
  t.granted = row(4, 1);
  t.totalProcessed = row(4, 1);
  t.carriedForward = row(2);
  return t;
}
const t4 = (): Table4 => ({
  review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
  litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
});

describe("checks", () => {
  it("a consistent table 3 passes every rule", () => {
    const checks = checkTable3({ table3: table3(), table4: t4(), template: "2019" });
    expect(checks.filter((c) => c.status !== "pass")).toEqual([]);
  });
  it("an imbalance fails t3.balance for that column, naming the cells, keeping both values", () => {
    const t = table3();
    t.newReceived = row(6, 1); // 6+1 carried over ≠ 4 processed + 2 forward
    const fails = checkTable3({ table3: t, table4: t4(), template: "2019" }).filter((c) => c.status === "fail");
    const balance = fails.filter((c) => c.rule === "t3.balance");
    expect(balance.map((c) => c.cells![0])).toEqual(["table3.newReceived.naturalPerson", "table3.newReceived.total"]);
    expect(balance[0]).toMatchObject({ printed: 6, computed: 7 });
  });
  it("a null cell makes the rule n.a., not a pass or a fail", () => {
    const t = table3();
    t.carriedForward!.research = null;
    const research = checkTable3({ table3: t, table4: t4(), template: "2019" }).find(
      (c) => c.rule === "t3.balance" && c.cells?.[0].endsWith("research"),
    );
    expect(research?.status).toBe("na");
  });
  it("t4.total per group", () => {
    const t = t4();
    t.litigationDirect.total = 2;
    expect(checkTable4({ table3: {}, table4: t, template: "2019" }).map((c) => c.status)).toEqual(["pass", "fail", "pass"]);
  });
  it("equation keeps printed and computed on a fail", () => {
    expect(equation("r", "x", 3, [1, 1], ["a"])).toMatchObject({ status: "fail", printed: 3, computed: 2 });
  });
});
