/**
 * npm run bench:parse [-- COUNT] [--stages]
 * Parses ≥10,000 reports made by varying the seeds' numbers (scripts/bench/corpus.ts) on one core
 * and prints reports/s and memory. Records are dropped as soon as they are made, so the figures
 * show whether the parser's own memory grows with the corpus (it must not).
 * Reports go to the parser in batches of BATCH_SIZE, as `npm run parse` hands them over.
 * --stages: also print the time per report of each stage of the parser (timing adds a little).
 *
 * This machine's speed varies over time (a shared VM: the same plain loop has taken 180 to 360 ms),
 * so the bench also times that loop before and after the run: compare figures at similar loop times.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { BATCH_SIZE, parseReports } from "../parse/index.ts";
import { writeBenchCorpus } from "./corpus.ts";

const args = process.argv.slice(2);
const stageTimes: Record<string, number> | undefined = args.includes("--stages") ? {} : undefined;
const count = Number(args.find((a) => !a.startsWith("--")) ?? 10_000);
const dir = `.bench/corpus-${count}`;
if (!existsSync(dir) || readdirSync(dir).length !== count) writeBenchCorpus(dir, count);
const files = readdirSync(dir).sort().map((f) => join(dir, f));
const inputs = files.map((f) => readFileSync(f)); // read up front: the figure is the parser's, not the disk's

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
// a full GC on demand, for heap figures that show what is retained (not what awaits collection)
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = () => (gc(), process.memoryUsage().heapUsed);
let peakRss = 0;
const checkpoints: string[] = [];

/** A fixed CPU-bound loop (10⁸ steps), in ms: how fast the machine is right now. */
function machineLoopMs(): number {
  let sum = 0;
  const t = performance.now();
  for (let i = 0; i < 1e8; i++) sum += i & 7;
  if (sum < 0) throw new Error("unreachable"); // keeps the loop from being optimised away
  return performance.now() - t;
}

/** Parses inputs[from, to) in batches; returns how many became records. */
async function parseRange(from: number, to: number): Promise<number> {
  let parsed = 0;
  for (let i = from; i < to; i += BATCH_SIZE) {
    const batch = [];
    for (let k = i; k < Math.min(i + BATCH_SIZE, to); k++) batch.push({ bytes: inputs[k], path: files[k] });
    for (const outcome of await parseReports(batch, { stageTimes })) if (outcome.ok) parsed++;
  }
  return parsed;
}

// warm up (module loading, gazetteer and jieba dictionaries) — not timed
await parseRange(0, Math.min(64, inputs.length));
if (stageTimes) for (const k of Object.keys(stageTimes)) delete stageTimes[k];

const loopBefore = machineLoopMs();
const heapBefore = heapAfterGc();
// full GCs for the checkpoints below: not counted as parse time (wall or CPU)
let gcPauseMs = 0;
let gcPauseCpuMs = 0;
const started = performance.now();
const cpuStarted = process.cpuUsage();
let parsed = 0;
// memory checkpoints about every 1,000 reports (at batch ends), a full GC about every 2,000
const CHUNK = 1000 - (1000 % BATCH_SIZE) || BATCH_SIZE;
// parse time of the chunks in the second half of the run, when V8 has compiled the hot code (see below)
let secondHalfMs = 0;
let secondHalfReports = 0;
for (let i = 0; i < inputs.length; i += CHUNK) {
  const to = Math.min(i + CHUNK, inputs.length);
  const chunkStarted = performance.now();
  parsed += await parseRange(i, to);
  if (i >= inputs.length / 2) {
    secondHalfMs += performance.now() - chunkStarted;
    secondHalfReports += to - i;
  }
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  let line = `${to}: rss ${mb(rss)} MB, heap ${mb(process.memoryUsage().heapUsed)} MB`;
  if ((i / CHUNK) % 2 === 1) {
    const t = performance.now();
    const c = process.cpuUsage();
    line += `, after full GC ${mb(heapAfterGc())} MB`;
    gcPauseMs += performance.now() - t;
    const used = process.cpuUsage(c);
    gcPauseCpuMs += (used.user + used.system) / 1000;
  }
  checkpoints.push(line);
}
const seconds = (performance.now() - started - gcPauseMs) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6 - gcPauseCpuMs / 1000;
const heapAfter = heapAfterGc();
const loopAfter = machineLoopMs();
console.log(`bench:parse — ${inputs.length} reports (${parsed} parsed, batches of ${BATCH_SIZE}) in ${seconds.toFixed(2)} s on one core`);
console.log(`  ${(inputs.length / seconds).toFixed(0)} reports/s   (goal ≥ 2000)`);
// V8 compiles the parser's hot functions during the first few thousand reports, on a helper thread
// (taskset -c 0 puts that thread on the same core): a fixed cost per run, which a longer corpus
// spreads thinner. The chunks of the second half show the rate once that is done.
if (secondHalfReports) console.log(`  ${((1000 * secondHalfReports) / secondHalfMs).toFixed(0)} reports/s over the last ${secondHalfReports} reports (second half of the run: JIT warm-up done)`);
// CPU time is steadier than wall time when other processes share the machine
console.log(`  ${(inputs.length / cpuSeconds).toFixed(0)} reports per CPU second (${cpuSeconds.toFixed(2)} s CPU)`);
console.log(`  machine check: the 10⁸-step loop took ${loopBefore.toFixed(0)} ms before, ${loopAfter.toFixed(0)} ms after the run`);
console.log(`  heap after full GC: ${mb(heapBefore)} MB before, ${mb(heapAfter)} MB after the run`);
console.log(`  peak RSS ${mb(peakRss)} MB; memory by reports parsed:`);
for (const c of checkpoints) console.log(`    ${c}`);
if (stageTimes) {
  const total = Object.values(stageTimes).reduce((a, b) => a + b, 0);
  console.log(`  time per report by stage (of ${((1000 * total) / inputs.length).toFixed(0)} µs timed):`);
  for (const [stage, ms] of Object.entries(stageTimes))
    console.log(`    ${stage.padEnd(10)} ${((1000 * ms) / inputs.length).toFixed(1).padStart(6)} µs  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
}
