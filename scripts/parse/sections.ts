/**
 * Stage 2 — sections: find the six parts 一…六 of a report.
 *
 * A heading is an ordinal ("一、", "3、", "第三部分") followed by one of the titles in
 * SECTION_HEADINGS; it may share its line with the first sentence ("一、总体情况2019年，…").
 * Table-3 row labels such as "一、本年新收政府信息公开申请数量" look like headings but carry no
 * section title, so they are not taken for one. Sections must come in order: a heading whose part
 * was already passed is ignored.
 */
import { SECTION_HEADINGS, type SectionKey } from "./labels.ts";
import { isSpaceCode, skipSpaces } from "./chars.ts";
import { WordIndex } from "./word-index.ts";

export interface Section {
  key: SectionKey;
  /** 0-based index of the heading line */
  start: number;
  /** 0-based index one past the last line of the section */
  end: number;
  /** text on the heading line after the heading itself (may be "") */
  headingRest: string;
}

export interface Sections {
  /** sections found, in document order */
  list: Section[];
  /** lines before the first section (title, chrome, preamble) */
  preambleEnd: number;
  get(key: SectionKey): Section | undefined;
}

const ORDER: SectionKey[] = ["overview", "proactive", "applications", "review", "problems", "other"];
// readOrdinal below reads what this regex matches at the start of a line:
//   /^\s*(?:([一二三四五六])\s*[、.．,，]|([1-6])\s*[、.．]|第([一二三四五六])部分\s*[、:：]?)\s*/
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Headings sorted longest-first per section, so the full title is cut off, not a prefix. */
const HEADING_VARIANTS = ORDER.map((key) => ({
  key,
  variants: [...SECTION_HEADINGS[key]].sort((a, b) => b.length - a.length),
}));

/** The same variants, looked up by first character; ranks follow HEADING_VARIANTS order. */
const HEADINGS = new WordIndex<SectionKey>(HEADING_VARIANTS.flatMap(({ key, variants }) => variants.map((v) => [v, key] as const)));

/** How far into the title a heading may start (after a prefix such as 政府信息公开工作). */
const MAX_HEADING_OFFSET = 14;

/** CN_NUM by char code, as a switch: it is asked for nearly every line (a Map.get cost more) */
function cnOrdinal(c: number): number | undefined {
  switch (c) {
    case 0x4e00: // 一
      return 1;
    case 0x4e8c: // 二
      return 2;
    case 0x4e09: // 三
      return 3;
    case 0x56db: // 四
      return 4;
    case 0x4e94: // 五
      return 5;
    case 0x516d: // 六
      return 6;
  }
  return undefined;
}
if (Object.entries(CN_NUM).some(([ch, n]) => cnOrdinal(ch.charCodeAt(0)) !== n)) throw new Error("cnOrdinal ≠ CN_NUM");
const isOrdinalEnd = (c: number) => c === 0x3001 || c === 0x2e || c === 0xff0e; // 、 . ．

/** Can a line whose first character is `c` start with an ordinal? Rules out most lines before readOrdinal. */
const mayOpenOrdinal = (c: number) => (c >= 0x31 && c <= 0x36) || c === 0x7b2c || cnOrdinal(c) !== undefined || isSpaceCode(c);

/**
 * The ordinal a line starts with (the regex above, read by hand: it runs on every line, and the
 * regex with its match array cost more than the rest of the stage) and where the text after it
 * starts, or null.
 */
function readOrdinal(line: string): { ordinal: number; end: number } | null {
  const i = skipSpaces(line);
  const c = line.charCodeAt(i);
  let ordinal: number | undefined;
  let end: number;
  if (c === 0x7b2c) {
    // 第X部分, then an optional 、 : ：
    ordinal = cnOrdinal(line.charCodeAt(i + 1));
    if (ordinal === undefined || !line.startsWith("部分", i + 2)) return null;
    end = skipSpaces(line, i + 4);
    const p = line.charCodeAt(end);
    if (p === 0x3001 || p === 0x3a || p === 0xff1a) end++;
  } else {
    // 一…六 then 、 . ． , ，  — or 1…6 then 、 . ．
    ordinal = c >= 0x31 && c <= 0x36 ? c - 0x30 : cnOrdinal(c);
    if (ordinal === undefined) return null;
    end = skipSpaces(line, i + 1);
    const p = line.charCodeAt(end);
    if (!(isOrdinalEnd(p) || (c > 0x36 && (p === 0x2c || p === 0xff0c)))) return null;
    end++;
  }
  return { ordinal, end: skipSpaces(line, end) };
}

export function matchHeading(line: string): { key: SectionKey; ordinal: number; rest: string } | null {
  const m = readOrdinal(line);
  return m ? headingAfter(line, m) : null;
}

/** Where the title after an ordinal starts: past an opening 《 “ or ". */
function titleStart(line: string, end: number): number {
  const open = line.charCodeAt(end);
  return open === 0x300a || open === 0x201c || open === 0x22 ? end + 1 : end;
}

/** How much of the line after the ordinal is searched for a title. */
const HEAD_LENGTH = 40;

/** The heading of a line that starts with the ordinal `m`, or null. */
function headingAfter(line: string, m: { ordinal: number; end: number }): { key: SectionKey; ordinal: number; rest: string } | null {
  // titles may be prefixed ("政府信息公开工作存在的主要问题…", "因政府信息公开申请行政复议…"):
  // the first variant (HEADING_VARIANTS order) that occurs at offset ≤ MAX_HEADING_OFFSET of the
  // next HEAD_LENGTH characters, read without their spaces. Most lines that get here are table-3
  // labels with no title in them.
  const from = titleStart(line, m.end);
  const found = HEADINGS.firstWithin(line, from, Math.min(line.length, from + HEAD_LENGTH), MAX_HEADING_OFFSET);
  if (!found) return null;
  return { key: found.value, ordinal: m.ordinal, rest: restAfter(line, from, found.word) };
}

/**
 * The text of line[from…] after the first occurrence of `word` (allowing spaces inside the line),
 * without the spaces and punctuation that open it (isRestStart); "" when `word` does not occur.
 */
function restAfter(line: string, from: number, word: string): string {
  const after = endOf(line, from, word);
  if (after < 0) return "";
  let i = after;
  while (i < line.length && isRestStart(line.charCodeAt(i))) i++;
  return line.slice(i);
}

/** Where the first occurrence of `word` in line[from…] ends (spaces in the line skipped), or -1. */
function endOf(line: string, from: number, word: string): number {
  let j = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    if (c === word.charCodeAt(j)) {
      j++;
      if (j === word.length) return i + 1;
    } else if (j > 0) {
      j = c === word.charCodeAt(0) ? 1 : 0;
    }
  }
  return -1;
}

// isRestStart(c) is /[\s。.:：,，;；)）]/.test(String.fromCharCode(c)), by char code
const REST_START = new Set([..."。.:：,，;；)）"].map((ch) => ch.charCodeAt(0)));
const isRestStart = (c: number) => isSpaceCode(c) || REST_START.has(c);

export function splitSections(lines: string[]): Sections {
  const found: Section[] = [];
  let lastRank = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0 || line.length > 4000 || !mayOpenOrdinal(line.charCodeAt(0))) continue;
    const heading = matchHeading(line);
    if (!heading) continue;
    const rank = ORDER.indexOf(heading.key);
    if (rank <= lastRank) continue;
    found.push({ key: heading.key, start: i, end: lines.length, headingRest: heading.rest });
    lastRank = rank;
  }
  for (let k = 0; k < found.length - 1; k++) found[k].end = found[k + 1].start;
  return {
    list: found,
    preambleEnd: found.length ? found[0].start : lines.length,
    get: (key) => found.find((s) => s.key === key), // at most six sections
  };
}
