// @ts-check
import { defineConfig } from "astro/config";

// SITE_BASE lets the site live under a sub-path (GitHub Pages project sites: /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.github.io",
  base: process.env.SITE_BASE ?? "/",
  trailingSlash: "always",
  build: { format: "directory" },
});
