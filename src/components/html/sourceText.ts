/**
 * The normalized source text with line numbers; line N has id "L<N>" so table cells and warnings
 * link to it. Report text is untrusted: every line is escaped.
 */
import { esc, Html } from "../../lib/html";

export function sourceTextHtml(lines: string[] | null): Html {
  if (!lines) return new Html('<p class="muted">没有找到这份报告的原文文本。</p>');
  let s = '<div class="source"><ol>';
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    s += `<li id="L${n}"><a href="#L${n}">${n}</a><span>${esc(lines[i])}</span></li>`;
  }
  return new Html(s + "</ol></div>");
}
