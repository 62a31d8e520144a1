/**
 * A prefilter for detect.ts: may a theme's patterns match the text of a call at all? scan.ts's
 * requirements() tells which characters a match needs; patternNeeds turns them into a Needs program
 * per theme (see needsProgram) and a `Seen` for all of them, which records which of them the text
 * holds (analyse, in clauses.ts, marks them in its one pass over the characters); mayMatch answers
 * from the two. A theme it rules out is not searched for.
 */
import { requirements } from "./scan.ts";
import type { CompiledTheme } from "./taxonomy.ts";

/**
 * Per theme: what a match of its patterns needs, as a Needs program over the slots of `seen` (null:
 * unknown, so maybe anything); and `seen`, for the characters of all of them.
 */
export function patternNeeds(themes: CompiledTheme[]): { needs: (Int32Array | null)[]; seen: Seen } {
  const codes = themes.map((t) => {
    const alternatives = t.patternRe && requirements(t.patternRe);
    return alternatives ? alternatives.map((sets) => sets.map((set) => [...set].map((c) => c.charCodeAt(0)))) : null;
  });
  const seen = new Seen(codes.flatMap((alternatives) => alternatives?.flat(2) ?? []));
  const needs = codes.map((alternatives) => alternatives && needsProgram(alternatives.map((sets) => sets.map((set) => set.map((c) => seen.slotOf(c))))));
  return { needs, seen };
}

/**
 * Which of a set of characters a text holds: a stamp per character, set when it is met (a stamp per
 * text, so never cleared). The characters get compact slots: their stamps then stay in cache, where
 * an array indexed by char code would not.
 */
export class Seen {
  /** char code → 1 + its slot; 0: not one of the characters */
  private readonly slots = new Uint16Array(0x10000);
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(codes: Iterable<number>) {
    let n = 0;
    for (const c of codes) if (this.slots[c] === 0) this.slots[c] = ++n;
    this.stamps = new Uint32Array(n + 1);
  }

  /** the characters */
  codes(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.slots.length; c++) if (this.slots[c] !== 0) out.push(c);
    return out;
  }

  slotOf(code: number): number {
    return this.slots[code];
  }

  /** Start a new text. */
  reset(): void {
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }

  /** The text holds this character (one of them, or nothing happens). */
  mark(code: number): void {
    this.stamps[this.slots[code]] = this.stamp;
  }

  /** The text holds the character of this slot. */
  has(slot: number): boolean {
    return this.stamps[slot] === this.stamp;
  }
}

/**
 * What a theme's patterns need, as one array read front to back (nested arrays cost a pointer per
 * set): for each alternative, [its length in the array, its number of sets, then per set: its size,
 * its slots].
 */
function needsProgram(alternatives: number[][][]): Int32Array {
  const out: number[] = [];
  for (const sets of alternatives) {
    const body = sets.flatMap((slots) => [slots.length, ...slots]);
    out.push(body.length + 2, sets.length, ...body);
  }
  return Int32Array.from(out);
}

/** For one of the alternatives of a Needs program, each set has a character in the text (null: unknown, so maybe). */
export function mayMatch(needs: Int32Array | null, seen: Seen): boolean {
  if (needs === null) return true;
  for (let alt = 0; alt < needs.length; alt += needs[alt]) if (allSeen(needs, alt + 1, seen)) return true;
  return false;
}

/** The sets from needs[at] (their number) on each have a character in the text. */
function allSeen(needs: Int32Array, at: number, seen: Seen): boolean {
  const sets = needs[at++];
  for (let k = 0; k < sets; k++) {
    const size = needs[at++];
    if (!anySeen(needs, at, at + size, seen)) return false;
    at += size;
  }
  return true;
}

function anySeen(needs: Int32Array, from: number, to: number, seen: Seen): boolean {
  for (let k = from; k < to; k++) if (seen.has(needs[k])) return true;
  return false;
}
