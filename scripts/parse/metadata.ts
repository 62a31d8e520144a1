/**
 * Stage 5 — metadata: title, reporting year, publishedAt and the agency (name, region, level, id),
 * from the title, page chrome, first sentences and the signature at the end.
 */
import { createHash } from "node:crypto";
import type { Warning } from "../../src/schema.ts";
import type { SourceText } from "./read/source.ts";
import type { Sections } from "./sections.ts";
import { PLACE_WINDOW, placeRegion, stripRegionPrefix } from "./region.ts";
import { agencyId, agencyLevel, type AgencyOverride } from "./agency.ts";

export interface Metadata {
  title: string | null;
  year: number | null;
  publishedAt: string | null;
  agency: { id: string; name: string; region: string[]; regionCode: string | null; level: string };
  warnings: Warning[];
}

const TITLE_RE = /政府信息公开(?:工作)?(?:年度)?(?:工作)?报告|信息公开(?:工作)?年度报告|政务公开.{0,4}年度报告/;
const TITLE_PREFIX_RE = /^\s*(?:标题|名称|题名|文章标题)\s*[:：]\s*/;
const YEAR_IN_TITLE_RE = /(20\d{2})\s*年?\s*度?/;
const YEAR_STATED_RES = [
  /统计期限[^。]{0,6}?(20\d{2})\s*年\s*1\s*月\s*1\s*日/,
  /(20\d{2})\s*年?度?(?:政府)?信息公开(?:工作)?(?:年度)?报告/,
  /(20\d{2})\s*年度?(?:政府信息公开|政务公开)/,
];
const DATE_LABEL_RE =
  /(?:发布时间|发布日期|发文日期|生成日期|成文日期|印发日期|公开日期|日期)\s*[:：]?\s*(20\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const SIGNATURE_DATE_RE = /^\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
const PUBLISHER_RE = /(?:发布机构|发文机关|发布单位|来源)\s*[:：]\s*([^\s|]{2,30})/;
const AGENCY_SUFFIX_RE =
  /(?:人民政府|街道办事处|办事处|管理委员会|管委会|委员会|局|厅|办公室|中心|委|署|院|所|站|队|社|会)$/;
/** 地址:七户乡人民政府 / 由七户乡编制 / signature "大陆办事处" */
const AGENCY_IN_TEXT_RES = [
  /地址\s*[:：]\s*([^\s,，;；。]{2,24}?(?:人民政府|办事处|管理委员会|委员会|局))/,
  /由\s*([^\s,，;；。]{2,24}?)\s*(?:编制|编写|制作)/,
];

export function extractMetadata(
  source: SourceText,
  sections: Sections,
  overrides: AgencyOverride | undefined,
  path: string,
): Metadata {
  const { lines } = source;
  const warnings: Warning[] = [];
  const head = lines.slice(0, Math.min(lines.length, Math.max(sections.preambleEnd, 8), 40));
  const titleLine = findTitle(head);
  const title = source.meta.title?.trim() || titleLine;

  const year = findYear(title, lines, sections);
  if (year === null) warnings.push({ code: "year-missing", message: "无法确定报告年度（标题和正文都没有写明）" });

  const publishedAt = source.meta.publishedAt ?? findPublishedAt(head, lines);

  const publisher = source.meta.publisher ?? findPublisher(head);
  let name = overrides?.name ?? agencyNameFrom(title, publisher, lines);
  // an unnamed agency is its own: its id comes from the file name, never shared with another file
  const unknownId = name ? null : `unknown-${fileSlug(path)}`;
  if (!name) {
    name = "未知机关";
    warnings.push({ code: "agency-missing", message: "无法从标题、发布机构或正文确定机关名称；可在 data/agencies.csv 中指定" });
  }

  // bind, not an arrow: tsx (esbuild keepNames) wraps an arrow given as a property in __name() on every call
  const placement = overrides?.region
    ? { region: overrides.region, code: null }
    : placeRegion([title, publisher, ...head.slice(0, 6)], { more: laterPlaceCandidates.bind(null, lines) });
  if (placement.region.length === 0)
    warnings.push({ code: "region-unknown", message: `无法确定“${name}”所在的行政区划；可在 data/agencies.csv 中指定` });

  return {
    title,
    year,
    publishedAt,
    agency: {
      id: overrides?.id ?? unknownId ?? agencyId(name, placement.region),
      name,
      region: placement.region,
      regionCode: placement.code,
      level: agencyLevel(name),
    },
    warnings,
  };
}

/**
 * The candidates placeRegion reads after title, publisher and head lines, made only when those do
 * not settle the placement: opening text, signature, whole text — each joined only as far as
 * placeRegion reads it (a join of the whole file is costly); the whole text's window is the
 * opening's when the first 30 lines already fill it.
 */
function laterPlaceCandidates(lines: string[]): string[] {
  const opening = joinUpTo(lines, 30, PLACE_WINDOW);
  const whole = opening.length >= PLACE_WINDOW || lines.length <= 30 ? opening : joinUpTo(lines, lines.length, PLACE_WINDOW);
  return [opening, signatureLines(lines).join("\n"), whole];
}

/** the last lines that look like an agency's name (the signature under the report) */
function signatureLines(lines: string[]): string[] {
  return lines
    .slice(-6)
    .map((l) => l.trim())
    .filter((l) => l && l.length <= 30 && AGENCY_SUFFIX_RE.test(l));
}

/** lines.slice(0, count).join("\n"), cut short once it has `limit` characters (a prefix of it). */
function joinUpTo(lines: string[], count: number, limit: number): string {
  let out = "";
  const end = Math.min(count, lines.length);
  for (let i = 0; i < end && out.length < limit; i++) out += i > 0 ? "\n" + lines[i] : lines[i];
  return out;
}

/** 发布机构 etc. on the first head line that names one */
function findPublisher(head: string[]): string | null {
  for (const line of head) {
    const name = PUBLISHER_RE.exec(line)?.[1];
    if (name) return name;
  }
  return null;
}

function fileSlug(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const slug = base.toLowerCase().replace(/\.[a-z0-9]+$/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || createHash("sha256").update(path).digest("hex").slice(0, 10);
}

/** "本地目录: …", "原文链接: …": page chrome of the form "label: value" that is not the title. */
const CHROME_LINE_RE = /^\s*[\u4e00-\u9fa5]{2,6}\s*[:：]|https?:|\/\S+\//;

function findTitle(head: string[]): string | null {
  let best: string | null = null;
  // each line cleaned once, when first needed (it is looked at as itself, the next and the previous one)
  const cleaned: string[] = [];
  // every TITLE_RE match ends in 报告: without a 告 in a line or the next, neither the line nor
  // the line joined with the next is a title (a fast path for the regexes below)
  let nextHasGao = head.length > 0 && head[0].includes("告");
  for (let i = 0; i < head.length; i++) {
    const raw = head[i];
    const hasGao = nextHasGao;
    nextHasGao = i + 1 < head.length && head[i + 1].includes("告");
    if (!hasGao && !nextHasGao) continue;
    const prefixed = TITLE_PREFIX_RE.test(raw);
    if (!prefixed && CHROME_LINE_RE.test(raw)) continue;
    let line = cleanedTitleLine(head, cleaned, i);
    const next = head[i + 1] ? cleanedTitleLine(head, cleaned, i + 1) : "";
    const previous = i > 0 ? cleanedTitleLine(head, cleaned, i - 1) : "";
    if (!TITLE_RE.test(line)) {
      // a title broken over two lines: "2024年上海市科委政府信息公开工作" + "年度报告"
      if (line.length < 40 && next.length < 40 && TITLE_RE.test(line + next) && !TITLE_RE.test(next)) line = line + next;
      else continue;
    } else if (/^20\d{2}/.test(line) && previous.length >= 2 && previous.length <= 30 && !/[。，,;；:：]/.test(previous)) {
      // "淮安市洪泽区人民政府" + "2024年政府信息公开工作年度报告"
      line = previous + line;
    }
    if (line.length > 80) continue;
    const title = line.replace(/\s+(?=\d)/g, "");
    // a line that is only the title beats "标题:…" / "名称:…" chrome; the first clean one wins
    if (!prefixed && !raw.includes("|")) return title;
    best ??= title;
  }
  return best;
}

/** head[i] without a "标题:" label and trailing "|" and blanks, trimmed; remembered in `cleaned` */
function cleanedTitleLine(head: string[], cleaned: string[], i: number): string {
  return (cleaned[i] ??= trimEndBars(head[i].replace(TITLE_PREFIX_RE, "")).trimStart());
}

/** s.replace(/[|\s]+$/, "") without a regex tried at every position of a long line */
function trimEndBars(s: string): string {
  let t = s.trimEnd(); // trimEnd strips exactly what \s matches
  while (t.endsWith("|")) t = t.slice(0, -1).trimEnd();
  return t;
}

function findYear(title: string | null, lines: string[], sections: Sections): number | null {
  const inTitle = title ? YEAR_IN_TITLE_RE.exec(title) : null;
  if (inTitle) return Number(inTitle[1]);
  const searchEnd = sections.list[1]?.start ?? Math.min(lines.length, 60);
  const text = lines.slice(0, searchEnd).join("\n");
  for (const re of YEAR_STATED_RES) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

function findPublishedAt(head: string[], lines: string[]): string | null {
  for (const line of head) {
    // every label of DATE_LABEL_RE ends in 日期 but 发布时间: other lines skip the regex
    if (!line.includes("日期") && !line.includes("发布时间")) continue;
    const m = DATE_LABEL_RE.exec(line);
    if (m) return isoDate(m[1], m[2], m[3]);
  }
  for (const line of lines.slice(-8)) {
    const m = SIGNATURE_DATE_RE.exec(line);
    if (m) return isoDate(m[1], m[2], m[3]);
  }
  return null;
}

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** the text before the first year (title.split(/20\d{2}/)[0] without the array of all parts) */
function beforeYear(title: string): string {
  const at = title.search(/20\d{2}/);
  return at < 0 ? title : title.slice(0, at);
}

/** from the title, else the publisher, else the first lines and the signature */
function agencyNameFrom(title: string | null, publisher: string | null, lines: string[]): string | null {
  if (title) {
    const prefix = beforeYear(title).replace(/[\s《“]/g, "");
    if (prefix.length >= 2) return stripRegionPrefix(prefix);
    // "2024年上海市科委政府信息公开工作年度报告": the agency stands after the year
    const after = /20\d{2}\s*年度?\s*(.{2,30}?)(?:政府信息公开|政务公开|信息公开)/.exec(title)?.[1];
    if (after) return after;
  }
  if (publisher) return stripRegionPrefix(publisher);
  const text = lines.slice(0, 12).join("\n");
  for (const re of AGENCY_IN_TEXT_RES) {
    const m = re.exec(text);
    if (!m) continue;
    let name = m[1];
    if (/[乡镇]$/.test(name)) name += "人民政府"; // "由七户乡编制": the body is the township government
    return stripRegionPrefix(name);
  }
  const signature = signatureLines(lines);
  if (signature.length) return stripRegionPrefix(signature[signature.length - 1]);
  return null;
}
