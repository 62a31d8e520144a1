/**
 * Search aids for pagefind. Pagefind segments Chinese with jieba when indexing but with the
 * browser's Intl.Segmenter (ICU) when searching (Pagefind/pagefind#1237), so a query such as
 * 七户乡人民政府 (ICU: 七 户 乡 人民政府) can miss a page indexed as 七户 乡人民 政府. Each indexed
 * page therefore also carries its names pre-segmented the ICU way, space-separated, in an element
 * hidden from view and from screen readers.
 */
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });
const cache = new Map<string, string>();

/** "七户乡人民政府" → "七 户 乡 人民政府" (ICU word segmentation, as the browser does it). Cached. */
export function icuWords(text: string): string {
  let out = cache.get(text);
  if (out !== undefined) return out;
  out = "";
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    out += (out ? " " : "") + s.segment;
  }
  cache.set(text, out);
  return out;
}

/** The hidden search aliases of a page: each (short, often repeated) text segmented, once. */
export function searchAliases(texts: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    if (!t || seen.has(t)) continue;
    seen.add(t);
    const w = icuWords(t);
    if (w && w !== t) out.push(w);
  }
  return out.join(" / ");
}
