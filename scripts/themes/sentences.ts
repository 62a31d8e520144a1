/**
 * Sentences of a 存在的主要问题 text, and where the problems end and the 改进情况 begin.
 *
 * `sections.problems` is the problems only when the report separates them; when it does not, the
 * text runs on into the improvements ("下一步…", "2021年，我们将…", "（二）改进情况"). Themes are found
 * in the problems part only, so the split is done here once for everyone (detect, recurrence,
 * boilerplate, discover).
 */
import { isSpaceCode } from "../parse/chars.ts";

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_OR_PUNCT = `${CJK}\\u3000-\\u303f\\uff00-\\uffef“”‘’`;

/** characters some step of normalizeText changes or removes: text without them is returned as is */
const TIDY_CHARS_RE = /[\r\u00a0\u3000\t\f\v ]/;
const CJK_GAP_RE = new RegExp(`([${CJK_OR_PUNCT}]) +(?=[${CJK_OR_PUNCT}])`, "g");

/** Tidy whitespace: NBSP/ideographic spaces → space, no spaces between Chinese characters. */
export function normalizeText(text: string): string {
  if (!TIDY_CHARS_RE.test(text)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u3000\t\f\v]/g, " ")
    .replace(CJK_GAP_RE, "$1")
    .replace(/ {2,}/g, " ");
}

const ENUM = "(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d{1,2}[、.．](?!\\d))";
const ENUM_START_RE = new RegExp(`^${ENUM}`);

/** A heading line of section 五, e.g. "（一）存在的主要问题", "(五)政府信息公开工作存在的主要问题及改进情况。" */
const HEADING_RE =
  /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?(?:政府信息公开工作|政务公开工作)?(?:存在的?主要问题|存在的问题|主要问题|问题)(?:及|和|与)?(?:改进情况|改进措施|整改情况)?(?:[。：:]|$)\s*$/;

/**
 * The first sentence of the improvements: "（二）改进情况", "下一步…", "针对存在问题…",
 * "2021年，我们将…", "采取以下措施…".
 */
const IMPROVEMENT_START_RE = new RegExp(
  `^${ENUM}?\\s*(?:` +
    [
      "改进(?:情况|措施|方向|举措|计划)",
      "整改(?:措施|情况|方向)",
      "下一步",
      "今后",
      "针对(?:以上|上述|存在的?|这些|前述)?(?:的)?问题",
      "根据上述问题",
      "为此",
      "对此",
      "\\d{4}\\s*年(?:度)?\\s*[，,]?\\s*(?:(?:我|我们|本|全|区|市|县|乡|镇)[^。；;]{0,12})?将",
      "[^。；;]{0,20}(?:以下|如下)[^。；;]{0,12}(?:改进|措施|举措)",
      "(?:我们|我局|我区|我市|我县|我办|我乡|我镇|我街道|我单位|本单位|本局|本机关)[^。；;]{0,16}将",
      "(?:我们|我区|我市|我县|我局|我办|我乡|我镇|我街道)?将采取(?:以下|如下)",
    ].join("|") +
    ")",
);
/** an improvement starting in the middle of a sentence: "…宣传力度不够，下一步将…" */
const INLINE_IMPROVEMENT_RE = /[，,]\s*(?:下一步|今后)/;

const TERMINAL = "。！？!?；;";
/** what ends a clause (see clauses()) */
export const CLAUSE_ENDS = "，,；;：:。！？!?";
const CLOSERS = "”’」』）)\"'";

/** character classes of the splitting loops below, by UTF-16 code (a table: cheaper than Set<string> lookups) */
const TERMINAL_C = 1;
const CLOSER_C = 2;
const COLON_C = 4;
const COMMA_C = 8;
const CLAUSE_END_C = 16;
const PAUSE_C = 32;
/** a character every match of IMPROVEMENT_START_RE holds (改进/整改, 下一步/以下/如下, 今后, 针对, 根据, 为此/对此, 将) */
const IMPROVEMENT_C = 64;
/** a character every match of INLINE_IMPROVEMENT_RE holds (下一步, 今后) */
const INLINE_C = 128;
const CHAR_CLASS = new Uint8Array(0x10000);
const mark = (chars: string, c: number) => {
  for (const ch of chars) CHAR_CLASS[ch.charCodeAt(0)] |= c;
};
mark(TERMINAL, TERMINAL_C);
mark(CLOSERS, CLOSER_C);
mark("：:", COLON_C);
mark("，,", COMMA_C);
mark(CLAUSE_ENDS, CLAUSE_END_C);
mark("、", PAUSE_C);
mark("改下今针根此将", IMPROVEMENT_C);
mark("下今", INLINE_C);

/** The paragraph ends a sentence: /[TERMINAL：:][CLOSERS]*$/ (a loop from the end: the regex would try every position) */
function endsParagraph(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (CHAR_CLASS[s.charCodeAt(i)] & CLOSER_C) !== 0) i--;
  return i >= 0 && (CHAR_CLASS[s.charCodeAt(i)] & (TERMINAL_C | COLON_C)) !== 0;
}

/** [A-Za-z0-9] */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Join lines wrapped mid-sentence (PDF, markdown) and keep real paragraph breaks. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  let prevHeading = false;
  // lines by indexOf, not text.split("\n"): no array of them all
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to).trim();
    from = to + 1;
    if (!line) continue;
    const heading = HEADING_RE.test(line) || (line.length <= 16 && IMPROVEMENT_START_RE.test(line));
    const last = out.length ? out[out.length - 1] : "";
    const ended = last === "" || endsParagraph(last);
    if (out.length === 0 || ended || prevHeading || heading || ENUM_START_RE.test(line)) out.push(line);
    else out[out.length - 1] = last + (isAlnum(last.charCodeAt(last.length - 1)) && isAlnum(line.charCodeAt(0)) ? " " : "") + line;
    prevHeading = heading;
  }
  return out;
}

/** at a position right after a comma: "二是…" follows (the third split rule below) */
const ENUM_AHEAD_RE = /\s*[一二三四五六七八九十]+是/y;

/**
 * Where a paragraph is cut into sentences: after a sentence end (with any closing quotes), after a
 * colon, or before "二是…" following a comma. The same cuts as `p.split(SPLIT_RE)` with
 * SPLIT_RE = /(?<=[TERMINAL][CLOSERS]*)(?![CLOSERS])|(?<=[：:])|(?<=[，,])(?=\s*[一…十]+是)/, which tests
 * every position with lookbehinds; this loop looks at each character once (split never cuts at 0 or
 * at the end, hence 1 ≤ i < length). The pieces go to `out`, the CHAR_CLASS bits of each piece's
 * characters (or-ed) to `bits`.
 */
function splitSentences(p: string, out: string[], bits: number[]): void {
  let from = 0;
  let afterTerminal = false; // p[i - 1] ends a sentence: a terminal followed by closers only
  let prev = CHAR_CLASS[p.charCodeAt(0)];
  let pieceBits = prev;
  for (let i = 1; i < p.length; i++) {
    const c = CHAR_CLASS[p.charCodeAt(i)];
    afterTerminal = (prev & TERMINAL_C) !== 0 || (afterTerminal && (prev & CLOSER_C) !== 0);
    let cut = (afterTerminal && (c & CLOSER_C) === 0) || (prev & COLON_C) !== 0;
    if (!cut && (prev & COMMA_C) !== 0) {
      ENUM_AHEAD_RE.lastIndex = i;
      cut = ENUM_AHEAD_RE.test(p);
    }
    if (cut) {
      out.push(p.slice(from, i));
      bits.push(pieceBits);
      from = i;
      pieceBits = 0;
    }
    pieceBits |= c;
    prev = c;
  }
  out.push(p.slice(from));
  bits.push(pieceBits);
}

/** s.trim().replace(/[，,、\s]+$/, ""), in one pass over the ends (that regex would try every position) */
function tidy(s: string): string {
  let start = 0;
  while (start < s.length && isSpaceCode(s.charCodeAt(start))) start++;
  let end = s.length;
  while (end > start && ((CHAR_CLASS[s.charCodeAt(end - 1)] & (COMMA_C | PAUSE_C)) !== 0 || isSpaceCode(s.charCodeAt(end - 1)))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** All sentences of a text, in order (headings included). */
export function sentences(text: string): string[] {
  return splitText(text, null);
}

/**
 * sentences(text), and in `bits` (when given) the CHAR_CLASS bits of each sentence's characters
 * (or-ed; tidy() only drops characters without IMPROVEMENT_C or INLINE_C).
 */
function splitText(text: string, bits: number[] | null): string[] {
  const out: string[] = [];
  const pieces: string[] = [];
  const pieceBits: number[] = [];
  for (const p of paragraphs(normalizeText(text))) {
    pieces.length = 0;
    pieceBits.length = 0;
    splitSentences(p, pieces, pieceBits);
    for (let k = 0; k < pieces.length; k++) {
      const s = tidy(pieces[k]);
      if (!s) continue;
      out.push(s);
      bits?.push(pieceBits[k]);
    }
  }
  return out;
}

export function isHeading(sentence: string): boolean {
  return HEADING_RE.test(sentence);
}

export function startsImprovements(sentence: string): boolean {
  return IMPROVEMENT_START_RE.test(sentence);
}

/**
 * Split a 存在的主要问题 text into the problem sentences and the improvement sentences.
 * Headings are dropped; everything from the first improvement sentence on is improvements.
 */
export function splitProblems(text: string | null | undefined): { problems: string[]; improvements: string[] } {
  const problems: string[] = [];
  const improvements: string[] = [];
  if (!text) return { problems, improvements };
  const bits: number[] = [];
  const list = splitText(text, bits);
  let i = 0;
  for (; i < list.length; i++) {
    const s = list[i];
    // (the regexes are asked only of a sentence holding a character each of their matches needs)
    if (bits[i] & IMPROVEMENT_C && startsImprovements(s)) break;
    if (isHeading(s)) continue;
    const inline = bits[i] & INLINE_C ? INLINE_IMPROVEMENT_RE.exec(s) : null;
    if (inline) {
      const head = tidy(s.slice(0, inline.index));
      if (head) problems.push(head);
      improvements.push(tidy(s.slice(inline.index).replace(/^[，,]\s*/, "")));
      i++;
      break;
    }
    problems.push(s);
  }
  for (; i < list.length; i++) improvements.push(list[i]);
  return { problems, improvements };
}

/** The problem sentences of a 存在的主要问题 text (see splitProblems). */
export function problemSentences(text: string | null | undefined): string[] {
  return splitProblems(text).problems;
}

/** Clauses of a sentence (split at ，,；;：: and sentence ends), with their start offsets in the sentence. */
export function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = -1; // start of the clause being read, -1 between clauses
  for (let i = 0; i <= sentence.length; i++) {
    if (i < sentence.length && (CHAR_CLASS[sentence.charCodeAt(i)] & CLAUSE_END_C) === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ text: sentence.slice(start, i), start });
      start = -1;
    }
  }
  return out;
}
