/** Wide CSV: one row per report, columns named after record paths. */
import type { APIRoute } from "astro";
import { site } from "../../lib/corpus";
import { toWideCsv } from "../../lib/csv";

export const GET: APIRoute = () =>
  new Response(toWideCsv(site().all), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
