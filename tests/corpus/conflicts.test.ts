import { describe, expect, it } from "vitest";
import { flagConflicts } from "../../scripts/corpus/conflicts.ts";
import { addCrossYearChecks } from "../../scripts/corpus/cross-year.ts";
import { unparsedRecord } from "../../scripts/corpus/unparsed-record.ts";
import type { Report } from "../../src/schema.ts";

function record(over: Partial<Report> & { agencyId: string; year: number; path: string }): Report {
  const base = unparsedRecord({ path: over.path, reason: "" }, null);
  return {
    ...base,
    warnings: [],
    id: `${over.agencyId}-${over.year}`,
    agency: { id: over.agencyId, name: "某街道办事处", region: [] },
    source: { ...base.source, path: over.path },
    ...over,
  } as Report;
}
const row = (n: number | null) => ({ naturalPerson: n, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: n });

describe("flagConflicts", () => {
  it("keeps both reports of one agency and year, shows the later published, ids stay unique", () => {
    const a = record({ agencyId: "x", year: 2020, path: "a.txt", publishedAt: "2021-01-10" });
    const b = record({ agencyId: "x", year: 2020, path: "b.html", publishedAt: "2021-01-20" });
    const c = record({ agencyId: "y", year: 2020, path: "c.txt" });
    flagConflicts([a, b, c]);
    expect(b).toMatchObject({ id: "x-2020", conflict: { with: ["a.txt"], shown: true } });
    expect(a).toMatchObject({ id: "x-2020-2", conflict: { with: ["b.html"], shown: false } });
    expect(a.warnings[0].code).toBe("conflict");
    expect(c.conflict).toBeUndefined();
  });
});

describe("addCrossYearChecks", () => {
  it("carried-over applications must equal last year's carried-forward", () => {
    const y1 = record({ agencyId: "x", year: 2020, path: "1", table3: { carriedForward: row(3) } });
    const y2 = record({ agencyId: "x", year: 2021, path: "2", table3: { carriedOver: row(2) } });
    addCrossYearChecks([y1, y2]);
    const checks = y2.checks.filter((c) => c.rule === "crossYear.carriedOver");
    expect(checks.find((c) => c.cells?.[0] === "table3.carriedOver.naturalPerson")).toMatchObject({ status: "fail", printed: 2, computed: 3 });
    expect(checks.find((c) => c.cells?.[0] === "table3.carriedOver.commercial")?.status).toBe("pass");
    expect(y1.checks.find((c) => c.rule === "crossYear.carriedOver")?.status).toBe("na");
  });
  it("2021 form: in force = last year's in force + issued − repealed", () => {
    const t2 = (issued: number, repealed: number, inForce: number) => ({
      regulations: { issued, repealed, inForce },
      normativeDocuments: { issued: 0, repealed: 0, inForce: null },
    });
    const y1 = record({ agencyId: "x", year: 2022, path: "1", template: "2021", table2: t2(1, 0, 10) });
    const y2 = record({ agencyId: "x", year: 2023, path: "2", template: "2021", table2: t2(3, 1, 12) });
    addCrossYearChecks([y1, y2]);
    const [regs, docs] = y2.checks.filter((c) => c.rule === "t2.inForce");
    expect(regs.status).toBe("pass");
    expect(docs.status).toBe("na");
    y2.table2.regulations!.inForce = 13;
    y2.checks = [];
    addCrossYearChecks([y1, y2]);
    expect(y2.checks.find((c) => c.rule === "t2.inForce")).toMatchObject({ status: "fail", printed: 13, computed: 12 });
  });
});
