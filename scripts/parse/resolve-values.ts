/**
 * Fit the value cells found after a label to the number of columns the form has.
 *
 * Usually the counts agree. When a row has more cells than the form allows (seed 003 prints 12
 * where 7 belong) or fewer (cells lost in copying), every alignment of the cells to the columns is
 * a reading; readings that satisfy the form's arithmetic (e.g. the six applicant columns sum to
 * 总计) are preferred. A column keeps its value only where every plausible reading gives the same
 * number; otherwise it is `null`. The caller always gets told, so it can warn naming the line.
 */
import type { Cell } from "./cells.ts";

/** Does a full reading (no nulls) satisfy the row's arithmetic? */
export type Constraint = (values: number[]) => boolean;

export interface Resolved {
  values: (number | null)[];
  /** the cell each value came from (null where the value is null) */
  cells: (Cell | null)[];
  /** set when the cells did not fit the columns one to one */
  misfit?: { found: number; expected: number; ambiguous: number };
}

/**
 * Fit the cells found[start, end) (all of `found` by default) to `expected` columns.
 *
 * The result is reused by the next call with as many columns (callers copy the values into the
 * record's objects right away; a few hundred rows a report made the fresh arrays a cost): read it
 * before calling again.
 */
export function resolveValues(found: Cell[], expected: number, constraint?: Constraint, start = 0, end = found.length): Resolved {
  // blank cells at the edges of a row are layout padding when there are too many cells
  let from = start;
  let to = end;
  while (to - from > expected && found[to - 1].kind === "empty") to--;
  while (to - from > expected && found[from].kind === "empty") from++;
  // the cells are found[from, to) from here on (read in place, not sliced out)
  const count = to - from;
  const out = resultFor(expected);
  const { values, cells: sources } = out;

  if (count === expected) {
    for (let i = 0; i < expected; i++) {
      const cell = found[from + i];
      const value = cell.value;
      values[i] = value;
      sources[i] = value === null ? null : cell;
    }
    return out;
  }
  if (allEmpty(found, from, to)) {
    values.fill(null);
    sources.fill(null);
    return out;
  }

  // every contiguous alignment of the cells to the columns is a reading: reading `offset` (0 …
  // shifts) puts cell col + offset (too many cells) or col - offset (too few) in column `col`.
  // Readings are kept as their offsets, not as arrays of cells.
  const more = count > expected;
  const shifts = Math.abs(count - expected);
  const plausible: number[] = [];
  if (constraint)
    for (let offset = 0; offset <= shifts; offset++) {
      // a reading satisfies the form when it has a number in every column and they add up
      const reading: number[] = new Array(expected);
      let full = true;
      for (let col = 0; col < expected && full; col++) {
        const cell = cellAt(found, from, count, more, offset, col);
        if (cell === null || cell.value === null) full = false;
        else reading[col] = cell.value;
      }
      if (full && constraint(reading)) plausible.push(offset);
    }
  // no reading satisfies the form (or there is no arithmetic to check): every reading is plausible
  if (plausible.length === 0) for (let offset = 0; offset <= shifts; offset++) plausible.push(offset);

  let ambiguous = 0;
  for (let col = 0; col < expected; col++) {
    const first = cellAt(found, from, count, more, plausible[0], col);
    const value = first === null ? null : first.value;
    let agreed = true;
    for (let k = 1; k < plausible.length && agreed; k++) {
      const cell = cellAt(found, from, count, more, plausible[k], col);
      agreed = (cell === null ? null : cell.value) === value;
    }
    values[col] = agreed ? value : null;
    sources[col] = agreed && value !== null ? first : null;
    if (!agreed) ambiguous++;
  }
  out.misfit = { found: count, expected, ambiguous };
  return out;
}

/** The result of resolveValues for `expected` columns, emptied of its misfit (see there). */
function resultFor(expected: number): Resolved {
  const out = (results[expected] ??= { values: new Array(expected).fill(null), cells: new Array(expected).fill(null), misfit: undefined });
  out.misfit = undefined;
  return out;
}
const results: (Resolved | undefined)[] = [];

/** No cell of cells[from, to) holds a number or text (true for none). */
export function allEmpty(cells: Cell[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (cells[i].kind !== "empty") return false;
  return true;
}

/**
 * The cell a reading shifted by `offset` puts in column `col` (see resolveValues), or null: one of
 * the `count` cells found[from, from + count).
 */
function cellAt(found: Cell[], from: number, count: number, more: boolean, offset: number, col: number): Cell | null {
  const i = more ? col + offset : col - offset;
  return i >= 0 && i < count ? found[from + i] : null;
}

/** Table 3 rows: the six applicant columns sum to 总计. */
export const rowTotalConstraint: Constraint = (v) => v[6] === v[0] + v[1] + v[2] + v[3] + v[4] + v[5];

/** Table 4: in each group of five, the first four sum to 总计. */
export const table4Constraint: Constraint = (v) =>
  [0, 5, 10].every((g) => v[g + 4] === v[g] + v[g + 1] + v[g + 2] + v[g + 3]);
