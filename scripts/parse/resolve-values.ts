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

export function resolveValues(found: Cell[], expected: number, constraint?: Constraint): Resolved {
  // blank cells at the edges of a row are layout padding when there are too many cells
  let from = 0;
  let to = found.length;
  while (to - from > expected && found[to - 1].kind === "empty") to--;
  while (to - from > expected && found[from].kind === "empty") from++;
  const cells = from === 0 && to === found.length ? found : found.slice(from, to);

  if (cells.length === expected) {
    const values: (number | null)[] = new Array(expected);
    const sources: (Cell | null)[] = new Array(expected);
    for (let i = 0; i < expected; i++) {
      values[i] = cells[i].value;
      sources[i] = cells[i].value === null ? null : cells[i];
    }
    return { values, cells: sources };
  }
  if (cells.every((c) => c.kind === "empty")) {
    return { values: new Array(expected).fill(null), cells: new Array(expected).fill(null) };
  }

  // every contiguous alignment of the cells to the columns is a reading: reading `offset` (0 …
  // shifts) puts cells[col + offset] (too many cells) or cells[col - offset] (too few) in column
  // `col`. Readings are kept as their offsets, not as arrays of cells.
  const more = cells.length > expected;
  const shifts = Math.abs(cells.length - expected);
  const plausible: number[] = [];
  if (constraint)
    for (let offset = 0; offset <= shifts; offset++) {
      // a reading satisfies the form when it has a number in every column and they add up
      const values: number[] = new Array(expected);
      let full = true;
      for (let col = 0; col < expected && full; col++) {
        const cell = cellAt(cells, more, offset, col);
        if (cell === null || cell.value === null) full = false;
        else values[col] = cell.value;
      }
      if (full && constraint(values)) plausible.push(offset);
    }
  // no reading satisfies the form (or there is no arithmetic to check): every reading is plausible
  if (plausible.length === 0) for (let offset = 0; offset <= shifts; offset++) plausible.push(offset);

  const values: (number | null)[] = [];
  const sources: (Cell | null)[] = [];
  let ambiguous = 0;
  for (let col = 0; col < expected; col++) {
    const first = cellAt(cells, more, plausible[0], col);
    const value = first === null ? null : first.value;
    let agreed = true;
    for (let k = 1; k < plausible.length && agreed; k++) {
      const cell = cellAt(cells, more, plausible[k], col);
      agreed = (cell === null ? null : cell.value) === value;
    }
    values.push(agreed ? value : null);
    sources.push(agreed && value !== null ? first : null);
    if (!agreed) ambiguous++;
  }
  return { values, cells: sources, misfit: { found: cells.length, expected, ambiguous } };
}

/** The cell a reading shifted by `offset` puts in column `col` (see resolveValues), or null. */
function cellAt(cells: Cell[], more: boolean, offset: number, col: number): Cell | null {
  const i = more ? col + offset : col - offset;
  return i >= 0 && i < cells.length ? cells[i] : null;
}

/** Table 3 rows: the six applicant columns sum to 总计. */
export const rowTotalConstraint: Constraint = (v) => v[6] === v[0] + v[1] + v[2] + v[3] + v[4] + v[5];

/** Table 4: in each group of five, the first four sum to 总计. */
export const table4Constraint: Constraint = (v) =>
  [0, 5, 10].every((g) => v[g + 4] === v[g] + v[g + 1] + v[g + 2] + v[g + 3]);
