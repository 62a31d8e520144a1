/**
 * Theme detection on 存在的主要问题 (sections.problems), sentence by sentence.
 *
 * A sentence gets a theme when
 *  - one of the theme's `patterns` matches it, or
 *  - one of the theme's `topics` is a whole word (jieba) in a clause that also holds a deficiency
 *    marker (不够, 有待, 单一, …),
 * and the clause of the match is not negated (未发现, 不存在, "无…问题").
 * Only the problems part is read: sentences from the first 改进情况 / 下一步 sentence on are ignored.
 */
import { addWords, wordEnds } from "./jieba.ts";
import { clauses, sentences, splitProblems } from "./sentences.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

export interface ThemeEvidence {
  theme: string;
  sentence: string;
}

export interface DetectResult {
  /** theme ids, in taxonomy order */
  themes: string[];
  /** each (theme, sentence) where the theme was found, in text order */
  evidence: ThemeEvidence[];
}

const prepared = new WeakSet<Taxonomy>();
function prepare(taxonomy: Taxonomy): void {
  if (prepared.has(taxonomy)) return;
  addWords(taxonomy.topicThemes.keys());
  prepared.add(taxonomy);
}

/** "无…问题", "本年度暂无…情况": a clause that says there was nothing. */
const BARE_NONE_RE = /^\s*(?:本年度?|今年|全年|\d{4}\s*年度?)?\s*(?:无|并无|均无|暂无|没有)[^，,；;]*(?:问题|情况|现象|不足)\s*$/;

function negated(clause: string, taxonomy: Taxonomy): boolean {
  if (taxonomy.negationRe) {
    taxonomy.negationRe.lastIndex = 0;
    if (taxonomy.negationRe.test(clause)) return true;
  }
  return BARE_NONE_RE.test(clause);
}

function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Theme ids found in one sentence, in taxonomy order. */
export function themesOfSentence(sentence: string, taxonomy: Taxonomy = defaultTaxonomy()): string[] {
  prepare(taxonomy);
  const parts = clauses(sentence) as { text: string; start: number; negated: boolean }[];
  let anyOpen = false;
  for (const p of parts) {
    p.negated = negated(p.text, taxonomy);
    if (!p.negated) anyOpen = true;
  }
  if (!anyOpen) return []; // no clause, or every clause negated
  const clauseAt = (offset: number) => {
    let found = parts[0];
    for (const p of parts) if (p.start <= offset) found = p;
    return found;
  };
  const hits = new Set<string>();

  // patterns
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

  // topic word + deficiency marker in the same clause
  if (taxonomy.topicRe) {
    for (const part of parts) {
      if (part.negated || !has(taxonomy.deficiencyRe, part.text)) continue;
      let ends: Set<number> | undefined;
      const re = taxonomy.topicRe;
      re.lastIndex = 0;
      for (let m = re.exec(part.text); m; m = re.exec(part.text)) {
        const ids = taxonomy.topicThemes.get(m[0])!;
        if (ids.every((id) => hits.has(id))) continue;
        const end = m.index + m[0].length;
        // a whole word, or the head of a compound (Chinese compounds are head-final: 思想认识 ⊃ 认识,
        // but 宣传栏 is a 栏, not 宣传): the topic must end where a jieba word ends. At the end of the
        // clause it trivially does; otherwise the clause is segmented (once).
        if (end === part.text.length || (ends ??= wordEnds(part.text)).has(end)) for (const id of ids) hits.add(id);
        // overlapping candidates ("工作队伍建设": 工作队伍 fails, 队伍建设 fits): retry one character on
        else re.lastIndex = m.index + 1;
      }
    }
  }
  return taxonomy.themes.filter((t) => hits.has(t.id)).map((t) => t.id);
}

/** Themes of a list of sentences, with evidence. */
export function detectInSentences(list: string[], taxonomy: Taxonomy = defaultTaxonomy()): DetectResult {
  const found = new Set<string>();
  const evidence: ThemeEvidence[] = [];
  for (const sentence of list) {
    for (const theme of themesOfSentence(sentence, taxonomy)) {
      found.add(theme);
      evidence.push({ theme, sentence });
    }
  }
  return { themes: taxonomy.themes.filter((t) => found.has(t.id)).map((t) => t.id), evidence };
}

/**
 * Themes of a report's `sections.problems`. Null or empty → none. Text after the start of the
 * improvements (when the report did not separate them) is not read.
 */
export function detectThemes(problems: string | null, taxonomy: Taxonomy = defaultTaxonomy()): DetectResult {
  if (!problems) return { themes: [], evidence: [] };
  return detectInSentences(splitProblems(problems).problems, taxonomy);
}

/**
 * Themes an agency promised to work on: `remedies` matched in the improvement sentences — the
 * `improvements` section, plus whatever of `problems` is improvements (when they were not separated).
 */
export function detectPromises(
  improvements: string | null,
  problems: string | null = null,
  taxonomy: Taxonomy = defaultTaxonomy(),
): DetectResult {
  const list = [...splitProblems(problems).improvements, ...(improvements ? sentences(improvements) : [])];
  const found = new Set<string>();
  const evidence: ThemeEvidence[] = [];
  for (const sentence of list) {
    for (const theme of taxonomy.themes) {
      if (theme.remedyRe && has(theme.remedyRe, sentence)) {
        found.add(theme.id);
        evidence.push({ theme: theme.id, sentence });
      }
    }
  }
  return { themes: taxonomy.themes.filter((t) => found.has(t.id)).map((t) => t.id), evidence };
}
