/**
 * Input/expected pairs in tests/fixtures/parse/: every `<name>.<ext>` with a `<name>.expected.json`
 * beside it is parsed, and the record must contain what the expected file lists (a partial record:
 * only the keys written there are compared), or be refused with the reason given.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../scripts/parse/index.ts";

const dir = join(import.meta.dirname, "../fixtures/parse");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => {
    const name = f.replace(".expected.json", "");
    const input = readdirSync(dir).find((g) => g.startsWith(name + ".") && !g.endsWith(".json") && !g.endsWith(".ts"))!;
    return { name, input, expected: JSON.parse(readFileSync(join(dir, f), "utf8")) };
  });

describe("parser fixtures", () => {
  it("finds the fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const outcome = await parseReport(readFileSync(join(dir, c.input)), c.input);
    expect(outcome.ok).toBe(c.expected.ok);
    if (!outcome.ok) {
      expect(outcome.unparsed.reason).toContain(c.expected.reason);
      expect(outcome.unparsed.path).toBe(c.input);
      return;
    }
    expect(outcome.record).toMatchObject(c.expected.record);
    const codes = outcome.record.warnings.map((w) => w.code);
    for (const code of c.expected.warningCodes ?? []) expect(codes).toContain(code);
    if (c.expected.checks) {
      const fails = outcome.record.checks.filter((k) => k.status === "fail");
      expect(fails, JSON.stringify(fails)).toHaveLength(c.expected.checks.fail);
      expect(outcome.record.checks.filter((k) => k.status === "pass").length).toBeGreaterThanOrEqual(c.expected.checks["pass>="]);
    }
    for (const [rule, status] of Object.entries(c.expected.checkStatus ?? {}))
      expect(outcome.record.checks.find((k) => k.rule === rule)?.status).toBe(status);
  });
});
