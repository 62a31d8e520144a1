// @ts-check
import { copyFileSync, mkdirSync } from "node:fs";
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

// SITE_BASE lets the site live under a sub-path (GitHub Pages project sites: /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.github.io",
  base: process.env.SITE_BASE ?? "/",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [reportOriginals()],
});
