/**
 * Server-side rendering of Plot charts: Plot draws into a linkedom document and the SVG is
 * serialized to a string at build time (no JavaScript in the page). linkedom escapes text and
 * attribute values, so names from reports inside <title> tooltips stay plain text.
 */
import { parseHTML } from "linkedom";

let doc: Document | null = null;
/** A shared DOM document for Plot's `document` option. */
export function plotDocument(): Document {
  if (!doc) doc = parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return doc;
}

const GEOMETRY_ATTR = /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|points|viewBox)="([^"]*)"/g;
const LONG_NUMBER = /-?\d+\.\d{2,}/g;

/** Serialize a Plot result, rounding geometry to 0.1 px to keep pages small. */
export function serialize(node: Element): string {
  const html = (node as unknown as { outerHTML: string }).outerHTML;
  return html.replace(GEOMETRY_ATTR, (_m, name: string, value: string) => {
    const v = value.replace(LONG_NUMBER, (n) => String(Math.round(Number(n) * 10) / 10));
    return ` ${name}="${v}"`;
  });
}

/** Common Plot options: fixed size, CJK-friendly font size, no random ids. */
export const BASE_STYLE = { fontSize: "12px", overflow: "visible" } as const;

export const COLORS = {
  main: "#2b6cb0",
  accent: "#c05621",
  muted: "#a0aec0",
  fail: "#c53030",
} as const;
