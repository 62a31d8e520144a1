/**
 * node --import tsx scripts/site/search-index.ts OUT_DIR
 *
 * Writes the pagefind search bundle (pagefind.js, index, fragments) into OUT_DIR from the records
 * (src/lib/search.ts searchRecords), not from the built HTML. The "search-index" integration in
 * astro.config.mjs starts this as a child process when `astro build` starts, so the index is built
 * on the second core while Astro renders pages on the first, and moves OUT_DIR to dist/pagefind
 * when the build is done.
 *
 * Prints one line on stdout: __SEARCH__{"records":…,"loadMs":…,"addMs":…,"writeMs":…,"cpuMs":…,"maxRssKB":…}
 * (cpuMs, maxRssKB: this process and the pagefind service together, for scripts/bench/build.ts;
 * the service's share is read from /proc, Linux only).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as pagefind from "pagefind";
import { site } from "../../src/lib/corpus";
import { searchRecords } from "../../src/lib/search";

const out = process.argv[2];
if (!out) throw new Error("usage: search-index.ts OUT_DIR");

const t0 = performance.now();
// not validated again: the Astro build that started this validates the same corpus.json
const records = searchRecords(site({ validate: false }));
const t1 = performance.now();

const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
// The service (a Rust process) indexes the records as they arrive; sending them all at once is fine.
const added = await Promise.all(records.map((r) => index.addCustomRecord(r)));
const addErrors = added.flatMap((a) => a.errors);
if (addErrors.length) throw new Error(`pagefind: ${addErrors.slice(0, 5).join("; ")}`);
const t2 = performance.now();
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
const t3 = performance.now();
const service = serviceUsage();
await pagefind.close();

const ms = (a: number, b: number) => Math.round(b - a);
const own = process.resourceUsage();
const cpuMs = Math.round((own.userCPUTime + own.systemCPUTime) / 1000 + service.cpuMs);
const maxRssKB = own.maxRSS + service.maxRssKB;
console.log("__SEARCH__" + JSON.stringify({ records: records.length, loadMs: ms(t0, t1), addMs: ms(t1, t2), writeMs: ms(t2, t3), cpuMs, maxRssKB }));

/** CPU time and peak memory of this process's running children (the pagefind service), from /proc; NaN elsewhere. */
function serviceUsage(): { cpuMs: number; maxRssKB: number } {
  const usage = { cpuMs: 0, maxRssKB: 0 };
  try {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let stat: string, status: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        status = readFileSync(`/proc/${pid}/status`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(") ") + 2).split(" "); // f[0] is field 3 (state)
      if (Number(f[1]) !== process.pid) continue;
      usage.cpuMs += (Number(f[11]) + Number(f[12])) * 10; // utime, stime: ticks of 10 ms
      usage.maxRssKB += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return usage;
  } catch {
    return { cpuMs: NaN, maxRssKB: NaN };
  }
}
