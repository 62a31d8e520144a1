/**
 * Search aids for pagefind. Pagefind segments Chinese with jieba when indexing but with the
 * browser's Intl.Segmenter (ICU) when searching (Pagefind/pagefind#1237), so a query such as
 * 七户乡人民政府 (ICU: 七 户 乡 人民政府) can miss a page indexed as 七户 乡人民 政府. Each search
 * record (below) therefore also carries its names pre-segmented the ICU way, space-separated.
 */
import type { SiteIndex } from "./corpus";
import { agencyRoute, reportRoute } from "./routes";

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

/* ---------------------------------------------------------------- index records */

/**
 * What pagefind indexes: one record per agency and per shown report, built from the records, not
 * from the rendered HTML. Parsing 12,000 built pages cost pagefind ~150 s on two cores; records
 * hold only the searchable text and are indexed while Astro renders (see astro.config.mjs,
 * "search-index"). The HTML pages therefore carry no pagefind markup.
 */
export interface SearchRecord {
  /** site path without the base (pagefind's `baseUrl` option adds it at search time) */
  url: string;
  content: string;
  language: "zh-cn";
  meta: { title: string; type: "报告" | "机构" };
}

/**
 * The narrative sections searched. `overview` is ~75% of the text: without it, indexing 10,000
 * reports takes less than half the CPU and memory (measured: 87 → 39 s CPU, 6.3 → 3.3 GB peak), but
 * 总体情况 is then not searchable.
 */
const INDEXED_SECTIONS = ["overview", "problems", "improvements", "other"] as const;


/** The searchable text of each agency and shown report: names, places, titles, themes, narrative sections. */
export function searchRecords(s: SiteIndex, themeName: (id: string) => string = (id) => s.themeById.get(id)?.name ?? id): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const a of s.agencies) {
    const names = [...new Set([a.name, ...a.reports.map((r) => r.agency.name), ...a.hidden.map((r) => r.agency.name)])];
    out.push({
      url: "/" + agencyRoute(a.id),
      language: "zh-cn",
      meta: { title: `${a.name}（${a.region.join(" · ")}）`, type: "机构" },
      content: [
        names.join(" "),
        a.region.join(" "),
        a.level,
        a.years.length ? `${a.years.join("、")} 年报告` : "",
        searchAliases([...names, ...a.region]),
      ]
        .filter(Boolean)
        .join("\n"),
    });
  }
  for (const r of s.shown) {
    const agency = s.agencyById.get(r.agency.id);
    const themes = r.themes.map(themeName);
    out.push({
      url: "/" + reportRoute(r.id),
      language: "zh-cn",
      meta: { title: `${agency?.name ?? r.agency.name} ${r.year} 年政府信息公开工作年度报告`, type: "报告" },
      content: [
        r.title ?? `${r.agency.name}${r.year}年政府信息公开工作年度报告`,
        `${r.agency.name} ${r.agency.region.join(" ")} ${r.year} 年`,
        ...INDEXED_SECTIONS.map((k) => r.sections[k]),
        themes.join(" / "),
        searchAliases([r.agency.name, ...r.agency.region, ...themes]),
      ]
        .filter(Boolean)
        .join("\n"),
    });
  }
  return out;
}
