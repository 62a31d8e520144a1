/**
 * Text of one produced line (a paragraph, a table cell, a PDF text line), normalized the way
 * decode.ts normalizes text exports: folded alphabet (full-width digits, parens, spaces), then runs
 * of spaces collapsed, and no space left between two CJK characters or a CJK character and a digit (markup and PDF layout put
 * spaces there that the printed text does not have: "三、本 年度" is "三、本年度", "2024 年" is "2024年").
 */
import { normalizeText } from "./decode.ts";

const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u201c\\u201d";
const CJK_GAP_RE = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])|(?<=[${CJK}]) +(?=\\d)|(?<=\\d) +(?=[${CJK}])`, "gu");

export function cleanLine(s: string): string {
  return normalizeText(s)
    .join(" ")
    .replace(/[ \t]+/g, " ")
    .replace(CJK_GAP_RE, "")
    .trim();
}
