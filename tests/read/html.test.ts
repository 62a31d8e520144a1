import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../scripts/parse/read/html.ts";
import { UnreadableError } from "../../scripts/parse/read/source.ts";
import { corpusBytes, hasCorpus, numbersOf, rowOf } from "./corpus-path.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

const PAGE = `<!DOCTYPE html><html><head><title>某县2023年政府信息公开工作年度报告_年报_某县人民政府</title>
<meta name="PubDate" content="2024-01-30 10:00"></head><body>
<div class="header"><ul role="navigation"><li><a href="/">首页</a></li><li>政务公开</li></ul></div>
<table class="xxgk_info"><tr><td>索引号：</td><td>11320000-2024-00012</td><td>发布机构：</td><td>某县人民政府办公室</td></tr>
<tr><td>发布日期：</td><td>2024年01月29日</td></tr></table>
<div class="article"><div class="view TRS_UEDITOR">
<p>某县2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>全年主动公开政府信息１２０条。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tbody>
<tr><td colspan="3"><p>(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)</p></td><td>自然人</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>１２</td><td>12</td></tr>
<tr><td rowspan="2"><p>三、本</p><p>年度办</p><p>理结果</p></td><td colspan="2">（一）予以公开</td><td>5</td><td>5</td></tr>
<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td><td>0</td></tr>
</tbody></table>
<p>六、其他需要报告的事项</p><p>无。</p>
</div></div>
<div class="share">分享到：微信 微博</div>
<div class="xglj"><span>相关链接：</span><a href="#">某县2022年报告</a></div>
<div class="footer">主办单位：某县人民政府 网站标识码 3200000000</div>
</body></html>`;

describe("readHtml: a saved government page", () => {
  it("finds the report body and leaves the page chrome out", async () => {
    const { lines, format } = await readHtml(utf8(PAGE));
    expect(format).toBe("html");
    expect(lines[0]).toBe("某县2023年政府信息公开工作年度报告");
    const text = lines.join("\n");
    for (const chrome of ["首页", "分享到", "相关链接", "主办单位", "索引号", "网站标识码"]) expect(text).not.toContain(chrome);
    expect(lines).toContain("全年主动公开政府信息120条。"); // full-width digits folded
  });

  it("writes each table row as tab-separated cells, spans expanded, split labels joined", async () => {
    const { lines } = await readHtml(utf8(PAGE));
    expect(lines).toContain("一、本年新收政府信息公开申请数量\t\t\t12\t12");
    expect(lines).toContain("三、本年度办理结果\t(一)予以公开\t\t5\t5");
    expect(lines).toContain("\t(三)不予公开\t1.属于国家秘密\t\t0"); // &nbsp; cell stays an empty cell
  });

  it("takes title, 发布日期, 发布机构 and 索引号 from the page", async () => {
    const { meta } = await readHtml(utf8(PAGE));
    expect(meta).toEqual({
      title: "某县2023年政府信息公开工作年度报告",
      publishedAt: "2024-01-29",
      publisher: "某县人民政府办公室",
      indexNo: "11320000-2024-00012",
    });
  });

  it("reads GB18030 pages and bare fragments", async () => {
    const gbk = new Uint8Array(iconv.encode(PAGE.replace("<head>", '<head><meta charset="gbk">'), "gb18030"));
    expect((await readHtml(gbk)).lines).toContain("三、本年度办理结果\t(一)予以公开\t\t5\t5");
    const fragment = await readHtml(utf8("<p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>"));
    expect(fragment.lines).toEqual(["一、总体情况", "规章\t0"]);
  });

  it("reads an article laid out inside a layout table cell, nav cells left out", async () => {
    const long = "全年主动公开政府信息120条，".repeat(40);
    const page = `<html><body><table><tr><td class="nav"><a href="/">首页</a> <a href="/x">机构概况</a></td><td>
      <p>一、总体情况</p><p>${long}</p><p>三、收到和处理政府信息公开申请情况</p>
      <table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>
      <p>六、其他需要报告的事项</p></td></tr></table></body></html>`;
    const { lines } = await readHtml(utf8(page));
    expect(lines[0]).toBe("一、总体情况");
    expect(lines).toContain("一、本年新收政府信息公开申请数量\t3");
    expect(lines.join("\n")).not.toContain("机构概况");
  });

  it("refuses files that are not HTML pages", async () => {
    await expect(readHtml(utf8("just some words"))).rejects.toThrow(UnreadableError);
    await expect(readHtml(utf8("<html><body><script>var a</script></body></html>"))).rejects.toThrow(UnreadableError);
    await expect(readHtml(new Uint8Array([0, 1, 2, 0]))).rejects.toThrow(UnreadableError);
  });
});

describe.runIf(hasCorpus)("readHtml on the corpus (pingtan pages)", () => {
  const years = ["2019", "2020", "2022", "2023", "2025"];

  it.each(years)("pingtan-%s: table 3 rows are tab rows with 7 numbers, table 4 one row of 15", async (year) => {
    const started = performance.now();
    const { lines, meta } = await readHtml(corpusBytes(`pingtan-${year}/page.html`));
    const ms = performance.now() - started;
    console.log(`pingtan-${year}/page.html: ${lines.length} lines, ${ms.toFixed(0)} ms`);
    expect(meta.title).toBe(`平潭综合实验区${year}年度政府信息公开工作年度报告`);
    expect(meta.publishedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
    for (const label of ["本年新收政府信息公开申请数量", "予以公开", "属于国家秘密", "重复申请", "(七)总计", "结转下年度继续办理"])
      expect(numbersOf(rowOf(lines, label)), label).toHaveLength(7);
    expect(lines.filter((l) => /^(\d+\t){14}\d+$/.test(l))).toHaveLength(1);
    const text = lines.join("\n");
    for (const chrome of ["网站支持IPV6", "扫一扫", "相关链接", "长者模式", "当前位置", "闽政通"]) expect(text).not.toContain(chrome);
  });

  it("pingtan-2023: the values of the page", async () => {
    const { lines, meta } = await readHtml(corpusBytes("pingtan-2023/page.html"));
    expect(meta.publishedAt).toBe("2024-03-08");
    expect(numbersOf(rowOf(lines, "本年新收政府信息公开申请数量"))).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(numbersOf(rowOf(lines, "部分公开"))).toEqual([19, 1, 0, 0, 0, 0, 20]);
    expect(lines).toContain("1\t1\t0\t0\t2\t4\t0\t0\t1\t5\t1\t0\t1\t0\t2");
    expect(lines).toContain("行政规范性文件\t77\t132\t470");
    expect(lines).toContain("行政事业性收费\t5949.088667\t\t");
  });
});
