/**
 * Stage 8 — validate: every record must satisfy the zod schema shared with the site.
 * An invalid record is a parser bug, reported with the file that triggered it.
 *
 * A record the checker compiled from the schema accepts is returned as it is (zod would return an
 * equal copy); anything else gets zod's full parse, its verdict and its issues.
 */
import { Report } from "../../src/schema.ts";
import { compileCheck } from "../../src/schema-check.ts";

export class InvalidRecordError extends Error {
  constructor(path: string, issues: string) {
    super(`parser bug: the record for ${path} does not match src/schema.ts:\n${issues}`);
    this.name = "InvalidRecordError";
  }
}

const isReport = compileCheck(Report);

export function validateRecord(record: unknown, path: string): Report {
  if (isReport(record)) return record as Report;
  const result = Report.safeParse(record);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `  - ${i.path.join(".") || "(record)"}: ${i.message}`).join("\n");
  throw new InvalidRecordError(path, issues);
}
