import { describe, expect, it } from "vitest";
import { readPdf } from "../../scripts/parse/read/pdf.ts";
import { UnreadableError } from "../../scripts/parse/read/source.ts";
import { corpusBytes, hasCorpus, numbersOf, rowOf } from "./corpus-path.ts";

/** A one-page PDF with text at given positions (Helvetica, no rulings), xref offsets computed. */
function tinyPdf(texts: { x: number; y: number; s: string }[]): Uint8Array {
  const stream = texts.map((t) => `BT /F1 12 Tf ${t.x} ${t.y} Td (${t.s}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe("readPdf: a small PDF", () => {
  it("reads a table without rulings as tab rows, prose as paragraphs, page numbers dropped", async () => {
    const { lines, format } = await readPdf(
      tinyPdf([
        { x: 72, y: 780, s: "Annual report" },
        { x: 72, y: 700, s: "Received" },
        { x: 300, y: 700, s: "12" },
        { x: 360, y: 700, s: "3" },
        { x: 420, y: 700, s: "15" },
        { x: 280, y: 40, s: "- 1 -" },
      ]),
    );
    expect(format).toBe("pdf");
    expect(lines).toEqual(["Annual report", "Received\t12\t3\t15"]);
  });
});

describe("readPdf: input that is not a PDF", () => {
  it("throws UnreadableError with a reason", async () => {
    await expect(readPdf(new TextEncoder().encode("<html>not a pdf</html>"))).rejects.toThrow(/not a PDF/);
    await expect(readPdf(new TextEncoder().encode("%PDF-1.7 truncated"))).rejects.toThrow(UnreadableError);
  });
});

describe.runIf(hasCorpus)("readPdf on the corpus", () => {
  const timed = async (path: string) => {
    const started = performance.now();
    const source = await readPdf(corpusBytes(path));
    console.log(`${path}: ${source.lines.length} lines, ${(performance.now() - started).toFixed(0)} ms`);
    return source;
  };

  it("huaian-2024: table rows rebuilt from ruling lines, wrapped labels joined", async () => {
    const { lines, format } = await timed("huaian-2024/szfgs2024.pdf");
    expect(format).toBe("pdf");
    // 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计
    expect(numbersOf(rowOf(lines, "本年新收政府信息公开申请数量"))).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    // the label wraps over two lines in the cell: one label again
    expect(lines).toContain("\t(二)部分公开(区分处理的，只计这一情形，不计其他情形)\t\t447\t7\t0\t0\t0\t0\t454");
    expect(numbersOf(rowOf(lines, "逾期不补正"))).toEqual([67, 3, 0, 0, 1, 0, 71]);
    // rows on both sides of the page break
    expect(numbersOf(rowOf(lines, "本机关不掌握相关政府信息"))).toEqual([746, 12, 0, 0, 10, 1, 769]);
    expect(numbersOf(rowOf(lines, "没有现成信息需要另行制作"))).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(numbersOf(rowOf(lines, "(七)总计"))).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    // table 4: the 15 numbers under their columns
    expect(lines).toContain("72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20");
    expect(lines).toContain("行政规范性文件\t8\t26\t66");
    expect(lines).toContain("行政事业性收费\t96171.6");
  });

  it("huaian-2024: paragraphs re-joined across line wraps, page numbers dropped", async () => {
    const { lines } = await timed("huaian-2024/szfgs2024.pdf");
    expect(lines).toContain("一、总体情况");
    expect(lines.some((l) => l.startsWith("(一)主动公开情况。") && l.includes("主动公开各类政府信息5500余条"))).toBe(true);
    expect(lines.some((l) => /^-\s*\d+\s*-$/.test(l))).toBe(false);
    expect(lines.at(-1)).toBe("2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。");
  });

  it("hongze-2023: the last row before a page break (no closing rule) stays in its table", async () => {
    const { lines, meta } = await timed("hongze-2023/hzq2023_working.pdf");
    expect(meta.title).toBe("洪泽区人民政府2023年政府信息公开工作年度报告");
    expect(lines).toContain("\t\t2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3");
    expect(lines).toContain("10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0");
    // the header cells read in order, not scrambled ("其他" over "结果")
    expect(lines.some((l) => l.split("\t").includes("其他结果"))).toBe(true);
  });

  it("hongze-2024: the generic PDF title is not taken as the report's", async () => {
    const { lines, meta } = await timed("hongze-2024/hzq2024_working.pdf");
    expect(meta.title).toBeUndefined();
    expect(lines.slice(0, 2)).toEqual(["淮安市洪泽区人民政府", "2024年政府信息公开工作年度报告"]);
    expect(lines).toContain("1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3");
  });
});
