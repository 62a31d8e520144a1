/** The CSV writer (papaparse): wide and long layouts, nulls, escaping, the data dictionary. */
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Corpus, type Report } from "../../src/schema";
import { BOM, dictionary, LONG_FIELDS, toDictionaryCsv, toLongCsv, toWideCsv, wideColumns } from "../../src/lib/csv";

const corpus = Corpus.parse(JSON.parse(readFileSync(new URL("../fixtures/site/corpus.json", import.meta.url), "utf8")));
const reports = corpus.reports;
const parse = (csv: string) => {
  expect(csv.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
};

function withText(r: Report, patch: Partial<Report["agency"]>, title: string | null): Report {
  return { ...r, title, agency: { ...r.agency, ...patch } };
}

describe("wide CSV", () => {
  const rows = parse(toWideCsv(reports));
  const header = rows[0];
  it("has one row per report and columns named after record paths", () => {
    expect(rows).toHaveLength(reports.length + 1);
    expect(header).toContain("table3.newReceived.total");
    expect(header).toContain("table4.review.total");
    expect(header).toContain("table2.regulations.inForce");
    expect(header).toContain("proactive.total");
    expect(new Set(header).size).toBe(header.length);
  });
  it("carries the printed values", () => {
    const col = header.indexOf("table3.newReceived.total");
    const idCol = header.indexOf("id");
    for (const r of reports) {
      const row = rows.find((x) => x[idCol] === r.id)!;
      expect(row[col]).toBe(String(r.table3.newReceived!.total));
    }
  });
  it("writes null as an empty cell, never 0", () => {
    const r = structuredClone(reports[0]);
    r.table3.newReceived!.commercial = null;
    r.proactive.total = null;
    const [h, row] = parse(toWideCsv([r]));
    expect(row[h.indexOf("table3.newReceived.commercial")]).toBe("");
    expect(row[h.indexOf("proactive.total")]).toBe("");
  });
  it("summarizes checks per rule", () => {
    const failing = reports.find((r) => r.checks.some((c) => c.status === "fail" && c.rule === "t3.balance"))!;
    const row = rows.find((x) => x[0] === failing.id)!;
    expect(row[header.indexOf("check.t3.balance")]).toBe("fail");
    expect(row[header.indexOf("checks.failed")]).toContain("t3.balance");
  });
  it("escapes quotes, commas, newlines and formula-like text", () => {
    const r = withText(reports[0], { name: '=HYPERLINK("http://x","点我"),\n第二行' }, '+1,"标题"');
    const [h, row] = parse(toWideCsv([r]));
    expect(row[h.indexOf("agency.name")]).toBe(`'=HYPERLINK("http://x","点我"),\n第二行`);
    expect(row[h.indexOf("title")]).toBe(`'+1,"标题"`);
  });
  it("has a header even with no reports", () => {
    expect(parse(toWideCsv([]))).toEqual([wideColumns()]);
  });
});

describe("long CSV", () => {
  const rows = parse(toLongCsv(reports));
  it("has report, table, row, column, value (and line)", () => {
    expect(rows[0]).toEqual(LONG_FIELDS);
    expect(LONG_FIELDS.slice(0, 5)).toEqual(["report", "table", "row", "column", "value"]);
  });
  it("has one row per printed cell with its source line", () => {
    const r = reports[0];
    const mine = rows.filter((x) => x[0] === r.id);
    const t3 = mine.filter((x) => x[1] === "table3");
    expect(t3).toHaveLength(Object.keys(r.table3).length * 7);
    const cell = t3.find((x) => x[2] === "newReceived" && x[3] === "total")!;
    expect(cell[4]).toBe(String(r.table3.newReceived!.total));
    expect(cell[5]).toBe(String(r.cellLines["table3.newReceived.total"]));
    expect(mine.filter((x) => x[1] === "table4")).toHaveLength(15);
  });
  it("totals add up to the records", () => {
    const sum = rows.filter((x) => x[1] === "table3" && x[2] === "newReceived" && x[3] === "total").reduce((s, x) => s + Number(x[4]), 0);
    expect(sum).toBe(reports.reduce((s, r) => s + (r.table3.newReceived?.total ?? 0), 0));
  });
});

describe("data dictionary", () => {
  it("labels every wide column in Chinese", () => {
    const d = dictionary();
    expect(d.map((x) => x.column)).toEqual(wideColumns());
    expect(d.find((x) => x.column === "table3.newReceived.total")!.label).toBe("表三 一、本年新收政府信息公开申请数量 · 总计");
    expect(d.find((x) => x.column === "table4.litigationDirect.upheld")!.label).toContain("未经复议直接起诉");
    for (const x of d) expect(x.label).toMatch(/[\u4e00-\u9fff]/);
    expect(parse(toDictionaryCsv())[0]).toEqual(["column", "label", "type"]);
  });
});

describe("long CSV fast path", () => {
  it("writes exactly what papaparse writes", () => {
    const odd = structuredClone(reports[0]);
    odd.id = "x-1";
    odd.table2.fees = { amount: 12.345, change: -3 };
    const all = [...reports, odd];
    expect(toLongCsv(all, true)).toBe(toLongCsv(all, false));
  });
});

describe("wide CSV fast path", () => {
  it("writes exactly what papaparse writes", () => {
    const odd = structuredClone(reports[0]);
    odd.id = "x-2";
    odd.title = '=cmd|"/c calc"!A1, 第二行\n"引号"';
    odd.agency.name = " 前导空格";
    odd.table2.fees = { amount: 12.345, change: -3 };
    const all = [...reports, odd];
    expect(toWideCsv(all, undefined, true)).toBe(toWideCsv(all, undefined, false));
  });
});
