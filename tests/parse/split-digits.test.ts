import { describe, expect, it } from "vitest";
import {
  cleanRun,
  enumerateSplits,
  groupTotals,
  labelledRuns,
  looksRunTogether,
  peelItemNumber,
  rowTotal,
  splitDigits,
  splitTable,
  splitTable3,
  splitTable4,
  TABLE3_OUTCOMES,
} from "../../scripts/parse/split-digits.ts";

describe("enumerateSplits", () => {
  it("cuts a run into the column count, never making a leading zero", () => {
    expect(enumerateSplits("0000000", 7)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(enumerateSplits("105", 2)).toEqual([[10, 5]]); // 1|05 is not a printed number
    expect(enumerateSplits("123", 2)).toEqual([[1, 23], [12, 3]]);
    expect(enumerateSplits("12", 3)).toEqual([]);
  });

  it("treats spaces and other characters as known boundaries, '-' as the start of a number", () => {
    // the space after 230 is a certain boundary: only the cuts inside "230" and "000023" are searched
    expect(enumerateSplits("230 000023", 7)).toEqual([
      [2, 30, 0, 0, 0, 0, 23],
      [23, 0, 0, 0, 0, 0, 23],
      [230, 0, 0, 0, 0, 2, 3],
    ]);
    expect(enumerateSplits("12 3", 2)).toEqual([[12, 3]]);
    expect(enumerateSplits("35-15", 2)).toEqual([[35, -15]]);
    expect(enumerateSplits("9116.36", 1)).toEqual([[9116.36]]);
    expect(enumerateSplits("1.5", 2)).toEqual([]); // a decimal point is inside one number
  });

  it("gives up (null) beyond the enumeration budget", () => {
    expect(enumerateSplits("1".repeat(40), 10, 1000)).toBeNull();
  });
});

describe("splitDigits: one row", () => {
  it("uses the row total: the issue's example 801000081 is 80|1|0|0|0|0|81", () => {
    const s = splitDigits("801000081", 7, { constraint: rowTotal(7) });
    expect(s.values).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(s.splits).toHaveLength(1);
    expect(s.ambiguousColumns).toEqual([]);
  });

  it("keeps partial separators: 230 000023 is 23|0|0|0|0|0|23", () => {
    expect(splitDigits("230 000023", 7, { constraint: rowTotal(7) }).values).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(splitDigits("23 0 00 0 023", 7, { constraint: rowTotal(7) }).values).toEqual([23, 0, 0, 0, 0, 0, 23]);
  });

  it("null where splits that satisfy the constraint disagree — never a guess", () => {
    // 19|1|0|0|0|0|20 and 1|9|10|0|0|0|20 both add up
    const s = splitDigits("191000020", 7, { constraint: rowTotal(7) });
    expect(s.splits).toEqual([
      [1, 9, 10, 0, 0, 0, 20],
      [19, 1, 0, 0, 0, 0, 20],
    ]);
    expect(s.values).toEqual([null, null, null, 0, 0, 0, 20]);
    expect(s.ambiguousColumns).toEqual([0, 1, 2]);
  });

  it("without arithmetic a 3-column item is ambiguous: all null", () => {
    const s = splitDigits("898989", 3);
    expect(s.values).toEqual([null, null, null]);
    expect(s.splits.length).toBeGreaterThan(1);
    expect(splitDigits("000", 3).values).toEqual([0, 0, 0]);
  });

  it("says when no split satisfies the constraint (the printed row is wrong) and claims nothing it cannot", () => {
    const s = splitDigits("1111111", 7, { constraint: rowTotal(7) });
    expect(s.satisfied).toBe(false);
    expect(s.values).toEqual([1, 1, 1, 1, 1, 1, 1]); // the only cut: printed as it is
  });

  it("table 4: 15 numbers, each group's four results sum to its 总计", () => {
    expect(splitTable4("25380363300630003").values).toEqual([25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]);
    expect(groupTotals(5, 3)([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2])).toBe(true);
  });
});

describe("splitTable: arithmetic across rows", () => {
  it("the column totals decide rows that their own totals leave open", () => {
    // pingtan-2023 page.txt: (一) 220000022 and (二) 191000020 have two row-level splits each
    const zeros = Object.fromEntries(TABLE3_OUTCOMES["2021"].map((id) => [id, "0000000"]));
    const t = splitTable3(
      {
        ...zeros,
        newReceived: "801000081",
        carriedOver: "0000000",
        granted: "220000022",
        partiallyGranted: "191000020",
        "unavailable.notHeld": "390000039",
        totalProcessed: "801000081",
        carriedForward: "0000000",
      },
      "2021",
    );
    expect(t.rows.granted.values).toEqual([22, 0, 0, 0, 0, 0, 22]);
    expect(t.rows.partiallyGranted.values).toEqual([19, 1, 0, 0, 0, 0, 20]);
    expect(t.rulesApplied).toEqual(["t3.totalProcessed", "t3.balance"]);
    expect(t.solutions).toBe(1);
  });

  it("rows read from real cells take part as fixed values", () => {
    const t = splitTable(
      [
        { id: "a", run: "191000020", columns: 7, constraint: rowTotal(7) },
        { id: "b", values: [1, 0, 0, 0, 0, 0, 1] },
        { id: "sum", values: [20, 1, 0, 0, 0, 0, 21] },
      ],
      [{ name: "sum", left: ["a", "b"], right: ["sum"] }],
    );
    expect(t.rows.a.values).toEqual([19, 1, 0, 0, 0, 0, 20]);
  });

  it("when the printed table breaks a rule, the rules that hold still decide (and it says so)", () => {
    // pingtan-2020: the outcome rows do not add up to (七)总计 in print; 一+二=三+四 holds
    const row = (id: string, run: string) => ({ id, run, columns: 7, constraint: rowTotal(7) });
    const t = splitTable(
      [row("newReceived", "200 000121"), row("carriedOver", "0000000"), row("granted", "6000017"), row("other", "4 0 0 0 0 0 4"), row("totalProcessed", "20 0 00 0 121"), row("carriedForward", "0 0 00 00 0")],
      [
        { name: "t3.totalProcessed", left: ["granted", "other"], right: ["totalProcessed"] },
        { name: "t3.balance", left: ["newReceived", "carriedOver"], right: ["totalProcessed", "carriedForward"] },
      ],
    );
    expect(t.rulesApplied).toEqual(["t3.balance"]);
    expect(t.notes.join()).toMatch(/t3\.totalProcessed/);
    expect(t.rows.granted.values).toEqual([6, 0, 0, 0, 0, 1, 7]);
  });

  it("a rule over a row that is missing is not applied", () => {
    const t = splitTable3({ granted: "220000022" }, "2021");
    expect(t.rows.granted.values).toEqual([null, null, 0, 0, 0, 0, 22]);
    expect(t.rulesApplied).toEqual([]);
  });

  it("falls back to row-by-row results when the search is over budget", () => {
    const t = splitTable3({ newReceived: "220000022", totalProcessed: "220000022", granted: "220000022", carriedOver: "0000000", carriedForward: "0000000" }, "2021", {}, { maxNodes: 1 });
    expect(t.notes.join()).toMatch(/too many combinations/);
    expect(t.rows.granted.values).toEqual([null, null, 0, 0, 0, 0, 22]);
  });
});

describe("helpers for the caller", () => {
  it("peelItemNumber removes the next row's glued sub-item number", () => {
    expect(peelItemNumber("00000002.")).toEqual({ run: "0000000", item: 2 });
    expect(peelItemNumber("00000002.", 2)).toEqual({ run: "0000000", item: 2 });
    expect(peelItemNumber("00000002.", 3)).toEqual({ run: "00000002.", item: null });
    expect(peelItemNumber("0000000")).toEqual({ run: "0000000", item: null });
  });

  it("cleanRun keeps the numbers between two labels and drops text and item numbers", () => {
    expect(cleanRun("(区分处理的，只计这一情形，不计其他情形)1000001(三)不予公开1.")).toBe("1000001");
    expect(cleanRun("00000002.")).toBe("0000000");
    expect(cleanRun(" 0 0 00 00 0 ")).toBe("0 0 00 00 0");
    expect(cleanRun("13575394432.52元")).toBe("13575394432.52");
  });

  it("labelledRuns finds each label after the previous one", () => {
    const text = "一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000三、本年度办理结果(一)予以公开220000022";
    expect(
      labelledRuns(text, [
        { id: "newReceived", variants: ["本年新收"] },
        { id: "carriedOver", variants: ["上年结转"] },
        { id: "granted", variants: ["予以公开"] },
      ]).map((r) => [r.id, r.run]),
    ).toEqual([
      ["newReceived", "801000081"],
      ["carriedOver", "0000000"],
      ["granted", "220000022"],
    ]);
  });

  it("looksRunTogether tells runs from rows with separated cells", () => {
    expect(looksRunTogether("801000081", 7)).toBe(true);
    expect(looksRunTogether("80 1 0 0 0 0 81", 7)).toBe(false);
    expect(looksRunTogether("予以公开", 7)).toBe(false);
  });
});
