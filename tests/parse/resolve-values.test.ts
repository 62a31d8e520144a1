import { describe, expect, it } from "vitest";
import { makeCell } from "../../scripts/parse/cells.ts";
import { resolveValues, rowTotalConstraint } from "../../scripts/parse/resolve-values.ts";

const cells = (...texts: string[]) => texts.map((t, i) => makeCell(t, 10, i));

describe("resolveValues", () => {
  it("maps one to one when the counts agree", () => {
    expect(resolveValues(cells("1", "", "3"), 3).values).toEqual([1, null, 3]);
  });
  it("drops blank padding at the edges of an over-long row", () => {
    const r = resolveValues(cells("", "4", "5", "6", "", ""), 3);
    expect(r.values).toEqual([4, 5, 6]);
    expect(r.misfit).toBeUndefined();
  });
  it("12 zeros where 7 belong: every reading agrees, so 0s, flagged", () => {
    const r = resolveValues(cells(..."000000000000".split("")), 7, rowTotalConstraint);
    expect(r.values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.misfit).toEqual({ found: 12, expected: 7, ambiguous: 0 });
  });
  it("extra cells: readings that break the row total are not plausible", () => {
    const r = resolveValues(cells("2", "1", "0", "0", "0", "0", "3", "0", "0"), 7, rowTotalConstraint);
    expect(r.values).toEqual([2, 1, 0, 0, 0, 0, 3]);
  });
  it("extra cells with no arithmetic to decide: disagreeing columns are null", () => {
    const r = resolveValues(cells("1", "2", "3", "4"), 3);
    expect(r.values).toEqual([null, null, null]);
    expect(r.misfit?.ambiguous).toBe(3);
  });
  it("missing cells: only columns every alignment agrees on keep a value", () => {
    const r = resolveValues(cells("0", "0"), 3);
    expect(r.values).toEqual([null, 0, null]);
  });
  it("an all-blank row is nulls", () => {
    expect(resolveValues(cells("", ""), 7).values).toEqual(new Array(7).fill(null));
  });
});
