/**
 * Corpus aggregations for the overview, region and quality pages. Pure functions of records: every
 * figure is a sum or share of printed cells, and each result says over how many reports (n) it was
 * computed. A null cell is left out (never counted as 0).
 */
import type { Report, Table3Column, Table4Group } from "../schema";
import { OUTCOME_GROUPS } from "./labels";
import { TABLE3_COLUMNS, TABLE4_GROUPS } from "../schema";

export const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Headline {
  reports: number;
  agencies: number;
  years: number[];
  received: { sum: number; n: number };
  zeroShare: { zero: number; n: number; share: number | null };
  proactive: { sum: number; n: number };
  failing: { reports: number; checks: number };
}

export function headline(reports: Report[]): Headline {
  const agencies = new Set<string>();
  const years = new Set<number>();
  let recSum = 0,
    recN = 0,
    zero = 0,
    proSum = 0,
    proN = 0,
    failReports = 0,
    failChecks = 0;
  for (const r of reports) {
    agencies.add(r.agency.id);
    years.add(r.year);
    const v = r.table3.newReceived?.total;
    if (v != null) {
      recSum += v;
      recN++;
      if (v === 0) zero++;
    }
    if (r.proactive.total != null) {
      proSum += r.proactive.total;
      proN++;
    }
    const f = r.checks.filter((c) => c.status === "fail").length;
    if (f) failReports++;
    failChecks += f;
  }
  return {
    reports: reports.length,
    agencies: agencies.size,
    years: [...years].sort((a, b) => a - b),
    received: { sum: recSum, n: recN },
    zeroShare: { zero, n: recN, share: recN ? zero / recN : null },
    proactive: { sum: proSum, n: proN },
    failing: { reports: failReports, checks: failChecks },
  };
}

export interface ProactivePoint {
  year: number;
  value: number;
  agency: string;
  id: string;
  line: number | null;
}
export function proactivePoints(reports: Report[]): ProactivePoint[] {
  const out: ProactivePoint[] = [];
  for (const r of reports)
    if (r.proactive.total != null)
      out.push({ year: r.year, value: r.proactive.total, agency: r.agency.name, id: r.id, line: r.proactive.line ?? null });
  return out;
}

export interface ShareRow {
  group: string;
  zero: number;
  n: number;
  share: number;
}
/** Share of reports with zero new applications (table3.newReceived.total === 0), by a key. */
export function zeroShareBy(reports: Report[], key: (r: Report) => string | number, order?: string[]): ShareRow[] {
  const m = new Map<string, { zero: number; n: number }>();
  for (const r of reports) {
    const v = r.table3.newReceived?.total;
    if (v == null) continue;
    const k = String(key(r));
    const e = m.get(k) ?? { zero: 0, n: 0 };
    e.n++;
    if (v === 0) e.zero++;
    m.set(k, e);
  }
  const keys = [...m.keys()];
  if (order) keys.sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  else keys.sort();
  return keys.map((k) => ({ group: k, ...m.get(k)!, share: m.get(k)!.zero / m.get(k)!.n }));
}

export interface SumRow {
  key: string;
  value: number;
}
export interface Sums {
  rows: SumRow[];
  /** reports that contributed at least one non-null cell */
  n: number;
}

/** Applications received by applicant type (table3.newReceived, the six applicant columns). */
export function applicantTypes(reports: Report[]): Sums {
  const cols = TABLE3_COLUMNS.filter((c) => c !== "total") as Table3Column[];
  const sums = new Map<string, number>(cols.map((c) => [c, 0]));
  let n = 0;
  for (const r of reports) {
    const row = r.table3.newReceived;
    if (!row) continue;
    let any = false;
    for (const c of cols) {
      const v = row[c];
      if (v != null) {
        sums.set(c, sums.get(c)! + v);
        any = true;
      }
    }
    if (any) n++;
  }
  return { rows: cols.map((c) => ({ key: c, value: sums.get(c)! })), n };
}

/** How applications ended: total column of the outcome rows, grouped as 三（一）…（六）. */
export function outcomes(reports: Report[]): Sums {
  const sums = new Map<string, number>(OUTCOME_GROUPS.map((g) => [g.key, 0]));
  let n = 0;
  for (const r of reports) {
    let any = false;
    for (const g of OUTCOME_GROUPS)
      for (const row of g.rows) {
        const v = r.table3[row]?.total;
        if (v != null) {
          sums.set(g.key, sums.get(g.key)! + v);
          any = true;
        }
      }
    if (any) n++;
  }
  return { rows: OUTCOME_GROUPS.map((g) => ({ key: g.key, value: sums.get(g.key)! })), n };
}

export interface ReviewRow {
  group: Table4Group;
  outcome: "upheld" | "corrected" | "other" | "pending";
  value: number;
}
/** Review and litigation outcomes summed over reports (table 4). */
export function reviewLitigation(reports: Report[]): { rows: ReviewRow[]; n: number; totals: Record<Table4Group, number> } {
  const outs = ["upheld", "corrected", "other", "pending"] as const;
  const rows: ReviewRow[] = [];
  const acc = new Map<string, number>();
  const totals = { review: 0, litigationDirect: 0, litigationAfterReview: 0 } as Record<Table4Group, number>;
  let n = 0;
  for (const r of reports) {
    let any = false;
    for (const g of TABLE4_GROUPS) {
      for (const o of outs) {
        const v = r.table4[g][o];
        if (v != null) {
          acc.set(`${g}.${o}`, (acc.get(`${g}.${o}`) ?? 0) + v);
          any = true;
        }
      }
      const t = r.table4[g].total;
      if (t != null) {
        totals[g] += t;
        any = true;
      }
    }
    if (any) n++;
  }
  for (const g of TABLE4_GROUPS) for (const o of outs) rows.push({ group: g, outcome: o, value: acc.get(`${g}.${o}`) ?? 0 });
  return { rows, n, totals };
}

/** How many reports name each problem theme; n = reports with a 存在的主要问题 section. */
export function themeCounts(reports: Report[]): { rows: SumRow[]; n: number } {
  const m = new Map<string, number>();
  let n = 0;
  for (const r of reports) {
    if (r.sections.problems != null || r.themes.length) n++;
    for (const t of new Set(r.themes)) m.set(t, (m.get(t) ?? 0) + 1);
  }
  const rows = [...m.entries()].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
  return { rows, n };
}

export interface RuleStat {
  rule: string;
  pass: number;
  fail: number;
  na: number;
  failing: { report: Report; detail: string }[];
}
/** Pass / fail / n.a. counts of every rule over the reports. */
export function ruleStats(reports: Report[]): RuleStat[] {
  const m = new Map<string, RuleStat>();
  for (const r of reports)
    for (const c of r.checks) {
      let s = m.get(c.rule);
      if (!s) m.set(c.rule, (s = { rule: c.rule, pass: 0, fail: 0, na: 0, failing: [] }));
      s[c.status]++;
      if (c.status === "fail") s.failing.push({ report: r, detail: c.detail });
    }
  return [...m.values()];
}

/** Sum a series across reports, ignoring nulls; null when every value is null. */
export function sumOrNull(values: (number | null | undefined)[]): number | null {
  let s = 0,
    any = false;
  for (const v of values)
    if (v != null) {
      s += v;
      any = true;
    }
  return any ? s : null;
}

export const pct = (x: number | null, digits = 0) => (x == null ? "—" : `${(x * 100).toFixed(digits)}%`);
export const fmt = (x: number | null | undefined) =>
  x == null ? "—" : Number.isInteger(x) ? x.toLocaleString("zh-CN") : x.toLocaleString("zh-CN", { maximumFractionDigits: 4 });

/** Median of a per-report value by a grouping key, with n per group (nulls left out). */
export function medianBy(
  reports: Report[],
  value: (r: Report) => number | null | undefined,
  key: (r: Report) => string,
  order?: string[],
): { group: string; median: number; n: number }[] {
  const m = new Map<string, number[]>();
  for (const r of reports) {
    const v = value(r);
    if (v == null) continue;
    const k = key(r);
    (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  }
  const keys = [...m.keys()];
  if (order) keys.sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  else keys.sort();
  return keys.map((k) => ({ group: k, median: median(m.get(k)!)!, n: m.get(k)!.length }));
}
