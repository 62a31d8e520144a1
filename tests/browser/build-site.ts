/**
 * Builds the site for the browser tests: (optionally) `npm run parse` into a temp folder, then
 * `astro build` under a sub-path base, exactly as the deploy workflow does (astro build also writes
 * the pagefind search index: the "search-index" integration in astro.config.mjs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

/** The parent's environment without what vitest adds (BASE_URL, MODE, NODE_ENV=test …), which Astro would pick up. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "TEST", "NODE_ENV"]) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k.startsWith("VITE_")) delete env[k];
  return env;
}

function run(cmd: string, args: string[], env: Record<string, string>, what: string): void {
  const res = spawnSync(cmd, args, { cwd: ROOT, env: { ...cleanEnv(), ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`${what} failed (exit ${res.status}):\n${(res.stdout ?? "").slice(-3000)}\n${(res.stderr ?? "").slice(-3000)}`);
  }
}

export interface BuiltSite {
  dist: string;
  generatedDir: string;
  base: string;
}

/** Parse `parseDir` (data/ by default) with the project's parser into a temp GENERATED_DIR. */
export function parseInto(parseDir: string): string {
  const out = mkdtempSync(path.join(os.tmpdir(), "site-generated-"));
  run(bin("tsx"), [path.join(ROOT, "scripts/cli.ts")], { PARSE_DIR: parseDir, GENERATED_DIR: out }, "npm run parse");
  if (!existsSync(path.join(out, "corpus.json"))) throw new Error(`npm run parse wrote no corpus.json in ${out}`);
  return out;
}

export function buildSite(opts: { generatedDir: string; parseDir: string; base: string }): BuiltSite {
  // inside the project: for an outDir elsewhere, Astro puts its server bundle in <root>/.astro/,
  // which concurrent builds in the same checkout would overwrite
  mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
  const dist = mkdtempSync(path.join(ROOT, "test-output", "site-build-"));
  const env = { GENERATED_DIR: opts.generatedDir, PARSE_DIR: opts.parseDir, SITE_BASE: opts.base };
  run(bin("astro"), ["build", "--outDir", dist], env, "astro build");
  return { dist, generatedDir: opts.generatedDir, base: opts.base };
}

/** Remove a build made by buildSite. */
export function removeBuild(site: BuiltSite | undefined): void {
  if (site && site.dist.includes(`${path.sep}test-output${path.sep}site-build-`)) rmSync(site.dist, { recursive: true, force: true });
}
