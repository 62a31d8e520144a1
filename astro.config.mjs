// @ts-check
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";

/**
 * Copies each report's original file into the site as originals/<report id>.<ext>. Report pages
 * register the files they link to (src/lib/corpus.ts originalFile) in a process global; copying
 * them once after the build is far cheaper than one endpoint per file at 10,000 reports.
 */
function reportOriginals() {
  return {
    name: "report-originals",
    hooks: {
      /** @param {{ dir: URL, logger: { info(m: string): void, warn(m: string): void } }} options */
      "astro:build:done": ({ dir, logger }) => {
        /** @type {{ from: string, name: string }[] | undefined} */
        const list = /** @type {any} */ (globalThis).__zwgkSiteOriginals;
        if (!list?.length) {
          logger.info("no report originals to copy");
          return;
        }
        const out = path.join(fileURLToPath(dir), "originals");
        mkdirSync(out, { recursive: true });
        for (const { from, name } of list) copyFileSync(from, path.join(out, name));
        logger.info(`copied ${list.length} report originals to originals/`);
      },
    },
  };
}

/**
 * Builds the pagefind search index (dist/pagefind/) from the records while Astro renders pages:
 * scripts/site/search-index.ts runs as a child process from the start of the build (Astro renders on
 * one core; the index is built on the other), and its output is moved into the site when the build
 * is done. Indexing the 12,000 built HTML pages afterwards (`pagefind --site dist`) took longer than
 * the whole Astro build. SEARCH_INDEX=off skips it (bench:build --no-search).
 * Timings are left in globalThis.__zwgkSearchTiming for scripts/bench/build.ts.
 */
function searchIndex() {
  /** @type {string} */
  let root = process.cwd();
  /** @type {Promise<{ tmp: string, stdout: string, ms: number }> | null} */
  let job = null;
  return {
    name: "search-index",
    hooks: {
      /** @param {{ config: { root: URL } }} options */
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:start": () => {
        if (process.env.SEARCH_INDEX === "off") return;
        const tmp = mkdtempSync(path.join(os.tmpdir(), "zwgk-pagefind-"));
        const started = performance.now();
        job = new Promise((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/site/search-index.ts"), tmp], {
            cwd: root,
            stdio: ["ignore", "pipe", "inherit"],
          });
          // a failed build must not leave the indexer running or its output behind
          const kill = () => {
            child.kill();
            rmSync(tmp, { recursive: true, force: true });
          };
          process.once("exit", kill);
          let stdout = "";
          child.stdout.on("data", (d) => (stdout += d));
          child.on("error", reject);
          child.on("close", (code) => {
            process.off("exit", kill);
            if (code === 0) resolve({ tmp, stdout, ms: performance.now() - started });
            else {
              rmSync(tmp, { recursive: true, force: true });
              reject(new Error(`search index (scripts/site/search-index.ts) failed with exit code ${code}`));
            }
          });
        });
        job.catch(() => {}); // handled in astro:build:done; avoids an unhandled rejection meanwhile
      },
      /** @param {{ dir: URL, logger: { info(m: string): void } }} options */
      "astro:build:done": async ({ dir, logger }) => {
        if (!job) return;
        const waitStart = performance.now();
        const { tmp, stdout, ms } = await job;
        const waitedMs = performance.now() - waitStart;
        const dest = path.join(fileURLToPath(dir), "pagefind");
        rmSync(dest, { recursive: true, force: true });
        try {
          renameSync(tmp, dest);
        } catch {
          cpSync(tmp, dest, { recursive: true }); // tmp on another file system
          rmSync(tmp, { recursive: true, force: true });
        }
        const stats = JSON.parse(/__SEARCH__(.*)/.exec(stdout)?.[1] ?? "{}");
        /** @type {any} */ (globalThis).__zwgkSearchTiming = { ...stats, ms, waitedMs, doneAt: waitStart };
        logger.info(`${stats.records} records indexed in ${(ms / 1000).toFixed(1)} s (build waited ${(waitedMs / 1000).toFixed(1)} s for it)`);
      },
    },
  };
}

// SITE_BASE lets the site live under a sub-path (GitHub Pages project sites: /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.github.io",
  base: process.env.SITE_BASE ?? "/",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [reportOriginals(), searchIndex()],
});
