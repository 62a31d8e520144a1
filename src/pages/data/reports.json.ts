/**
 * All records as JSON: the validated corpus file itself (the zod `Corpus` of src/schema.ts:
 * { generatedAt, reports: Report[], unparsed }). Copied byte for byte — no re-serialization of
 * tens of thousands of records at build time.
 */
import type { APIRoute } from "astro";
import { readFileSync } from "node:fs";
import { site } from "../../lib/corpus";

export const GET: APIRoute = () =>
  new Response(readFileSync(site().file), { headers: { "Content-Type": "application/json; charset=utf-8" } });
