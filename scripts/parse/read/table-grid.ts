/**
 * Table markup → aligned grid → tab rows.
 *
 * Used by every reader that sees real table structure (HTML, Word through its HTML). A cell that
 * spans several rows or columns is written once, at its top-left position; every other position it
 * covers is an empty cell "", so that column k of every row is the same column of the printed form
 * (the "tab-rows" layout of SourceText).
 */

export interface GridCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Rows of cells as marked up (spans not yet expanded) → rectangular grid of texts. */
export function expandSpans(rows: GridCell[][]): string[][] {
  const grid: (string | undefined)[][] = [];
  let width = 0;
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++; // skip positions taken by a rowspan from above
      const rs = clampSpan(cell.rowspan, rows.length - r);
      const cs = clampSpan(cell.colspan, 1000);
      for (let dr = 0; dr < rs; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) row[c + dc] = dr === 0 && dc === 0 ? cell.text : "";
      }
      c += cs;
      width = Math.max(width, c);
    }
    width = Math.max(width, grid[r].length);
  });
  return grid.slice(0, rows.length).map((row) => {
    const out: string[] = [];
    for (let c = 0; c < width; c++) out.push(row[c] ?? "");
    return out;
  });
}

function clampSpan(n: number, max: number): number {
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), Math.max(1, max));
}

/**
 * Grid → one line per row, cells joined by TAB. Rows whose cells are all empty are dropped
 * (Word tables often carry spacer rows); a tab inside a cell's text becomes a space.
 */
export function gridToLines(grid: string[][]): string[] {
  const lines: string[] = [];
  for (const row of grid) {
    if (row.every((cell) => cell === "")) continue;
    lines.push(row.map((cell) => cell.replace(/\t/g, " ")).join("\t"));
  }
  return lines;
}
