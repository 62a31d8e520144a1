import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../scripts/parse/read/docx.ts";
import { UnreadableError } from "../../scripts/parse/read/source.ts";

// tests/read/fixtures/report.docx is written by tests/read/fixtures/make-docx.ts
const fixture = new Uint8Array(readFileSync(new URL("./fixtures/report.docx", import.meta.url)));

describe("readDocx", () => {
  it("reads paragraphs as lines and tables as tab rows (gridSpan, vMerge, multi-paragraph cells)", async () => {
    const { lines, format, meta } = await readDocx(fixture);
    expect(format).toBe("docx");
    expect(meta).toEqual({});
    expect(lines).toEqual([
      "示例县人民政府2023年政府信息公开工作年度报告",
      "一、总体情况",
      "2023年，本县主动公开政府信息120条。",
      "三、收到和处理政府信息公开申请情况",
      "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
      "一、本年新收政府信息公开申请数量\t\t\t12\t1\t0\t0\t0\t0\t13",
      "三、本年度办理结果\t(一)予以公开\t\t5\t1\t0\t0\t0\t0\t6",
      "\t(三)不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
      "\t(七)总计\t\t12\t1\t0\t0\t0\t0\t13",
      "六、其他需要报告的事项",
      "无。",
    ]);
  });

  it("refuses files that are not .docx", async () => {
    await expect(readDocx(new TextEncoder().encode("{\\rtf1 not word}"))).rejects.toThrow(/not a Word \.docx/);
    await expect(readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(UnreadableError);
  });
});
