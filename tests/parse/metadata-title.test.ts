/**
 * The title found by extractMetadata (with its fast paths: head lines without a 告 nearby are
 * skipped, trailing "|" and blanks trimmed without a regex) must be the one the straightforward
 * search below finds, on generated head lines.
 */
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../../scripts/parse/metadata.ts";
import type { SourceText } from "../../scripts/parse/read/source.ts";
import type { Sections } from "../../scripts/parse/sections.ts";

const TITLE_RE = /政府信息公开(?:工作)?(?:年度)?(?:工作)?报告|信息公开(?:工作)?年度报告|政务公开.{0,4}年度报告/;
const TITLE_PREFIX_RE = /^\s*(?:标题|名称|题名|文章标题)\s*[:：]\s*/;
const CHROME_LINE_RE = /^\s*[\u4e00-\u9fa5]{2,6}\s*[:：]|https?:|\/\S+\//;

/** the search before the fast paths */
function referenceTitle(head: string[]): string | null {
  let best: string | null = null;
  const cleaned = (i: number) => head[i].replace(TITLE_PREFIX_RE, "").replace(/[|\s]+$/g, "").trim();
  for (let i = 0; i < head.length; i++) {
    const raw = head[i];
    const prefixed = TITLE_PREFIX_RE.test(raw);
    if (!prefixed && CHROME_LINE_RE.test(raw)) continue;
    let line = cleaned(i);
    const next = head[i + 1] ? cleaned(i + 1) : "";
    const previous = i > 0 ? cleaned(i - 1) : "";
    if (!TITLE_RE.test(line)) {
      if (line.length < 40 && next.length < 40 && TITLE_RE.test(line + next) && !TITLE_RE.test(next)) line = line + next;
      else continue;
    } else if (/^20\d{2}/.test(line) && previous.length >= 2 && previous.length <= 30 && !/[。，,;；:：]/.test(previous)) {
      line = previous + line;
    }
    if (line.length > 80) continue;
    const title = line.replace(/\s+(?=\d)/g, "");
    if (!prefixed && !raw.includes("|")) return title;
    best ??= title;
  }
  return best;
}

const PIECES = [
  "标题：", "名称:", "文章标题 ： ", "淮安市洪泽区人民政府", "2024年", "2024 年", "政府信息公开工作", "年度报告", "报告",
  "政府信息公开工作年度报告", "政务公开工作年度报告", "信息公开年度报告", "|", " | ", " ", "\u3000", "\t", "\u00a0", "\ufeff",
  "来源：", "http://www.gov.cn/", "。", "，", "上海市科委", "告", "公开", "发布日期：2024-01-20",
];

function heads(count: number): string[][] {
  let seed = 5;
  const rand = (n: number) => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n;
  const out: string[][] = [];
  for (let k = 0; k < count; k++) {
    const head: string[] = [];
    for (let j = rand(9) + 1; j > 0; j--) {
      let line = "";
      for (let p = rand(5); p >= 0; p--) line += PIECES[rand(PIECES.length)];
      head.push(rand(6) ? line : "");
    }
    out.push(head);
  }
  return out;
}

function titleOf(head: string[]): string | null {
  const source = { lines: head, format: "txt", meta: {} } as SourceText;
  const sections = { list: [], preambleEnd: head.length, get: () => undefined } as unknown as Sections;
  return extractMetadata(source, sections, { file: "t.txt", name: "某局", region: ["上海市"] }, "t.txt").title;
}

describe("findTitle fast paths", () => {
  it("find the title the plain search finds", () => {
    let found = 0;
    for (const head of heads(5000)) {
      const expected = referenceTitle(head);
      expect(titleOf(head)).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(1000);
  });
});
