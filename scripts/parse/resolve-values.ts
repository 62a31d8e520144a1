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

  // every contiguous alignment of the cells to the columns is a reading
  const readings: (Cell | null)[][] = [];
  const shifts = Math.abs(cells.length - expected);
  for (let offset = 0; offset <= shifts; offset++) {
    const reading: (Cell | null)[] = [];
    for (let col = 0; col < expected; col++) {
      const i = cells.length > expected ? col + offset : col - offset;
      reading.push(i >= 0 && i < cells.length ? cells[i] : null);
    }
    readings.push(reading);
  }
  const satisfying = constraint
    ? readings.filter((r) => r.every((c) => c?.value != null) && constraint(r.map((c) => c!.value!)))
    : [];
  const plausible = satisfying.length ? satisfying : readings;

  const values: (number | null)[] = [];
  const sources: (Cell | null)[] = [];
  let ambiguous = 0;
  for (let col = 0; col < expected; col++) {
    const first = plausible[0][col];
    const agreed = plausible.every((r) => (r[col]?.value ?? null) === (first?.value ?? null));
    values.push(agreed ? (first?.value ?? null) : null);
    sources.push(agreed && first?.value != null ? first : null);
    if (!agreed) ambiguous++;
  }
  return { values, cells: sources, misfit: { found: cells.length, expected, ambiguous } };
}

/** Table 3 rows: the six applicant columns sum to 总计. */
export const rowTotalConstraint: Constraint = (v) => v[6] === v[0] + v[1] + v[2] + v[3] + v[4] + v[5];

/** Table 4: in each group of five, the first four sum to 总计. */
export const table4Constraint: Constraint = (v) =>
  [0, 5, 10].every((g) => v[g + 4] === v[g] + v[g + 1] + v[g + 2] + v[g + 3]);
