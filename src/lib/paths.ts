/**
 * Every internal link goes through `href` so the site works under a sub-path (SITE_BASE, as on a
 * GitHub Pages project site). No link may assume "/".
 */
import { agencyRoute, regionRoute, reportRoute, themeRoute } from "./routes";

// written literally so Vite replaces it at build time
const RAW_BASE: string = import.meta.env.BASE_URL ?? "/";
export const BASE = RAW_BASE.endsWith("/") ? RAW_BASE : RAW_BASE + "/";

/** `href("agencies/")` → "/base/agencies/". Pass paths without a leading slash. */
export function href(p = ""): string {
  return BASE + p.replace(/^\/+/, "");
}
export const reportHref = (id: string, line?: number | null) => href(reportRoute(id)) + (line ? `#L${line}` : "");
export const agencyHref = (id: string) => href(agencyRoute(id));
export const regionHref = (key: string) => href(regionRoute(key));
export const themeHref = (id: string) => href(themeRoute(id));
