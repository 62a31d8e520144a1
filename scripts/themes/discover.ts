/**
 * Discovery, for whoever maintains data/themes.json: frequent phrases of problem clauses that no
 * theme covers.
 *
 * A clause (between ，；) of a problem sentence is a "problem clause" when it holds a deficiency
 * marker (不够, 有待, 不足, …). If no theme is found in it, its words (jieba) are candidate material:
 * runs of 1–3 content words. A phrase's count is the number of texts it occurs in (uncovered).
 */
import { cut } from "./jieba.ts";
import { themesOfSentence } from "./detect.ts";
import { clauses, problemSentences } from "./sentences.ts";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy.ts";

/** words that say nothing about what the problem is */
const STOP = new Set(
  (
    "工作 政府 信息 公开 信息公开 政府信息 政务 政务公开 进一步 存在 问题 不足 一些 部分 个别 少数 方面 等 等等 还 仍 仍然 " +
    "也 和 与 及 的 了 是 在 对 为 有 将 把 被 由 从 以 及其 其 这 该 各 本 我 我们 我区 我县 我市 我局 我办 我乡 我镇 我街道 " +
    "单位 部门 各单位 各部门 一是 二是 三是 四是 五是 主要 表现 以下 目前 虽然 但 但是 取得 一定 成效 成绩 进展 " +
    "加强 提高 提升 完善 有待 需要 需 还需 仍需 尚需 较为 比较 较 更加 不够 不断 持续 全面 相关 有关 情况 水平 能力 " +
    "年 年度 今年 本年度 全区 全市 全县 全镇 全乡 如 主要是 一 二 三 四 五 存在一定 不 没 未 很 都 要 还有 地方 改进 " +
    "在工作中 造成 导致 由于 使 使得"
  ).split(/\s+/),
);

export interface UncoveredPhrase {
  phrase: string;
  /** number of texts with the phrase in an uncovered problem clause */
  count: number;
  /** one such clause */
  example: string;
}

export interface DiscoverOptions {
  /** phrases seen in fewer texts are dropped (default 2) */
  minCount?: number;
  /** longest phrase in words (default 3) */
  maxWords?: number;
  /** at most this many phrases (default 100) */
  limit?: number;
}

const CONTENT_RE = /[\p{Script=Han}A-Za-z]/u;

function contentWord(w: string, taxonomy: Taxonomy): boolean {
  if (!CONTENT_RE.test(w) || STOP.has(w)) return false;
  taxonomy.deficiencyRe.lastIndex = 0;
  return !taxonomy.deficiencyRe.test(w);
}

/** Frequent phrases of uncovered problem clauses, most frequent first. */
export function uncoveredPhrases(
  problemTexts: string[],
  taxonomy: Taxonomy = defaultTaxonomy(),
  opts: DiscoverOptions = {},
): UncoveredPhrase[] {
  const minCount = opts.minCount ?? 2;
  const maxWords = opts.maxWords ?? 3;
  const limit = opts.limit ?? 100;
  const counts = new Map<string, { count: number; example: string }>();

  for (const text of problemTexts) {
    const inText = new Map<string, string>();
    for (const sentence of problemSentences(text)) {
      for (const { text: clause } of clauses(sentence)) {
        taxonomy.deficiencyRe.lastIndex = 0;
        if (!taxonomy.deficiencyRe.test(clause)) continue;
        if (themesOfSentence(clause, taxonomy).length > 0) continue;
        const words = cut(clause);
        for (let i = 0; i < words.length; i++) {
          if (!contentWord(words[i], taxonomy)) continue;
          if (words[i].length < 2) continue; // a phrase starts and ends with a word of 2+ characters
          let phrase = "";
          for (let n = 0; n < maxWords && i + n < words.length; n++) {
            const w = words[i + n];
            if (!contentWord(w, taxonomy)) break;
            phrase += w;
            if (w.length >= 2 && !inText.has(phrase)) inText.set(phrase, clause);
          }
        }
      }
    }
    for (const [phrase, clause] of inText) {
      const c = counts.get(phrase);
      if (c) c.count++;
      else counts.set(phrase, { count: 1, example: clause });
    }
  }

  const list = [...counts.entries()]
    .filter(([, c]) => c.count >= minCount)
    .map(([phrase, c]) => ({ phrase, count: c.count, example: c.example }))
    .sort((a, b) => b.count - a.count || b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1));
  // keep a shorter phrase only when it is more frequent than every longer phrase containing it
  const kept: UncoveredPhrase[] = [];
  for (const p of list) {
    if (kept.some((k) => k.count === p.count && k.phrase.includes(p.phrase))) continue;
    kept.push(p);
    if (kept.length >= limit) break;
  }
  return kept;
}
