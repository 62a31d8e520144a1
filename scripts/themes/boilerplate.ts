/**
 * Boilerplate: problems texts copied from the agency's previous year or from another agency.
 *
 * Texts are compared as sets of character shingles (k consecutive characters of the problems part,
 * Chinese characters and letters only: punctuation, spaces and digits — years! — are dropped).
 * similarity() is the exact Jaccard index of two such sets. findBoilerplate() scales to tens of
 * thousands of reports: previous-year pairs are compared directly (one pair per report), and
 * cross-agency candidates come from MinHash signatures with LSH banding, then are verified exactly.
 */
import type { Report } from "../../src/schema.ts";
import { problemSentences } from "./sentences.ts";

export const SHINGLE = 4;
/**
 * Default flag threshold. On the developer corpus + seeds (27 problems texts, 351 pairs) unrelated
 * texts score at most 0.15 (median 0.02); texts that reuse sentences of another score 0.19–0.41; a
 * straight copy scores ~1.
 */
export const DEFAULT_THRESHOLD = 0.3;

/** The text that is compared: problem sentences only, CJK characters and letters only. */
export function comparable(text: string | null | undefined): string {
  if (!text) return "";
  return problemSentences(text)
    .join("")
    .replace(/[^\p{Script=Han}A-Za-z]/gu, "");
}

function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sorted, distinct 32-bit hashes of the k-character shingles of a comparable text. */
export function shingles(normalized: string, k = SHINGLE): Uint32Array {
  if (normalized.length === 0) return new Uint32Array(0);
  if (normalized.length < k) return Uint32Array.of(fnv1a(normalized, 0, normalized.length));
  const out = new Uint32Array(normalized.length - k + 1);
  for (let i = 0; i + k <= normalized.length; i++) out[i] = fnv1a(normalized, i, i + k);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** Exact Jaccard index of two sorted distinct arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Similarity (0..1) of two problems texts: Jaccard index of their character 4-shingles. */
export function similarity(a: string, b: string): number {
  return jaccard(shingles(comparable(a)), shingles(comparable(b)));
}

/* ---------------------------------------------------------------- MinHash + LSH */

function mix(x: number): number {
  // murmur3 finalizer
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function seeds(n: number): Uint32Array {
  const out = new Uint32Array(n);
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    out[i] = mix(s);
  }
  return out;
}

/** MinHash signature: for each of `salts`, the minimum of mix(shingle ^ salt). */
export function minhash(set: Uint32Array, salts: Uint32Array): Uint32Array {
  const sig = new Uint32Array(salts.length).fill(0xffffffff);
  for (let i = 0; i < set.length; i++) {
    const x = set[i];
    for (let h = 0; h < salts.length; h++) {
      const v = mix(x ^ salts[h]);
      if (v < sig[h]) sig[h] = v;
    }
  }
  return sig;
}

export interface BoilerplateFlag {
  /** the report flagged (for previousYear: this year's report; otherwise the later / larger id) */
  a: string;
  /** the report it resembles */
  b: string;
  kind: "previousYear" | "otherAgency";
  /** exact Jaccard index of the two problems texts' shingles, rounded to 3 decimals */
  similarity: number;
}

export interface BoilerplateOptions {
  /** flag pairs at or above this similarity (default DEFAULT_THRESHOLD = 0.3) */
  threshold?: number;
  /** ignore problems texts shorter than this many characters (after dropping punctuation/digits); default 20 */
  minChars?: number;
  /**
   * LSH bands × rows per band = number of MinHash functions. Default 32 × 2: a pair with J = 0.3 becomes a
   * candidate with probability 1 − (1 − 0.3²)³² ≈ 0.95, J = 0.5: > 0.9999; J = 0.05: 0.08.
   */
  bands?: number;
  rows?: number;
  /** a bucket larger than this is linked as a chain (each member to the next few), not all pairs; default 30 */
  maxBucket?: number;
  /** keep at most this many otherAgency flags per flagged report `a`, the most similar (default 10) */
  maxPerReport?: number;
  /** filled in when given: how many pairs were compared exactly */
  stats?: { compared: number; candidates: number };
}

/**
 * Pairs of reports whose problems texts are near-identical: to the same agency's report of the
 * previous year, or to another agency's report (any year). Sorted by similarity, highest first.
 */
export function findBoilerplate(reports: Report[], opts: BoilerplateOptions = {}): BoilerplateFlag[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const minChars = opts.minChars ?? 20;
  const bands = opts.bands ?? 32;
  const rows = opts.rows ?? 2;
  const maxBucket = opts.maxBucket ?? 30;
  const maxPerReport = opts.maxPerReport ?? 10;
  let compared = 0;

  const docs = reports
    .map((r) => ({ r, text: comparable(r.sections.problems) }))
    .filter((d) => d.text.length >= minChars)
    .map((d) => ({ r: d.r, set: shingles(d.text) }));

  const flags: BoilerplateFlag[] = [];
  const others: BoilerplateFlag[] = [];
  const round = (x: number) => Math.round(x * 1000) / 1000;

  // previous year: one direct comparison per report
  const byAgencyYear = new Map<string, (typeof docs)[number]>();
  for (const d of docs) {
    const key = `${d.r.agency.id}\u0000${d.r.year}`;
    const prev = byAgencyYear.get(key);
    if (!prev || (prev.r.conflict?.shown === false && d.r.conflict?.shown !== false)) byAgencyYear.set(key, d);
  }
  for (const d of byAgencyYear.values()) {
    const last = byAgencyYear.get(`${d.r.agency.id}\u0000${d.r.year - 1}`);
    if (!last) continue;
    compared++;
    const s = jaccard(d.set, last.set);
    if (s >= threshold) flags.push({ a: d.r.id, b: last.r.id, kind: "previousYear", similarity: round(s) });
  }

  // other agencies: MinHash + LSH banding for candidates, then the exact index
  const salts = seeds(bands * rows);
  const sigs = docs.map((d) => minhash(d.set, salts));
  const seen = new Set<number>();
  const n = docs.length;
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const [x, y] = i < j ? [i, j] : [j, i];
    const key = x * n + y;
    if (seen.has(key)) return;
    seen.add(key);
    const A = docs[x].r;
    const B = docs[y].r;
    if (A.agency.id === B.agency.id) return;
    // the MinHash estimate first (cheap); the exact index only when it could reach the threshold
    // (64 functions: standard error ≤ 0.0625, the margin 0.15 is > 2.4 of them)
    const sx = sigs[x];
    const sy = sigs[y];
    let same = 0;
    for (let h = 0; h < sx.length; h++) if (sx[h] === sy[h]) same++;
    if (same / sx.length < threshold - 0.15) return;
    compared++;
    const s = jaccard(docs[x].set, docs[y].set);
    if (s < threshold) return;
    const [later, earlier] = A.year > B.year || (A.year === B.year && A.id > B.id) ? [A, B] : [B, A];
    others.push({ a: later.id, b: earlier.id, kind: "otherAgency", similarity: round(s) });
  };
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      let h = band + 1;
      for (let r = 0; r < rows; r++) h = mix(h ^ sigs[i][band * rows + r]) ^ Math.imul(h, 31);
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
    for (const members of buckets.values()) {
      if (members.length < 2) continue;
      if (members.length <= maxBucket) {
        for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) consider(members[x], members[y]);
      } else {
        // a huge bucket is one big cluster of copies: link neighbours only, so the work stays linear
        for (let x = 0; x < members.length; x++)
          for (let y = x + 1; y < Math.min(members.length, x + 4); y++) consider(members[x], members[y]);
      }
    }
  }
  const order = (p: BoilerplateFlag, q: BoilerplateFlag) =>
    q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
  const perReport = new Map<string, number>();
  for (const f of others.sort(order)) {
    const k = perReport.get(f.a) ?? 0;
    if (k >= maxPerReport) continue;
    perReport.set(f.a, k + 1);
    flags.push(f);
  }
  if (opts.stats) {
    opts.stats.compared = compared;
    opts.stats.candidates = seen.size;
  }
  return flags.sort(order);
}
