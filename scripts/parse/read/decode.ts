/**
 * Bytes → normalized text. Used by every reader, so that later stages see one alphabet:
 * ASCII digits and parentheses, plain spaces, LF line ends, no Word bookmarks.
 * Normalization never adds or removes a line: line numbers stay those of the file.
 */
import { UnreadableError } from "./source.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/** Decode UTF-8 (with or without BOM); when that fails, the text is GB18030/GBK. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (bytes.length === 0) throw new UnreadableError("空文件（empty file）");
  if (looksBinary(bytes)) throw new UnreadableError("二进制文件，不是文本（binary file: NUL or control bytes）");
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    return { text: gb18030.decode(body), encoding: "gb18030" };
  }
}

/** NUL bytes or many C0 control bytes in the first 8 KB mean this is not a text export. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > n * 0.02;
}

/* Character folding: one table, applied per character (fast, and the mapping is visible). */
const FOLD: Record<string, string> = {
  "\u00a0": " ", // NBSP
  "\u3000": " ", // ideographic (full-width) space
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200b": "", // zero-width space
  "\ufeff": "", // stray BOM
  "（": "(",
  "）": ")",
  "｜": "|",
  "．": ".", // full-width full stop: "１．５" and "１．属于国家秘密"
  "－": "-", // full-width hyphen-minus: "２０２４－０１－２６"
};
for (let d = 0; d <= 9; d++) FOLD[String.fromCharCode(0xff10 + d)] = String(d);

const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join("")}]`, "gu");
const WORD_ARTEFACT_RE = /\[bookmark: [^\]]*\]/g;

/** Normalize one decoded text; returns its lines (LF, CRLF and lone CR all end a line). */
export function normalizeText(text: string): string[] {
  const folded = text.replace(FOLD_RE, (ch) => FOLD[ch]).replace(WORD_ARTEFACT_RE, "");
  return folded.split(/\r\n|\r|\n/);
}
