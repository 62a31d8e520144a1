/**
 * Sentences of a 存在的主要问题 text, and where the problems end and the 改进情况 begin.
 *
 * `sections.problems` is the problems only when the report separates them; when it does not, the
 * text runs on into the improvements ("下一步…", "2021年，我们将…", "（二）改进情况"). Themes are found
 * in the problems part only, so the split is done here once for everyone (detect, recurrence,
 * boilerplate, discover).
 */

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
const CLOSERS = "”’」』）)\"'";

const PARAGRAPH_END_RE = new RegExp(`[${TERMINAL}：:][${CLOSERS}]*$`);

/** Join lines wrapped mid-sentence (PDF, markdown) and keep real paragraph breaks. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  let prevHeading = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING_RE.test(line) || IMPROVEMENT_START_RE.test(line) && line.length <= 16;
    const last = out.length ? out[out.length - 1] : "";
    const ended = last === "" || PARAGRAPH_END_RE.test(last);
    if (out.length === 0 || ended || prevHeading || heading || ENUM_START_RE.test(line)) out.push(line);
    else out[out.length - 1] = last + (/[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(line) ? " " : "") + line;
    prevHeading = heading;
  }
  return out;
}

const SPLIT_RE = new RegExp(
  // after a sentence end (with any closing quotes), after a colon, or before "二是…" following a comma
  `(?<=[${TERMINAL}][${CLOSERS}]*)(?![${CLOSERS}])|(?<=[：:])|(?<=[，,])(?=\\s*[一二三四五六七八九十]+是)`,
);

function tidy(s: string): string {
  return s.trim().replace(/[，,、\s]+$/, "");
}

/** All sentences of a text, in order (headings included). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const p of paragraphs(normalizeText(text))) {
    for (const piece of p.split(SPLIT_RE)) {
      const s = tidy(piece);
      if (s) out.push(s);
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
  let inImprovements = false;
  for (const s of sentences(text)) {
    if (inImprovements) {
      improvements.push(s);
      continue;
    }
    if (startsImprovements(s)) {
      inImprovements = true;
      improvements.push(s);
      continue;
    }
    if (isHeading(s)) continue;
    const inline = INLINE_IMPROVEMENT_RE.exec(s);
    if (inline) {
      const head = tidy(s.slice(0, inline.index));
      if (head) problems.push(head);
      improvements.push(tidy(s.slice(inline.index).replace(/^[，,]\s*/, "")));
      inImprovements = true;
      continue;
    }
    problems.push(s);
  }
  return { problems, improvements };
}

/** The problem sentences of a 存在的主要问题 text (see splitProblems). */
export function problemSentences(text: string | null | undefined): string[] {
  return splitProblems(text).problems;
}

/** Clauses of a sentence (split at ，,；;：:), with their start offsets in the sentence. */
export function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^，,；;：:。！？!?]+/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) out.push({ text: m[0], start: m.index });
  return out;
}
