import { describe, expect, it } from "vitest";
import { recurrence } from "../../scripts/themes/recurrence.ts";
import { makeReport, section } from "./helpers.ts";

describe("recurrence within one agency", () => {
  const reports = [
    makeReport("a", 2021, "一是政务公开队伍建设有待加强；二是宣传工作仍需加强。", null),
    makeReport("a", 2019, "一是宣传力度不够。二是政策解读形式单一。", "一是加大宣传力度。"),
    makeReport("a", 2020, "宣传力度仍然不够。", "加强队伍建设，开展业务培训。"),
    makeReport("a", 2023, "信息公开宣传力度不够。", null),
  ];

  it("finds themes reported in consecutive years, with the runs", () => {
    const r = recurrence(reports);
    const publicity = r.find((x) => x.theme === "publicity");
    expect(publicity).toEqual({
      theme: "publicity",
      years: [2019, 2020, 2021, 2023],
      runs: [[2019, 2020, 2021]],
      longestRun: 3,
      reportIds: ["a-2019", "a-2020", "a-2021", "a-2023"],
    });
    // reported once only, or never in consecutive years: not recurring
    expect(r.map((x) => x.theme)).toEqual(["publicity"]);
  });

  it("finds the improvement promised last year whose problem is reported again", () => {
    const { repeatedAfterPromise } = recurrence(reports);
    expect(repeatedAfterPromise).toEqual([
      {
        theme: "publicity",
        promisedIn: "a-2019",
        promisedYear: 2019,
        promise: "一是加大宣传力度。",
        reportedIn: "a-2020",
        reportedYear: 2020,
        problem: "宣传力度仍然不够。",
      },
      {
        theme: "staff",
        promisedIn: "a-2020",
        promisedYear: 2020,
        promise: "加强队伍建设，开展业务培训。",
        reportedIn: "a-2021",
        reportedYear: 2021,
        problem: "一是政务公开队伍建设有待加强；",
      },
    ]);
  });

  it("works on real reports: Pingtan 2015–2018", () => {
    const r = recurrence([2015, 2016, 2017, 2018].map((y) => makeReport("pingtan", y, section(`pingtan-${y}`))));
    const runs = Object.fromEntries(r.map((x) => [x.theme, x.runs]));
    // hand labels: 2015 staff/procedure/uneven/content/publicity, 2016 awareness/staff/platform/timeliness/content/interaction,
    // 2017 channels/mechanism, 2018 awareness/staff
    expect(runs).toEqual({ content: [[2015, 2016]], staff: [[2015, 2016]] });
    expect(r.find((x) => x.theme === "staff")!.years).toEqual([2015, 2016, 2018]);
    const promised = r.repeatedAfterPromise.map((p) => `${p.theme} ${p.promisedYear}→${p.reportedYear}`);
    // 2015 promised training (staff), 2016 promised to complete the mechanisms: both reported again next year
    expect(promised).toEqual(expect.arrayContaining(["staff 2015→2016", "mechanism 2016→2017"]));
  });

  it("uses the themes stored on the record when it has them", () => {
    const stored = [makeReport("b", 2020, "任意文字。"), makeReport("b", 2021, "任意文字。")].map((r) => ({
      ...r,
      themes: ["security"],
      themeEvidence: [{ theme: "security", sentence: "任意文字。" }],
    }));
    expect(recurrence(stored).map((x) => x.theme)).toEqual(["security"]);
  });

  it("takes the shown record when a year has two, and refuses mixed agencies", () => {
    const hidden = { ...makeReport("c", 2020, "宣传力度不够。"), conflict: { with: ["x"], shown: false } };
    const shown = { ...makeReport("c", 2020, "解读形式单一。"), conflict: { with: ["y"], shown: true } };
    const next = makeReport("c", 2021, "宣传力度不够。解读形式单一。");
    expect(recurrence([hidden, shown, next]).map((x) => x.theme).sort()).toEqual(["channels", "interpretation"]);
    expect(() => recurrence([makeReport("c", 2020, null), makeReport("d", 2021, null)])).toThrow(/one agency/);
  });
});
