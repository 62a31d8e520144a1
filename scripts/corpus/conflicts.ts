/**
 * Two files for the same agency and year are both kept and flagged; the site shows one — the later
 * published, then the one read with fewer warnings (e.g. a web page over its run-together text
 * export), then the later file name — and says so. Record ids stay unique: the shown record keeps
 * `${agency.id}-${year}`, the others get a "-2", "-3" … suffix.
 */
import type { Report } from "../../src/schema.ts";

export function flagConflicts(reports: Report[]): void {
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    const key = `${r.agency.id}-${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const ranked = [...group].sort(
      (a, b) =>
        (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") ||
        a.warnings.length - b.warnings.length ||
        b.source.path.localeCompare(a.source.path),
    );
    ranked.forEach((r, i) => {
      r.id = i === 0 ? key : `${key}-${i + 1}`;
      r.conflict = { with: group.filter((o) => o !== r).map((o) => o.source.path), shown: i === 0 };
      r.warnings.push({
        code: "conflict",
        message: `同一机关同一年度有 ${group.length} 份报告（${group.map((o) => o.source.path).join("、")}）；${i === 0 ? "网站显示这一份" : `网站显示 ${ranked[0].source.path}`}`,
      });
    });
  }
}
