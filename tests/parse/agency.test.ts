import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  agencyId,
  agencyLevel,
  findAgencyOverride,
  loadAgencyOverrides,
  shortRegionName,
} from "../../scripts/parse/agency.ts";

const YIZHOU = ["新疆维吾尔自治区", "哈密市", "伊州区"];

describe("agencyLevel", () => {
  it.each([
    ["丽园街道办事处", "街道"],
    ["大陆街道办事处", "街道"],
    ["南磨房地区办事处", "街道"],
    ["七户乡人民政府", "乡镇"],
    ["七户乡", "乡镇"],
    ["城关镇人民政府", "乡镇"],
    ["洪泽区人民政府", "县区政府"],
    ["淮安市洪泽区人民政府", "县区政府"],
    ["阜康市人民政府", "县区政府"], // county-level city (昌吉州)
    ["木垒哈萨克自治县人民政府", "县区政府"],
    ["淮安市人民政府", "市政府"],
    ["昌吉回族自治州人民政府", "市政府"],
    ["大兴安岭地区行政公署", "市政府"],
    ["上海市人民政府", "省政府"], // municipality = province level
    ["新疆维吾尔自治区人民政府", "省政府"],
    ["河北省人民政府", "省政府"],
    ["上海市科学技术委员会", "部门"],
    ["伊州区教育局", "部门"],
    ["淮安市人民政府办公室", "部门"],
    ["郑州航空港经济综合实验区管理委员会", "部门"],
    // documented: 平潭综合实验区 is placed as 平潭县, so its 管委会 is a county-level government
    ["平潭综合实验区管委会", "县区政府"],
    ["平潭综合实验区管理委员会", "县区政府"],
    ["平潭综合实验区", "县区政府"],
  ])("%s → %s", (name, level) => {
    expect(agencyLevel(name)).toBe(level);
  });
});

describe("agencyId", () => {
  it("gives the documented example", () => {
    expect(agencyId("丽园街道办事处", YIZHOU)).toBe("xinjiang-hami-yizhou-liyuan-jiedao-banshichu");
  });

  it("is the same whatever region prefix the name carries (2019 vs 2020 titles)", () => {
    const id = agencyId("丽园街道办事处", YIZHOU);
    expect(agencyId("伊州区丽园街道办事处", YIZHOU)).toBe(id);
    expect(agencyId("哈密市伊州区丽园街道办事处", YIZHOU)).toBe(id);
    expect(agencyId(" 丽园街道办事处 ", YIZHOU)).toBe(id);
  });

  it("spells regions short and the name's institutional words apart", () => {
    expect(agencyId("七户乡人民政府", ["新疆维吾尔自治区", "昌吉回族自治州", "奇台县"])).toBe(
      "xinjiang-changji-qitai-qihu-xiang-renminzhengfu",
    );
    expect(agencyId("淮安市人民政府", ["江苏省", "淮安市"])).toBe("jiangsu-huaian-renminzhengfu");
    expect(agencyId("上海市科学技术委员会", ["上海市"])).toBe("shanghai-kexuejishu-weiyuanhui");
    expect(agencyId("大陆街道办事处", ["黑龙江省", "鹤岗市", "南山区"])).toBe(
      "heilongjiang-hegang-nanshan-dalu-jiedao-banshichu",
    );
    // polyphones read in context: 重庆 chongqing, 长沙 changsha
    expect(agencyId("长沙市人民政府", ["湖南省", "长沙市"])).toBe("hunan-changsha-renminzhengfu");
    expect(agencyId("重庆市人民政府", ["重庆市"])).toBe("chongqing-renminzhengfu");
  });

  it("is URL-safe and at most 80 characters, with a hash when cut", () => {
    const long = "新疆维吾尔自治区人力资源和社会保障厅社会保险事业管理局直属第一分局综合业务科室";
    const id = agencyId(long, ["新疆维吾尔自治区"]);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/-[0-9a-f]{8}$/);
    expect(agencyId(long, ["新疆维吾尔自治区"])).toBe(id);
    expect(agencyId(long + "二", ["新疆维吾尔自治区"])).not.toBe(id);
    for (const [n, r] of [
      ["第1中学（本级）", ["上海市", "浦东新区"]],
      ["Ａ区管委会", []],
      ["绿化委员会", ["上海市"]],
    ] as [string, string[]][]) {
      expect(agencyId(n, r)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("different agencies or places get different ids", () => {
    expect(agencyId("大陆街道办事处", ["辽宁省", "鞍山市", "铁西区"])).not.toBe(
      agencyId("大陆街道办事处", ["黑龙江省", "鹤岗市", "南山区"]),
    );
    expect(agencyId("南关街道办事处", ["河北省", "秦皇岛市", "山海关区"])).not.toBe(
      agencyId("王城路街道办事处", ["河南省", "洛阳市", "西工区"]),
    );
  });

  it("shortRegionName", () => {
    expect(shortRegionName("新疆维吾尔自治区")).toBe("新疆");
    expect(shortRegionName("内蒙古自治区")).toBe("内蒙古");
    expect(shortRegionName("昌吉回族自治州")).toBe("昌吉");
    expect(shortRegionName("哈密市")).toBe("哈密");
    expect(shortRegionName("大兴安岭地区")).toBe("大兴安岭");
    expect(shortRegionName("伊州区")).toBe("伊州");
    expect(shortRegionName("浦东新区")).toBe("浦东");
    expect(shortRegionName("城区")).toBe("城区");
    expect(shortRegionName("沙县区")).toBe("沙县");
  });
});

describe("loadAgencyOverrides", () => {
  const dir = mkdtempSync(join(tmpdir(), "agencies-"));
  const csv = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("missing file → empty list; header only → empty list", () => {
    expect(loadAgencyOverrides(join(dir, "nope.csv"))).toEqual([]);
    expect(loadAgencyOverrides(csv("empty.csv", "file,name,region,id\n"))).toEqual([]);
    expect(loadAgencyOverrides(new URL("../../data/agencies.csv", import.meta.url).pathname)).toEqual([]);
  });

  it("reads rows, empty cells are not overrides", () => {
    const p = csv(
      "ok.csv",
      "\uFEFFfile,name,region,id\n" +
        "# comment\n" +
        "xinjiang-hami-yizhou-liyuan-jiedao-2020.txt,丽园街道办事处,新疆维吾尔自治区/哈密市/伊州区,\n" +
        "\n" +
        '2019/report.pdf,"平潭综合实验区管委会",福建省/福州市/平潭县,pingtan-guanweihui\n' +
        "only-id.txt,,,some-id\n",
    );
    expect(loadAgencyOverrides(p)).toEqual([
      { file: "xinjiang-hami-yizhou-liyuan-jiedao-2020.txt", name: "丽园街道办事处", region: YIZHOU },
      { file: "2019/report.pdf", name: "平潭综合实验区管委会", region: ["福建省", "福州市", "平潭县"], id: "pingtan-guanweihui" },
      { file: "only-id.txt", id: "some-id" },
    ]);
  });

  it("bad rows → an error naming the csv line", () => {
    const bad = (name: string, text: string) => () => loadAgencyOverrides(csv(name, text));
    expect(bad("badid.csv", "file,name,region,id\n\n# c\na.txt,x,,\nb.txt,,,Bad_Id\n")).toThrow(/badid\.csv:5: bad id/);
    expect(bad("nofile.csv", "file,name,region,id\n,x,,\n")).toThrow(/nofile\.csv:2: empty file/);
    expect(bad("fields.csv", "file,name,region,id\na.txt,x\n")).toThrow(/fields\.csv:2: expected 4 fields/);
    expect(bad("region.csv", "file,name,region,id\na.txt,,新疆//伊州区,\n")).toThrow(/region\.csv:2: bad region/);
    expect(bad("dup.csv", "file,name,region,id\na.txt,x,,\na.txt,y,,\n")).toThrow(/dup\.csv:3: .*line 2/);
    expect(bad("header.csv", "file,agency\na.txt,x\n")).toThrow(/header\.csv:1: unknown column "agency"/);
    // a quoted field over two lines: the next row's line is still right
    expect(bad("multi.csv", 'file,name,region,id\na.txt,"x\ny",,\nb.txt,,,BAD\n')).toThrow(/multi\.csv:4: bad id/);
  });

  it("findAgencyOverride matches a file name or a path suffix", () => {
    const o = [{ file: "a.txt", id: "x" }, { file: "2019/b.pdf", id: "y" }];
    expect(findAgencyOverride(o, "data/reports/a.txt")?.id).toBe("x");
    expect(findAgencyOverride(o, "a.txt")?.id).toBe("x");
    expect(findAgencyOverride(o, "data\\reports\\2019\\b.pdf")?.id).toBe("y");
    expect(findAgencyOverride(o, "data/reports/ba.txt")).toBeUndefined();
    expect(findAgencyOverride(o, "data/2020/b.pdf")).toBeUndefined();
  });
});
