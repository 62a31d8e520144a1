/**
 * Bytes → normalized text. Used by every reader, so that later stages see one alphabet:
 * ASCII digits and parentheses, plain spaces, LF line ends, no Word bookmarks.
 * Normalization never adds or removes a line: line numbers stay those of the file.
 */
import { isUtf8, transcode } from "node:buffer";
import { UnreadableError } from "./source.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/** Decode UTF-8 (with or without BOM); when that fails, the text is GB18030/GBK. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (bytes.length === 0) throw new UnreadableError("空文件（empty file）");
  const body = utf8Body(bytes);
  // fast path: valid UTF-8 (checked natively) decodes with Buffer#toString, which gives the same
  // text as the fatal TextDecoder
  if (body) {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    if (!fewControls(text, bytes) && looksBinary(bytes)) throw binaryFile();
    return { text, encoding: "utf-8" };
  }
  return decodeSlowly(bytes);
}

/**
 * The body of valid UTF-8 bytes (BOM dropped), or null when they need the decoders: not UTF-8, or
 * a body starting with a second BOM (the fatal TextDecoder would drop that one too).
 */
function utf8Body(bytes: Uint8Array): Uint8Array | null {
  const body = withoutBom(bytes);
  if (startsWithBom(body)) return null;
  return isUtf8(body) ? body : null;
}

const startsWithBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const withoutBom = (b: Uint8Array) => (startsWithBom(b) ? b.subarray(3) : b);

function decodeSlowly(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  if (looksBinary(bytes)) throw binaryFile();
  const body = withoutBom(bytes);
  try {
    return { text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    return { text: gb18030.decode(body), encoding: "gb18030" };
  }
}

/**
 * normalizeText(decodeBytes(bytes).text), in fewer passes for valid UTF-8 (nearly every text
 * export): ICU transcodes the bytes to UTF-16 natively, then one loop over the code units folds
 * (FOLD) them in place, counts control characters and finds the line breaks, and the units become
 * the string in one native copy. (A JS loop decoding UTF-8 itself cost ~5× the transcode; V8's own
 * UTF-8 decoding of CJK text cost more than both.)
 */
export function decodeLines(bytes: Uint8Array): { lines: string[]; encoding: "utf-8" | "gb18030" } {
  if (bytes.length === 0) throw new UnreadableError("空文件（empty file）");
  const body = LITTLE_ENDIAN ? utf8Body(bytes) : null;
  if (!body) {
    const { text, encoding } = decodeSlowly(bytes);
    return { lines: normalizeText(text), encoding };
  }
  const units = utf16Units(body);
  const length = units.length;
  let n = 0; // units kept so far (folding drops some: written back in place, n ≤ i)
  let controls = 0; // C0 controls other than tab and line ends; NUL counts as many
  // line breaks as found (a separate split of the text cost more than the whole loop):
  // breaks[2k] = where line k ends, breaks[2k + 1] = where line k + 1 starts (after \r\n, \r or \n)
  let breaks = breakScratch;
  let lineCount = 0;
  let bracket = false; // a "[" kept in the text (see the check after the loop)
  for (let i = 0; i < length; ) {
    let c = units[i++];
    // most characters are CJK ideographs and punctuation (U+3001…U+FEFE, a range mayFold passes
    // over: no FOLD entry is in it)
    if (c > 0x3000 && c < 0xfeff) {
      units[n++] = c;
      continue;
    }
    if (c < 0x20) {
      if (c === 0x0a || c === 0x0d) {
        units[n++] = c;
        // \n right after a \r (dropped characters between them do not count) ends no line of its own
        if (c === 0x0a && lineCount > 0 && units[n - 2] === 0x0d && breaks[2 * lineCount - 1] === n - 1) {
          breaks[2 * lineCount - 1] = n;
          continue;
        }
        if (2 * lineCount + 2 > breaks.length) breaks = growBreaks(breaks);
        breaks[2 * lineCount] = n - 1;
        breaks[2 * lineCount + 1] = n;
        lineCount++;
        continue;
      }
      if (c !== 0x09 && c !== 0x0b && c !== 0x0c) controls += c === 0 ? body.length : 1;
    } else if (c === 0x5b) {
      // a Word bookmark "[bookmark: …]" is dropped here, line breaks inside it included (as
      // WORD_ARTEFACT_RE does): a "]" must follow somewhere, or no bookmark ends in this text
      const close = startsBookmark(units, i - 1) ? units.indexOf(0x5d, i - 1 + BOOKMARK.length) : -1;
      if (close >= 0) {
        i = close + 1;
        continue;
      }
      bracket = true;
    } else if (mayFold(c)) {
      const to = FOLD_TO[c];
      if (to === DROP) continue;
      if (to !== KEEP) c = to;
    }
    units[n++] = c;
  }
  // the text-wide count of fewControls (a NUL anywhere fails it), then looksBinary as before
  if (controls > Math.min(bytes.length, 8192) * 0.02 && looksBinary(bytes)) throw binaryFile();
  const text = Buffer.from(units.buffer, units.byteOffset, n * 2).toString("utf16le");
  if (breaks.length <= KEEP_BREAKS) breakScratch = breaks;
  // a bookmark spelt with characters that folding drops ("[book\u200bmark: …]"): the two-step way
  if (bracket && text.includes("[bookmark: ")) {
    const plain = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    return { lines: normalizeText(plain), encoding: "utf-8" };
  }
  const lines: string[] = new Array(lineCount + 1);
  let from = 0;
  for (let k = 0; k < lineCount; k++) {
    lines[k] = text.slice(from, breaks[2 * k]);
    from = breaks[2 * k + 1];
  }
  lines[lineCount] = text.slice(from);
  return { lines, encoding: "utf-8" };
}

/** Valid UTF-8 bytes as UTF-16 code units (ICU, native), in an array of their own. */
function utf16Units(body: Uint8Array): Uint16Array {
  // (transcode needs ICU: a Node built without Intl decodes with V8 instead)
  const out = typeof transcode === "function" ? transcode(body, "utf8", "utf16le") : Buffer.from(Buffer.from(body).toString("utf8"), "utf16le");
  // (a Buffer may start at an odd offset of a shared pool: a Uint16Array view needs an even one)
  if (out.byteOffset % 2 === 0) return new Uint16Array(out.buffer, out.byteOffset, out.byteLength >> 1);
  const units = new Uint16Array(out.byteLength >> 1);
  new Uint8Array(units.buffer).set(out);
  return units;
}

const BOOKMARK = "[bookmark: ";
function startsBookmark(units: Uint16Array, at: number): boolean {
  if (at + BOOKMARK.length > units.length) return false;
  for (let k = 1; k < BOOKMARK.length; k++) if (units[at + k] !== BOOKMARK.charCodeAt(k)) return false;
  return true;
}

/** line breaks of decodeLines, kept between files up to KEEP_BREAKS entries (a larger file grows its own) */
let breakScratch: Int32Array = new Int32Array(1 << 12);
const KEEP_BREAKS = 1 << 20;
function growBreaks(breaks: Int32Array): Int32Array {
  const grown = new Int32Array(breaks.length * 2);
  grown.set(breaks);
  return grown;
}

/** Uint16Array bytes are read as UTF-16LE: true on every platform Node runs on today, but checked. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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

const WORD_ARTEFACT_RE = /\[bookmark: [^\]]*\]/g;

/**
 * Every folded character is ≥ U+00A0 and outside U+200C…U+2FFF and U+3001…U+FEFE, so the common
 * characters (ASCII, CJK ideographs and punctuation) are passed by two comparisons.
 */
const mayFold = (c: number) => !(c < 0xa0 || (c > 0x200b && c < 0x3000) || (c > 0x3000 && c < 0xfeff));

/** FOLD by char code (every FOLD entry is one character or none): the code to write, KEEP or DROP */
const KEEP = -1;
const DROP = -2;
const FOLD_TO = new Int32Array(0x10000).fill(KEEP);
for (const [from, to] of Object.entries(FOLD)) {
  if (to.length > 1) throw new Error(`FOLD: "${from}" → "${to}" is more than one character`);
  // mayFold (and decodeLines' fast path, a part of what it passes over) must not skip an entry
  if (!mayFold(from.charCodeAt(0))) throw new Error(`FOLD: "${from}" is a character mayFold passes over`);
  FOLD_TO[from.charCodeAt(0)] = to === "" ? DROP : to.charCodeAt(0);
}

/** FOLD applied by one pass over the char codes. */
function fold(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!mayFold(c)) continue;
    const to = FOLD_TO[c];
    if (to === KEEP) continue;
    out += text.slice(from, i) + (to === DROP ? "" : String.fromCharCode(to));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Normalize one decoded text; returns its lines (LF, CRLF and lone CR all end a line). */
export function normalizeText(text: string): string[] {
  return splitLines(dropArtefacts(fold(text)));
}

function dropArtefacts(folded: string): string {
  return folded.includes("[bookmark: ") ? folded.replace(WORD_ARTEFACT_RE, "") : folded;
}

function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}
