/**
 * OpenDocument text (.odt): a zip like .docx and .epub, whose content.xml holds the text. Its elements are
 * turned into the HTML ones they stand for (text:h with its outline level into h1-h6, text:p into p,
 * list items, table cells, spaces, tabs and line breaks), and the result is read block by block as HTML,
 * so headings become places as for Word and web pages. Deleted tracked changes, annotations, a table
 * of contents (a copy of the headings) and footnote bodies are left out; the title comes from meta.xml.
 */
import { parseDocument } from './dom';
import { appendBlocks } from './html';
import { openZip } from './zip';
import { TextBuilder, problemOf, type ExtractOutcome } from './types';

/** Elements left out with everything in them. */
const DROPPED = ['text:tracked-changes', 'office:annotation', 'text:table-of-content', 'text:note-body', 'text:index-body', 'office:forms'];

/** content.xml as HTML for appendBlocks. */
export function odtHtml(xml: string): string {
  let s = xml.replace(/<\?xml[^>]*\?>/, '');
  const body = /<office:body\b[^>]*>([\s\S]*)<\/office:body>/.exec(s);
  s = body ? body[1] : s;
  for (const tag of DROPPED) s = s.replace(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g'), '');
  // headings do not nest: each end tag closes the level its start tag opened
  let level = 1;
  return s
    .replace(/<text:h\b([^>]*)>|<\/text:h>/g, (m, attrs: string | undefined) => {
      if (m.startsWith('</')) return `</h${level}>`;
      if (attrs?.endsWith('/')) return '';
      level = Math.min(6, Math.max(1, Number(/text:outline-level="(\d+)"/.exec(attrs ?? '')?.[1] ?? 1)));
      return `<h${level}>`;
    })
    .replace(/<text:p\b[^>]*\/>/g, '')
    .replace(/<text:p\b[^>]*>/g, '<p>')
    .replace(/<\/text:p>/g, '</p>')
    .replace(/<text:list-item\b[^>]*>/g, '<li>')
    .replace(/<\/text:list-item>/g, '</li>')
    .replace(/<table:table-cell\b[^>]*\/>/g, '')
    .replace(/<table:table-cell\b[^>]*>/g, '<td>')
    .replace(/<\/table:table-cell>/g, '</td>')
    .replace(/<text:s\b(?:[^>]*?text:c="(\d+)")?[^>]*\/>/g, (_, n: string | undefined) => ' '.repeat(Math.min(64, Number(n ?? 1))))
    .replace(/<text:tab\b[^>]*\/>/g, ' ')
    .replace(/<text:line-break\b[^>]*\/>/g, '<br>')
    .replace(/<\/?[a-z]+:[a-z-]+\b[^>]*>/g, ''); // every other element (spans, links, sections, lists): its text only
}

export async function extractOdt(bytes: Uint8Array): Promise<ExtractOutcome> {
  const opened = await openZip(bytes, '.odt');
  if ('problem' in opened) return opened;
  const zip = opened.zip;
  try {
    const content = await zip.file('content.xml')?.async('string');
    if (!content) return { problem: 'not an OpenDocument text (no content.xml): not indexed' };
    const document = parseDocument(`<!doctype html><html><body>${odtHtml(content)}</body></html>`);
    const out = new TextBuilder();
    appendBlocks(document.body, out);
    const text = out.text;
    if (text.trim() === '') return { problem: 'no text in the document: not indexed' };
    const metadata: Record<string, string> = {};
    const meta = await zip.file('meta.xml')?.async('string');
    const title = meta && /<dc:title>([^<]*)<\/dc:title>/.exec(meta)?.[1].trim();
    if (title) metadata.title = parseDocument(`<p>${title}</p>`).textContent?.trim() ?? title;
    return { text, places: out.places, metadata, warnings: [] };
  } catch (e) {
    return { problem: `cannot read the .odt: ${problemOf(e)}` };
  }
}
