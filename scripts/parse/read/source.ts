/**
 * What the read stage hands to the rest of the pipeline, whatever the input format.
 *
 * Every later stage works on `lines`: plain text, one line per source line (text formats) or per
 * paragraph / table row (HTML, PDF, Word). Table rows coming from real table markup or PDF
 * coordinates are written as tab-separated cells ("tab-rows" layout), so the cells stage reads them
 * like a tab-separated text export. Line numbers shown on the site (1-based) index `lines`.
 */
export interface SourceText {
  /** normalized text lines (see decode.ts normalizeText) */
  lines: string[];
  /** input format: txt, html, pdf, docx, md */
  format: string;
  /** metadata found outside the body (web-page chrome, PDF info), when the format has it */
  meta: PageMeta;
  /** what the reader had to guess at or could not settle (e.g. an ambiguous run-together split) */
  warnings?: { code: string; message: string; line?: number }[];
}

export interface PageMeta {
  title?: string;
  publishedAt?: string; // YYYY-MM-DD
  publisher?: string; // 发布机构
  indexNo?: string; // 索引号
}

/** Thrown by a reader when a file cannot be read as a report at all (binary junk, empty …). */
export class UnreadableError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "UnreadableError";
  }
}
