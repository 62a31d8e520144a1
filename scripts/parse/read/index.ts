/**
 * Stage 1 — read: bytes of any supported format → SourceText.
 * Text formats are decoded here; markup formats have a reader module each.
 */
import { extname } from "node:path";
import { decodeLines } from "./decode.ts";
import { UnreadableError, type SourceText } from "./source.ts";
import { looksRunTogetherLine, unglueRunTogether } from "./run-together.ts";

type Reader = (bytes: Uint8Array) => SourceText | Promise<SourceText>;

const loadText = async (): Promise<Reader> => readText;

/** Extension → reader. Markup readers are loaded on first use (they pull in big libraries). */
const READERS: Record<string, () => Promise<Reader>> = {
  ".txt": loadText,
  ".text": loadText,
  ".html": async () => (await import("./html.ts")).readHtml,
  ".htm": async () => (await import("./html.ts")).readHtml,
  ".pdf": async () => (await import("./pdf.ts")).readPdf,
  ".docx": async () => (await import("./docx.ts")).readDocx,
  ".md": async () => (await import("./markdown.ts")).readMarkdown,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/**
 * The source text of a file. Text is decoded synchronously (no promise: this is the hot path, and
 * an await costs turns of the microtask queue); markup formats load their reader on first use.
 */
export function readSource(bytes: Uint8Array, path: string): SourceText | Promise<SourceText> {
  const load = READERS[extname(path).toLowerCase()];
  if (!load) throw new UnreadableError(`不支持的文件类型（unsupported file type）“${extname(path) || "无扩展名"}”`);
  // text is decoded from the bytes as they are (no copy)
  if (load === loadText) return readText(bytes);
  // some readers (pdf.js) refuse Node Buffers: hand them a plain Uint8Array
  const plain = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice() : bytes;
  return load().then((read) => read(plain));
}

export function readText(bytes: Uint8Array): SourceText {
  const { lines } = decodeLines(bytes);
  // a text export that lost its line breaks and cell separators: re-split it by the form
  if (!lines.some(looksRunTogetherLine)) return { lines, format: "txt", meta: {} };
  const unglued = unglueRunTogether(lines);
  return { lines: unglued.lines, format: "txt", meta: {}, warnings: unglued.warnings };
}
