/**
 * The theme widgets that appear on every report and agency page, built as escaped strings with
 * src/lib/html.ts (Astro's component pipeline costs ~10–50 µs per element, which adds up over
 * 10,000 pages). Every interpolation is escaped: report text never becomes markup. Inserted with
 * Raw.astro by ThemeChips.astro and RecurrenceList.astro.
 */
import { html, join, attr, Html } from "../../lib/html";
import { href } from "../../lib/paths";
import { evidenceBySentence, fmtYears, type AgencyRecurrenceView, type ThemeChip, type ThemeLink } from "../../lib/themes";

const themeLinks = (themes: ThemeLink[]) => join(themes.map((t, i) => html`${i > 0 ? "、" : ""}<a href="${t.href}">${t.name}</a>`));

const cut = (s: string, n = 120) => ([...s].length > n ? [...s].slice(0, n).join("") + "…" : s);

export interface ChipsOptions {
  /** report chips (with the evidence list) or agency chips (with the years) */
  kind: "report" | "agency";
  /** source line of an evidence sentence on this page (report pages: "#L<n>" anchors) */
  lineOf?: (sentence: string) => number | null;
  /** list the evidence sentences under the chips (report only) */
  evidence?: boolean;
  /** the report has a 存在的主要问题 section (says "no theme found" instead of nothing) */
  hasProblems?: boolean;
}

export function themeChipsHtml(chips: ThemeChip[], o: ChipsOptions): Html {
  const method = html`<p class="muted tc-note">主题由程序按<a href="${href("themes/")}">主题表</a>中的关键词和句式识别，可能有遗漏或误判；以原文为准。</p>`;
  if (!chips.length)
    return o.kind === "report" && o.hasProblems
      ? html`<p class="muted" data-testid="theme-chips">没有识别出<a href="${href("themes/")}">问题主题</a>（主题表中的关键词和句式都没有出现在这一部分）。</p>`
      : new Html("");
  const lead =
    o.kind === "report" ? `识别出的问题主题（${chips.length} 个）：` : `历年报告中识别出的问题主题（${chips.length} 个，按出现年数排列）：`;
  const items = join(
    chips.map((c) => {
      const tip = c.evidence.length ? `依据：${c.evidence.join("\n")}` : null;
      const years = c.years ? html`<span class="tc-yrs">（${fmtYears(c.years.map((y) => y.year))}）</span>` : "";
      return html`<li><a class="badge" href="${c.href}"${attr("title", tip)}>${c.name}${years}</a></li>`;
    }),
  );
  let evidence: Html | string = "";
  if (o.kind === "report" && o.evidence !== false && chips.some((c) => c.evidence.length)) {
    const rows = join(
      evidenceBySentence(chips).map((e) => {
        const ln = o.lineOf?.(e.sentence) ?? null;
        const text = ln ? html`<a href="#L${ln}" title="原文第 ${ln} 行">${e.sentence}</a>` : html`${e.sentence}`;
        return html`<li>${text}<span class="muted"> → ${themeLinks(e.themes)}</span></li>`;
      }),
    );
    evidence = html`<details><summary>主题依据的句子</summary><ul class="tc-ev">${rows}</ul></details>`;
  }
  return html`<div class="theme-chips" data-testid="theme-chips"><p class="muted tc-lead">${lead}</p><ul class="chips">${items}</ul>${evidence}${method}</div>`;
}

export function recurrenceHtml(v: AgencyRecurrenceView, limit = 20): Html {
  let body: Html;
  if (v.reports < 2) body = html`<p class="muted">只收录了这个机构一年的报告，还看不出问题是否重复出现。</p>`;
  else if (!v.available) body = html`<p class="muted">数据文件中没有重复出现的统计（重新运行 <code>npm run parse</code> 即可生成）。</p>`;
  else if (!v.recurring.length)
    body = html`<p class="muted">在收录的 ${v.reports} 份报告中，没有哪个<a href="${href("themes/")}">问题主题</a>在相邻两年都被提到。</p>`;
  else
    body = html`<ul>${join(
      v.recurring.map(
        (x) =>
          html`<li><a href="${x.href}">${x.name}</a>：${fmtYears(x.years)} 年${x.longestRun >= 2 ? `（最长连续 ${x.longestRun} 年）` : ""}<span class="muted"> 报告：${join(
            x.reports.map((r, i) => html`${i > 0 ? "、" : ""}<a href="${r.href}">${r.year}</a>`),
          )}</span></li>`,
      ),
    )}</ul>`;
  let promises: Html | string = "";
  if (v.promises.length) {
    const shown = v.promises.slice(0, limit);
    const items = join(
      shown.map(
        (p) =>
          html`<li><p>${themeLinks(p.themes)}</p><p><span class="tag">${p.promisedYear} 年承诺</span><a class="quote" href="${p.promiseHref}">${cut(p.promise)}</a></p><p><span class="tag">${p.reportedYear} 年仍报告</span><a class="quote" href="${p.problemHref}">${cut(p.problem)}</a></p></li>`,
      ),
    );
    const more = v.promises.length > shown.length ? html`<p class="muted">另有 ${v.promises.length - shown.length} 组未列出。</p>` : "";
    promises = html`<h3>承诺改进、次年仍报告的问题</h3><p class="muted">上一年“改进情况”中承诺改进，下一年“存在的主要问题”中又提到同一主题。引文链接到原文所在行。</p><ol class="promises">${items}</ol>${more}`;
  }
  return html`<div class="recurrence" data-testid="recurrence"><h3>多年重复出现的问题</h3>${body}${promises}</div>`;
}
