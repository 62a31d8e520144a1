/**
 * The first way a sentence gets a theme: one of the theme's `patterns` matches it, in a clause that
 * is not negated (clauses.ts). Needs the `clauses` of the same sentences (analyse) first.
 */
import { clauses } from "./clauses.ts";
import { mayMatch, type Seen } from "./pattern-needs.ts";
import { isLocal, joinedScan } from "./scan.ts";
import type { Taxonomy } from "./taxonomy.ts";

/** Accepts a pattern match (for joinedScan) as patternHits' sentence-by-sentence loop does: unless its clause is negated. */
class PatternHits {
  theme = 0;
  constructor(
    readonly hits: Uint8Array,
    readonly themes: number,
  ) {}
  hit(i: number, offset: number): boolean {
    if (!clauses.open[i] || clauses.negated[clauses.at(i, offset)] === 1) return false;
    this.hits[i * this.themes + this.theme] = 1;
    return true;
  }
}

/**
 * Sentence i's theme t is hits[i * themes + t]. A theme whose patterns need characters the text
 * lacks is skipped (it cannot match; `needs`, `seen`: see pattern-needs.ts). Patterns are searched
 * in all sentences joined (one exec per match instead of one per theme and sentence, see scan.ts),
 * sentence by sentence for a pattern regex that is not local or that matched over a sentence break.
 */
export function patternHits(list: string[], taxonomy: Taxonomy, needs: (Int32Array | null)[], seen: Seen, hits: Uint8Array): void {
  const n = taxonomy.themes.length;
  const joined = list.join("\n");
  const ends: number[] = [];
  for (let i = 0, end = -1; i < list.length; i++) ends.push((end += list[i].length + 1));
  const accept = new PatternHits(hits, n);
  for (let t = 0; t < n; t++) {
    const re = taxonomy.themes[t].patternRe;
    if (!re || !mayMatch(needs[t], seen)) continue;
    accept.theme = t;
    if (isLocal(re)) {
      if (joinedScan(re, joined, ends, accept)) continue;
      for (let i = 0; i < list.length; i++) hits[i * n + t] = 0;
    }
    for (let i = 0; i < list.length; i++) {
      if (!clauses.open[i]) continue;
      re.lastIndex = 0;
      for (let m = re.exec(list[i]); m; m = re.exec(list[i])) {
        if (accept.hit(i, m.index)) break;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
}
