/**
 * Character tests on char codes, for hot loops that would otherwise allocate (trim) or run a regex
 * per line. Each mirrors a regex class exactly.
 */

/** Characters of the regex class \s — the same set String#trim removes. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  // most text is CJK (U+4E00…): one test settles every character above U+3000
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** /^\s*$/.test(s), i.e. s.trim() === "", without allocating. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** ASCII digit 0-9 */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** s without the characters `drop` names (s itself when it has none). */
export function withoutCodes(s: string, drop: (c: number) => boolean): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!drop(s.charCodeAt(i))) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** s.replace(/\s+/g, ""): s without its whitespace (s itself when it has none). */
export function withoutSpaces(s: string): string {
  return withoutCodes(s, isSpaceCode);
}

/** Index of the first non-whitespace character of s at or after `from` (s.length if none). */
export function skipSpaces(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}
