/**
 * node scripts/run-bundled.mjs ENTRY.ts [ARGS…]
 *
 * Runs a TypeScript entry point as one esbuild bundle: how `npm run parse` and `npm run bench:parse`
 * run the parser (tests and `npx tsx …` run the sources as they are). tsx compiles every module with
 * esbuild's keepNames, which redefines the `name` of every function; on the parser's hot path that
 * measured ~10 % slower than the same code bundled without it.
 *
 * The bundle goes to scripts/.bundle/ (git-ignored), two folders below the root like every module
 * that finds files from import.meta.url (scripts/themes/taxonomy.ts → ../../data/themes.json,
 * scripts/bench/corpus.ts → ../../../shared/), so those paths hold in the bundle too.
 * Packages stay outside the bundle (loaded from node_modules as usual).
 */
import { build } from "esbuild";
import { renameSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-bundled.mjs ENTRY.ts [ARGS…]");
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "scripts", ".bundle", basename(entry).replace(/\.ts$/, ".mjs"));
// built under a name of its own, then renamed (atomic): runs at the same time never import a
// half-written bundle
const building = `${outfile}.${process.pid}.tmp`;
await build({
  entryPoints: [entry],
  outfile: building,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
renameSync(building, outfile);
// the entry sees its own path and arguments where it would under tsx (process.argv[1], slice(2))
process.argv = [process.argv[0], resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
