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
const ORDINAL_RE = /^\s*(?:([一二三四五六])\s*[、.．,，]|([1-6])\s*[、.．]|第([一二三四五六])部分\s*[、:：]?)\s*/;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Headings sorted longest-first per section, so the full title is cut off, not a prefix. */
const HEADING_VARIANTS = ORDER.map((key) => ({
  key,
  variants: [...SECTION_HEADINGS[key]].sort((a, b) => b.length - a.length),
}));

export function matchHeading(line: string): { key: SectionKey; ordinal: number; rest: string } | null {
  const m = ORDINAL_RE.exec(line);
  if (!m) return null;
  const ordinal = m[1] ? CN_NUM[m[1]] : m[2] ? Number(m[2]) : CN_NUM[m[3]];
  // titles may be prefixed ("政府信息公开工作存在的主要问题…", "因政府信息公开申请行政复议…")
  const after = line.slice(m[0].length).replace(/^[《“"]?/, "");
  const head = after.slice(0, 40).replace(/\s+/g, "");
  for (const { key, variants } of HEADING_VARIANTS) {
    for (const variant of variants) {
      const at = head.indexOf(variant);
      if (at === -1 || at > 14) continue;
      const rest = cutAfter(after, variant).replace(/^[\s。.:：,，;；)）]+/, "");
      return { key, ordinal, rest };
    }
  }
  return null;
}

/** The text of `s` after the first occurrence of `word`, allowing spaces inside `s`. */
function cutAfter(s: string, word: string): string {
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    if (/\s/.test(s[i])) continue;
    if (s[i] === word[j]) {
      j++;
      if (j === word.length) return s.slice(i + 1);
    } else if (j > 0) {
      j = s[i] === word[0] ? 1 : 0;
    }
  }
  return "";
}

export function splitSections(lines: string[]): Sections {
  const found: Section[] = [];
  let lastRank = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0 || line.length > 4000) continue;
    const heading = matchHeading(line);
    if (!heading) continue;
    const rank = ORDER.indexOf(heading.key);
    if (rank <= lastRank) continue;
    found.push({ key: heading.key, start: i, end: lines.length, headingRest: heading.rest });
    lastRank = rank;
  }
  for (let k = 0; k < found.length - 1; k++) found[k].end = found[k + 1].start;
  const byKey = new Map(found.map((s) => [s.key, s]));
  return {
    list: found,
    preambleEnd: found.length ? found[0].start : lines.length,
    get: (key) => byKey.get(key),
  };
}
