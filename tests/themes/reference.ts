/**
 * The straightforward theme detection the optimized code in scripts/themes must agree with:
 * sentence splitting by one lookbehind regex, and every regex run on every sentence and clause
 * (no prefilters, no joined scans, no segmentation cache). Only the regex constants that both share
 * are imported; the algorithm is written out here.
 */
import { cut } from "../../scripts/themes/jieba.ts";
import { isHeading, normalizeText, startsImprovements } from "../../scripts/themes/sentences.ts";
import type { Taxonomy } from "../../scripts/themes/taxonomy.ts";

const TERMINAL = "。！？!?；;";
const CLOSERS = "”’」』）)\"'";
const PARAGRAPH_END_RE = new RegExp(`[${TERMINAL}：:][${CLOSERS}]*$`);
const ENUM_START_RE = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d))/;
const SPLIT_RE = new RegExp(`(?<=[${TERMINAL}][${CLOSERS}]*)(?![${CLOSERS}])|(?<=[：:])|(?<=[，,])(?=\\s*[一二三四五六七八九十]+是)`);
const INLINE_IMPROVEMENT_RE = /[，,]\s*(?:下一步|今后)/;
const tidy = (s: string) => s.trim().replace(/[，,、\s]+$/, "");

function paragraphs(text: string): string[] {
  const out: string[] = [];
  let prevHeading = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const heading = isHeading(line) || (startsImprovements(line) && line.length <= 16);
    const last = out.length ? out[out.length - 1] : "";
    const ended = last === "" || PARAGRAPH_END_RE.test(last);
    if (out.length === 0 || ended || prevHeading || heading || ENUM_START_RE.test(line)) out.push(line);
    else out[out.length - 1] = last + (/[A-Za-z0-9]$/.test(last) && /^[A-Za-z0-9]/.test(line) ? " " : "") + line;
    prevHeading = heading;
  }
  return out;
}

export function refSentences(text: string): string[] {
  return paragraphs(normalizeText(text)).flatMap((p) => p.split(SPLIT_RE).map(tidy).filter(Boolean));
}

export function refSplitProblems(text: string): { problems: string[]; improvements: string[] } {
  const problems: string[] = [];
  const list = refSentences(text);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (startsImprovements(s)) return { problems, improvements: list.slice(i) };
    if (isHeading(s)) continue;
    const inline = INLINE_IMPROVEMENT_RE.exec(s);
    if (inline) {
      const head = tidy(s.slice(0, inline.index));
      if (head) problems.push(head);
      return { problems, improvements: [tidy(s.slice(inline.index).replace(/^[，,]\s*/, "")), ...list.slice(i + 1)] };
    }
    problems.push(s);
  }
  return { problems, improvements: [] };
}

export function refProblemSentences(text: string): string[] {
  return refSplitProblems(text).problems;
}

const BARE_NONE_RE = /^\s*(?:本年度?|今年|全年|\d{4}\s*年度?)?\s*(?:无|并无|均无|暂无|没有)[^，,；;]*(?:问题|情况|现象|不足)\s*$/;
const test = (re: RegExp, s: string) => ((re.lastIndex = 0), re.test(s));

export function refThemesOfSentence(sentence: string, taxonomy: Taxonomy): string[] {
  const parts: { text: string; start: number; negated: boolean }[] = [];
  for (const m of sentence.matchAll(/[^，,；;：:。！？!?]+/g)) {
    const negated = (taxonomy.negationRe !== null && test(taxonomy.negationRe, m[0])) || BARE_NONE_RE.test(m[0]);
    parts.push({ text: m[0], start: m.index!, negated });
  }
  if (parts.every((p) => p.negated)) return [];
  const clauseAt = (offset: number) => parts.filter((p) => p.start <= offset).pop() ?? parts[0];
  const hits = new Set<string>();
  for (const theme of taxonomy.themes) {
    const re = theme.patternRe;
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (!clauseAt(m.index).negated) {
        hits.add(theme.id);
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  const re = taxonomy.topicRe;
  for (const part of parts) {
    if (!re || part.negated || !test(taxonomy.deficiencyRe, part.text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(part.text); m; m = re.exec(part.text)) {
      const ids = taxonomy.topicThemes.get(m[0])!;
      if (ids.every((id) => hits.has(id))) continue;
      const end = m.index + m[0].length;
      let pos = 0;
      const ends = new Set(cut(part.text).map((w) => (pos += w.length)));
      if (end === part.text.length || ends.has(end)) for (const id of ids) hits.add(id);
      else re.lastIndex = m.index + 1;
    }
  }
  return taxonomy.themes.filter((t) => hits.has(t.id)).map((t) => t.id);
}

export function refDetectThemes(problems: string | null, taxonomy: Taxonomy) {
  const found = new Set<string>();
  const evidence: { theme: string; sentence: string }[] = [];
  for (const sentence of problems ? refProblemSentences(problems) : []) {
    for (const theme of refThemesOfSentence(sentence, taxonomy)) {
      found.add(theme);
      evidence.push({ theme, sentence });
    }
  }
  return { themes: taxonomy.themes.filter((t) => found.has(t.id)).map((t) => t.id), evidence };
}
