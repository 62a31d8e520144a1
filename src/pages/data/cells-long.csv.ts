/** Long CSV: one row per printed cell (report, table, row, column, value, line). */
import type { APIRoute } from "astro";
import { site } from "../../lib/corpus";
import { toLongCsv } from "../../lib/csv";

export const GET: APIRoute = () =>
  new Response(toLongCsv(site().all), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
