/**
 * Every internal link goes through `href` so the site works under a sub-path (SITE_BASE, as on a
 * GitHub Pages project site). No link may assume "/".
 */
// written literally so Vite replaces it at build time
const RAW_BASE: string = import.meta.env.BASE_URL ?? "/";
export const BASE = RAW_BASE.endsWith("/") ? RAW_BASE : RAW_BASE + "/";

/** `href("agencies/")` → "/base/agencies/". Pass paths without a leading slash. */
export function href(p = ""): string {
  return BASE + p.replace(/^\/+/, "");
}
export const reportHref = (id: string, line?: number | null) => href(`reports/${id}/`) + (line ? `#L${line}` : "");
export const agencyHref = (id: string) => href(`agencies/${id}/`);
export const regionHref = (key: string) => href(`regions/${key}/`);
export const themeHref = (id: string) => href(`themes/${id}/`);
