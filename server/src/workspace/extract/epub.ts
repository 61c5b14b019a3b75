/**
 * EPUB: the chapters in reading order (the OPF spine), each read as HTML block by block; a chapter's
 * first heading (or its number) is its place.
 */
import { parseDocument } from './dom';
import { appendBlocks } from './html';
import { openZip } from './zip';
import { TextBuilder, problemOf, type ExtractOutcome } from './types';

const MAX_CHAPTERS = 2000;

export async function extractEpub(bytes: Uint8Array): Promise<ExtractOutcome> {
  const opened = await openZip(bytes, 'EPUB');
  if ('problem' in opened) return opened;
  const zip = opened.zip;
  try {
    const container = await zip.file('META-INF/container.xml')?.async('string');
    const opfPath = container && /full-path="([^"]+)"/.exec(container)?.[1];
    if (!opfPath) return { problem: 'not an EPUB (no META-INF/container.xml rootfile): not indexed' };
    const opf = await zip.file(opfPath)?.async('string');
    if (!opf) return { problem: `EPUB package file ${opfPath} missing: not indexed` };
    const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
    const document = parseDocument(opf.replace(/<\?xml[^>]*\?>/, ''));
    const items = new Map<string, string>();
    for (const it of document.querySelectorAll('item')) {
      const id = it.getAttribute('id');
      const href = it.getAttribute('href');
      if (id && href) items.set(id, href);
    }
    const metadata: Record<string, string> = {};
    const title = document.querySelector('title, dc\\:title')?.textContent?.trim();
    if (title) metadata.title = title;
    const creator = document.querySelector('creator, dc\\:creator')?.textContent?.trim();
    if (creator) metadata.author = creator;
    const out = new TextBuilder();
    let n = 0;
    const warnings: string[] = [];
    for (const ref of document.querySelectorAll('itemref')) {
      if (n >= MAX_CHAPTERS) break;
      const href = items.get(ref.getAttribute('idref') ?? '');
      if (!href) continue;
      const file = zip.file(decodeURIComponent(base + href.split('#')[0]));
      if (!file) {
        warnings.push(`chapter ${href} missing from the archive`);
        continue;
      }
      n++;
      const xhtml = await file.async('string');
      const ch = parseDocument(xhtml.replace(/<\?xml[^>]*\?>/, ''));
      out.mark(`ch. ${n}`);
      appendBlocks(ch.body, out);
    }
    const text = out.text;
    if (text.trim() === '') return { problem: 'no text in the EPUB: not indexed' };
    return { text, places: out.places, metadata, warnings };
  } catch (e) {
    return { problem: `cannot read the EPUB: ${problemOf(e)}` };
  }
}
