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
import { has, isLocal, joinedScan, requiredChars } from "./scan.ts";
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

/** What detection needs of a taxonomy beyond the taxonomy itself, computed once. */
interface Prepared {
  /** topic word → indexes (in taxonomy.themes) of its themes */
  topicIndexes: Map<string, number[]>;
  /** per theme: char codes of which every match of its patterns holds one (scan.ts), null: no such set */
  required: (number[] | null)[];
}
const preparedCache = new WeakMap<Taxonomy, Prepared>();
function prepare(taxonomy: Taxonomy): Prepared {
  let p = preparedCache.get(taxonomy);
  if (!p) {
    addWords(taxonomy.topicThemes.keys());
    const index = new Map(taxonomy.themes.map((t, i) => [t.id, i]));
    const topicIndexes = new Map([...taxonomy.topicThemes].map(([w, ids]) => [w, ids.map((id) => index.get(id)!)]));
    const required = taxonomy.themes.map((t) => {
      const chars = t.patternRe && requiredChars(t.patternRe);
      return chars ? [...chars].map((c) => c.charCodeAt(0)) : null;
    });
    p = { topicIndexes, required };
    preparedCache.set(taxonomy, p);
  }
  return p;
}

/** "无…问题", "本年度暂无…情况": a clause that says there was nothing. */
const BARE_NONE_RE = /^\s*(?:本年度?|今年|全年|\d{4}\s*年度?)?\s*(?:无|并无|均无|暂无|没有)[^，,；;]*(?:问题|情况|现象|不足)\s*$/;

interface Clause {
  text: string;
  start: number;
  negated: boolean;
}

/** A sentence's clauses with their negation; `open`: some clause is not negated. */
interface Analysed {
  parts: Clause[];
  open: boolean;
}

function analyse(sentence: string, taxonomy: Taxonomy): Analysed {
  const parts = clauses(sentence) as Clause[];
  // sentence-wide tests first: a clause can hold a marker only if its sentence does (scan.ts);
  // BARE_NONE_RE needs 无 or 没有
  const negRe = taxonomy.negationRe;
  const anyNegation = negRe !== null && (!isLocal(negRe) || has(negRe, sentence));
  const anyNone = sentence.includes("无") || sentence.includes("没有");
  let open = false;
  for (const p of parts) {
    p.negated = (anyNegation && has(negRe!, p.text)) || (anyNone && BARE_NONE_RE.test(p.text));
    if (!p.negated) open = true;
  }
  return { parts, open };
}

/** The clause a sentence offset falls in (the first clause for an offset before it). */
function clauseAt(parts: Clause[], offset: number): Clause {
  let found = parts[0];
  for (const p of parts) if (p.start <= offset) found = p;
  return found;
}

/** seen[c] === stamp: char code c occurs in the text being detected (a stamp per call, so never cleared) */
const seen = new Uint32Array(0x10000);
let stamp = 0;

/** Accepts a pattern match (for joinedScan) as themesOfSentence's loop does: unless its clause is negated. */
class PatternHits {
  theme = 0;
  constructor(
    readonly analysed: Analysed[],
    readonly hits: Uint8Array,
    readonly themes: number,
  ) {}
  hit(i: number, offset: number): boolean {
    const a = this.analysed[i];
    if (!a.open || clauseAt(a.parts, offset).negated) return false; // no theme at all in a sentence without an open clause
    this.hits[i * this.themes + this.theme] = 1;
    return true;
  }
}

/**
 * Sentence i's theme t is hits[i * themes + t]. A theme none of whose required characters occurs
 * in the text is skipped (it cannot match). Patterns are searched in all sentences joined (one exec
 * per match instead of one per theme and sentence, see scan.ts), sentence by sentence for a pattern
 * regex that is not local or that matched over a sentence break.
 */
function patternHits(list: string[], analysed: Analysed[], taxonomy: Taxonomy, required: (number[] | null)[], hits: Uint8Array): void {
  const n = taxonomy.themes.length;
  const joined = list.join("\n");
  const ends: number[] = [];
  for (let i = 0, end = -1; i < list.length; i++) ends.push((end += list[i].length + 1));
  stamp = (stamp + 1) >>> 0 || 1;
  if (stamp === 1) seen.fill(0);
  for (let k = 0; k < joined.length; k++) seen[joined.charCodeAt(k)] = stamp;
  const accept = new PatternHits(analysed, hits, n);
  for (let t = 0; t < n; t++) {
    const re = taxonomy.themes[t].patternRe;
    if (!re || !occurs(required[t])) continue;
    accept.theme = t;
    if (isLocal(re)) {
      if (joinedScan(re, joined, ends, accept)) continue;
      for (let i = 0; i < list.length; i++) hits[i * n + t] = 0;
    }
    for (let i = 0; i < list.length; i++) {
      if (!analysed[i].open) continue;
      re.lastIndex = 0;
      for (let m = re.exec(list[i]); m; m = re.exec(list[i])) {
        if (accept.hit(i, m.index)) break;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
}

/** Some of these chars occurs in the text (null: unknown, so maybe). */
function occurs(chars: number[] | null): boolean {
  if (chars === null) return true;
  for (const c of chars) if (seen[c] === stamp) return true;
  return false;
}

/**
 * Topic word + deficiency marker in the same open clause, for sentence i (after its patterns: a
 * topic whose themes are all found already is skipped, which spares segmenting).
 */
function topicHits(sentence: string, a: Analysed, i: number, taxonomy: Taxonomy, topicIndexes: Map<string, number[]>, hits: Uint8Array): void {
  const re = taxonomy.topicRe;
  if (!re || !a.open) return;
  const def = taxonomy.deficiencyRe;
  if (isLocal(def) && !has(def, sentence)) return; // no marker in any clause (scan.ts)
  const base = i * taxonomy.themes.length;
  for (const part of a.parts) {
    if (part.negated || !has(def, part.text)) continue;
    let ends: Set<number> | undefined;
    re.lastIndex = 0;
    for (let m = re.exec(part.text); m; m = re.exec(part.text)) {
      const themes = topicIndexes.get(m[0])!;
      if (allHit(hits, base, themes)) continue;
      const end = m.index + m[0].length;
      // a whole word, or the head of a compound (Chinese compounds are head-final: 思想认识 ⊃ 认识,
      // but 宣传栏 is a 栏, not 宣传): the topic must end where a jieba word ends. At the end of the
      // clause it trivially does; otherwise the clause is segmented (once).
      if (end === part.text.length || (ends ??= wordEnds(part.text)).has(end)) for (const t of themes) hits[base + t] = 1;
      // overlapping candidates ("工作队伍建设": 工作队伍 fails, 队伍建设 fits): retry one character on
      else re.lastIndex = m.index + 1;
    }
  }
}

function allHit(hits: Uint8Array, base: number, themes: number[]): boolean {
  for (const t of themes) if (hits[base + t] !== 1) return false;
  return true;
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
  const { topicIndexes, required } = prepare(taxonomy);
  const analysed: Analysed[] = [];
  for (const s of list) analysed.push(analyse(s, taxonomy));
  patternHits(list, analysed, taxonomy, required, hits);
  for (let i = 0; i < list.length; i++) topicHits(list[i], analysed[i], i, taxonomy, topicIndexes, hits);
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
  const found = new Uint8Array(n);
  const evidence: ThemeEvidence[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let t = 0; t < n; t++) {
      if (hits[i * n + t] === 0) continue;
      found[t] = 1;
      evidence.push({ theme: taxonomy.themes[t].id, sentence: list[i] });
    }
  }
  return { themes: idsOf(taxonomy, found), evidence };
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
