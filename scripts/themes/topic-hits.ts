/**
 * The second way a sentence gets a theme: one of the theme's `topics` is a whole word — or the head
 * of a compound — in a clause that is not negated and also holds a deficiency marker. Needs the
 * `clauses` of the same sentences (analyse) first, and runs after patternHits (see topicHits).
 */
import { clauses, DEFICIENCY_FIRST, TOPIC_FIRST } from "./clauses.ts";
import { wordEnds } from "./jieba.ts";
import type { Taxonomy } from "./taxonomy.ts";

/**
 * Topic word + deficiency marker in the same open clause, for sentence i (after its patterns: a
 * topic whose themes are all found already is skipped, which spares segmenting). topicThemes: per
 * word of taxonomy.topicWords, the indexes of its themes.
 */
export function topicHits(sentence: string, i: number, taxonomy: Taxonomy, topicThemes: number[][], hits: Uint8Array): void {
  if (!taxonomy.topicWords || !clauses.open[i]) return;
  const base = i * taxonomy.themes.length;
  for (let k = clauses.first[i]; k < clauses.first[i + 1]; k++)
    if (clauses.negated[k] === 0) topicsOfClause(sentence, k, taxonomy, topicThemes, hits, base);
}

/**
 * The topic words of clause k of `sentence`, as the topic regex's exec loop over the clause would
 * meet them: the longest word at the leftmost position, searched on after it — or one character
 * on, after a candidate that is not a whole word. Whether the clause holds a deficiency marker is
 * asked at the first topic whose themes are not all found yet (without one, no topic counts).
 */
function topicsOfClause(sentence: string, k: number, taxonomy: Taxonomy, topicThemes: number[][], hits: Uint8Array, base: number): void {
  const words = taxonomy.topicWords!;
  const start = clauses.start[k];
  const end = clauses.end[k];
  let deficient = false;
  let ends: Set<number> | undefined;
  let from = start; // where the search goes on
  for (let j = clauses.wordsFrom[k]; j < clauses.wordsFrom[k + 1]; j++) {
    const at = clauses.wordStart[j];
    if (at < from || (clauses.wordBits[j] & TOPIC_FIRST) === 0) continue;
    const w = words.at(sentence, at, end);
    if (w < 0) continue;
    const themes = topicThemes[w];
    const wordEnd = at + words.words[w].length;
    if (allHit(hits, base, themes)) {
      from = wordEnd;
      continue;
    }
    if (!deficient) {
      if (!clauses.holds(k, sentence, taxonomy.deficiencyWords, DEFICIENCY_FIRST)) return;
      deficient = true;
    }
    // a whole word, or the head of a compound (Chinese compounds are head-final: 思想认识 ⊃ 认识,
    // but 宣传栏 is a 栏, not 宣传): the topic must end where a jieba word ends. At the end of the
    // clause it trivially does; otherwise the clause is segmented (once).
    if (wordEnd === end || (ends ??= wordEnds(sentence.slice(start, end))).has(wordEnd - start)) {
      for (const t of themes) hits[base + t] = 1;
      from = wordEnd;
    } else from = at + 1; // overlapping candidates ("工作队伍建设": 工作队伍 fails, 队伍建设 fits): retry one character on
  }
}

function allHit(hits: Uint8Array, base: number, themes: number[]): boolean {
  for (const t of themes) if (hits[base + t] !== 1) return false;
  return true;
}
