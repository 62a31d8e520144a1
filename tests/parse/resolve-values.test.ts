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

describe("resolveValues on a part of the cells", () => {
  it("gives what the part sliced out gives, for rows of every fit", () => {
    let seed = 5;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const texts = ["0", "1", "2", "3", "5", "", "", "—"];
    // (the result is reused by the next call: copied before it)
    const copy = (r: ReturnType<typeof resolveValues>) => ({ values: [...r.values], cells: [...r.cells], misfit: r.misfit });
    for (let i = 0; i < 500; i++) {
      const found = cells(...Array.from({ length: random(14) }, () => texts[random(texts.length)]));
      const from = random(found.length + 1);
      const to = from + random(found.length - from + 1);
      const expected = [3, 7, 15][random(3)];
      const constraint = random(2) ? rowTotalConstraint : undefined;
      const inPlace = copy(resolveValues(found, expected, constraint, from, to));
      expect(inPlace).toEqual(copy(resolveValues(found.slice(from, to), expected, constraint)));
    }
  });
});
