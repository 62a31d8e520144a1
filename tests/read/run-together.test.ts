import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeBytes, normalizeText } from "../../scripts/parse/read/decode.ts";
import { readText } from "../../scripts/parse/read/index.ts";
import { looksRunTogetherLine, unglueRunTogether } from "../../scripts/parse/read/run-together.ts";
import { corpusBytes, hasCorpus, numbersOf, rowOf } from "./corpus-path.ts";

const LINE =
  "二、主动公开政府信息情况 第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件8855698第二十条第(八)项信息内容本年收费金额(单位：万元)行政事业性收费9116.36 " +
  "三、收到和处理政府信息公开申请情况(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" +
  "一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果(一)予以公开220000022(二)部分公开(区分处理的，只计这一情形，不计其他情形)191000020" +
  "(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000(四)无法提供1.本机关不掌握相关政府信息390000039(七)总计801000081四、结转下年度继续办理0000000" +
  "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计110024001510102五、存在的主要问题及改进情况无。六、其他需要报告的事项无";

describe("unglueRunTogether", () => {
  it("leaves ordinary lines alone", () => {
    const lines = ["一、总体情况", "本年新收政府信息公开申请数量\t3", ""];
    expect(looksRunTogetherLine(lines[1])).toBe(false);
    expect(unglueRunTogether(lines)).toEqual({ lines, warnings: [], origin: [0, 1, 2] });
  });

  it("cuts a run-together report into parts and tab rows", () => {
    const { lines, warnings, origin } = unglueRunTogether(["标题: x", LINE]);
    expect(origin[0]).toBe(0);
    expect(new Set(origin.slice(1))).toEqual(new Set([1]));
    expect(lines).toContain("规章\t0\t0\t0");
    expect(lines).toContain("行政事业性收费\t9116.36");
    expect(lines).toContain("一、本年新收政府信息公开申请数量\t80\t1\t0\t0\t0\t0\t81");
    expect(lines).toContain("三、本年度办理结果");
    // with most outcome rows missing, （七）总计 = Σ outcomes cannot be applied: 220000022 stays open
    expect(lines).toContain("(一)予以公开\t\t\t0\t0\t0\t0\t22");
    expect(lines).toContain("(二)部分公开(区分处理的，只计这一情形，不计其他情形)\t\t\t\t0\t0\t0\t20");
    expect(lines).toContain("(三)不予公开");
    expect(lines).toContain("1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0");
    expect(lines).toContain("2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0");
    expect(lines).toContain("1\t1\t0\t0\t2\t4\t0\t0\t1\t5\t1\t0\t1\t0\t2");
    for (const heading of ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
      expect(lines).toContain(heading);
    // 8855698 into 本年制发/废止/现行有效: 15 cuts, no arithmetic to choose → empty cells and a warning on that line
    const row = lines.indexOf("行政规范性文件\t\t\t");
    expect(row).toBeGreaterThan(0);
    expect(warnings.map((w) => w.line)).toEqual([row + 1, lines.indexOf("(一)予以公开\t\t\t0\t0\t0\t0\t22") + 1, expect.any(Number)]);
    expect(warnings.every((w) => w.code === "ambiguous-split")).toBe(true);
    expect(warnings[0].message).toContain("8855698");
  });
});

describe.runIf(hasCorpus)("unglueRunTogether on the corpus (pingtan page.txt)", () => {
  const keys = (folder: string) =>
    JSON.parse(readFileSync(new URL(`../corpus/keys/${folder}.json`, import.meta.url), "utf8")) as {
      table3: Record<string, number[]>;
      table4: Record<string, number[]>;
      txtAmbiguous: string[];
    };
  const LABEL: Record<string, string> = {
    newReceived: "本年新收",
    granted: "予以公开",
    partiallyGranted: "部分公开",
    "unavailable.notHeld": "本机关不掌握",
    totalProcessed: "(七)总计",
    carriedForward: "结转下年度继续办理",
  };

  it("readText unglues run-together exports and passes their warnings on", async () => {
    const source = await readText(corpusBytes("pingtan-2020/page.txt"));
    expect(source.lines.some(looksRunTogetherLine)).toBe(false);
    expect(source.warnings?.some((w) => w.code === "ambiguous-split")).toBe(true);
  });

  it.each(["2019", "2020", "2022", "2023", "2025"])("pingtan-%s: table rows as in the answer key, ambiguous cells warned", async (year) => {
    const key = keys(`pingtan-${year}`);
    // the raw decoded lines: readText would already have unglued them
    const raw = normalizeText(decodeBytes(corpusBytes(`pingtan-${year}/page.txt`)).text);
    const started = performance.now();
    const { lines, warnings } = unglueRunTogether(raw);
    console.log(`pingtan-${year}/page.txt: ${raw.length} → ${lines.length} lines, ${warnings.length} warnings, ${(performance.now() - started).toFixed(1)} ms`);
    for (const [id, label] of Object.entries(LABEL)) expect(numbersOf(rowOf(lines, label)), id).toEqual(key.table3[id]);
    expect(lines).toContain([...key.table4.review, ...key.table4.litigationDirect, ...key.table4.litigationAfterReview].join("\t"));
    // one warning per table-2 item whose split is ambiguous, none for tables 3 and 4
    const items = new Set(key.txtAmbiguous.map((p) => p.split(".")[1]));
    expect(warnings.filter((w) => w.code === "ambiguous-split")).toHaveLength(items.size);
    expect(warnings.every((w) => w.message.startsWith("表二") || w.code === "run-together-arithmetic")).toBe(true);
  });
});
