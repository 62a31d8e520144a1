/**
 * Gazetteer / placeRegion figures (prints, never asserts):
 *   npx tsx scripts/gazetteer/bench.ts
 * index build time, heap taken by the index, and CPU µs per placeRegion / agencyId call on the
 * seed reports (run with `node --expose-gc --import tsx` for the heap figure).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gazetteer, GAZETTEER_PACKAGE } from "./gazetteer.ts";
import { placeRegion, warmRegionIndex } from "../parse/region.ts";
import { agencyId } from "../parse/agency.ts";

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const ms = warmRegionIndex();
const g = gazetteer();
gc?.();
const heap1 = process.memoryUsage().heapUsed;
console.log(`${GAZETTEER_PACKAGE}: ${g.size} units, ${g.strong.size} strong names, ${g.weak.size} weak names`);
console.log(
  `index build: ${ms.toFixed(1)} ms (gazetteer ${g.buildMs.toFixed(1)} ms), heap +${((heap1 - heap0) / 1e6).toFixed(1)} MB` +
    (gc ? "" : " (run with node --expose-gc for an exact heap figure)"),
);
void t0;

const dir = join(import.meta.dirname, "../../data/reports");
const N = 20_000;
for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
  const text = readFileSync(join(dir, f), "utf8");
  const lines = text.split("\n").filter((l) => l.trim());
  const candidates = [lines[0], lines.slice(0, 4).join("\n"), lines.slice(4, 8).join("\n"), lines.slice(-2).join("\n"), text];
  // CPU time (user + system) per call: less disturbed by other processes than wall time
  const time = (fn: (i: number) => unknown) => {
    for (let i = 0; i < 2000; i++) fn(i);
    const s = process.cpuUsage();
    for (let i = 0; i < N; i++) fn(i);
    const d = process.cpuUsage(s);
    return (d.user + d.system) / N;
  };
  const whole = time(() => placeRegion([text]));
  const five = time(() => placeRegion(candidates));
  const p = placeRegion(candidates);
  const id = time(() => agencyId("丽园街道办事处", p.region));
  const idNew = time((i) => agencyId(`丽园街道办事处${i}`, p.region));
  console.log(
    `${f} (${text.length} chars): ${p.region.join("/")} ← "${p.evidence}"\n` +
      `  placeRegion([text]) ${whole.toFixed(1)} µs, 5 candidates ${five.toFixed(1)} µs; agencyId ${idNew.toFixed(1)} µs (${id.toFixed(1)} µs cached)`,
  );
}
