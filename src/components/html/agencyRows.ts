/** Table rows of agency lists (/agencies/, region pages), built as escaped strings for speed. */
import type { AgencyEntry } from "../../lib/corpus";
import { esc, Html } from "../../lib/html";
import { agencyHref } from "../../lib/paths";

/** Rows of the /agencies/ table; data-* attributes feed the client-side filters. */
export function agencyListRows(agencies: AgencyEntry[]): Html {
  let s = "";
  for (const a of agencies) {
    const where = a.region.slice(1).join(" · ") || a.region[0] || "—";
    const prov = a.region.length > 1 ? `<small class="muted">（${esc(a.region[0])}）</small>` : "";
    s +=
      `<tr data-province="${esc(a.region[0] ?? "")}" data-level="${esc(a.level)}" data-years="${a.years.join(" ")}" data-failing="${a.failing}">` +
      `<td data-v="${esc(a.name)}"><a href="${agencyHref(a.id)}">${esc(a.name)}</a></td>` +
      `<td data-v="${esc(a.region.join("/"))}">${esc(where)}${prov}</td>` +
      `<td>${esc(a.level)}</td>` +
      `<td data-v="${a.years[a.years.length - 1] ?? 0}">${a.years.join("、")}</td>` +
      `<td class="n">${a.reports.length}</td>` +
      `<td class="n" data-v="${a.failing}">${a.failing ? `<span class="badge fail">${a.failing}</span>` : "0"}</td></tr>`;
  }
  return new Html(s);
}

/** Rows of a region page's agency table (place below the region, level, years, failing checks). */
export function regionAgencyRows(agencies: AgencyEntry[], depth: number): Html {
  let s = "";
  for (const a of agencies) {
    s +=
      `<tr><td><a href="${agencyHref(a.id)}">${esc(a.name)}</a></td>` +
      `<td>${esc(a.region.slice(depth + 1).join(" · ") || "（本级）")}</td>` +
      `<td>${esc(a.level)}</td><td>${a.years.join("、")}</td>` +
      `<td class="n">${a.failing ? `<span class="badge fail">${a.failing}</span>` : "0"}</td></tr>`;
  }
  return new Html(s);
}
