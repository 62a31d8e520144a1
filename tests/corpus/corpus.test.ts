/**
 * The parser against answer keys for the developer corpus (../shared/corpus).
 *
 * Each key in keys/<folder>.json was written by reading the original — the HTML page's tables,
 * the PDF pages rendered as images, the markdown line by line — never by copying parser output
 * (see each key's `readFrom` and `notes`). Every file of a folder is parsed through the real
 * pipeline (`parseReport`) and every key cell compared; cell accuracy is printed per format.
 *
 * Targets: HTML 100 %; run-together text 100 % of the cells whose split is unique, and every
 * ambiguous cell (key `txtAmbiguous`) null with a warning; PDF ≥ 99 %; markdown ≥ 99 %.
 * The same report in two formats (pingtan page.html / page.txt) must give the same record.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { TABLE3_COLUMNS, OUTCOME_KEYS, TABLE4_GROUPS, type Report } from "../../src/schema.ts";

const CORPUS = process.env.CORPUS_DIR ? `${process.env.CORPUS_DIR.replace(/\/$/, "")}/` : fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const KEYS = fileURLToPath(new URL("./keys/", import.meta.url));
const PIPELINE = fileURLToPath(new URL("../../scripts/parse/index.ts", import.meta.url));

interface Key {
  files: Record<string, string>;
  year: number;
  template: string;
  title: string;
  agency: { name: string; alsoAccept: string[] };
  publishedAt: string | null;
  proactive: { total: number | null; approximate: boolean; evidence: string };
  table2: Record<string, Record<string, number | null>>;
  table3: Record<string, (number | null)[]>;
  table4: Record<string, (number | null)[]>;
  txtAmbiguous?: string[];
}

type Cells = Map<string, number | null>;

/** Every key cell, by record path ("table3.granted.total"). */
function keyCells(key: Key): Cells {
  const cells: Cells = new Map();
  for (const [item, cols] of Object.entries(key.table2))
    for (const [col, v] of Object.entries(cols)) cells.set(`table2.${item}.${col}`, v);
  for (const [row, values] of Object.entries(key.table3))
    TABLE3_COLUMNS.forEach((col, i) => cells.set(`table3.${row}.${col}`, values[i]));
  for (const group of TABLE4_GROUPS)
    OUTCOME_KEYS.forEach((k, i) => cells.set(`table4.${group}.${k}`, key.table4[group][i]));
  return cells;
}

function recordCell(record: Report, path: string): number | null | undefined {
  const [table, ...rest] = path.split(".");
  const field = rest.pop()!;
  const id = rest.join(".");
  const t = (record as unknown as Record<string, Record<string, Record<string, number | null>> | undefined>)[table];
  return t?.[id]?.[field];
}

const pipelineReady = existsSync(PIPELINE) && existsSync(CORPUS);
const keys: [string, Key][] = existsSync(KEYS)
  ? readdirSync(KEYS)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(KEYS + f, "utf8")) as Key])
  : [];

const tally = new Map<string, { right: number; total: number; nullAmbiguous: number; ms: number[] }>();
const parsed = new Map<string, Report>();

async function parse(folder: string, file: string): Promise<Report> {
  const cacheKey = `${folder}/${file}`;
  if (parsed.has(cacheKey)) return parsed.get(cacheKey)!;
  const { parseReport } = await import(PIPELINE);
  const path = `${CORPUS}${folder}/${file}`;
  const started = performance.now();
  const outcome = await parseReport(new Uint8Array(readFileSync(path)), path);
  const ms = performance.now() - started;
  if (!outcome.ok) throw new Error(`${cacheKey} not parsed: ${outcome.unparsed.reason}`);
  const format = file.split(".").pop()!;
  const t = tally.get(format) ?? { right: 0, total: 0, nullAmbiguous: 0, ms: [] };
  t.ms.push(ms);
  tally.set(format, t);
  parsed.set(cacheKey, outcome.record);
  return outcome.record;
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");

describe.runIf(pipelineReady)("corpus answer keys", () => {
  for (const [folder, key] of keys) {
    for (const [file, format] of Object.entries(key.files)) {
      describe(`${folder}/${file}`, () => {
        it("every key cell", async () => {
          const record = await parse(folder, file);
          const ambiguous = new Set(format === "txt" ? (key.txtAmbiguous ?? []) : []);
          const wrong: string[] = [];
          const t = tally.get(format)!;
          for (const [path, expected] of keyCells(key)) {
            const got = recordCell(record, path) ?? null;
            if (ambiguous.has(path)) {
              // an ambiguous split is null with a warning — never a guess
              if (got === null) t.nullAmbiguous++;
              else wrong.push(`${path}: ambiguous in the text, must be null, got ${got}`);
              continue;
            }
            t.total++;
            if (got === expected || (typeof got === "number" && typeof expected === "number" && Math.abs(got - expected) < 1e-9)) t.right++;
            else wrong.push(`${path}: expected ${expected}, got ${got}`);
          }
          if (ambiguous.size) expect(record.warnings.length, "ambiguous splits must be warned about").toBeGreaterThan(0);
          const limit = format === "pdf" || format === "md" ? 0.01 : 0;
          const cells = keyCells(key).size - ambiguous.size;
          expect(wrong.length <= Math.floor(cells * limit), `${wrong.length} wrong of ${cells}:\n${wrong.join("\n")}`).toBe(true);
        });

        it("year, template, agency, title, publishedAt, proactive total", async () => {
          const record = await parse(folder, file);
          expect(record.year).toBe(key.year);
          expect(record.template).toBe(key.template);
          expect([key.agency.name, ...key.agency.alsoAccept]).toContain(record.agency.name);
          expect(norm(record.title)).toBe(norm(key.title));
          expect(record.publishedAt).toBe(key.publishedAt);
          if (key.proactive.approximate) expect([key.proactive.total, null]).toContain(record.proactive.total);
          else expect(record.proactive.total).toBe(key.proactive.total);
        });

        it("links to its original file", async () => {
          const record = await parse(folder, file);
          expect(record.source.path.endsWith(`${folder}/${file}`)).toBe(true);
          expect((record.source as { format?: string }).format ?? format).toBe(format);
        });
      });
    }

    const files = Object.keys(key.files);
    if (files.length > 1) {
      it(`${folder}: ${files.join(" and ")} give the same record`, async () => {
        const [a, b] = await Promise.all(files.map((f) => parse(folder, f)));
        const ambiguous = new Set(key.txtAmbiguous ?? []);
        const pick = (r: Report) => ({
          year: r.year,
          template: r.template,
          title: norm(r.title),
          publishedAt: r.publishedAt,
          agency: r.agency,
          proactive: r.proactive.total,
          cells: [...keyCells(key).keys()].filter((p) => !ambiguous.has(p)).map((p) => [p, recordCell(r, p) ?? null]),
        });
        expect(pick(b)).toEqual(pick(a));
      });
    }
  }

  afterAll(() => {
    const lines = [...tally].map(([format, t]) => {
      const pct = t.total ? ((100 * t.right) / t.total).toFixed(2) : "—";
      const ms = t.ms.length ? (t.ms.reduce((x, y) => x + y, 0) / t.ms.length).toFixed(0) : "—";
      const amb = t.nullAmbiguous ? `, ${t.nullAmbiguous} ambiguous cells null` : "";
      return `  ${format.padEnd(5)} ${t.right}/${t.total} cells right (${pct} %)${amb}, ${t.ms.length} files, ${ms} ms/file`;
    });
    if (lines.length) console.log(`corpus cell accuracy:\n${lines.join("\n")}`);
  });
});
