/**
 * Stage 6 — narrative: the text of parts 一, 五 and 六, and the figures the narrative states
 * (items proactively disclosed; applications received), each with the sentence it came from.
 */
import type { Report } from "../../src/schema.ts";
import type { Sections } from "./sections.ts";
import { isDigitCode, isSpaceCode } from "./chars.ts";

export interface StatedFigure {
  value: number;
  sentence: string;
  line: number;
}

export interface Narrative {
  sections: Report["sections"];
  proactive: StatedFigure | null;
  newReceived: StatedFigure | null;
}

/** Sub-headings inside part 五 that start the improvements (改进情况) half. */
const IMPROVEMENT_START_RE =
  /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施|整改措施|改进方向|下一步工作|下一步打算|下一步|今后工作打算|针对(?:上述|以上|存在的)?问题)/;
/** Sub-headings of the problems half: dropped when alone on their line. */
const PROBLEMS_HEADING_RE = /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:存在的主要问题|存在的问题|主要问题|存在问题)\s*[:：。]?\s*$/;
const IMPROVEMENTS_HEADING_RE = /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施|整改措施)\s*[:：。]?\s*$/;
/** Inside one paragraph, the first sentence that turns to remedies. */
const IMPROVEMENT_SENTENCE_RE = /^(?:下一步|今后|针对(?:上述|以上|存在的)?(?:问题|不足)|为此|对此|\d{4}年[,，]?\s*(?:我们|我[街乡镇局办区县委]|本[单机]))/;
/**
 * What every sentence IMPROVEMENT_SENTENCE_RE matches holds, looked for in the whole paragraph at
 * once: most problem parts have none of it, and then need not be cut into sentences.
 */
const MAY_TURN_TO_REMEDIES_RE = /下一步|今后|针对|为此|对此|\d{4}年[,，]?\s*[我本]/;

const SENTENCE_RE = /[^。！？!?;；\n]+[。！？!?;；]?/g;

export function readNarrative(lines: string[], sections: Sections): Narrative {
  const overview = partLines(lines, sections, "overview") ?? trimmedLines(lines, titleEnd(lines, sections.preambleEnd), sections.preambleEnd);
  const { problems, improvements } = splitProblems(partLines(lines, sections, "problems"));
  return {
    sections: {
      overview: joinOrNull(overview),
      problems,
      improvements,
      other: joinOrNull(partLines(lines, sections, "other")),
    },
    proactive: findProactiveTotal(lines, sections),
    newReceived: findNewReceived(lines, sections),
  };
}

/** The non-blank lines of a part, trimmed (its heading line: the text after the heading); null: no such part. */
function partLines(lines: string[], sections: Sections, key: Parameters<Sections["get"]>[0]): string[] | null {
  const s = sections.get(key);
  return s ? trimmedLines(lines, s.start, s.end, s.headingRest) : null;
}

function trimmedLines(lines: string[], from: number, to: number, firstLineRest?: string): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = trimmed(i === from && firstLineRest !== undefined ? firstLineRest : lines[i]);
    if (t) out.push(t);
  }
  return out;
}

/** line.trim(), without the call for a line that has no space at either end (most) */
function trimmed(line: string): string {
  const n = line.length;
  return n > 0 && !isSpaceCode(line.charCodeAt(0)) && !isSpaceCode(line.charCodeAt(n - 1)) ? line : line.trim();
}

function joinOrNull(lines: string[] | null): string | null {
  if (!lines) return null;
  return nonEmpty((lines.length === 1 ? lines[0] : lines.join("\n")).trim());
}

function nonEmpty(s: string): string | null {
  return s.length ? s : null;
}

/** Where the preamble's real text starts: after the title line, when one is among the first lines. */
function titleEnd(lines: string[], end: number): number {
  for (let i = 0; i < Math.min(end, 12); i++) if (/信息公开.{0,6}报告/.test(lines[i]) && lines[i].length < 80) return i + 1;
  return 0;
}

export function splitProblems(part: string[] | null): { problems: string | null; improvements: string | null } {
  if (!part) return { problems: null, improvements: null };
  const cut = improvementsHeading(part);
  if (cut !== -1) return tidyHalves(part.slice(0, cut), part.slice(cut));
  // one paragraph holds both: cut at the first sentence that turns to remedies
  const joined = part.join("\n");
  if (MAY_TURN_TO_REMEDIES_RE.test(joined)) {
    const sentences = joined.match(SENTENCE_RE) ?? [];
    const at = sentences.findIndex((s, i) => i > 0 && IMPROVEMENT_SENTENCE_RE.test(s.trim()));
    if (at > 0) return tidyHalves([sentences.slice(0, at).join("").trim()], [sentences.slice(at).join("").trim()]);
  }
  return tidyHalves(part, [], joined);
}

/** Index of the line (not the first) that starts the improvements; -1: none. */
function improvementsHeading(part: string[]): number {
  for (let i = 1; i < part.length; i++) if (IMPROVEMENT_START_RE.test(part[i])) return i;
  return -1;
}

/**
 * The two halves without their headings, joined. `joined`: problems.join("\n") when already made
 * (it is reused when no heading line is dropped).
 */
function tidyHalves(problems: string[], improvements: string[], joined?: string): { problems: string | null; improvements: string | null } {
  const kept = problems.filter((l) => !PROBLEMS_HEADING_RE.test(l));
  const remedies = improvements
    .map((l) => l.replace(IMPROVEMENTS_HEADING_RE, ""))
    .filter((l) => l.trim())
    .map((l) => l.replace(/^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施)\s*[:：]\s*/, ""));
  return {
    problems: joined !== undefined && kept.length === problems.length ? nonEmpty(joined.trim()) : joinOrNull(kept),
    improvements: joinOrNull(remedies),
  };
}

/* ------------------------------------------------------------ stated figures */

// "累计主动公开政府信息10条", "主动公开了全年总信息共计212条", "主动公开各类政府信息273条",
// "共公布政府信息2599条", "主动发布各类政府信息2428条", "主动公开各类政府信息5500余条",
// "当年发布政府信息 393 件"
/**
 * What every statement PROACTIVE_RES match holds: 条 or 件 (the unit), 公开, 公布 or 发布, and an
 * ASCII digit. The unit is tested first (公开 alone is on nearly every line); table 2's row labels
 * ("…条例》第二十条第(一)项") have no digit. No statement is shorter than 5 characters ("共公开1条"):
 * short lines (table cells) are passed at once.
 */
function mayStateProactive(line: string): boolean {
  return (
    line.length >= 5 &&
    (line.includes("条") || line.includes("件")) &&
    (line.includes("公开") || line.includes("发布") || line.includes("公布")) &&
    hasDigit(line)
  );
}

function hasDigit(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (isDigitCode(line.charCodeAt(i))) return true;
  return false;
}
const PROACTIVE_RES = [
  /主动(?:公开|发布)[^。;；\d]{0,24}?(?:共计|总计|合计|累计|共)?\s*(\d[\d,]*)\s*余?\s*条/,
  /(?:共|累计|全年|总计|当年|本年度?)(?:主动)?(?:公开|公布|发布)[^。;；\d]{0,16}?(\d[\d,]*)\s*余?\s*条/,
  /(?:公开|公布|发布)政府信息\s*(\d[\d,]*)\s*余?\s*件/,
];

/** The parts a stated figure is looked for in, in order; then the preamble. */
const PROACTIVE_PARTS = ["overview", "proactive"] as const;
const RECEIVED_PARTS = ["overview", "applications"] as const;

/** The first figure `statedIn` finds in the parts `keys` (in order), else in the preamble. */
function firstStated(
  lines: string[],
  sections: Sections,
  keys: readonly Parameters<Sections["get"]>[0][],
  statedIn: (lines: string[], from: number, to: number) => StatedFigure | null,
): StatedFigure | null {
  for (const key of keys) {
    const s = sections.get(key);
    const found = s ? statedIn(lines, s.start, s.end) : null;
    if (found) return found;
  }
  return statedIn(lines, 0, sections.preambleEnd);
}

function findProactiveTotal(lines: string[], sections: Sections): StatedFigure | null {
  // the overview and part 二 state it; fall back to the preamble. Within a line the earliest
  // statement wins: totals come first, "其中…" breakdowns after them.
  return firstStated(lines, sections, PROACTIVE_PARTS, proactiveIn);
}

function proactiveIn(lines: string[], from: number, to: number): StatedFigure | null {
  for (let i = from; i < to; i++) {
    const found = mayStateProactive(lines[i]) ? earliestMatch(lines[i], PROACTIVE_RES) : null;
    if (found) return { value: found.value, sentence: found.sentence, line: i + 1 };
  }
  return null;
}

/** Global copies of regexes (made once), for iterating over matches. */
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();
function globalCopy(re: RegExp): RegExp {
  let copy = GLOBAL_COPIES.get(re);
  if (!copy) GLOBAL_COPIES.set(re, (copy = new RegExp(re.source, "g")));
  copy.lastIndex = 0;
  return copy;
}

/** The first statement in a line matched by any of `res`, skipping "其中…" breakdowns. */
function earliestMatch(line: string, res: RegExp[]): { value: number; sentence: string } | null {
  if (!line || !res.some((re) => re.test(line))) return null;
  for (const sentence of line.match(SENTENCE_RE) ?? []) {
    let best: RegExpExecArray | null = null;
    for (const re of res) {
      const global = globalCopy(re);
      for (let m = global.exec(sentence); m; m = global.exec(sentence)) {
        if (/其中[^。;；]{0,6}$/.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
        if (!best || m.index < best.index) best = m;
        break;
      }
    }
    if (best) return { value: Number(best[1].replace(/,/g, "")), sentence: sentence.trim() };
  }
  return null;
}

// "本年度共收到政府信息公开申请0件", "收到政府信息公开申请12件", "未收到政府信息公开申请"
const NEW_RECEIVED_RES = [
  /(?:新收|收到|受理)[^。;；\d]{0,20}?申请(?:共计|共|合计)?\s*(\d[\d,]*)\s*(?:件|个|宗|条|份)/,
  /(?:共|累计)?(?:新收|收到|受理)[^。;；\d]{0,6}?(\d[\d,]*)\s*(?:件|个|宗|份)[^。;；]{0,12}?申请/,
];
const NO_APPLICATIONS_RE = /(?:未|没有)(?:收到|受理)[^。;；\d]{0,16}?申请/;
/**
 * What every statement the regexes above match holds: 申请, and 收到, 受理 or 新收, and a digit or
 * 未 or 没 (NO_APPLICATIONS_RE); lines without them (most) are skipped at once — table 3's row
 * label "一、本年新收政府信息公开申请数量" among them. No statement is shorter than 5 characters
 * ("未收到申请", "收到申请1件"): short lines (table cells, most of part 三's lines) are passed at once.
 */
function mayStateReceived(line: string): boolean {
  if (line.length < 5 || !line.includes("申请") || !(line.includes("收到") || line.includes("受理") || line.includes("新收"))) return false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isDigitCode(c) || c === 0x672a || c === 0x6ca1) return true; // 未 没
  }
  return false;
}

function findNewReceived(lines: string[], sections: Sections): StatedFigure | null {
  return firstStated(lines, sections, RECEIVED_PARTS, receivedIn);
}

function receivedIn(lines: string[], from: number, to: number): StatedFigure | null {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!mayStateReceived(line)) continue;
    for (const re of NEW_RECEIVED_RES) {
      const found = matchInSentence(line, re);
      if (found) return { value: found.value, sentence: found.sentence, line: i + 1 };
    }
    // (a sentence can only match where its line does: test the line first, it is much cheaper)
    const none = NO_APPLICATIONS_RE.test(line) ? line.match(SENTENCE_RE)?.find((s) => NO_APPLICATIONS_RE.test(s)) : undefined;
    if (none) return { value: 0, sentence: none.trim(), line: i + 1 };
  }
  return null;
}

function matchInSentence(line: string, re: RegExp): { value: number; sentence: string } | null {
  if (!re.test(line)) return null;
  for (const sentence of line.match(SENTENCE_RE) ?? []) {
    const m = re.exec(sentence);
    if (m) return { value: Number(m[1].replace(/,/g, "")), sentence: sentence.trim() };
  }
  return null;
}
