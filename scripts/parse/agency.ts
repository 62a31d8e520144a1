/**
 * The agency of a report: its level (街道 … 部门), a stable URL-safe id, and per-file overrides
 * from data/agencies.csv.
 *
 * ## agencyLevel(name)
 * - 街道: the name ends in 街道 / 街道办事处 / 街道办 / 地区办事处 (北京的“地区”办事处 are 乡级 units run
 *   like 街道): "丽园街道办事处".
 * - 乡镇: 镇 / 乡 / 苏木 (+ 人民政府 / 政府): "七户乡人民政府", "七户乡".
 * - X人民政府 / X政府 / X行政公署: the level of the division X that ends the name, as the gazetteer
 *   knows it (1 → 省政府 incl. municipalities and 自治区, 2 → 市政府 incl. 自治州/地区/盟,
 *   3 → 县区政府 incl. county-level cities); when X is unknown, its suffix decides (省/自治区 → 省政府,
 *   州/地区/盟/市 → 市政府, 区/县/旗 → 县区政府).
 * - X管理委员会 / X管委会: 县区政府 only when X is placed at county level by the gazetteer
 *   (平潭综合实验区, documented there as 平潭县); other 管委会 (开发区, 高新区 …) are 部门.
 * - a bare division name is its government: "平潭综合实验区" → 县区政府, "淮安市" → 市政府.
 * - everything else, including "X人民政府办公室" and the 委/局/厅 of a government, is 部门.
 *
 * ## agencyId(name, region)
 * `${region short names}-${agency name}` in toneless pinyin (pinyin-pro, ü as v), lower case,
 * [a-z0-9-] only: "xinjiang-hami-yizhou-liyuan-jiedao-banshichu".
 * - region short names drop suffixes: 新疆维吾尔自治区 → xinjiang, 昌吉回族自治州 → changji,
 *   哈密市 → hami, 伊州区 → yizhou, 浦东新区 → pudong (the suffix stays when only one character
 *   would remain: 城区 → chengqu, 沙县 → shaxian, so 沙县 and its successor 沙县区 share "shaxian").
 * - the name first loses the leading division names (those of the region, and any chain of them,
 *   see stripRegionPrefix), so "伊州区丽园街道办事处" and "丽园街道办事处" give the same id; then its
 *   institutional suffixes become words of their own (丽园-街道-办事处, 七户-乡-人民政府,
 *   科学技术-委员会, 教育-局).
 * - longer than 80 characters: cut at a hyphen and suffixed with 8 hex characters of a SHA-1 of
 *   name and region.
 * The id depends only on (name after prefix stripping, region, pinned pinyin-pro version): the
 * same agency placed in the same region gets the same id every year. Upgrading pinyin-pro or
 * changing the suffix list below may change ids: data/agencies.csv can pin them.
 *
 * ## data/agencies.csv
 * Columns `file,name,region,id` (header required; other columns are an error). One row per report
 * file whose agency must be corrected:
 * - file: the report's file name ("xinjiang-hami-yizhou-liyuan-jiedao-2020.txt") or a path
 *   suffix ("reports/2020/liyuan.txt"); required.
 * - name: the agency name to use (optional).
 * - region: 省/市/县 joined by "/", e.g. "新疆维吾尔自治区/哈密市/伊州区" (optional; for a
 *   municipality "上海市/浦东新区").
 * - id: the agency id to use, [a-z0-9-] (optional; otherwise computed from name and region).
 * Empty cells mean "not overridden". Blank lines and lines starting with "#" are ignored.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { pinyin } from "pinyin-pro";
import { splitAutonomous, stripRegionPrefix, trailingDivision } from "./region.ts";
import { memoize, NAME_CACHE_LIMIT } from "./memoize.ts";

export type AgencyLevel = "街道" | "乡镇" | "县区政府" | "市政府" | "省政府" | "部门";

const LEVEL_BY_DIVISION: Record<number, AgencyLevel> = { 1: "省政府", 2: "市政府", 3: "县区政府", 4: "乡镇" };

function clean(name: string): string {
  return name
    .replace(/\s+/g, "")
    .replace(/[（(][^（()）]*[)）]$/, ""); // trailing parenthetical: （本级）
}

export function agencyLevel(name: string): AgencyLevel {
  return levelOf(name);
}

/** a pure function of the name (an agency reports every year) */
const levelOf = memoize(computeAgencyLevel, NAME_CACHE_LIMIT);

function computeAgencyLevel(name: string): AgencyLevel {
  const n = clean(name);
  if (/街道(办事处|办)?$/.test(n) || /地区办事处$/.test(n)) return "街道";
  if (/(镇|乡|苏木)(人民政府|政府)?$/.test(n)) return "乡镇";
  const whole = trailingDivision(n);
  if (whole && whole.name === n) return whole.zone ? "部门" : LEVEL_BY_DIVISION[whole.level]; // "平潭综合实验区"
  const gov = /^(.+?)(人民政府|政府|行政公署)$/.exec(n);
  if (gov) {
    const base = gov[1];
    const div = trailingDivision(base);
    if (div && !div.zone) return LEVEL_BY_DIVISION[div.level];
    if (div?.zone) return "部门";
    if (/(省|自治区)$/.test(base)) return "省政府";
    if (/(州|地区|盟|市)$/.test(base)) return "市政府";
    if (/(区|县|旗)$/.test(base)) return "县区政府";
    return "部门";
  }
  const committee = /^(.+?)(管理委员会|管委会)$/.exec(n);
  if (committee) {
    const div = trailingDivision(committee[1]);
    if (div && !div.zone && div.level === 3) return "县区政府";
  }
  return "部门";
}

/** suffixes peeled off the end of a name into words of their own (longest first) */
const NAME_SUFFIXES = [
  "管理委员会", "人民政府", "行政公署", "委员会", "办事处", "管委会", "办公室", "办公厅",
  "街道", "政府", "苏木", "镇", "乡", "局", "厅", "委", "办",
];

function nameWords(core: string): string[] {
  const words: string[] = [];
  let rest = core;
  for (;;) {
    // the longest suffix that ends the name; stop when it would leave less than 2 characters
    // (人民政府 stays one word, it does not become 人民-政府)
    const suf = NAME_SUFFIXES.find((s) => rest.endsWith(s));
    if (!suf || rest.length - suf.length < 2) break;
    words.unshift(suf);
    rest = rest.slice(0, -suf.length);
  }
  words.unshift(rest);
  return words;
}

/**
 * Short form of a region element: 新疆维吾尔自治区 → 新疆, 昌吉回族自治州 → 昌吉, 哈密市 → 哈密,
 * 伊州区 → 伊州, 浦东新区 → 浦东; the suffix stays when fewer than 2 characters would remain
 * (城区, 和县, 沙县).
 */
export function shortRegionName(name: string): string {
  return shortNameOf(name);
}

const shortNameOf = memoize(computeShortRegionName, NAME_CACHE_LIMIT);

function computeShortRegionName(name: string): string {
  const a = splitAutonomous(name);
  if (a && a.base.length >= 2) return a.base;
  const m = /^(.+?)(特别行政区|省|市|地区|盟|新区|区|县|旗)$/.exec(name);
  return m && m[1].length >= 2 ? m[1] : name;
}

/** toneless pinyin of the Han runs, ascii letters/digits kept, anything else a hyphen */
function slug(text: string): string {
  return slugOf(text);
}

const slugOf = memoize((text: string): string => {
  let out = "";
  const runs = text.normalize("NFKC").toLowerCase().match(/\p{Script=Han}+|[a-z0-9]+|[^\p{Script=Han}a-z0-9]+/gu) ?? [];
  for (const run of runs) {
    if (/^\p{Script=Han}/u.test(run)) {
      out += "-" + hanPinyin(run);
    } else if (/^[a-z0-9]/.test(run)) out += "-" + run;
    else out += "-";
  }
  return tidy(out);
}, NAME_CACHE_LIMIT);

/** toneless pinyin of a run of Han characters, syllables joined (pinyin-pro reads the run as a whole) */
function hanPinyin(run: string): string {
  return pinyinOf(run);
}

const pinyinOf = memoize((run: string) => pinyin(run, { type: "array", toneType: "none", v: true }).join(""), NAME_CACHE_LIMIT);

function tidy(s: string): string {
  return s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** the agency name without leading division names (those of its region, then any chain) */
function coreName(name: string, region: string[]): string {
  let n = clean(name);
  for (let cut = regionPrefixLength(n, region); cut > 0; cut = regionPrefixLength(n, region)) n = n.slice(cut);
  return stripRegionPrefix(n);
}

/** length of the longest region element or short form of one that starts `n` (not all of it), 0 if none */
function regionPrefixLength(n: string, region: string[]): number {
  let longest = 0;
  for (const r of region) {
    for (const form of [r, shortRegionName(r)]) {
      if (form.length > longest && form.length < n.length && n.startsWith(form)) longest = form.length;
    }
  }
  return longest;
}

const MAX_ID = 80;

/**
 * Stable URL-safe id ([a-z0-9-], ≤ 80 characters) of an agency: the same name in the same region
 * gives the same id every year. See the file comment for the rules.
 */
export function agencyId(name: string, region: string[]): string {
  // a trie over name and region elements, not a Map keyed by their concatenation: region elements
  // are gazetteer strings whose hashes V8 keeps, a concatenated key would be flattened and hashed anew
  let node = idCache.get(name);
  if (node === undefined) {
    if (idCache.size >= NAME_CACHE_LIMIT) idCache.clear();
    idCache.set(name, (node = { id: undefined, sub: undefined }));
  }
  for (const r of region) {
    node.sub ??= new Map();
    let next = node.sub.get(r);
    if (next === undefined) node.sub.set(r, (next = { id: undefined, sub: undefined }));
    node = next;
  }
  node.id ??= computeAgencyId(name, region);
  return node.id;
}

interface IdNode {
  /** the id for the name and the region elements on the way here */
  id: string | undefined;
  sub: Map<string, IdNode> | undefined;
}
/** name → region elements, in order → id (bounded by names: a name is placed in few regions) */
const idCache = new Map<string, IdNode>();

function computeAgencyId(name: string, region: string[]): string {
  const regionPart = region.map((r) => slug(shortRegionName(r)));
  const words = nameWords(coreName(name, region)).map(slug);
  let id = tidy([...regionPart, ...words].join("-"));
  if (!id) id = "agency-" + hash(name, region);
  if (id.length > MAX_ID) {
    const cut = id.slice(0, MAX_ID - 9);
    const at = cut.lastIndexOf("-");
    id = (at > 20 ? cut.slice(0, at) : cut).replace(/-+$/, "") + "-" + hash(name, region);
  }
  return id;
}

function hash(name: string, region: string[]): string {
  return createHash("sha1").update(`${name}|${region.join("/")}`).digest("hex").slice(0, 8);
}

export interface AgencyOverride {
  file: string;
  name?: string;
  region?: string[];
  id?: string;
}

const COLUMNS = ["file", "name", "region", "id"];
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * data/agencies.csv (read with papaparse): columns file,name,region,id — overrides per file
 * (matched by file name or path suffix, see findAgencyOverride). Missing file → empty list.
 * Bad rows → an error naming the csv line.
 */
export function loadAgencyOverrides(csvPath: string): AgencyOverride[] {
  if (!existsSync(csvPath)) return [];
  const text = readFileSync(csvPath, "utf8").replace(/^\uFEFF/, "");
  const fail = (line: number, msg: string): never => {
    throw new Error(`${csvPath}:${line}: ${msg}`);
  };
  // rows with the 1-based line each starts on
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo; // 0-based
  };
  const rows: { data: string[]; line: number }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    comments: "#",
    step(res) {
      let l = lineAt(cursor);
      while (l + 1 < lineStarts.length) {
        const lineText = text.slice(lineStarts[l], lineStarts[l + 1]);
        if (lineText.trim() === "" || lineText.trimStart().startsWith("#")) l++;
        else break;
      }
      if (res.errors.length) fail(l + 1, res.errors[0].message);
      rows.push({ data: res.data, line: l + 1 });
      cursor = res.meta.cursor;
    },
  });
  if (rows.length === 0) return [];
  const header = rows[0].data.map((h) => h.trim());
  const headerLine = rows[0].line;
  for (const h of header) if (!COLUMNS.includes(h)) fail(headerLine, `unknown column "${h}" (expected ${COLUMNS.join(",")})`);
  if (!header.includes("file")) fail(headerLine, `missing column "file"`);
  const col = (row: string[], c: string) => {
    const i = header.indexOf(c);
    return i >= 0 ? (row[i] ?? "").trim() : "";
  };
  const out: AgencyOverride[] = [];
  const seen = new Map<string, number>();
  for (const { data: row, line } of rows.slice(1)) {
    if (row.length !== header.length) fail(line, `expected ${header.length} fields, found ${row.length}`);
    const file = col(row, "file").replace(/\\/g, "/");
    if (!file) fail(line, "empty file");
    if (seen.has(file)) fail(line, `file "${file}" already overridden on line ${seen.get(file)}`);
    seen.set(file, line);
    const o: AgencyOverride = { file };
    const name = col(row, "name");
    if (name) o.name = name;
    const region = col(row, "region");
    if (region) {
      const parts = region.split("/").map((x) => x.trim());
      if (parts.some((x) => !x) || parts.length > 3) fail(line, `bad region "${region}" (省/市/县, "/"-separated)`);
      o.region = parts;
    }
    const id = col(row, "id");
    if (id) {
      if (!ID_RE.test(id) || id.length > MAX_ID) fail(line, `bad id "${id}" ([a-z0-9-], ≤ ${MAX_ID} characters)`);
      o.id = id;
    }
    out.push(o);
  }
  return out;
}

/** The override for a report path: same path, or a path ending in "/" + override.file. */
export function findAgencyOverride(overrides: AgencyOverride[], path: string): AgencyOverride | undefined {
  const p = path.replace(/\\/g, "/");
  return overrides.find((o) => p === o.file || p.endsWith("/" + o.file));
}
