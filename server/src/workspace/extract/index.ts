/**
 * Extractors by file extension: bytes in, `{ text, places, metadata, warnings }` (or `{ problem }`) out.
 * Plain text (.txt, .md) is not extracted: sources.ts decodes it as before.
 */
import { extractPdf } from './pdf';
import { extractHtml } from './html';
import { extractDocx } from './docx';
import { extractOdt } from './odt';
import { extractEpub } from './epub';
import { extractEml } from './eml';
import { extractSubtitles } from './vtt';
import { problemOf, type ExtractOutcome } from './types';
import { EXTRACTED_EXTENSIONS } from './formats';

export type { Extracted, ExtractOutcome, Place } from './types';

export { EXTRACTOR_VERSION, EXTRACTED_FORMATS, EXTRACTED_EXTENSIONS } from './formats';

type Extractor = (bytes: Uint8Array) => ExtractOutcome | Promise<ExtractOutcome>;
const BY_FORMAT: Record<string, Extractor> = {
  pdf: extractPdf,
  html: extractHtml,
  docx: extractDocx,
  odt: extractOdt,
  epub: extractEpub,
  eml: extractEml,
  subtitles: extractSubtitles,
};

/** Extracts a file's text by its extension; never throws. */
export async function extract(ext: string, bytes: Uint8Array): Promise<ExtractOutcome> {
  const format = EXTRACTED_EXTENSIONS.get(ext.toLowerCase());
  if (!format) return { problem: `unsupported format ${ext}` };
  if (bytes.length === 0) return { problem: 'empty file' };
  try {
    return await BY_FORMAT[format](bytes);
  } catch (e) {
    return { problem: `cannot extract text: ${problemOf(e)}` };
  }
}
