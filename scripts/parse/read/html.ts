/**
 * HTML reader: a report page as saved from a government site (or Word's HTML) → SourceText.
 *
 * 1. Parse with linkedom (a real HTML parser: entities, unclosed tags, nesting are its job).
 * 2. Find the report body inside the page chrome (`findBody`): the smallest element holding the
 *    report's section headings and tables; known editor containers and a text-density pick are
 *    fallbacks. Navigation, footers, 相关链接, 分享 … never reach `lines`.
 * 3. Walk the body in document order: every block (p, div, h1…, li, br) is one line; every table
 *    row is one line of TAB-separated cells with rowspan/colspan expanded (table-grid.ts); a cell's
 *    paragraphs are joined with no separator ("三、本" + "年度办" + "理结果").
 * 4. Page metadata (title, 发布时间, 发布机构, 索引号) from <meta> tags and labelled chrome text.
 * Every line is normalized like text exports (decode.ts: full-width digits, parens, spaces).
 */
import { parseHTML } from "linkedom";
import { decodeBytes } from "./decode.ts";
import { cleanLine } from "./line-text.ts";
import { UnreadableError, type PageMeta, type SourceText } from "./source.ts";
import { expandSpans, gridToLines, type GridCell } from "./table-grid.ts";

type El = Element;

export async function readHtml(bytes: Uint8Array): Promise<SourceText> {
  const { text } = decodeBytes(bytes);
  return htmlToSource(text, "html");
}

/** Shared by the HTML and Word readers: markup text → SourceText. */
export function htmlToSource(markup: string, format: string): SourceText {
  if (!/<[a-z!]/i.test(markup)) throw new UnreadableError("no HTML markup in file");
  const { document } = parseHTML(wrapFragment(markup));
  const root = document.body ?? document.documentElement;
  if (!root) throw new UnreadableError("HTML without a document body");
  const body = findBody(root);
  const lines = elementLines(body);
  if (lines.length === 0) throw new UnreadableError("HTML page has no report text");
  return { lines, format, meta: pageMeta(document, body) };
}

/** linkedom only builds body/head for a full document; give fragments (Word's HTML) a shell. */
function wrapFragment(markup: string): string {
  return /<html[\s>]/i.test(markup) ? markup : `<!DOCTYPE html><html><head></head><body>${markup}</body></html>`;
}

/* ------------------------------------------------------------------ text helpers */

export { cleanLine };

const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "CANVAS", "HEAD",
  "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "IMG",
  "AUDIO", "VIDEO", "MAP", "TITLE", "META", "LINK",
]);

const BLOCK_TAGS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL",
  "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "CENTER", "ADDRESS", "FIGURE", "FIGCAPTION", "CAPTION",
  "HR", "TBODY", "THEAD", "TFOOT", "TR", "TD", "TH", "BODY", "HTML", "FIELDSET", "LEGEND",
]);

/** Page furniture that sits inside content containers on many CMS templates. */
const CHROME_RE =
  /(^|[\s_-])(share|fenxiang|bdshare|related|xglj|links?_con|print|qrcode|ewm|breadcrumb|crumb|position|location|pagination|pager|toolbar|function_icon|article_attachment|article_btn|attach(ment)?s?|footer|header|nav|menu|sidebar)([\s_-]|$)/i;

function isSkipped(el: El): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const style = el.getAttribute("style") ?? "";
  if (/display\s*:\s*none/i.test(style)) return true;
  const cls = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  if (cls.trim() && CHROME_RE.test(cls)) return true;
  const role = el.getAttribute("role") ?? "";
  return role === "navigation" || role === "banner" || role === "contentinfo";
}

/* ------------------------------------------------------------------ lines */

/** Body element → lines: one per block, one per table row (tab-separated). */
export function elementLines(root: El): string[] {
  const lines: string[] = [];
  let buf = "";
  const flush = () => {
    const line = cleanLine(buf);
    if (line) lines.push(line);
    buf = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buf += collapse(node.nodeValue ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as El;
    if (isSkipped(el)) return;
    if (el.tagName === "BR") return flush();
    if (el.tagName === "TABLE" && !isLayoutTable(el)) {
      flush();
      for (const line of tableLines(el)) lines.push(line);
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

/**
 * A table used for page layout (old CMS templates put the whole article in one cell): it holds
 * other tables or long runs of text. Its cells are containers, not data cells.
 */
function isLayoutTable(table: El): boolean {
  for (const tr of ownRows(table))
    for (const cell of Array.from(tr.children)) {
      if (cell.querySelector("table")) return true;
      if ((cell.textContent ?? "").replace(/\s+/g, "").length > 400) return true;
    }
  return false;
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, " ");
}

/** <table> → tab rows (rows of nested tables belong to their own cell's text). */
export function tableLines(table: El): string[] {
  const rows: GridCell[][] = [];
  for (const tr of ownRows(table)) {
    const cells: GridCell[] = [];
    for (const cell of Array.from(tr.children)) {
      if (cell.tagName !== "TD" && cell.tagName !== "TH") continue;
      cells.push({
        text: cleanLine(cellText(cell)),
        rowspan: Number(cell.getAttribute("rowspan") ?? 1),
        colspan: Number(cell.getAttribute("colspan") ?? 1),
      });
    }
    rows.push(cells);
  }
  return gridToLines(expandSpans(rows));
}

function ownRows(table: El): El[] {
  const rows: El[] = [];
  for (const child of Array.from(table.children)) {
    if (child.tagName === "TR") rows.push(child);
    else if (["TBODY", "THEAD", "TFOOT"].includes(child.tagName))
      for (const tr of Array.from(child.children)) if (tr.tagName === "TR") rows.push(tr);
  }
  return rows;
}

/** A cell's text: its paragraphs and line breaks joined with nothing between them. */
function cellText(el: El): string {
  let out = "";
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += collapse(node.nodeValue ?? "");
    else if (node.nodeType === 1) {
      const child = node as El;
      if (SKIP_TAGS.has(child.tagName)) return;
      if (BLOCK_TAGS.has(child.tagName) || child.tagName === "BR") out = out.trimEnd();
      for (const c of Array.from(child.childNodes)) walk(c);
      if (BLOCK_TAGS.has(child.tagName)) out = out.trimEnd();
    }
  };
  walk(el);
  return out;
}

/* ------------------------------------------------------------------ body */

/** Headings of the six parts, and words of the three tables: what a report body contains. */
const ANCHOR_RES = [
  /^[一1][、.．]\s*总体情况/,
  /^[二2][、.．]\s*主动公开政府信息情况/,
  /^[三3][、.．]\s*收到和处理政府信息公开申请情况/,
  /^[四4][、.．]\s*政府信息公开行政复议/,
  /^[五5][、.．]\s*(政府信息公开工作)?存在的主要问题/,
  /^[六6][、.．]\s*其他需要报告的事项/,
];
const TABLE_WORDS_RE = /本年新收政府信息公开申请数量|信息内容|行政复议|结果维持|本年制发件数|本年新制作数量/;

const KNOWN_CONTAINERS = [
  ".TRS_Editor", ".trs_editor", "#zoom", "#Zoom", ".article_content", ".article-content",
  "#UCAP-CONTENT", ".pages_content", ".view.TRS_UEDITOR", "#content", ".content", "article",
];

export function findBody(root: El): El {
  const anchors: El[] = [];
  for (const el of Array.from(root.querySelectorAll("p, div, h1, h2, h3, h4, h5, h6, span, td, strong, b"))) {
    if (el.children.length > 3) continue; // a container, not a heading
    const t = cleanLine(el.textContent ?? "");
    if (t.length <= 40 && ANCHOR_RES.some((re) => re.test(t))) anchors.push(el);
  }
  for (const table of Array.from(root.querySelectorAll("table"))) {
    if (TABLE_WORDS_RE.test(table.textContent ?? "")) anchors.push(table);
  }
  if (anchors.length >= 2) {
    let lca: El | null = anchors[0];
    for (const a of anchors.slice(1)) lca = commonAncestor(lca!, a);
    if (lca && lca !== root.ownerDocument?.documentElement) return widenToParagraphs(lca);
  }
  for (const sel of KNOWN_CONTAINERS) {
    const hit = Array.from(root.querySelectorAll(sel)).find((el) => textLength(el) > 300);
    if (hit) return hit;
  }
  return densest(root);
}

function commonAncestor(a: El, b: El): El | null {
  const seen = new Set<El>();
  for (let n: El | null = a; n; n = n.parentElement) seen.add(n);
  for (let n: El | null = b; n; n = n.parentElement) if (seen.has(n)) return n;
  return null;
}

/** The common ancestor may be one table or one paragraph run; the report is its whole container. */
function widenToParagraphs(el: El): El {
  let n = el;
  while ((n.tagName === "TABLE" || n.tagName === "TBODY" || n.tagName === "TR" || n.tagName === "P" || n.tagName === "SPAN") && n.parentElement) {
    n = n.parentElement;
  }
  return n;
}

function textLength(el: El): number {
  return (el.textContent ?? "").replace(/\s+/g, "").length;
}

/** Fallback: the element with the most paragraph text, where links are not most of it. */
function densest(root: El): El {
  let best = root;
  let bestScore = -Infinity;
  for (const el of Array.from(root.querySelectorAll("div, article, section, main, td"))) {
    if (isSkipped(el)) continue;
    let own = 0;
    for (const p of Array.from(el.children)) {
      if (p.tagName === "P" || p.tagName === "TABLE") own += textLength(p);
    }
    const links = Array.from(el.querySelectorAll("a")).reduce((n, a) => n + textLength(a), 0);
    const score = own - 2 * links;
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return bestScore > 0 ? best : root;
}

/* ------------------------------------------------------------------ metadata */

const LABELS: Record<Exclude<keyof PageMeta, "title">, RegExp> = {
  publishedAt: /^(发布时间|发布日期|公开日期|发文日期|时间|日期)\s*[:：]?/,
  publisher: /^(发布机构|发文机关|发布单位|公开主体)\s*[:：]?/,
  indexNo: /^(索引号)\s*[:：]?/,
};
const ANY_LABEL_RE = /\s(发布时间|发布日期|发布机构|发文机关|索引号|成文日期|文号|发文字号|主题分类|来源|浏览次数|字号)\s*[:：]/;

function pageMeta(document: Document, body: El): PageMeta {
  const meta: PageMeta = {};
  const metaTag = (name: string) =>
    cleanLine(document.querySelector(`meta[name="${name}"]`)?.getAttribute("content") ?? "") || undefined;

  const found = labelledValues(document, body);
  const title =
    metaTag("ArticleTitle") ??
    found.title ??
    cleanLine(document.querySelector("title")?.textContent ?? "").split(/[_|]| - /)[0].trim();
  if (title) meta.title = title;
  const date = isoDate(found.publishedAt) ?? isoDate(metaTag("PubDate")) ?? isoDate(metaTag("pubdate"));
  if (date) meta.publishedAt = date;
  if (found.publisher) meta.publisher = found.publisher;
  if (found.indexNo) meta.indexNo = found.indexNo;
  return meta;
}

/** Label → value from the page chrome: "索引号：X" in one text, or label and value in sibling cells. */
function labelledValues(document: Document, body: El): Partial<Record<keyof PageMeta, string>> {
  const out: Partial<Record<keyof PageMeta, string>> = {};
  const root = document.body ?? document.documentElement;
  const elements = Array.from(root.querySelectorAll("td, th, span, p, div, li, label, em, b, strong, dt, dd, font"));
  for (const el of elements) {
    if (body.contains(el) && el !== body) continue; // the report text is not page metadata
    if (el.children.length > 0 && (el.textContent ?? "").length > 80) continue;
    const own = cleanLine(el.textContent ?? "");
    if (!own || own.length > 80) continue;
    for (const [key, re] of Object.entries(LABELS) as [keyof typeof LABELS, RegExp][]) {
      if (out[key] || !re.test(own)) continue;
      let value = own.replace(re, "").trim();
      if (!value) value = cleanLine(el.nextElementSibling?.textContent ?? "");
      value = value.split(ANY_LABEL_RE)[0].trim();
      if (!value) continue;
      if (key === "publishedAt" && !isoDate(value)) continue;
      out[key] = value;
    }
  }
  return out;
}

export function isoDate(s: string | undefined): string | undefined {
  const m = s?.match(/(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
