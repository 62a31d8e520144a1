import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDivisionNames, placeRegion, stripRegionPrefix } from "../../scripts/parse/region.ts";

// Expected places and codes below are GB/T 2260 facts (民政部 county-level codes), not outputs
// copied from the code: 伊州区 650502 (哈密市 650500), 奇台县 652325 (昌吉回族自治州 652300),
// 鹤岗市南山区 230404 vs 深圳市南山区 440305, 西工区 410303 (洛阳市), 山海关区 130303 (秦皇岛市),
// 淮安市 320800 / 洪泽区 320813, 上海市 310000, 平潭县 350128 (福州市), 浦东新区 310115,
// 仙桃市 429004 (湖北省直辖), 和县 340523 (马鞍山市), 木垒哈萨克自治县 652328,
// 北京朝阳区 110105 vs 长春朝阳区 220104, 福州鼓楼区 350102, 福田区 440304.

const XJ_HAMI_YIZHOU = ["新疆维吾尔自治区", "哈密市", "伊州区"];
const XJ_QITAI = ["新疆维吾尔自治区", "昌吉回族自治州", "奇台县"];
const HEGANG_NANSHAN = ["黑龙江省", "鹤岗市", "南山区"];
const SHENZHEN_NANSHAN = ["广东省", "深圳市", "南山区"];

describe("placeRegion: the acceptance examples", () => {
  it("伊州区丽园街道办事处 → 新疆/哈密/伊州", () => {
    const p = placeRegion(["伊州区丽园街道办事处2020年政府信息公开工作年度报告"]);
    expect(p.region).toEqual(XJ_HAMI_YIZHOU);
    expect(p.code).toBe("650502");
    expect(p.evidence).toContain("伊州区");
  });

  it("丽园街道 alone is enough (town-level gazetteer)", () => {
    const p = placeRegion(["丽园街道办事处2020年政府信息公开工作年度报告", "丽园街道在区政府的正确领导下"]);
    expect(p.region).toEqual(XJ_HAMI_YIZHOU);
    expect(p.code).toBe("650502");
    expect(p.evidence).toBe("丽园街道");
  });

  it("奇台县 in 中国新疆奇台县政府网 places a 七户乡 report", () => {
    const p = placeRegion([
      "",
      "本报告的电子版可以在“中国新疆奇台县政府网(www.xjqt.gov.cn)上下载。",
    ]);
    expect(p.region).toEqual(XJ_QITAI);
    expect(p.code).toBe("652325");
    expect(p.evidence).toBe("新疆奇台县");
    // 七户乡 itself is a town of 奇台县 only
    expect(placeRegion(["七户乡人民政府"]).region).toEqual(XJ_QITAI);
  });

  it("鹤岗市南山区大陆街道办事处: the preceding city settles 南山区", () => {
    const p = placeRegion(["鹤岗市南山区大陆街道办事处2020年政府信息公开工作报告"]);
    expect(p.region).toEqual(HEGANG_NANSHAN);
    expect(p.code).toBe("230404");
    expect(p.evidence).toBe("鹤岗市南山区大陆街道");
  });

  it("西工区王城路街道办事处 → 河南/洛阳/西工区", () => {
    const p = placeRegion(["西工区王城路街道办事处2020年政府信息公开工作年度报告"]);
    expect(p.region).toEqual(["河南省", "洛阳市", "西工区"]);
    expect(p.code).toBe("410303");
  });

  it("山海关区南关街道办事处 → 河北/秦皇岛/山海关区", () => {
    const p = placeRegion(["山海关区南关街道办事处 2024年政府信息公开工作年度报告"]);
    expect(p.region).toEqual(["河北省", "秦皇岛市", "山海关区"]);
    expect(p.code).toBe("130303");
  });

  it("cities and municipalities", () => {
    expect(placeRegion(["淮安市人民政府2020年政府信息公开工作年度报告"])).toMatchObject({
      region: ["江苏省", "淮安市"],
      code: "320800",
    });
    expect(placeRegion(["淮安市洪泽区人民政府2020年政府信息公开工作年度报告"])).toMatchObject({
      region: ["江苏省", "淮安市", "洪泽区"],
      code: "320813",
    });
    // no invented 市辖区 level
    expect(placeRegion(["上海市科学技术委员会2020年政府信息公开工作年度报告"])).toMatchObject({
      region: ["上海市"],
      code: "310000",
    });
    expect(placeRegion(["浦东新区人民政府"])).toMatchObject({ region: ["上海市", "浦东新区"], code: "310115" });
    expect(placeRegion(["北京市朝阳区人民政府"])).toMatchObject({ region: ["北京市", "朝阳区"], code: "110105" });
    // 省直辖县级市: no city level either
    expect(placeRegion(["仙桃市人民政府"])).toMatchObject({ region: ["湖北省", "仙桃市"], code: "429004" });
  });

  it("later candidates disambiguate but never refine a placement", () => {
    // the agency is the city government: 洪泽区 named further on does not make it a county report
    expect(placeRegion(["淮安市人民政府2020年政府信息公开工作年度报告", "洪泽区、淮阴区、清江浦区"]).region).toEqual([
      "江苏省",
      "淮安市",
    ]);
    // nor does a street address in the text
    expect(placeRegion(["上海市科学技术委员会2020年", "地址：上海市徐汇区钦州路100号"]).region).toEqual(["上海市"]);
  });

  it("平潭综合实验区 is placed as 平潭县 (its territory); documented choice", () => {
    expect(placeRegion(["福建省平潭综合实验区管委会2020年政府信息公开工作年度报告"])).toMatchObject({
      region: ["福建省", "福州市", "平潭县"],
      code: "350128",
    });
  });
});

describe("placeRegion: ambiguity is settled by context, or left alone", () => {
  it("南山区 with nothing else is not guessed", () => {
    expect(placeRegion(["南山区人民政府2020年政府信息公开工作年度报告"])).toEqual({
      region: [],
      code: null,
      evidence: null,
    });
  });

  it("南山区 in a 深圳 context", () => {
    expect(placeRegion(["南山区人民政府2020年政府信息公开工作年度报告", "深圳市南山区人民政府门户网站"]).region).toEqual(
      SHENZHEN_NANSHAN,
    );
    // short name of the city, in another candidate
    expect(placeRegion(["南山区人民政府2020年", "深圳政府在线"]).region).toEqual(SHENZHEN_NANSHAN);
    // a sibling district of the same city
    expect(placeRegion(["南山区人民政府2020年", "地址：福田区深南大道"]).region).toEqual(SHENZHEN_NANSHAN);
  });

  it("南山区 in a 鹤岗 context, given by the short city name or the province", () => {
    expect(placeRegion(["南山区大陆街道办事处2020年", "鹤岗南山区"]).region).toEqual(HEGANG_NANSHAN);
    expect(placeRegion(["南山区人民政府2020年", "黑龙江省人民政府"]).region).toEqual(HEGANG_NANSHAN);
  });

  it("南山区 and 大陆街道 settle each other (大陆街道 is in 鞍山铁西区 and 鹤岗南山区)", () => {
    expect(placeRegion(["南山区大陆街道办事处2020年政府信息公开工作报告"]).region).toEqual(HEGANG_NANSHAN);
    // 大陆街道 alone: two provinces, nothing placed
    expect(placeRegion(["大陆街道办事处2020年"]).region).toEqual([]);
  });

  it("a town shared by several counties keeps only the shared prefix", () => {
    // 南关街道: 山海关区, 莲池区 and 宣化区 in 河北, and places in 安徽, 山东, 河南, 贵州, 宁夏
    expect(placeRegion(["南关街道办事处2024年"]).region).toEqual([]);
    expect(placeRegion(["南关街道办事处2024年", "河北省"]).region).toEqual(["河北省"]);
    expect(placeRegion(["南关街道办事处2024年", "秦皇岛市"]).region).toEqual(["河北省", "秦皇岛市", "山海关区"]);
    expect(placeRegion(["城关镇人民政府2020年"]).region).toEqual([]);
  });

  it("other shared district names", () => {
    expect(placeRegion(["长春市朝阳区人民政府"])).toMatchObject({ region: ["吉林省", "长春市", "朝阳区"], code: "220104" });
    expect(placeRegion(["福州市鼓楼区人民政府"])).toMatchObject({ region: ["福建省", "福州市", "鼓楼区"], code: "350102" });
    expect(placeRegion(["鼓楼区人民政府"]).region).toEqual([]);
  });
});

describe("placeRegion: names need their suffix; ordinary words are not places", () => {
  it("西工 alone is not 西工区; 丽园 alone is not 丽园街道", () => {
    expect(placeRegion(["西工2020年报告"]).region).toEqual([]);
    expect(placeRegion(["丽园2020年报告"]).region).toEqual([]);
  });

  it("suffix-less province and city names count next to a nested name", () => {
    expect(placeRegion(["新疆哈密伊州区"]).region).toEqual(XJ_HAMI_YIZHOU);
    expect(placeRegion(["新疆维吾尔自治区哈密市伊州区"]).region).toEqual(XJ_HAMI_YIZHOU);
  });

  it("two-character and generic names need support", () => {
    // 和县 (马鞍山) inside 和县级
    expect(placeRegion(["关于省、市和县级政府信息公开的通知"]).region).toEqual([]);
    // but a title that starts with it is the agency
    expect(placeRegion(["和县人民政府2020年政府信息公开年报"])).toMatchObject({
      region: ["安徽省", "马鞍山市", "和县"],
      code: "340523",
    });
    // 老城区 (洛阳) as an ordinary word
    expect(placeRegion(["推进老城区改造和新城区建设"]).region).toEqual([]);
  });

  it("市场 and 区域 are not the end of a name; leftmost name wins overlaps", () => {
    expect(placeRegion(["大安市场监督管理"]).region).toEqual([]);
    expect(placeRegion(["长沙市区的市场"]).region).toEqual(["湖南省", "长沙市"]); // not 荆州 沙市区
  });

  it("aliases of autonomous units", () => {
    expect(placeRegion(["木垒县人民政府"])).toMatchObject({
      region: ["新疆维吾尔自治区", "昌吉回族自治州", "木垒哈萨克自治县"],
      code: "652328",
    });
    expect(placeRegion(["昌吉州人民政府"]).region).toEqual(["新疆维吾尔自治区", "昌吉回族自治州"]);
  });

  it("findDivisionNames lists what was matched", () => {
    const names = findDivisionNames("鹤岗市南山区大陆街道办事处");
    expect(names.map((n) => n.text)).toEqual(["鹤岗市", "南山区", "大陆街道"]);
    expect(names[1].units.map((u) => u.slice(0, 6)).sort()).toEqual(["230404", "440305"]);
  });
});

describe("placeRegion on the seed reports (whole text as the only candidate)", () => {
  const cases: [string, string[], string][] = [
    ["xinjiang-hami-yizhou-liyuan-jiedao-2020.txt", XJ_HAMI_YIZHOU, "650502"],
    ["xinjiang-changji-qitai-qihu-xiang-2020.txt", XJ_QITAI, "652325"],
    ["heilongjiang-hegang-nanshan-dalu-jiedao-2020.txt", HEGANG_NANSHAN, "230404"],
    ["henan-luoyang-xigong-wangchenglu-jiedao-2020.txt", ["河南省", "洛阳市", "西工区"], "410303"],
    ["hebei-qinhuangdao-shanhaiguan-nanguan-jiedao-2024.txt", ["河北省", "秦皇岛市", "山海关区"], "130303"],
  ];
  it.each(cases)("%s", (file, region, code) => {
    const text = readFileSync(new URL(`../../data/reports/${file}`, import.meta.url), "utf8");
    expect(placeRegion([text])).toMatchObject({ region, code });
  });
});

describe("stripRegionPrefix", () => {
  it.each([
    ["鹤岗市南山区大陆街道办事处", "大陆街道办事处"],
    ["伊州区丽园街道办事处", "丽园街道办事处"],
    ["山海关区南关街道办事处", "南关街道办事处"],
    ["哈密市伊州区丽园街道办事处", "丽园街道办事处"],
    ["西工区王城路街道办事处", "王城路街道办事处"],
    ["七户乡人民政府", "七户乡人民政府"],
    ["淮安市人民政府", "淮安市人民政府"],
    ["上海市科学技术委员会", "上海市科学技术委员会"],
    ["淮安市洪泽区人民政府", "洪泽区人民政府"],
    ["丽园街道办事处", "丽园街道办事处"],
    // a town the gazetteer does not know, after a county
    ["伊州区新华街道办事处", "新华街道办事处"],
  ])("%s → %s", (name, expected) => {
    expect(stripRegionPrefix(name)).toBe(expected);
  });
});
