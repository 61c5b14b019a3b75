/** Word .docx through mammoth: its HTML (paragraphs, headings, lists, tables) read block by block. */
import * as mammoth from 'mammoth';
import { parseDocument } from './dom';
import { appendBlocks } from './html';
import { tooLargeWhenInflated } from './zip';
import { TextBuilder, problemOf, type ExtractOutcome } from './types';

export async function extractDocx(bytes: Uint8Array): Promise<ExtractOutcome> {
  const bomb = tooLargeWhenInflated(bytes);
  if (bomb) return { problem: bomb };
  let html: string;
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = r.value;
  } catch (e) {
    return { problem: `not a readable .docx (${problemOf(e)}): not indexed` };
  }
  const document = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  const out = new TextBuilder();
  appendBlocks(document.body, out);
  const text = out.text;
  if (text.trim() === '') return { problem: 'no text in the document: not indexed' };
  return { text, places: out.places, metadata: {}, warnings: [] };
}
