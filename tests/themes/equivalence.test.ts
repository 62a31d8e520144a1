/**
 * The fast paths of detect.ts / sentences.ts (prefilters, joined scans, splitting loops, lexicons, the
 * segmentation cache) must find exactly what the straightforward algorithm (reference.ts) finds.
 */
import { describe, expect, it } from "vitest";
import { detectThemes, themesOfSentence } from "../../scripts/themes/detect.ts";
import { requirements } from "../../scripts/themes/scan.ts";
import { problemSentences, sentences, splitProblems } from "../../scripts/themes/sentences.ts";
import { compileTaxonomy, defaultTaxonomy, type Taxonomy } from "../../scripts/themes/taxonomy.ts";
import { heldoutSections, labelled, heldout, sections } from "./helpers.ts";
import { refDetectThemes, refSentences, refSplitProblems, refThemesOfSentence } from "./reference.ts";

/** deterministic texts mixing real problem sentences with the punctuation, quotes, spaces and breaks the splitters care about */
function variants(count: number, extraGlue: string[] = []): string[] {
  let seed = 7;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  const pieces = [...labelled, ...heldout].map((x) => x.sentence);
  const glue = ["", "，", ",", "；", "。", "：", ":", "”", "）。", "。”", "\n", " \n", "、", "，二是", ", 三是", "\u3000", " ", "！？", "无", "未发现", "没有问题", ...extraGlue];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = "";
    for (let j = rand(6) + 1; j > 0; j--) {
      const p = pieces[rand(pieces.length)];
      const a = rand(p.length);
      const b = a + rand(p.length - a + 1);
      text += (rand(3) ? p : p.slice(a, b)) + glue[rand(glue.length)];
    }
    out.push(text);
  }
  return out;
}

/** where the improvements begin (sentences.ts asks its regexes only of sentences holding one of their characters) */
const improvementGlue = [
  "。下一步，", "，下一步将", "，今后", "。今后我们将", "。针对上述问题，", "。针对存在的问题", "。根据上述问题，", "。为此，", "。对此，",
  "。2021年，我们将", "。2022 年度，我局将", "。将采取以下措施：", "。采取如下措施改进：", "。我单位将", "\n（二）改进情况\n", "\n改进措施：",
  "。整改方向：", "。二是改进举措", "。下一步", "。下降", "。今年", "。对此问题", "。将来",
];
const texts = [...sections, ...heldoutSections].map((s) => s.text).concat(variants(3000), variants(1500, improvementGlue));

describe("fast detection = reference detection", () => {
  it("sentences", () => {
    for (const t of texts) expect(sentences(t), t).toEqual(refSentences(t));
    for (const t of texts) expect(splitProblems(t), t).toEqual(refSplitProblems(t));
  });

  it("detectThemes and themesOfSentence, default taxonomy", () => {
    const taxonomy = defaultTaxonomy();
    for (const t of texts) {
      expect(detectThemes(t, taxonomy), t).toEqual(refDetectThemes(t, taxonomy));
      for (const s of problemSentences(t)) expect(themesOfSentence(s, taxonomy), s).toEqual(refThemesOfSentence(s, taxonomy));
    }
  });

  it("the slow paths: a non-local pattern, one that matches across sentences, one matching empty", () => {
    const base = defaultTaxonomy();
    const hand: Taxonomy = {
      ...base,
      themes: [
        { ...base.themes[0], id: "anchored", patternRe: /^[一二三]是/g }, // not local: sentence by sentence
        { ...base.themes[1], id: "crossing", patternRe: /[够足高]\n?./g }, // would run over the "\n" of joined sentences
        { ...base.themes[2], id: "empty", patternRe: /(?:宣传)?/g }, // matches "" everywhere
        ...base.themes.slice(3),
      ],
    };
    for (const t of texts.slice(0, 600)) expect(detectThemes(t, hand), t).toEqual(refDetectThemes(t, hand));
  });

  it("required characters: every match holds one of each set of one alternative", () => {
    const taxonomy = compileTaxonomy({
      version: 1,
      deficiency: ["不够"],
      themes: [{ id: "a", name: "a", description: "a", patterns: ["(甲|乙丙)?丁*(戊|己)", "庚?辛", "(壬|乙癸)~子", "((丑|寅)卯|辰)巳"] }],
    });
    // per pattern, its mandatory literals and groups, most selective first; a group needs the union
    // of the most selective set of each of its alternatives
    const show = (re: RegExp) => requirements(re)?.map((sets) => sets.map((set) => [...set].sort().join("")));
    expect(show(taxonomy.themes[0].patternRe!)).toEqual([["丁", "己戊"], ["辛"], ["子", "乙壬"], ["巳", "卯辰"]]);
    expect(requirements(/a|[^b]{0,3}/g)).toBeNull();
    expect(requirements(/^a/g)).toBeNull();
    const holds = (text: string, alternatives: Set<string>[][]) => alternatives.some((sets) => sets.every((set) => [...set].some((c) => text.includes(c))));
    let matches = 0;
    for (const theme of [...defaultTaxonomy().themes, ...taxonomy.themes]) {
      const alternatives = theme.patternRe && requirements(theme.patternRe);
      if (!alternatives) continue;
      for (const t of [...texts, "甲丁戊", "乙丙丁丁己", "庚辛", "壬，子", "乙癸子", "寅卯巳", "辰巳"])
        for (const m of t.matchAll(theme.patternRe!)) {
          matches++;
          expect(holds(m[0], alternatives), m[0]).toBe(true);
        }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
