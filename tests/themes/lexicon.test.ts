/**
 * Lexicon.at must find, at every position, what the words() regex of taxonomy.ts (the words
 * longest first, as one alternation, run sticky on the text cut at `end`) finds there.
 */
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../scripts/themes/lexicon.ts";
import { defaultTaxonomy } from "../../scripts/themes/taxonomy.ts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** the word regex would match at `at` of s.slice(0, end), or null */
function regexAt(words: string[], s: string, at: number, end: number): string | null {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escape).join("|"), "y");
  re.lastIndex = at;
  return re.exec(s.slice(0, end))?.[0] ?? null;
}

function check(words: string[], texts: string[]) {
  const lexicon = new Lexicon(words);
  for (const s of texts)
    for (let at = 0; at < s.length; at++)
      for (const end of [s.length, at + 1, at + 2, at + 3]) {
        if (end > s.length) continue;
        const k = lexicon.at(s, at, end);
        expect(k < 0 ? null : lexicon.words[k], `${s} @${at} <${end}`).toBe(regexAt(words, s, at, end));
      }
}

describe("Lexicon", () => {
  it("finds the longest word that fits, one-character words included", () => {
    const words = ["不够", "不够全面", "不", "全面", "面", "全面性", "a.b", "a"];
    check(words, ["不够全面性", "全面不够", "a.b不a", "面全", "不不够全", "xyz"]);
  });

  it("agrees with the regexes on the taxonomy's word lists", () => {
    const taxonomy = defaultTaxonomy();
    const texts = ["宣传力度不够，群众知晓度不高", "未发现明显问题，暂无不足", "政务新媒体建设有待加强", "需要进一步提升工作队伍建设水平"];
    check(taxonomy.deficiencyWords.words, texts);
    check(taxonomy.negationWords!.words, texts);
    check(taxonomy.topicWords!.words, texts);
  });

  it("refuses an empty word", () => {
    expect(() => new Lexicon(["不够", ""])).toThrow();
  });
});
