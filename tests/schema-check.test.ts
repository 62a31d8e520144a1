/**
 * The checker compiled from the zod schema (src/schema-check.ts) and validateRecord:
 * the checker must accept nothing zod rejects, and what it accepts zod must return unchanged
 * (same JSON, key order included). Real records take the fast path; broken ones reach zod and are
 * reported as a parser bug naming the file.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseReport } from "../scripts/parse/index.ts";
import { compileCheck } from "../src/schema-check.ts";
import { InvalidRecordError, validateRecord } from "../scripts/parse/validate.ts";
import { loadSeeds } from "../scripts/bench/corpus.ts";
import { Report } from "../src/schema.ts";

const isReport = compileCheck(Report);
const seeds = loadSeeds();

async function records(): Promise<Report[]> {
  const out: Report[] = [];
  for (const seed of seeds) {
    const outcome = await parseReport(new TextEncoder().encode(seed.text), seed.name);
    if (outcome.ok) out.push(outcome.record);
  }
  return out;
}

/** quick(v) ⇒ zod accepts v and returns the same JSON */
function agreesWithZod(schema: z.ZodType, value: unknown): void {
  const quick = compileCheck(schema)(value);
  const result = schema.safeParse(value);
  if (quick) {
    expect(result.success).toBe(true);
    expect(JSON.stringify(result.data)).toBe(JSON.stringify(value));
  }
}

/** Small corruptions of a record: each yields a value zod rejects or reshapes. */
function corruptions(r: Report): [string, unknown][] {
  const copy = () => structuredClone(r) as Record<string, any>;
  const edit = (name: string, f: (x: Record<string, any>) => void): [string, unknown] => {
    const x = copy();
    f(x);
    return [name, x];
  };
  const firstRow = Object.keys(r.table3)[0];
  const firstPath = Object.keys(r.cellLines)[0];
  return [
    edit("id with capitals", (x) => (x.id = "Abc")),
    edit("year not an integer", (x) => (x.year = 2020.5)),
    edit("year NaN", (x) => (x.year = NaN)),
    edit("template not in the enum", (x) => (x.template = "2020")),
    edit("publishedAt in another format", (x) => (x.publishedAt = "2024/01/02")),
    edit("agency name missing", (x) => delete x.agency.name),
    edit("region element a number", (x) => (x.agency.region = [1])),
    edit("table3 cell a string", (x) => (x.table3[firstRow].total = "3")),
    edit("table3 cell Infinity", (x) => (x.table3[firstRow].total = Infinity)),
    edit("table3 row not in the enum", (x) => (x.table3.notARow = x.table3[firstRow])),
    edit("table3 row with an extra key", (x) => (x.table3[firstRow].extra = 1)),
    edit("table2 not an object", (x) => (x.table2 = [])),
    edit("table4 value undefined", (x) => (x.table4.review.total = undefined)),
    edit("check status unknown", (x) => (x.checks[0].status = "maybe")),
    edit("check printed a string", (x) => (x.checks[0].printed = "1")),
    edit("warning line 0", (x) => x.warnings.push({ code: "c", message: "m", line: 0 })),
    edit("cell line negative", (x) => (x.cellLines[firstPath] = -1)),
    edit("cell line fractional", (x) => (x.cellLines[firstPath] = 1.5)),
    edit("cellLines with a symbol key", (x) => (x.cellLines[Symbol("s")] = 1)),
    edit("extra top-level key (zod strips it)", (x) => (x.extra = true)),
    edit("keys out of the schema's order", (x) => {
      const { id, ...rest } = x;
      for (const k of Object.keys(x)) delete x[k];
      Object.assign(x, rest, { id });
    }),
    edit("record with a class prototype", (x) => (x.table2 = Object.assign(new (class T {})(), x.table2))),
    ["not an object", "report"],
    ["null", null],
  ];
}

describe("compileCheck(Report)", () => {
  it("accepts the seeds' records as they are (the fast path is taken)", async () => {
    const list = await records();
    expect(list.length).toBe(seeds.length);
    for (const r of list) {
      expect(isReport(r)).toBe(true);
      agreesWithZod(Report, r);
    }
  });

  it("accepts nothing zod rejects, and what it accepts zod returns unchanged", async () => {
    for (const r of await records())
      for (const [name, value] of corruptions(r)) {
        expect(isReport(value), name).toBe(false);
        agreesWithZod(Report, value);
      }
  });

  it("agrees with zod on kinds and checks it compiles or hands over", () => {
    const schemas: [z.ZodType, unknown[]][] = [
      [z.string().min(2), ["a", "ab", 1]],
      [z.number().int().positive(), [1, 0, -1, 1.5, NaN, "1", 2 ** 60]],
      [z.number().min(3), [3, 2]],
      [z.boolean(), [true, 0]],
      [z.object({ a: z.string().optional() }).strict(), [{}, { a: "x" }, { a: "x", b: 1 }]],
      [z.record(z.enum(["a", "b"]), z.number()), [{ a: 1, b: 2 }, { a: 1 }]],
      [z.string().transform((s) => s.length), ["abc"]],
      [z.array(z.number()).min(1), [[], [1]]],
      [z.optional(z.string().default("d")), [undefined, "x"]],
      // records and objects are walked with for-in: own keys of any prototype, inherited enumerable keys
      [
        z.record(z.string(), z.number()),
        [{ a: 1, b: 2 }, { a: 1, b: "2" }, Object.assign(Object.create(null), { a: 1 }), Object.assign(Object.create({ b: "x" }), { a: 1 })],
      ],
      [z.object({ a: z.number(), b: z.number().optional() }), [{ b: 1, a: 2 }, Object.assign(Object.create({ c: 1 }), { a: 1 })]],
    ];
    for (const [schema, values] of schemas) for (const v of values) agreesWithZod(schema, v);
  });
});

describe("validateRecord", () => {
  it("returns a valid record", async () => {
    const [r] = await records();
    expect(validateRecord(r, "x.txt")).toEqual(r);
  });

  it("reports an invalid record as a parser bug naming the file and the field", async () => {
    const [r] = await records();
    const bad = { ...r, year: "2024" };
    expect(() => validateRecord(bad, "reports/bad.txt")).toThrow(InvalidRecordError);
    expect(() => validateRecord(bad, "reports/bad.txt")).toThrow(/parser bug: the record for reports\/bad\.txt[\s\S]*year/);
  });
});
