/**
 * Theme detection on 存在的主要问题 (sections.problems), sentence by sentence.
 *
 * A sentence gets a theme when
 *  - one of the theme's `patterns` matches it, or
 *  - one of the theme's `topics` is a whole word (jieba) in a clause that also holds a deficiency
 *    marker (不够, 有待, 单一, …),
 * and the clause of the match is not negated (未发现, 不存在, "无…问题").
 * Only the problems part is read: sentences from the first 改进情况 / 下一步 sentence on are ignored.
 *
 * detectHits runs the steps, each in its module: analyse (clauses.ts) cuts the sentences into
 * clauses and tells which are negated, in one pass that also notes the characters patterns need
 * (pattern-needs.ts); patternHits (pattern-hits.ts) then searches the patterns that may match;
 * topicHits (topic-hits.ts) looks for topic words with a deficiency marker.
 */
import { analyse, clauseCharBits } from "./clauses.ts";
import { addWords } from "./jieba.ts";
import { patternHits } from "./pattern-hits.ts";
import { patternNeeds, type Seen } from "./pattern-needs.ts";
import { has } from "./scan.ts";
import { sentences, splitProblems } from "./sentences.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";
import { topicHits } from "./topic-hits.ts";

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

/** What detection needs of a taxonomy beyond the taxonomy itself, computed once. */
interface Prepared {
  /** per word of taxonomy.topicWords: indexes (in taxonomy.themes) of its themes */
  topicThemes: number[][];
  /** per theme: what a match of its patterns needs (scan.ts), as a Needs program (pattern-needs.ts); null: unknown, so maybe anything */
  needs: (Int32Array | null)[];
  /** which of the characters in `needs` the text of a call holds */
  seen: Seen;
  /** char code → what it may start or end (clauses.ts; a table: the clause scan asks it for every character) */
  charBits: Uint8Array;
}
const preparedCache = new WeakMap<Taxonomy, Prepared>();
function prepare(taxonomy: Taxonomy): Prepared {
  let p = preparedCache.get(taxonomy);
  if (!p) {
    addWords(taxonomy.topicThemes.keys());
    const index = new Map(taxonomy.themes.map((t, i) => [t.id, i]));
    const topicThemes = (taxonomy.topicWords?.words ?? []).map((w) => taxonomy.topicThemes.get(w)!.map((id) => index.get(id)!));
    const { needs, seen } = patternNeeds(taxonomy.themes);
    const charBits = clauseCharBits(taxonomy, seen.codes());
    p = { topicThemes, needs, seen, charBits };
    preparedCache.set(taxonomy, p);
  }
  return p;
}

/**
 * One buffer for the hits of every call, grown when needed (allocating a typed array per call costs
 * more than clearing the part used): detectHits' result is only valid until its next call.
 */
let hitsBuffer = new Uint8Array(1024);

/** Theme hits of each sentence: hits[i * taxonomy.themes.length + t] (hitsBuffer, see there; longer than that). */
function detectHits(list: string[], taxonomy: Taxonomy): Uint8Array {
  const size = list.length * taxonomy.themes.length;
  if (size > hitsBuffer.length) hitsBuffer = new Uint8Array(Math.max(size, 2 * hitsBuffer.length));
  const hits = hitsBuffer;
  hits.fill(0, 0, size);
  if (list.length === 0) return hits; // (and jieba is not loaded for nothing)
  const prepared = prepare(taxonomy);
  analyse(list, taxonomy, prepared.charBits, prepared.seen);
  patternHits(list, taxonomy, prepared.needs, prepared.seen, hits);
  for (let i = 0; i < list.length; i++) topicHits(list[i], i, taxonomy, prepared.topicThemes, hits);
  return hits;
}

/** Theme ids found in one sentence, in taxonomy order. */
export function themesOfSentence(sentence: string, taxonomy: Taxonomy = defaultTaxonomy()): string[] {
  return idsOf(taxonomy, detectHits([sentence], taxonomy));
}

/** Themes of a list of sentences, with evidence. */
export function detectInSentences(list: string[], taxonomy: Taxonomy = defaultTaxonomy()): DetectResult {
  const n = taxonomy.themes.length;
  const hits = detectHits(list, taxonomy);
  const evidence: ThemeEvidence[] = [];
  for (let i = 0; i < list.length; i++)
    for (let t = 0; t < n; t++) if (hits[i * n + t] === 1) evidence.push({ theme: taxonomy.themes[t].id, sentence: list[i] });
  const themes: string[] = [];
  for (let t = 0; t < n; t++) if (anySentence(hits, t, n, list.length)) themes.push(taxonomy.themes[t].id);
  return { themes, evidence };
}

/** Some sentence has theme t. */
function anySentence(hits: Uint8Array, t: number, themes: number, sentences: number): boolean {
  for (let i = 0; i < sentences; i++) if (hits[i * themes + t] === 1) return true;
  return false;
}

/** ids of the themes t with flags[t] set, in taxonomy order */
function idsOf(taxonomy: Taxonomy, flags: Uint8Array): string[] {
  const ids: string[] = [];
  for (let t = 0; t < taxonomy.themes.length; t++) if (flags[t] === 1) ids.push(taxonomy.themes[t].id);
  return ids;
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
