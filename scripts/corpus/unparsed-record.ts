/**
 * `--json` promises one record per input file, in order. A file that could not be parsed still
 * gets a record-shaped entry — empty tables, template "unknown" — whose warnings say why.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { Report, Unparsed } from "../../src/schema.ts";

export function unparsedRecord(entry: Unparsed, bytes: Uint8Array | null): Report {
  const slug = basename(entry.path).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "file";
  const blank = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return {
    id: `unparsed-${slug}`,
    year: 0,
    template: "unknown",
    title: null,
    publishedAt: null,
    agency: { id: `unparsed-${slug}`, name: "", region: [] },
    source: { path: entry.path, sha256: bytes ? createHash("sha256").update(bytes).digest("hex") : "", layout: "none" },
    proactive: { total: null, evidence: null },
    table2: {},
    table3: {},
    table4: { review: blank(), litigationDirect: blank(), litigationAfterReview: blank() },
    sections: { overview: null, problems: null, improvements: null, other: null },
    themes: [],
    checks: [],
    warnings: [{ code: "unparsed", message: entry.reason, ...(entry.line ? { line: entry.line } : {}) }],
    cellLines: {},
  };
}
