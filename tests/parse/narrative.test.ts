/**
 * readNarrative's shortcuts (the character prefilters before the figure regexes, the one-regex test
 * before cutting the problems into sentences, the skipped trims and joins) must give exactly what the
 * straightforward algorithm written out below gives: every regex run on every line and sentence.
 */
import { describe, expect, it } from "vitest";
import { readNarrative, splitProblems } from "../../scripts/parse/narrative.ts";
import { splitSections, type Sections } from "../../scripts/parse/sections.ts";
import { loadSeeds } from "../../scripts/bench/corpus.ts";

/* ------------------------------------------------------------------ reference */

const IMPROVEMENT_START_RE =
  /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施|整改措施|改进方向|下一步工作|下一步打算|下一步|今后工作打算|针对(?:上述|以上|存在的)?问题)/;
const PROBLEMS_HEADING_RE = /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:存在的主要问题|存在的问题|主要问题|存在问题)\s*[:：。]?\s*$/;
const IMPROVEMENTS_HEADING_RE = /^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施|整改措施)\s*[:：。]?\s*$/;
const IMPROVEMENT_SENTENCE_RE = /^(?:下一步|今后|针对(?:上述|以上|存在的)?(?:问题|不足)|为此|对此|\d{4}年[,，]?\s*(?:我们|我[街乡镇局办区县委]|本[单机]))/;
const SENTENCE_RE = /[^。！？!?;；\n]+[。！？!?;；]?/g;
const PROACTIVE_RES = [
  /主动(?:公开|发布)[^。;；\d]{0,24}?(?:共计|总计|合计|累计|共)?\s*(\d[\d,]*)\s*余?\s*条/g,
  /(?:共|累计|全年|总计|当年|本年度?)(?:主动)?(?:公开|公布|发布)[^。;；\d]{0,16}?(\d[\d,]*)\s*余?\s*条/g,
  /(?:公开|公布|发布)政府信息\s*(\d[\d,]*)\s*余?\s*件/g,
];
const NEW_RECEIVED_RES = [
  /(?:新收|收到|受理)[^。;；\d]{0,20}?申请(?:共计|共|合计)?\s*(\d[\d,]*)\s*(?:件|个|宗|条|份)/,
  /(?:共|累计)?(?:新收|收到|受理)[^。;；\d]{0,6}?(\d[\d,]*)\s*(?:件|个|宗|份)[^。;；]{0,12}?申请/,
];
const NO_APPLICATIONS_RE = /(?:未|没有)(?:收到|受理)[^。;；\d]{0,16}?申请/;

function joinOrNull(lines: string[] | null): string | null {
  const s = lines?.join("\n").trim();
  return s ? s : null;
}

function refSplitProblems(part: string[] | null) {
  if (!part) return { problems: null, improvements: null };
  const cut = part.findIndex((line, i) => i > 0 && IMPROVEMENT_START_RE.test(line));
  let problems = cut === -1 ? part : part.slice(0, cut);
  let improvements = cut === -1 ? [] : part.slice(cut);
  if (cut === -1) {
    const sentences = part.join("\n").match(SENTENCE_RE) ?? [];
    const at = sentences.findIndex((s, i) => i > 0 && IMPROVEMENT_SENTENCE_RE.test(s.trim()));
    if (at > 0) {
      problems = [sentences.slice(0, at).join("").trim()];
      improvements = [sentences.slice(at).join("").trim()];
    }
  }
  problems = problems.filter((l) => !PROBLEMS_HEADING_RE.test(l));
  improvements = improvements.map((l) => l.replace(IMPROVEMENTS_HEADING_RE, "")).filter((l) => l.trim());
  improvements = improvements.map((l) => l.replace(/^\s*(?:[(（]?[一二三四五六1-6][)）、.．]\s*)?(?:改进情况|改进措施)\s*[:：]\s*/, ""));
  return { problems: joinOrNull(problems), improvements: joinOrNull(improvements) };
}

/** the lines of the parts `keys`, then of the preamble, with their 1-based numbers */
function* linesOf(lines: string[], sections: Sections, keys: ("overview" | "proactive" | "applications")[]) {
  for (const key of keys) {
    const s = sections.get(key);
    if (s) for (let i = s.start; i < s.end; i++) yield { line: lines[i], number: i + 1 };
  }
  for (let i = 0; i < sections.preambleEnd; i++) yield { line: lines[i], number: i + 1 };
}

function refProactive(lines: string[], sections: Sections) {
  for (const { line, number } of linesOf(lines, sections, ["overview", "proactive"])) {
    for (const sentence of line.match(SENTENCE_RE) ?? []) {
      let best: RegExpMatchArray | null = null;
      for (const re of PROACTIVE_RES) {
        const m = [...sentence.matchAll(re)].find((m) => !/其中[^。;；]{0,6}$/.test(sentence.slice(Math.max(0, m.index! - 8), m.index)));
        if (m && (!best || m.index! < best.index!)) best = m;
      }
      if (best) return { value: Number(best[1].replace(/,/g, "")), sentence: sentence.trim(), line: number };
    }
  }
  return null;
}

function refReceived(lines: string[], sections: Sections) {
  for (const { line, number } of linesOf(lines, sections, ["overview", "applications"])) {
    const sentences = line.match(SENTENCE_RE) ?? [];
    for (const re of NEW_RECEIVED_RES)
      for (const sentence of sentences) {
        const m = re.exec(sentence);
        if (m) return { value: Number(m[1].replace(/,/g, "")), sentence: sentence.trim(), line: number };
      }
    const none = sentences.find((s) => NO_APPLICATIONS_RE.test(s));
    if (none) return { value: 0, sentence: none.trim(), line: number };
  }
  return null;
}

function refReadNarrative(lines: string[], sections: Sections) {
  const text = (from: number, to: number, firstLineRest?: string) =>
    lines
      .slice(from, to)
      .map((l, k) => (k === 0 && firstLineRest !== undefined ? firstLineRest : l).trim())
      .filter(Boolean);
  const body = (key: "overview" | "problems" | "other") => {
    const s = sections.get(key);
    return s ? text(s.start, s.end, s.headingRest) : null;
  };
  let titleEnd = 0;
  for (let i = 0; i < Math.min(sections.preambleEnd, 12); i++)
    if (/信息公开.{0,6}报告/.test(lines[i]) && lines[i].length < 80) {
      titleEnd = i + 1;
      break;
    }
  return {
    sections: {
      overview: joinOrNull(body("overview") ?? text(titleEnd, sections.preambleEnd)),
      ...refSplitProblems(body("problems")),
      other: joinOrNull(body("other")),
    },
    proactive: refProactive(lines, sections),
    newReceived: refReceived(lines, sections),
  };
}

/* ------------------------------------------------------------------ inputs */

const PIECES = [
  "2022年政府信息公开工作年度报告",
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
  "（一）存在的主要问题",
  "存在的问题：",
  "（二）改进情况",
  "改进措施：加强培训。",
  "下一步工作打算",
  "本年度共收到政府信息公开申请12件。",
  "收到政府信息公开申请 3 件，办结3件",
  "共新收申请1,024件",
  "受理群众申请5份",
  "未收到政府信息公开申请。",
  "我单位没有受理公开申请",
  "累计主动公开政府信息10条，其中：规章类信息5条。",
  "其中主动公开规章3条",
  "主动公开了全年总信息共计212条",
  "共公布政府信息2599条；主动发布各类政府信息2428条",
  "当年发布政府信息 393 件",
  "主动公开各类政府信息5500余条。",
  "《中华人民共和国政府信息公开条例》第二十条第(一)项",
  "一、本年新收政府信息公开申请数量\t56\t92\t465",
  "（一）予以公开\t3\t0",
  "规章\t0\t0\t5",
  "宣传力度不够，群众知晓度不高。",
  "下一步，我们将加强培训。",
  "2021年，我局将继续推进。",
  "针对上述问题，采取措施。",
  "为此，要加强。",
  "对此我们将改进。",
  "针对存在的不足，加强培训",
  "2020年我街道将加强；",
  "2020年, 本单位将推进",
  "今后将做好",
  "一是认识不够到位。二是工作力度不大；",
  "  ",
  "",
  "\u30002020年度",
  "条",
  "件件",
  "12",
  "公开",
  "申请",
];
const GLUE = ["", "", "", "。", "，", " ", "\t", "！", "；", "其中", "12", "下一步", "2020年，我们"];

/** `count` lists of up to `maxLines` lines made of `pieces` (some glued together) */
function generate(count: number, maxLines: number, pieces: string[], seed: number): string[][] {
  const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
  const out: string[][] = [];
  for (let k = 0; k < count; k++) {
    const lines: string[] = [];
    for (let j = rand(maxLines) + 1; j > 0; j--) {
      let line = pieces[rand(pieces.length)];
      if (rand(3) === 0) line = GLUE[rand(GLUE.length)] + line + GLUE[rand(GLUE.length)] + (rand(2) ? pieces[rand(pieces.length)] : "");
      lines.push(line);
    }
    out.push(lines);
  }
  return out;
}

/** lines of a problems part: problems, remedies starting a sentence or a line, headings */
const PROBLEM_PIECES = [
  "宣传力度不够，群众知晓度不高。",
  "一是认识不够到位。二是工作力度不大；",
  "存在的主要问题：",
  "（一）存在的问题",
  "（二）改进情况",
  "改进措施：加强培训。",
  "改进情况",
  "下一步，我们将加强培训。",
  "今后将做好",
  "针对上述问题，采取措施。",
  "针对存在的不足，加强培训",
  "为此，要加强。",
  "对此我们将改进。",
  "2021年，我局将继续推进。",
  "2020年我街道将加强；",
  "2020年, 本单位将推进",
  "2020年 本机关",
  "2019年，王城路0街道严格落实",
  "我们将下大功夫！",
  "  ",
  "",
];

describe("readNarrative = the straightforward reading", () => {
  it("splitProblems, on generated problems parts", () => {
    for (const part of generate(6000, 6, PROBLEM_PIECES, 5)) expect(splitProblems(part), part.join("\n")).toEqual(refSplitProblems(part));
    expect(splitProblems(null)).toEqual(refSplitProblems(null));
  });

  it("on the seeds", () => {
    for (const seed of loadSeeds()) {
      const lines = seed.text.split("\n");
      const sections = splitSections(lines);
      expect(readNarrative(lines, sections), seed.name).toEqual(refReadNarrative(lines, sections));
    }
  });

  it("on generated reports mixing headings, stated figures, table rows and remedies", () => {
    for (const lines of generate(4000, 40, PIECES, 11)) {
      const sections = splitSections(lines);
      expect(readNarrative(lines, sections), lines.join("\n")).toEqual(refReadNarrative(lines, sections));
    }
  });
});
