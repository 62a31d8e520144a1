import { describe, expect, it } from "vitest";
import { detectThemes, detectPromises, themesOfSentence } from "../../scripts/themes/detect.ts";
import { defaultTaxonomy } from "../../scripts/themes/taxonomy.ts";
import { heldout, labelled, section, sections, type Labelled } from "./helpers.ts";

function score(set: Labelled[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const x of set) {
    const got = themesOfSentence(x.sentence);
    const extra = got.filter((t) => !x.themes.includes(t));
    const missed = x.themes.filter((t) => !got.includes(t));
    tp += got.length - extra.length;
    fp += extra.length;
    fn += missed.length;
    if (extra.length || missed.length) errors.push(`${x.source}: +[${extra}] -[${missed}] ${x.sentence}`);
  }
  return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), errors };
}

describe("theme detection — labelled problem sentences", () => {
  it("covers every problem sentence of the seeds and the corpus (≥ 40 labelled)", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(40);
    expect(labelled.filter((x) => x.themes.length > 0).length).toBeGreaterThanOrEqual(40);
    const sources = new Set(labelled.map((x) => x.source));
    for (const s of sections) expect(sources.has(s.source), s.source).toBe(true);
    const ids = new Set(defaultTaxonomy().themes.map((t) => t.id));
    for (const x of [...labelled, ...heldout]) for (const t of x.themes) expect(ids.has(t), `${t} in ${x.sentence}`).toBe(true);
  });

  it("precision ≥ 0.9 and recall ≥ 0.8 on seeds + corpus", () => {
    const s = score(labelled);
    console.log(
      `themes, seeds + corpus: ${labelled.length} sentences, ${s.tp + s.fn} labels — precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
    if (s.errors.length) console.log(s.errors.join("\n"));
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("precision ≥ 0.9 and recall ≥ 0.8 on the extra sets from outside the corpus", () => {
    const s = score(heldout);
    console.log(
      `themes, extra sets: ${heldout.length} sentences, ${s.tp + s.fn} labels — precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`,
    );
    if (s.errors.length) console.log(s.errors.join("\n"));
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe("theme detection — the seeds get the themes a reader gives them", () => {
  const themes = (source: string) => detectThemes(section(source)).themes;

  it("000: 宣传 / 知晓率, 主动公开意识", () => {
    expect(themes("seed-000")).toEqual(expect.arrayContaining(["publicity", "awareness"]));
  });
  it("001: 思想认识, 工作力度, 内容不规范", () => {
    expect(themes("seed-001")).toEqual(expect.arrayContaining(["awareness", "effort", "content"]));
  });
  it("004: 及时性, 形式单一, 渠道 / 互动", () => {
    expect(themes("seed-004")).toEqual(expect.arrayContaining(["timeliness", "channels", "interaction"]));
  });
  it("a whole section gets exactly the union of its sentences' labels (improvements are not read)", () => {
    for (const s of sections) {
      const expected = new Set(labelled.filter((x) => x.source === s.source).flatMap((x) => x.themes));
      expect(new Set(detectThemes(s.text).themes), s.source).toEqual(expected);
    }
  });
});

describe("theme detection — behaviour", () => {
  it("keeps the matching sentence as evidence", () => {
    const r = detectThemes("一、工作取得一定成效。二是信息公开宣传力度不够，群众知晓率不高。三是政策解读形式单一。");
    expect(r.themes).toEqual(["publicity", "channels", "interpretation"]);
    expect(r.evidence).toContainEqual({ theme: "publicity", sentence: "二是信息公开宣传力度不够，群众知晓率不高。" });
    expect(r.evidence).toContainEqual({ theme: "interpretation", sentence: "三是政策解读形式单一。" });
    expect(r.evidence.every((e) => r.themes.includes(e.theme))).toBe(true);
  });

  it("negations yield no theme", () => {
    for (const text of [
      "无",
      "无。",
      "暂无。",
      "未发现问题。",
      "本年度未发现公开不及时、宣传力度不够等问题。",
      "经自查，不存在信息发布不规范的情况。",
      "无宣传不到位问题。",
    ]) {
      expect(detectThemes(text), text).toEqual({ themes: [], evidence: [] });
    }
    expect(detectThemes(null)).toEqual({ themes: [], evidence: [] });
    expect(detectThemes("")).toEqual({ themes: [], evidence: [] });
  });

  it("a negated clause does not hide a real problem in the next one", () => {
    expect(detectThemes("未发现信息泄露问题，但政务公开队伍建设有待加强。").themes).toEqual(["staff"]);
  });

  it("reads the problems only, not the improvements that follow them", () => {
    const onlyImprovements = "（一）存在的主要问题\n工作取得一定成效。\n（二）改进情况\n一是加大宣传力度，提高群众知晓率。二是丰富政策解读形式。";
    expect(detectThemes(onlyImprovements).themes).toEqual([]);
    expect(detectThemes("信息公开宣传力度不够，下一步将利用多种渠道发布，解读形式单一的问题将得到改善。").themes).toEqual(["publicity"]);
  });

  it("topic words count as whole words only (宣传栏 is not 宣传)", () => {
    expect(themesOfSentence("部分村宣传栏设置不够规范。")).not.toContain("publicity");
    expect(themesOfSentence("部分村宣传不够到位。")).toContain("publicity");
  });

  it("a topic needs a deficiency marker in the same clause", () => {
    expect(themesOfSentence("我区开展政策解读96篇，但部分单位存在不足。")).toEqual([]);
    expect(themesOfSentence("我区开展政策解读96篇，但解读质量有待提高。")).toEqual(["interpretation"]);
  });

  it("promises are read from the improvements", () => {
    const p = detectPromises("一是加大宣传力度，提高知晓率。二是加强业务培训。", null);
    expect(p.themes).toEqual(["publicity", "staff"]);
    expect(p.evidence[0]).toEqual({ theme: "publicity", sentence: "一是加大宣传力度，提高知晓率。" });
    // improvements left inside an unseparated problems text count too
    expect(detectPromises(null, section("seed-000")).themes).toContain("publicity");
  });
});
