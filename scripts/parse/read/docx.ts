/**
 * Word reader: .docx → HTML (mammoth) → the HTML reader's body walk.
 *
 * mammoth writes merged cells as colspan (gridSpan) and rowspan (vMerge), and each Word paragraph
 * as a <p>, so tables become tab rows and a cell's paragraphs one label, exactly as for web pages.
 * Word's own metadata (docProps) says little about the report and is not read.
 */
import mammoth from "mammoth";
import { htmlToSource } from "./html.ts";
import { UnreadableError, type SourceText } from "./source.ts";

export async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  // a .docx is a zip: "PK\x03\x04"
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw new UnreadableError("not a Word .docx file (not a zip archive; old .doc files must be saved as .docx)");
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (e) {
    throw new UnreadableError(`Word file cannot be read: ${(e as Error).message}`);
  }
  if (!html.trim()) throw new UnreadableError("Word file has no text");
  return htmlToSource(html, "docx");
}
