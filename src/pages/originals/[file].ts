/** The original file of every report, copied into the site as originals/<report id>.<ext>. */
import type { APIRoute } from "astro";
import { readFileSync } from "node:fs";
import { originalFile, site } from "../../lib/corpus";

export function getStaticPaths() {
  const out: { params: { file: string }; props: { path: string } }[] = [];
  for (const r of site().all) {
    const o = originalFile(r);
    if (o) out.push({ params: { file: o.name }, props: { path: o.file } });
  }
  return out;
}

export const GET: APIRoute = ({ props }) => new Response(readFileSync((props as { path: string }).path));
