/**
 * Bytes → normalized text. Used by every reader, so that later stages see one alphabet:
 * ASCII digits and parentheses, plain spaces, LF line ends, no Word bookmarks.
 * Normalization never adds or removes a line: line numbers stay those of the file.
 */
import { isUtf8 } from "node:buffer";
import { UnreadableError } from "./source.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/** Decode UTF-8 (with or without BOM); when that fails, the text is GB18030/GBK. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (bytes.length === 0) throw new UnreadableError("空文件（empty file）");
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  // fast path: valid UTF-8 (checked natively) decodes with Buffer#toString, which gives the same
  // text as the fatal TextDecoder — except that the decoder would also drop a second BOM, so a body
  // that starts with one takes the decoder's path
  if (!(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) && isUtf8(body)) {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    if (!fewControls(text, bytes) && looksBinary(bytes)) throw binaryFile();
    return { text, encoding: "utf-8" };
  }
  if (looksBinary(bytes)) throw binaryFile();
  try {
    return { text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    return { text: gb18030.decode(body), encoding: "gb18030" };
  }
}

const binaryFile = () => new UnreadableError("二进制文件，不是文本（binary file: NUL or control bytes）");

/** C0 control bytes other than NUL, tab and line ends */
const CONTROL_RE = /[\x01-\x08\x0e-\x1f]/g;

/**
 * A shortcut past looksBinary for UTF-8 text, where C0 control bytes are characters of their own:
 * no NUL and few enough controls in the whole text means none in its first 8 KB either.
 */
function fewControls(text: string, bytes: Uint8Array): boolean {
  if (text.includes("\0")) return false;
  const control = text.match(CONTROL_RE)?.length ?? 0;
  return control <= Math.min(bytes.length, 8192) * 0.02;
}

/**
 * NUL bytes or many C0 control bytes in the first 8 KB mean this is not a text export.
 * (The bytes are read as latin1 — one character per byte — so that native string search and a
 * regex do the counting: a byte loop in JS costs more than decoding the file.)
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString("latin1");
  if (head.includes("\0")) return true;
  const control = head.match(CONTROL_RE)?.length ?? 0;
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
const FOLD_BY_CODE = new Map(Object.entries(FOLD).map(([from, to]) => [from.charCodeAt(0), to]));

const WORD_ARTEFACT_RE = /\[bookmark: [^\]]*\]/g;

/**
 * FOLD applied by one pass over the char codes. Every folded character is ≥ U+00A0 and outside
 * U+200C…U+2FFF and U+3001…U+FEFE, so the common characters (ASCII, CJK ideographs and punctuation)
 * are skipped by two comparisons.
 */
function fold(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0 || (c > 0x200b && c < 0x3000) || (c > 0x3000 && c < 0xfeff)) continue;
    const to = FOLD_BY_CODE.get(c);
    if (to === undefined) continue;
    out += text.slice(from, i) + to;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Normalize one decoded text; returns its lines (LF, CRLF and lone CR all end a line). */
export function normalizeText(text: string): string[] {
  let folded = fold(text);
  if (folded.includes("[bookmark: ")) folded = folded.replace(WORD_ARTEFACT_RE, "");
  return folded.includes("\r") ? folded.split(/\r\n|\r|\n/) : folded.split("\n");
}
