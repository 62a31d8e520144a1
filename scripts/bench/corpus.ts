/**
 * Make reports by varying the seeds' numbers — same layouts, fresh consistent values — for the
 * parser's tests and for the parse and build benchmarks.
 *
 * Positions come from the seed text and its hand-checked answer key (../shared/seeds-gold), never
 * from the parser: the table cells of a seed are its whole-number cells between part 二 and part 五,
 * in reading order, and they correspond one to one to the key's non-null values in form order
 * (table 2 items → columns, table 3 rows → 7 columns, table 4 → 15). A row printed with more
 * cells than the form has (seed 003) keeps its first cells as the real ones; the extras become 0.
 *
 * CLI: tsx scripts/bench/corpus.ts OUT_DIR COUNT   writes COUNT .txt reports (default 10000)
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

export interface SeedGold {
  file: string;
  year: number;
  template: string;
  agencyName: string;
  table2: Record<string, Record<string, number | null>>;
  table3: Record<string, Record<string, number | null>>;
  table4: Record<string, Record<string, number | null>>;
  [key: string]: unknown;
}

export interface Seed {
  name: string;
  text: string;
  gold: SeedGold;
}

export function loadSeeds(): Seed[] {
  const dir = join(SHARED, "seeds");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(join(dir, name), "utf8"),
      gold: JSON.parse(readFileSync(join(SHARED, "seeds-gold", name.replace(/\.txt$/, ".json")), "utf8")),
    }));
}

/** Small deterministic PRNG (mulberry32), so generated corpora are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Tables = Pick<SeedGold, "table2" | "table3" | "table4">;
const COLS = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg", "total"];
const EDGE_ROWS = new Set(["newReceived", "carriedOver", "totalProcessed", "carriedForward"]);

/** Fresh values with the gold's shape, satisfying every 勾稽 rule (nulls stay null). */
export function consistentValues(gold: Tables, random: () => number): Tables {
  const int = (max: number) => (random() < 0.45 ? 0 : Math.floor(random() * max) + 1);
  const table2: Tables["table2"] = {};
  for (const [item, cols] of Object.entries(gold.table2)) {
    table2[item] = {};
    for (const [col, v] of Object.entries(cols)) {
      if (v === null) table2[item][col] = null;
      else if (col === "change") table2[item][col] = Math.floor(random() * 11) - 5;
      else table2[item][col] = int(300);
    }
  }
  const table3: Tables["table3"] = {};
  const rows = Object.keys(gold.table3);
  const outcome = rows.filter((r) => !EDGE_ROWS.has(r));
  for (const row of outcome) table3[row] = withTotal(COLS.slice(0, 6).map(() => (random() < 0.6 ? 0 : int(40))));
  const colSum = (r: string[], c: number) => r.reduce((s, row) => s + (table3[row][COLS[c]] as number), 0);
  table3.totalProcessed = withTotal(COLS.slice(0, 6).map((_, c) => colSum(outcome, c)));
  table3.carriedForward = withTotal(COLS.slice(0, 6).map(() => (random() < 0.7 ? 0 : int(5))));
  table3.carriedOver = withTotal(
    COLS.slice(0, 6).map((_, c) => Math.min(int(5), colSum(["totalProcessed", "carriedForward"], c))),
  );
  table3.newReceived = withTotal(
    COLS.slice(0, 6).map((_, c) => colSum(["totalProcessed", "carriedForward"], c) - (table3.carriedOver[COLS[c]] as number)),
  );
  // a row the seed prints blank stays blank
  for (const row of rows)
    for (const col of COLS) if (gold.table3[row]?.[col] === null) table3[row][col] = null;
  const table4: Tables["table4"] = {};
  for (const group of Object.keys(gold.table4)) {
    const parts = [int(3), int(3), int(3), int(3)];
    table4[group] = { upheld: parts[0], corrected: parts[1], other: parts[2], pending: parts[3], total: parts[0] + parts[1] + parts[2] + parts[3] };
  }
  // keep the gold's key order (form order) for every table
  return { table2, table3: Object.fromEntries(rows.map((r) => [r, table3[r]])), table4 };
}

function withTotal(six: number[]): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  six.forEach((v, i) => (row[COLS[i]] = v));
  row.total = six.reduce((a, b) => a + b, 0);
  return row;
}

/** The gold's non-null values in form order: the order the seed prints its table cells in. */
export function valueSequence(t: Tables): number[] {
  const out: number[] = [];
  for (const table of [t.table2, t.table3, t.table4])
    for (const cols of Object.values(table)) for (const v of Object.values(cols)) if (v !== null) out.push(v);
  return out;
}

const PART2_RE = /^\s*二\s*[、.]\s*主动公开政府信息情况/;
const PART5_RE = /^\s*五\s*[、.]\s*存在的主要问题/;
const PART3_RE = /^\s*(?:三|3)\s*[、.]\s*收到和处理/;
const PART4_RE = /^\s*四\s*[、.]\s*政府信息公开行政复议/;
const WHOLE_NUMBER_CELL_RE = /^(\s*)(-?\d+)(\s*)$/;

/** Rewrite the seed's table numbers with `values` (form order); returns null if counts disagree. */
export function rewriteNumbers(text: string, values: number[]): string | null {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => PART2_RE.test(l));
  const to = lines.findIndex((l, i) => i > from && PART5_RE.test(l));
  if (from < 0 || to < 0) return null;
  let part = 2;
  let next = 0;
  for (let i = from; i < to; i++) {
    if (PART3_RE.test(lines[i])) part = 3;
    if (PART4_RE.test(lines[i])) part = 4;
    const rowWidth = part === 3 ? 7 : part === 4 ? 15 : 3;
    const sep = lines[i].includes("|") ? "|" : "\t";
    const cells = lines[i].split(sep);
    let inLine = 0;
    for (let c = 0; c < cells.length; c++) {
      const m = WHOLE_NUMBER_CELL_RE.exec(cells[c]);
      if (!m) continue;
      inLine++;
      // extra cells beyond the form's width (seed 003) are not the row's own: write 0
      const value = inLine > rowWidth ? 0 : values[next++];
      if (value === undefined) return null;
      cells[c] = m[1] + String(value) + m[3];
    }
    lines[i] = cells.join(sep);
  }
  return next === values.length ? lines.join("\n") : null;
}

export interface VariedReport {
  text: string;
  expected: Tables;
  /** set when an imbalance was planted: the column whose t3.balance must fail */
  imbalance?: string;
}

/** A seed with fresh consistent numbers; optionally one planted imbalance in table 3. */
export function varySeed(seed: Seed, random: () => number, options: { plantImbalance?: boolean } = {}): VariedReport {
  const expected = consistentValues(seed.gold, random);
  let imbalance: string | undefined;
  if (options.plantImbalance) {
    // raise 新收 for one applicant column (and its row total, so only the balance breaks)
    const col = COLS[Math.floor(random() * 6)];
    const row = expected.table3.newReceived;
    row[col] = (row[col] as number) + 3;
    row.total = (row.total as number) + 3;
    imbalance = col;
  }
  const text = rewriteNumbers(seed.text, valueSequence(expected));
  if (text === null) throw new Error(`seed ${seed.name}: its table cells do not line up with its answer key`);
  return { text, expected, imbalance };
}

/** Write `count` varied reports (agencies × years) for the benchmarks. */
export function writeBenchCorpus(outDir: string, count: number): string[] {
  mkdirSync(outDir, { recursive: true });
  const seeds = loadSeeds();
  const random = rng(20_250_101);
  const years = [2019, 2020, 2021, 2022, 2023];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const agencyNo = Math.floor(i / (seeds.length * years.length));
    const year = years[Math.floor(i / seeds.length) % years.length];
    const varied = varySeed(seed, random);
    // a distinct agency per block: "丽园街道办事处" → "丽园12街道办事处"; the year in title and text moves too
    const stem = seed.gold.agencyName.replace(/(街道办事处|人民政府|办事处)$/, "");
    const text = varied.text.replaceAll(stem, `${stem}${agencyNo}`).replaceAll(String(seed.gold.year), String(year));
    const file = join(outDir, `${String(i).padStart(5, "0")}-${seed.name}`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out = ".bench/corpus", count = "10000"] = process.argv.slice(2);
  const files = writeBenchCorpus(out, Number(count));
  console.log(`wrote ${files.length} reports to ${out}`);
}
