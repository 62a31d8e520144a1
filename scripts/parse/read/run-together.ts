/**
 * Run-together text exports → lines the rest of the pipeline reads like any text export.
 *
 * Some text exports of a web page lose every line break and every cell separator: the whole
 * report is one line, and a table row is its label glued to its numbers
 * (`…一、本年新收政府信息公开申请数量801000081二、上年结转…`). `unglueRunTogether` cuts such a line:
 *
 * - at the six part headings (一、总体情况 … 六、其他需要报告的事项): one line per part;
 * - table 2: one tab row per item (`规范性文件\t89\t89\t89`), the text between items (第二十条…,
 *   信息内容…) as lines of their own;
 * - table 3: one tab row per form row with its 7 cells, split by the form's arithmetic across the
 *   whole table (split-digits.ts `splitTable3`: row totals, （七）总计 = Σ outcomes, 一 + 二 = 三 + 四);
 * - table 4: the header text, then one tab row with the 15 numbers (`splitTable4`).
 * A cell whose split is ambiguous is written empty ("" → null) and reported in `warnings` with its
 * line — never a guess. Lines that are not run together are returned unchanged.
 */
import { TABLE2_COLUMNS, TABLE3_ROWS_BY_TEMPLATE, type Table3Row } from "../../../src/schema.ts";
import { SECTION_HEADINGS, TABLE2_ITEM_LABELS, TABLE3_ROW_LABELS, TEMPLATE_MARKERS } from "../labels.ts";
import { splitDigits, splitTable3, splitTable4, type RowSplit } from "../split-digits.ts";

export interface RunTogetherWarning {
  code: "ambiguous-split" | "run-together-arithmetic";
  message: string;
  /** 1-based line in the returned lines */
  line: number;
}

export interface Unglued {
  lines: string[];
  warnings: RunTogetherWarning[];
  /** 0-based index of the input line each output line came from */
  origin: number[];
}

const TABLE3_START_RE = /本年新收政府信息公开申请数量\s*\d/;

/** Is this a run-together export: a table-3 label directly followed by its digits, in a long line? */
export function looksRunTogetherLine(line: string): boolean {
  return line.length > 200 && TABLE3_START_RE.test(line);
}

export function unglueRunTogether(input: string[]): Unglued {
  const out: Unglued = { lines: [], warnings: [], origin: [] };
  input.forEach((line, index) => {
    if (!looksRunTogetherLine(line)) {
      out.lines.push(line);
      out.origin.push(index);
      return;
    }
    const emit = (text: string) => {
      // cells may be empty: trim spaces, never the tabs that separate them
      const t = text.replace(/[ \r\n\u3000]+$/, "").replace(/^[ \r\n\u3000]+/, "");
      if (!t) return;
      out.lines.push(t);
      out.origin.push(index);
    };
    // a warning is raised just before its row is emitted: it names that next line
    const warn = (code: RunTogetherWarning["code"], message: string) =>
      out.warnings.push({ code, message, line: out.lines.length + 1 });
    ungluLine(line, emit, warn);
  });
  return out;
}

/* ------------------------------------------------------------------ parts */

type PartKey = keyof typeof SECTION_HEADINGS;
const NUMERALS: Record<PartKey, string> = { overview: "一", proactive: "二", applications: "三", review: "四", problems: "五", other: "六" };

/** Where each part heading starts in the line (numbered: "三、收到和处理…"), in part order. */
function partHeadings(line: string): { key: PartKey; at: number; end: number }[] {
  const found: { key: PartKey; at: number; end: number }[] = [];
  let from = 0;
  for (const key of Object.keys(NUMERALS) as PartKey[]) {
    const variants = [...SECTION_HEADINGS[key]].sort((a, b) => b.length - a.length).map(escape);
    // the table-4 heading is often misprinted (…行政法复议…): any short "四、…行政诉讼情况" counts
    const extra = key === "review" ? ["[^。；]{0,16}?行政诉讼情况"] : [];
    const re = new RegExp(`${NUMERALS[key]}[、.．]\\s*(?:${[...variants, ...extra].join("|")})`, "g");
    re.lastIndex = from;
    const m = re.exec(line);
    if (!m) continue;
    found.push({ key, at: m.index, end: m.index + m[0].length });
    from = m.index + m[0].length;
  }
  return found;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function ungluLine(line: string, emit: (t: string) => void, warn: (code: RunTogetherWarning["code"], m: string) => void): void {
  const template: "2019" | "2021" = TEMPLATE_MARKERS["2021"].some((m) => line.includes(m)) ? "2021" : "2019";
  const parts = partHeadings(line);
  if (parts.length === 0) {
    emit(line);
    return;
  }
  emit(line.slice(0, parts[0].at));
  parts.forEach((part, k) => {
    const end = k + 1 < parts.length ? parts[k + 1].at : line.length;
    emit(line.slice(part.at, part.end));
    const body = line.slice(part.end, end);
    if (part.key === "proactive") table2(body, template, emit, warn);
    else if (part.key === "applications") table3(body, template, emit, warn);
    else if (part.key === "review") table4(body, emit, warn);
    else emit(body);
  });
}

/* ------------------------------------------------------------------ rows */

interface Found {
  id: string;
  /** text before the row's own label: group headings, table headers ("(三)不予公开", "第二十条…") */
  group: string;
  label: string;
  numbers: string;
}

const NUMBERING_END_RE = /(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．])\s*$/;
const NUMBERING_RE = /[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)/g;

/**
 * Sequential label search in `text`: each label after the previous one. A row's numbers are the
 * first run of number characters after its label; its label text runs from the end of the
 * previous row's numbers (the next row's item number glued to them, "00000002.", moves over) to
 * its own numbers. `own`: where the row's own label begins — at its last numbering ("(三)不予公开" +
 * "1.属于国家秘密") or at the matched label itself (table 2 items) — the rest is `group`.
 */
function findRows(
  text: string,
  labels: { id: string; variants: readonly string[] }[],
  own: "numbering" | "label",
): { head: string; rows: Found[]; tail: string } {
  const hits: { id: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const { id, variants } of labels) {
    let best: { start: number; end: number } | null = null;
    for (const v of variants) {
      const i = text.indexOf(v, pos);
      if (i < 0) continue;
      if (!best || i < best.start || (i === best.start && i + v.length > best.end)) best = { start: i, end: i + v.length };
    }
    if (!best) continue;
    hits.push({ id, ...best });
    pos = best.end;
  }
  if (hits.length === 0) return { head: text, rows: [], tail: "" };
  let labelStart = hits[0].start;
  const before = NUMBERING_END_RE.exec(text.slice(0, labelStart));
  if (own === "numbering" && before) labelStart = before.index;
  const head = text.slice(0, labelStart);
  const rows: Found[] = [];
  let tail = "";
  hits.forEach((h, k) => {
    const limit = k + 1 < hits.length ? hits[k + 1].start : text.length;
    const numStart = h.end + firstNumber(text.slice(h.end, limit));
    let numEnd = numStart + /^[\d\s.,\-]*/.exec(text.slice(numStart, limit))![0].length;
    let numbers = text.slice(numStart, numEnd);
    // the next label's item number glued to the numbers: "00000002." → "0000000" + "2."
    const item = /\d[.、．]\s*$/.exec(numbers);
    if (item && k + 1 < hits.length) {
      numbers = numbers.slice(0, item.index);
      numEnd = numStart + item.index;
    }
    const whole = text.slice(labelStart, numStart);
    let split = 0;
    if (own === "label") split = h.start - labelStart;
    else {
      const relVariant = h.start - labelStart;
      for (const m of whole.matchAll(NUMBERING_RE)) if (m.index! < relVariant) split = m.index!;
    }
    rows.push({ id: h.id, group: whole.slice(0, split), label: whole.slice(split), numbers: numbers.trim() });
    labelStart = numEnd;
    if (k + 1 === hits.length) tail = text.slice(numEnd);
  });
  return { head, rows, tail: tail.replace(/^[元条件个项]/, "") };
}

/** Offset of the first number (a digit, or "-" before a digit) in `s`; s.length when none. */
function firstNumber(s: string): number {
  const m = /-?\d/.exec(s);
  return m ? m.index : s.length;
}

function cellsOf(split: RowSplit, label: string, where: string, warn: (code: RunTogetherWarning["code"], m: string) => void): string {
  if (split.ambiguousColumns.length)
    warn(
      "ambiguous-split",
      `${where}“${label.trim()}”的数字“${split.run}”可按${split.splits.length || "多"}种方式拆分，第${split.ambiguousColumns.map((c) => c + 1).join("、")}列无法确定，记为空`,
    );
  return split.values.map((v) => (v === null ? "" : String(v))).join("\t");
}

/* ------------------------------------------------------------------ tables */

const TABLE2_ORDER: Record<"2019" | "2021", string[]> = {
  "2019": Object.keys(TABLE2_COLUMNS["2019"]),
  "2021": Object.keys(TABLE2_COLUMNS["2021"]),
};

function table2(body: string, template: "2019" | "2021", emit: (t: string) => void, warn: (c: RunTogetherWarning["code"], m: string) => void) {
  const labels = TABLE2_ORDER[template].map((id) => ({
    id,
    variants: [...TABLE2_ITEM_LABELS[id as keyof typeof TABLE2_ITEM_LABELS]].sort((a, b) => b.length - a.length),
  }));
  const { head, rows, tail } = findRows(body, labels, "label");
  emit(head);
  for (const row of rows) {
    const columns = (TABLE2_COLUMNS[template] as Record<string, readonly string[]>)[row.id].length;
    emit(row.group.replace(/^[元条件个项]/, ""));
    const cells = cellsOf(splitDigits(row.numbers, columns), row.label, "表二", warn);
    emit(`${row.label.trim()}\t${cells}`);
  }
  emit(tail);
}

function table3(body: string, template: "2019" | "2021", emit: (t: string) => void, warn: (c: RunTogetherWarning["code"], m: string) => void) {
  const variants = new Map<string, readonly string[]>(TABLE3_ROW_LABELS.map(([id, v]) => [id, v]));
  variants.set("other.other", ["其他"]);
  variants.set("totalProcessed", ["总计"]);
  const labels = (TABLE3_ROWS_BY_TEMPLATE[template] as readonly Table3Row[]).map((id) => ({ id, variants: variants.get(id)! }));
  const region = body;
  const { head, rows, tail } = findRows(region, labels, "numbering");
  emit(head);
  const result = splitTable3(Object.fromEntries(rows.map((r) => [r.id, r.numbers])), template);
  for (const note of result.notes) warn("run-together-arithmetic", `表三：${note}`);
  for (const row of rows) {
    emit(row.group);
    const cells = cellsOf(result.rows[row.id], row.label, "表三", warn);
    emit(`${row.label.trim()}\t${cells}`);
  }
  emit(tail);
}

function table4(body: string, emit: (t: string) => void, warn: (c: RunTogetherWarning["code"], m: string) => void) {
  // the numbers are the last run of digits; the header words are all before it
  const m = /(-?\d[\d\s.,\-]*)$/.exec(body.trimEnd());
  if (!m) {
    emit(body);
    return;
  }
  emit(body.slice(0, m.index));
  const split = splitTable4(m[1]);
  const cells = cellsOf(split, "行政复议、行政诉讼", "表四", warn);
  emit(cells);
}
