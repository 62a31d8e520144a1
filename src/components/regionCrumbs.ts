/** Breadcrumb entries for a region path: 地区 › 省 › 市 › 县. */
import { regionKey } from "../lib/corpus";
import { href, regionHref } from "../lib/paths";

export default function regionCrumbs(region: string[]): { label: string; href?: string }[] {
  return [{ label: "地区", href: href("regions/") }, ...region.map((name, i) => ({ label: name, href: regionHref(regionKey(region.slice(0, i + 1))) }))];
}
