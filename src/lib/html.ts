/**
 * Escaping HTML builder for the large, repetitive fragments (source text, official-form tables,
 * long lists). Astro's component pipeline costs ~10–50 µs per element, too slow for 10,000 report
 * pages; plain string building is not. Safety is the same as Astro's: every interpolated value is
 * escaped unless it is itself an `Html` made by this builder. Report text therefore can never become
 * markup; `Raw.astro` only accepts `Html` values.
 */

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const ESC_RE = /[&<>"']/g;
const HAS_ESC = /[&<>"']/;

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function esc(value: unknown): string {
  const s = value == null ? "" : String(value);
  return HAS_ESC.test(s) ? s.replace(ESC_RE, (c) => ESC[c]) : s;
}

/** A fragment of markup produced by `html` (its parts were escaped when it was built). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part == null || part === false || part === true) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) {
    let s = "";
    for (const p of part) s += render(p);
    return s;
  }
  return esc(part);
}

/** Tagged template: `html\`<td>${text}</td>\`` — interpolations are escaped, nested Html kept. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let s = strings[0];
  for (let i = 0; i < parts.length; i++) s += render(parts[i]) + strings[i + 1];
  return new Html(s);
}

/** Join many fragments (faster than nesting arrays for very long lists). */
export function join(parts: Iterable<Html>): Html {
  let s = "";
  for (const p of parts) s += p.value;
  return new Html(s);
}

/** An optional attribute: ` name="value"` or nothing. */
export function attr(name: string, value: string | number | null | undefined | false): Html {
  return value == null || value === false ? new Html("") : new Html(` ${name}="${esc(value)}"`);
}

/** A printed count as the forms print it: digits, "—" for blank (null). */
export function num(v: number | null | undefined): string {
  return v == null ? "—" : String(v);
}
