/**
 * Write what the site reads: generated/corpus.json (zod `Corpus`) and generated/text/<id>.txt,
 * the normalized source text whose line numbers `cellLines` and warnings refer to.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Corpus } from "../../src/schema.ts";
import { compileCheck } from "../../src/schema-check.ts";
import type { ParsedCorpus } from "./parse-files.ts";

const isCorpus = compileCheck(Corpus);

export function writeGenerated(dir: string, parsed: ParsedCorpus): string {
  const draft = {
    generatedAt: new Date().toISOString(),
    reports: parsed.reports,
    unparsed: parsed.unparsed,
    themes: parsed.themes,
  };
  // the compiled check says yes only to what zod accepts unchanged; zod's parse gives the verdict otherwise
  const corpus: Corpus = isCorpus(draft) ? (draft as Corpus) : Corpus.parse(draft);
  rmSync(join(dir, "text"), { recursive: true, force: true });
  mkdirSync(join(dir, "text"), { recursive: true });
  for (const [id, source] of parsed.sources) writeFileSync(join(dir, "text", `${id}.txt`), source.lines.join("\n"));
  const file = join(dir, "corpus.json");
  writeFileSync(file, JSON.stringify(corpus));
  return file;
}
