/**
 * The fast paths of detect.ts / sentences.ts (prefilters, joined scans, splitting loops, the
 * segmentation cache) must find exactly what the straightforward algorithm (reference.ts) finds.
 */
import { describe, expect, it } from "vitest";
import { detectThemes, themesOfSentence } from "../../scripts/themes/detect.ts";
import { requiredChars } from "../../scripts/themes/scan.ts";
import { problemSentences, sentences } from "../../scripts/themes/sentences.ts";
import { compileTaxonomy, defaultTaxonomy, type Taxonomy } from "../../scripts/themes/taxonomy.ts";
import { heldoutSections, labelled, heldout, sections } from "./helpers.ts";
import { refDetectThemes, refSentences, refThemesOfSentence } from "./reference.ts";

/** deterministic texts mixing real problem sentences with the punctuation, quotes, spaces and breaks the splitters care about */
function variants(count: number): string[] {
  let seed = 7;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  const pieces = [...labelled, ...heldout].map((x) => x.sentence);
  const glue = ["", "，", ",", "；", "。", "：", ":", "”", "）。", "。”", "\n", " \n", "、", "，二是", ", 三是", "\u3000", " ", "！？", "无", "未发现", "没有问题"];
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

const texts = [...sections, ...heldoutSections].map((s) => s.text).concat(variants(3000));

describe("fast detection = reference detection", () => {
  it("sentences", () => {
    for (const t of texts) expect(sentences(t), t).toEqual(refSentences(t));
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

  it("required characters: every match holds one", () => {
    const taxonomy = compileTaxonomy({
      version: 1,
      deficiency: ["不够"],
      themes: [{ id: "a", name: "a", description: "a", patterns: ["(甲|乙丙)?丁*(戊|己)", "庚?辛", "(壬|癸)~子"] }],
    });
    // one per pattern: the cheapest mandatory literal or group (子 beats 壬|癸)
    expect([...requiredChars(taxonomy.themes[0].patternRe!)!].sort()).toEqual(["丁", "子", "辛"].sort());
    expect(requiredChars(/a|[^b]{0,3}/g)).toBeNull();
    expect(requiredChars(/^a/g)).toBeNull();
    for (const theme of defaultTaxonomy().themes) {
      const chars = theme.patternRe && requiredChars(theme.patternRe);
      if (!chars) continue;
      for (const t of texts) for (const m of t.matchAll(theme.patternRe!)) expect([...chars].some((c) => m[0].includes(c)), m[0]).toBe(true);
    }
  });
});
