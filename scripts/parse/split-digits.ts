/**
 * Run-together digits: rows whose cells lost their separators in a text export.
 *
 * Some text exports (e.g. a page's text copied without its table markup) print a table row as its
 * label followed by all of its numbers glued together: `一、本年新收政府信息公开申请数量801000081`
 * is 80 | 1 | 0 | 0 | 0 | 0 | 81. This module finds every way to cut such a run into the row's
 * cells, keeps the cuts that the form's own arithmetic allows, and reports a cell only where every
 * remaining cut gives the same number. A cell that depends on which cut is right is `null` and the
 * caller must warn: the module never guesses.
 *
 * ## What a "run" is
 * The characters between a row's label and the next label: digits, `.` (decimals), `-` (negative
 * 本年增/减), and separators. A space, tab or any other character (e.g. a unit `元`) is a KNOWN cell
 * boundary — `230 000023` means the cut after `230`… is certain, only the others are searched. A
 * `-` always starts a new cell. A printed number never has a leading zero (`05`), and a decimal
 * point has digits on both sides, so cuts that make such pieces are not considered.
 * The sub-item number of the next row is often glued to the end of the run (`00000002.其他法律…`
 * gives the run `00000002.`): `peelItemNumber` removes it before splitting.
 *
 * ## API
 * - `enumerateSplits(run, columns)` — every cut of `run` into `columns` numbers (no arithmetic).
 * - `splitDigits(run, columns, { constraint })` — one row on its own: the splits that satisfy the
 *   row's constraint (e.g. the six applicant columns sum to 总计: pass `rowTotal(7)`, or for
 *   table 4 `groupTotals(5, 3)`), and `values` with `null` where they disagree.
 * - `splitTable(rows, rules)` — several rows at once, with arithmetic ACROSS rows per column
 *   (outcome rows sum to （七）总计; 一 + 二 = 三（七）+ 四). Rows already read from real cells can take
 *   part as fixed values. Each row's value is kept only where every table-wide solution agrees.
 * - `splitTable3(runs, template)` / `splitTable4(run)` — the two forms' tables, rules included.
 * - `peelItemNumber(run, next)` — drop the next row's glued "2." from the end of a run.
 *
 * Every result says how many splits survived and names the ambiguous cells, so the caller can
 * warn with the line number (`warnings: { code: "ambiguous-split", ... }`).
 *
 * ## Where it plugs in (proposal for the cells/tables stage)
 * When a table-3 row's label is found inside a line and what follows it up to the next label is a
 * run (`looksRunTogether(run, columns)`: more digits than columns and fewer separated pieces than
 * columns), collect `{ rowId: run }` for the whole table, call `splitTable3(runs, template)` and
 * use `result.rows[rowId].values` as the row's cells; for each `result.rows[rowId].ambiguousColumns`
 * add a warning on the row's line. Table 4: `splitTable4(run)` on the digits after the header.
 * Table 2: `splitDigits(run, columnsOfItem)` (no arithmetic: a 3-column item is usually
 * ambiguous, and then null with a warning).
 */
import { TABLE3_ROWS_BY_TEMPLATE } from "../../src/schema.ts";

/** A full reading of a row (no nulls) → does it satisfy the row's arithmetic? */
export type RowConstraint = (values: number[]) => boolean;

export interface RowSplit {
  /** the run as given (after peeling) */
  run: string;
  columns: number;
  /** every split that satisfies the constraint (all splits when none does, see `satisfied`) */
  splits: number[][];
  /** agreed value per column; null where splits disagree or no split exists */
  values: (number | null)[];
  /** columns (0-based) whose value depends on the split */
  ambiguousColumns: number[];
  /** false when no split satisfied the constraint (then `splits` are all cuts, unfiltered) */
  satisfied: boolean;
  /** true when the run has more cuts than `maxSplits`: nothing is claimed (all null) */
  truncated: boolean;
}

export interface SplitOptions {
  constraint?: RowConstraint;
  /** stop enumerating beyond this many cuts (default 200,000) */
  maxSplits?: number;
}

const DEFAULT_MAX_SPLITS = 200_000;

/* ------------------------------------------------------------------ constraints */

/** Table 3 row: the first `n - 1` cells sum to the last (自然人 + … + 其他 = 总计). */
export function rowTotal(n: number): RowConstraint {
  return (v) => v.length === n && sum(v.slice(0, n - 1)) === v[n - 1];
}

/** Table 4: `groups` groups of `size` cells, in each the first size-1 sum to the last. */
export function groupTotals(size: number, groups: number): RowConstraint {
  return (v) => {
    if (v.length !== size * groups) return false;
    for (let g = 0; g < groups; g++) {
      const part = v.slice(g * size, (g + 1) * size);
      if (sum(part.slice(0, size - 1)) !== part[size - 1]) return false;
    }
    return true;
  };
}

function sum(v: number[]): number {
  // money cells may have decimals: compare at cent precision
  return Math.round(v.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/* ------------------------------------------------------------------ one row */

/** A run's characters and, between each pair, whether a cut is forced, forbidden or free. */
interface Tokens {
  chars: string[];
  /** boundary[i] is between chars[i-1] and chars[i] (i ≥ 1) */
  boundary: ("forced" | "forbidden" | "free")[];
}

function tokenize(run: string): Tokens {
  const chars: string[] = [];
  const boundary: Tokens["boundary"] = [];
  let pendingBreak = false;
  for (const ch of run) {
    if (/[0-9.\-]/.test(ch)) {
      const i = chars.length;
      if (i > 0) {
        const prev = chars[i - 1];
        if (pendingBreak || ch === "-") boundary[i] = "forced";
        else if (ch === "." || prev === "." || prev === "-") boundary[i] = "forbidden";
        else boundary[i] = "free";
      }
      chars.push(ch);
      pendingBreak = false;
    } else if (ch === ",") {
      continue; // thousands separator inside a number
    } else {
      pendingBreak = chars.length > 0;
    }
  }
  return { chars, boundary };
}

const PIECE_RE = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Every cut of `run` into `columns` numbers; `null` when there are more than `max`. */
export function enumerateSplits(run: string, columns: number, max = DEFAULT_MAX_SPLITS): number[][] | null {
  const { chars, boundary } = tokenize(run);
  const n = chars.length;
  if (columns < 1 || n < columns) return [];
  // nextForced[i] = first forced boundary at index ≥ i (or n when none)
  const nextForced = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 1; i--) nextForced[i] = boundary[i] === "forced" ? i : nextForced[i + 1];

  const out: number[][] = [];
  const pieces: number[] = [];
  let overflow = false;
  const rec = (start: number) => {
    if (overflow) return;
    const left = columns - pieces.length; // pieces still to cut, including the one starting at `start`
    if (left === 1) {
      if (nextForced[start + 1] < n) return; // a forced cut would remain uncut
      const v = piece(chars, start, n);
      if (v === null) return;
      pieces.push(v);
      if (out.length >= max) overflow = true;
      else out.push(pieces.slice());
      pieces.pop();
      return;
    }
    // the piece [start, end) ends at a cut; it may not run past the next forced cut
    const lastEnd = Math.min(nextForced[start + 1], n - (left - 1));
    for (let end = start + 1; end <= lastEnd; end++) {
      if (end < n && boundary[end] === "forbidden") continue;
      const v = piece(chars, start, end);
      if (v === null) continue;
      pieces.push(v);
      rec(end);
      pieces.pop();
      if (overflow) return;
    }
  };
  rec(0);
  return overflow ? null : out;
}

function piece(chars: string[], from: number, to: number): number | null {
  const s = chars.slice(from, to).join("");
  return PIECE_RE.test(s) ? Number(s) : null;
}

/** One row on its own. */
export function splitDigits(run: string, columns: number, options: SplitOptions = {}): RowSplit {
  const all = enumerateSplits(run, columns, options.maxSplits ?? DEFAULT_MAX_SPLITS);
  if (all === null) {
    return {
      run,
      columns,
      splits: [],
      values: new Array(columns).fill(null),
      ambiguousColumns: range(columns),
      satisfied: false,
      truncated: true,
    };
  }
  const ok = options.constraint ? all.filter(options.constraint) : all;
  const satisfied = ok.length > 0;
  const splits = satisfied ? ok : all;
  return { run, columns, splits, ...agree(splits, columns), satisfied, truncated: false };
}

function agree(splits: number[][], columns: number): { values: (number | null)[]; ambiguousColumns: number[] } {
  const values: (number | null)[] = [];
  const ambiguousColumns: number[] = [];
  for (let c = 0; c < columns; c++) {
    if (splits.length === 0) {
      values.push(null);
      ambiguousColumns.push(c);
      continue;
    }
    const v = splits[0][c];
    if (splits.every((s) => s[c] === v)) values.push(v);
    else {
      values.push(null);
      ambiguousColumns.push(c);
    }
  }
  return { values, ambiguousColumns };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/* ------------------------------------------------------------------ several rows */

export type TableRowInput =
  | { id: string; run: string; columns: number; constraint?: RowConstraint }
  | { id: string; values: (number | null)[] }; // read from real cells: fixed

/** Per column: sum of `left` rows = sum of `right` rows. Skipped when a row is missing. */
export interface ColumnRule {
  name: string;
  left: string[];
  right: string[];
}

export interface TableSplit {
  rows: Record<string, RowSplit>;
  /** number of table-wide solutions found (capped by maxNodes) */
  solutions: number;
  /** rules that held in every solution */
  rulesApplied: string[];
  /** what the caller should tell the reader, beyond per-row ambiguity */
  notes: string[];
}

export interface TableOptions {
  maxSplits?: number;
  /** backtracking budget (default 2,000,000 nodes) */
  maxNodes?: number;
}

export function splitTable(rows: TableRowInput[], rules: ColumnRule[], options: TableOptions = {}): TableSplit {
  const notes: string[] = [];
  const ids = rows.map((r) => r.id);
  const single: Record<string, RowSplit> = {};
  const domains: number[][][] = rows.map((r) => {
    if ("values" in r) {
      const fixed = r.values;
      const split: RowSplit = {
        run: "",
        columns: fixed.length,
        splits: fixed.every((v) => v !== null) ? [fixed as number[]] : [],
        values: fixed.slice(),
        ambiguousColumns: [],
        satisfied: true,
        truncated: false,
      };
      single[r.id] = split;
      return split.splits;
    }
    const s = splitDigits(r.run, r.columns, { constraint: r.constraint, maxSplits: options.maxSplits });
    single[r.id] = s;
    if (!s.satisfied && !s.truncated && s.splits.length)
      notes.push(`${r.id}: no cut of "${r.run}" satisfies the row's arithmetic`);
    return s.truncated ? [] : s.splits;
  });

  // rules whose rows are all present and splittable (a fixed row with a null cannot take part)
  const index = new Map(ids.map((id, i) => [id, i]));
  const usable = rules.filter((rule) =>
    [...rule.left, ...rule.right].every((id) => index.has(id) && domains[index.get(id)!].length > 0),
  );
  if (usable.length === 0) return { rows: single, solutions: 0, rulesApplied: [], notes };

  // all rules first; when the printed report breaks one (its arithmetic does not hold for any cut),
  // the largest subsets of rules that do hold, every one of them counting (never a guess)
  const maxNodes = options.maxNodes ?? 2_000_000;
  const compiled = usable.map((r) => compileRule(r, index));
  let solved: { count: number; used: Set<number>[] } | null = null;
  let applied: string[] = [];
  for (let drop = 0; drop < compiled.length && !solved; drop++) {
    for (const keep of subsetsWithout(compiled.length, drop)) {
      const result = solve(domains, keep.map((k) => compiled[k]), maxNodes);
      if (result === "budget") {
        notes.push("too many combinations to apply the table's arithmetic; rows resolved one by one");
        return { rows: single, solutions: 0, rulesApplied: [], notes };
      }
      if (result.count === 0) continue;
      if (!solved) solved = { count: 0, used: domains.map(() => new Set<number>()) };
      solved.count += result.count;
      result.used.forEach((set, i) => set.forEach((k) => solved!.used[i].add(k)));
      applied = [...new Set([...applied, ...keep.map((k) => usable[k].name)])];
    }
    if (solved && drop > 0)
      notes.push(`the printed table breaks ${usable.map((r) => r.name).filter((n) => !applied.includes(n)).join(", ") || "one of its rules"}; cuts chosen by the rules that hold`);
  }
  if (!solved) {
    notes.push(`no combination of cuts satisfies any of ${usable.map((r) => r.name).join(", ")}; rows resolved one by one`);
    return { rows: single, solutions: 0, rulesApplied: [], notes };
  }
  const out: Record<string, RowSplit> = {};
  rows.forEach((r, i) => {
    const s = single[r.id];
    if ("values" in r || s.truncated) {
      out[r.id] = s;
      return;
    }
    const kept = [...solved.used[i]].sort((a, b) => a - b).map((k) => domains[i][k]);
    out[r.id] = { ...s, splits: kept, ...agree(kept, s.columns) };
  });
  return { rows: out, solutions: solved.count, rulesApplied: applied, notes };
}

/** Index subsets of 0…n-1 with exactly `drop` members left out. */
function subsetsWithout(n: number, drop: number): number[][] {
  const all = range(n);
  if (drop === 0) return [all];
  const out: number[][] = [];
  const rec = (start: number, left: number, removed: number[]) => {
    if (left === 0) {
      out.push(all.filter((i) => !removed.includes(i)));
      return;
    }
    for (let i = start; i < n; i++) rec(i + 1, left - 1, [...removed, i]);
  };
  rec(0, drop, []);
  return out;
}

interface CompiledRule {
  left: number[];
  right: number[];
  rows: Set<number>;
}

function compileRule(rule: ColumnRule, index: Map<string, number>): CompiledRule {
  const left = rule.left.map((id) => index.get(id)!);
  const right = rule.right.map((id) => index.get(id)!);
  return { left, right, rows: new Set([...left, ...right]) };
}

/**
 * Backtracking over each row's candidate splits, after bounds propagation: a candidate is dropped
 * when, for some rule and column, no choice of the other rows' candidates can balance it.
 * Returns the number of solutions and, per row, the candidates used by at least one.
 */
function solve(
  domains: number[][][],
  rules: CompiledRule[],
  maxNodes: number,
): { count: number; used: Set<number>[] } | "budget" {
  const alive: number[][] = domains.map((d) => range(d.length));
  propagate(domains, alive, rules);

  // rows that take part in some rule, fewest candidates first
  const inRules = new Set<number>();
  for (const r of rules) for (const i of r.rows) inRules.add(i);
  const order = [...inRules].sort((a, b) => alive[a].length - alive[b].length);
  const position = new Map(order.map((row, k) => [row, k]));
  // a rule is checked once its last row (in `order`) is assigned
  const checkAt: CompiledRule[][] = order.map(() => []);
  for (const r of rules) checkAt[Math.max(...[...r.rows].map((i) => position.get(i)!))].push(r);

  const choice = new Array<number>(domains.length).fill(-1);
  const used: Set<number>[] = domains.map(() => new Set<number>());
  let count = 0;
  let nodes = 0;
  let outOfBudget = false;

  const holds = (rule: CompiledRule): boolean => {
    const width = domains[rule.left[0] ?? rule.right[0]][0].length;
    for (let c = 0; c < width; c++) {
      let l = 0;
      let r = 0;
      for (const i of rule.left) l += domains[i][choice[i]][c];
      for (const i of rule.right) r += domains[i][choice[i]][c];
      if (Math.abs(l - r) > 1e-6) return false;
    }
    return true;
  };
  const rec = (k: number) => {
    if (outOfBudget) return;
    if (k === order.length) {
      count++;
      for (const i of order) used[i].add(choice[i]);
      return;
    }
    const row = order[k];
    for (const cand of alive[row]) {
      if (++nodes > maxNodes) {
        outOfBudget = true;
        return;
      }
      choice[row] = cand;
      if (checkAt[k].every(holds)) rec(k + 1);
    }
    choice[row] = -1;
  };
  rec(0);
  if (outOfBudget) return "budget";
  // rows outside every rule keep all their candidates
  for (let i = 0; i < domains.length; i++) if (!inRules.has(i)) for (const k of alive[i]) used[i].add(k);
  return { count, used };
}

function propagate(domains: number[][][], alive: number[][], rules: CompiledRule[]): void {
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false;
    for (const rule of rules) {
      const width = domains[rule.left[0] ?? rule.right[0]][0]?.length ?? 0;
      for (let c = 0; c < width; c++) {
        // bounds of each row's value in column c (right-hand rows count negatively)
        const members = [...rule.left.map((i) => ({ i, sign: 1 })), ...rule.right.map((i) => ({ i, sign: -1 }))];
        const bounds = members.map(({ i, sign }) => {
          const vals = alive[i].map((k) => sign * domains[i][k][c]);
          return { min: Math.min(...vals), max: Math.max(...vals) };
        });
        const minAll = bounds.reduce((a, b) => a + b.min, 0);
        const maxAll = bounds.reduce((a, b) => a + b.max, 0);
        members.forEach(({ i, sign }, m) => {
          const restMin = minAll - bounds[m].min;
          const restMax = maxAll - bounds[m].max;
          const keep = alive[i].filter((k) => {
            const v = sign * domains[i][k][c];
            return v + restMin <= 1e-6 && v + restMax >= -1e-6;
          });
          if (keep.length < alive[i].length && keep.length > 0) {
            alive[i] = keep;
            changed = true;
          }
        });
      }
    }
  }
}

/* ------------------------------------------------------------------ the forms' tables */

/** Outcome rows (三（一）…（六）) per form, in form order: the schema's rows between 二 and （七）. */
export const TABLE3_OUTCOMES: Record<"2019" | "2021", string[]> = {
  "2019": TABLE3_ROWS_BY_TEMPLATE["2019"].slice(2, -2),
  "2021": TABLE3_ROWS_BY_TEMPLATE["2021"].slice(2, -2),
};

/** The form's arithmetic across table-3 rows, per applicant column. */
export function table3Rules(template: "2019" | "2021"): ColumnRule[] {
  return [
    { name: "t3.totalProcessed", left: TABLE3_OUTCOMES[template], right: ["totalProcessed"] },
    { name: "t3.balance", left: ["newReceived", "carriedOver"], right: ["totalProcessed", "carriedForward"] },
  ];
}

/**
 * Table 3 from run-together rows. `runs`: row id → its run (rows not in `runs` are skipped;
 * `fixed`: rows already read from separate cells, which still take part in the arithmetic).
 */
export function splitTable3(
  runs: Record<string, string>,
  template: "2019" | "2021",
  fixed: Record<string, (number | null)[]> = {},
  options: TableOptions = {},
): TableSplit {
  const rows: TableRowInput[] = [
    ...Object.entries(runs).map(([id, run]) => ({ id, run, columns: 7, constraint: rowTotal(7) })),
    ...Object.entries(fixed).map(([id, values]) => ({ id, values })),
  ];
  // a rule over rows that are absent altogether does not apply
  const present = new Set(rows.map((r) => r.id));
  const rules = table3Rules(template).filter((r) => [...r.left, ...r.right].every((id) => present.has(id)));
  return splitTable(rows, rules, options);
}

/** Table 4: 15 numbers, review 1–5, litigation without review 6–10, after review 11–15. */
export function splitTable4(run: string, options: SplitOptions = {}): RowSplit {
  return splitDigits(run, 15, { constraint: groupTotals(5, 3), ...options });
}

/* ------------------------------------------------------------------ helpers for the caller */

/**
 * The next row's sub-item number glued to the end of a run: `00000002.` → run `0000000`, item 2.
 * With `next` given only that number is peeled; otherwise one digit before a final `.`/`、`.
 */
export function peelItemNumber(run: string, next?: number): { run: string; item: number | null } {
  const trimmed = run.replace(/\s+$/, "");
  const m = /(\d)[.、．]$/.exec(trimmed);
  if (!m) return { run, item: null };
  if (next !== undefined) {
    const suffix = new RegExp(`${next}[.、．]$`);
    if (!suffix.test(trimmed)) return { run, item: null };
    return { run: trimmed.replace(suffix, ""), item: next };
  }
  return { run: trimmed.slice(0, -2), item: Number(m[1]) };
}

/**
 * The number chunks of the text between one row's label and the next: chunks of digits are kept
 * (joined by a space, i.e. a known cell boundary), everything else goes, and a chunk ending in
 * `2.` / `2、` loses that sub-item number of the next label (`（区分…情形）1000001（三）不予公开1.` →
 * `1000001`; `00000002.` → `0000000`).
 */
export function cleanRun(between: string): string {
  const chunks = between.match(/-?\d[\d .,\-]*[.、．]?/g) ?? [];
  return chunks
    .map((c) => c.trim().replace(/\d[.、．]$/, "").trim())
    .filter((c) => /\d/.test(c))
    .join(" ");
}

/**
 * Rows of a run-together text: find each label in turn (in the order given, each after the
 * previous one; a label not found is skipped) and take the numbers between it and the next found
 * label as its run. `labels`: row id → label variants (any substring of the printed label that
 * is specific enough once the previous label has been passed, e.g. "予以公开", "总计").
 */
export function labelledRuns(
  text: string,
  labels: { id: string; variants: readonly string[] }[],
  from = 0,
  to = text.length,
): { id: string; run: string; at: number }[] {
  const found: { id: string; start: number; end: number }[] = [];
  let pos = from;
  for (const { id, variants } of labels) {
    let best: { start: number; end: number } | null = null;
    for (const v of variants) {
      const i = text.indexOf(v, pos);
      if (i < 0 || i + v.length > to) continue;
      if (!best || i < best.start || (i === best.start && i + v.length > best.end)) best = { start: i, end: i + v.length };
    }
    if (!best) continue;
    found.push({ id, ...best });
    pos = best.end;
  }
  return found.map((f, k) => ({
    id: f.id,
    at: f.start,
    run: cleanRun(text.slice(f.end, k + 1 < found.length ? found[k + 1].start : to)),
  }));
}

/**
 * Does `text` look like a run (cells glued together) for a row of `columns` cells? True when it
 * holds only number characters and separators, and its separated pieces are fewer than the columns
 * while it has enough digits for them.
 */
export function looksRunTogether(text: string, columns: number): boolean {
  const t = text.trim();
  if (!/^[\d.,\-\s元]+$/.test(t)) return false;
  const pieces = t.split(/\s+/).filter(Boolean);
  const digits = t.replace(/[^\d]/g, "").length;
  return pieces.length < columns && digits >= columns;
}
