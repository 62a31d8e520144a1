/**
 * placeRegion's shortcuts must place exactly as resolving all candidates together does:
 * - settling on the first candidate that may place when nothing later can change it,
 * - asking for `options.more` only when needed,
 * - reading head lines off the scan of the opening text (scanFromLine).
 * The reference is placeRegion(..., { exhaustive: true }) on all candidates at once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { placeRegion, PLACE_WINDOW } from "../../scripts/parse/region.ts";

/** unique, ambiguous, two-character, generic, weak and town names, and the words around them */
const NAMES = [
  "鹤岗市", "南山区", "大陆街道", "伊州区", "丽园街道", "哈密市", "哈密", "新疆", "新疆维吾尔自治区", "奇台县",
  "七户乡", "昌吉州", "西工区", "洛阳市", "山海关区", "南关街道", "秦皇岛市", "河北省", "河北", "深圳市", "深圳",
  "福田区", "淮安市", "洪泽区", "上海市", "浦东新区", "北京市", "朝阳区", "长春市", "鼓楼区", "福州市", "仙桃市",
  "和县", "城区", "东区", "老城区", "新城区", "市中区", "城关镇", "平潭综合实验区", "木垒县", "黑龙江省", "长沙市",
];
const WORDS = [
  "人民政府", "街道办事处", "办事处", "2020年", "政府信息公开工作年度报告", "、", "，", "。", " ", "\u3000", "市场",
  "区域", "关于", "地址：", "由", "编制", "0", "的", "本报告", "门户网站",
];

function generated(count: number): (string | null)[][] {
  let seed = 11;
  const rand = (n: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n;
  const phrase = () => {
    let s = "";
    for (let j = rand(5); j >= 0; j--) s += rand(2) ? NAMES[rand(NAMES.length)] : WORDS[rand(WORDS.length)];
    return s;
  };
  const out: (string | null)[][] = [];
  for (let k = 0; k < count; k++) {
    const lines: string[] = [];
    for (let j = rand(8) + 1; j > 0; j--) lines.push(rand(5) ? phrase() : "");
    const whole = lines.join("\n");
    // like metadata.ts: title, publisher, head lines, opening text, signature, whole text
    const list: (string | null)[] = [rand(3) ? phrase() : null, rand(4) ? null : phrase(), ...lines.slice(0, 6)];
    list.push(whole, rand(2) ? phrase() : "", rand(4) ? whole : whole + "\n" + phrase().repeat(40));
    out.push(list);
  }
  return out;
}

function reportCandidates(): string[][] {
  const dir = new URL("../../data/reports/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const lines = readFileSync(new URL(f, dir), "utf8").split("\n");
      const opening = lines.slice(0, 30).join("\n").slice(0, PLACE_WINDOW);
      return [lines[0], ...lines.slice(1, 6), opening, lines.slice(-3).join("\n"), lines.join("\n")];
    });
}

const cases = [...generated(4000), ...reportCandidates()];

describe("placeRegion shortcuts", () => {
  it("settle exactly as resolving all candidates together", () => {
    let settledEarly = 0;
    for (const list of cases) {
      let asked = false;
      const expected = placeRegion(list, { exhaustive: true });
      expect(placeRegion(list)).toEqual(expected);
      // any split into candidates and `more`
      const at = list.length >> 1;
      const split = placeRegion(list.slice(0, at), {
        more: () => ((asked = true), list.slice(at)),
      });
      expect(split).toEqual(expected);
      if (!asked) settledEarly++;
    }
    // the generated lists exercise both ways
    expect(settledEarly).toBeGreaterThan(cases.length / 10);
    expect(settledEarly).toBeLessThan(cases.length - cases.length / 10);
  });

  it("does not ask for more candidates when the first ones settle the placement", () => {
    let asked = false;
    const p = placeRegion(["鹤岗市南山区大陆街道办事处2020年政府信息公开工作报告"], {
      more: () => ((asked = true), ["深圳市南山区"]),
    });
    expect(p.region).toEqual(["黑龙江省", "鹤岗市", "南山区"]);
    expect(asked).toBe(false);
    // 南山区 alone is ambiguous: the later candidates are needed
    const q = placeRegion(["南山区人民政府2020年"], { more: () => ((asked = true), ["深圳市南山区人民政府门户网站"]) });
    expect(q.region).toEqual(["广东省", "深圳市", "南山区"]);
    expect(asked).toBe(true);
  });
});
