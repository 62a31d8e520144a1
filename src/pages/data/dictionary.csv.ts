/** Data dictionary: wide-CSV column → Chinese label, type. */
import type { APIRoute } from "astro";
import { site } from "../../lib/corpus";
import { rulesIn, toDictionaryCsv } from "../../lib/csv";

export const GET: APIRoute = () =>
  new Response(toDictionaryCsv(rulesIn(site().all)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
