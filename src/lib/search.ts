/**
 * Search aids for pagefind. Pagefind segments Chinese with jieba when indexing but with the
 * browser's Intl.Segmenter (ICU) when searching (Pagefind/pagefind#1237), so a query such as
 * 七户乡人民政府 (ICU: 七 户 乡 人民政府) can miss a page indexed as 七户 乡人民 政府. Each indexed
 * page therefore also carries its key texts pre-segmented the ICU way, space-separated, in an
 * element hidden from view and from screen readers.
 */
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

/** "七户乡人民政府" → "七 户 乡 人民政府" (ICU word segmentation, as the browser does it). */
export function icuWords(text: string): string {
  let out = "";
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    out += (out ? " " : "") + s.segment;
  }
  return out;
}

/** The hidden search aliases of a page: the texts segmented in one pass (ICU setup is per call). */
export function searchAliases(texts: (string | null | undefined)[]): string {
  const unique = [...new Set(texts.filter((t): t is string => !!t))];
  return icuWords(unique.join("\n"));
}
