/** Where the developer corpus lives: ../shared/corpus beside the repository (never copied in). */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
export const hasCorpus = existsSync(CORPUS);

export function corpusBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(CORPUS + path));
}

/** Cells of the first tab row that has a cell containing `label` and a number. */
export function rowOf(lines: string[], label: string): string[] | undefined {
  const line = lines.find((l) => {
    const cells = l.split("\t");
    return cells.length > 1 && cells.some((c) => c.includes(label)) && cells.some((c) => /^-?\d/.test(c));
  });
  return line?.split("\t");
}

/** The numeric cells of a row, as numbers. */
export function numbersOf(cells: string[] | undefined): number[] {
  return (cells ?? []).filter((c) => /^-?\d+(\.\d+)?$/.test(c)).map(Number);
}
