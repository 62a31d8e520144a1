/**
 * Markdown reader: text as PDF-to-markdown converters write it → SourceText.
 *
 * - Markup goes (`## `, `**`, links, `<br>`); every other line stays one line.
 * - Pipe tables become tab rows (cells as printed, separator rows `|---|` dropped), like the
 *   tab-rows layout of real table markup.
 * - Table 3 as converters break it — some rows keep their label, others are bare numbers whose
 *   label drifted away as loose, wrapped text — is rebuilt row by row: bare rows get their label
 *   back by the form's order (reattach-rows.ts), the loose label fragments are dropped so that they
 *   cannot be read as labels of other numbers. Rows that cannot be placed stay bare.
 * - A table-2 item printed as "行政许可 97" becomes "行政许可\t97".
 */
import { TABLE2_ITEM_LABELS, TEMPLATE_MARKERS, labelKey } from "../labels.ts";
import { decodeBytes, normalizeText } from "./decode.ts";
import { cleanLine } from "./line-text.ts";
import { FORM_LABELS, isValueRow, reattachTable3, table3RowOf, type FoundRow } from "./reattach-rows.ts";
import { UnreadableError, type SourceText } from "./source.ts";

type MdLine = { kind: "text"; text: string } | { kind: "row"; cells: string[] };

export async function readMarkdown(bytes: Uint8Array): Promise<SourceText> {
  const { text } = decodeBytes(bytes);
  const parsed = normalizeText(text).map(parseLine).filter((l): l is MdLine => l !== null);
  if (!parsed.some((l) => (l.kind === "text" ? l.text : l.cells.join("")).trim()))
    throw new UnreadableError("markdown file has no text");
  const template = detectTemplate(text);
  const rebuilt = rebuildTable3(parsed, template);
  const lines: string[] = [];
  for (const l of rebuilt) lines.push(l.kind === "row" ? l.cells.join("\t") : l.text);
  return { lines, format: "md", meta: {} };
}

const SEPARATOR_RE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** One markdown line → text or table row; null for separator rows. */
function parseLine(raw: string): MdLine | null {
  const line = raw.trim();
  if (SEPARATOR_RE.test(line)) return null;
  if (line.startsWith("|") && line.length > 1) {
    let body = line.slice(1);
    if (body.endsWith("|") && !body.endsWith("\\|")) body = body.slice(0, -1);
    const cells = body.split(/(?<!\\)\|/).map((c) => cleanLine(stripInline(c.replace(/\\\|/g, "|"))));
    return { kind: "row", cells };
  }
  const text = line
    .replace(/^#{1,6}\s+/, "")
    .replace(/^>\s?/, "")
    .replace(/^([-*+])\s+(?=\S)/, "");
  return { kind: "text", text: splitItemNumber(stripInline(text)) };
}

function stripInline(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "");
}

function detectTemplate(text: string): "2019" | "2021" {
  return TEMPLATE_MARKERS["2021"].some((m) => text.includes(m)) ? "2021" : "2019";
}

const TABLE3_HEADING_RE = /收到和处理政府信息公开申请/;
const AFTER_TABLE3_RE = /行政复议|存在的主要问题/;

function isHeading(text: string): boolean {
  return text.length <= 40 && /^([一二三四五六七八九十]+、|表[一二三四五六七八九十\d]+)/.test(text);
}

/** Table 3's rows in the region between its heading and the next part: labels put back. */
function rebuildTable3(lines: MdLine[], template: "2019" | "2021"): MdLine[] {
  // the region starts at the first row that names a table-3 row …
  const firstRow = lines.findIndex((l) => l.kind === "row" && table3RowOf(splitRow(l.cells).label, null) === "newReceived");
  const anyRow = firstRow >= 0 ? firstRow : lines.findIndex((l) => l.kind === "row" && table3RowOf(splitRow(l.cells).label, null));
  if (anyRow < 0) return lines;
  // … or earlier, at the last table-3 heading before it (bare rows may come first)
  let start = anyRow;
  for (let i = anyRow - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.kind === "text" && isHeading(l.text) && TABLE3_HEADING_RE.test(l.text)) {
      start = i + 1;
      break;
    }
  }
  while (start < anyRow && lines[start].kind !== "row") start++; // keep the header text as it is
  let end = lines.length;
  for (let i = anyRow + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === "text" && isHeading(l.text) && AFTER_TABLE3_RE.test(l.text)) {
      end = i;
      break;
    }
  }
  const region = lines.slice(start, end).filter((l): l is Extract<MdLine, { kind: "row" }> => l.kind === "row");
  const found = region.map((l) => splitRow(l.cells));
  const { ids } = reattachTable3(found, template);
  const rows: MdLine[] = found.map((row, i) => {
    const id = ids[i];
    if (id && !row.label) return { kind: "row", cells: [FORM_LABELS[id], ...row.values] };
    if (!row.label) return { kind: "row", cells: row.values };
    return { kind: "row", cells: [row.label, ...row.values] };
  });
  // loose text inside the table (label fragments, stray numbers) is dropped; rows that are neither
  // labelled nor numbers (column headers) are kept
  return [...lines.slice(0, start), ...rows.filter((r) => r.kind === "row" && (r.cells[0] || isValueRow({ label: "", values: r.cells }))), ...lines.slice(end)];
}

/** Leading text cells are the label; the rest are values. */
function splitRow(cells: string[]): FoundRow {
  let k = 0;
  while (k < cells.length && cells[k] !== "" && !/^[+-]?[\d,]+(\.\d+)?$/.test(cells[k])) k++;
  return { label: cells.slice(0, k).join(""), values: cells.slice(k) };
}

const ITEM_KEYS = new Set(Object.values(TABLE2_ITEM_LABELS).flat());

/** "行政许可 97" → "行政许可\t97" for table-2 items; any other text is one cleaned line. */
function splitItemNumber(text: string): string {
  const m = /^(\S.*?)\s+([+-]?\d[\d,]*(?:\.\d+)?)$/.exec(text.trim());
  if (m && ITEM_KEYS.has(labelKey(m[1]))) return `${cleanLine(m[1])}\t${m[2]}`;
  return cleanLine(text);
}
