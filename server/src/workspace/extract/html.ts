/**
 * HTML and saved web pages: the article (Mozilla's Readability over a linkedom document), read block by
 * block (paragraphs, headings, list items, table cells); title, byline and date kept as metadata. A page
 * Readability finds no article in is read whole, less its navigation, header, footer, scripts and styles.
 * Headings become places, so a citation names the section. The text is mapped back to the raw page
 * (htmlOrigin.ts), so that evidence can be shown where it stands in the file.
 */
import { parseDocument, type DomDocument, type DomNode } from './dom';
import { Readability } from '@mozilla/readability';
import { htmlOrigin } from './htmlOrigin';
import { TextBuilder, problemOf, type ExtractOutcome } from './types';

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DT',
  'DD',
  'FIGCAPTION',
  'CAPTION',
  'ADDRESS',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'TR',
  'UL',
  'OL',
  'TABLE',
  'BODY',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'HR',
  'BR',
  'DL',
  'FORM',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);
const LAYOUT = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/**
 * The text of the blocks under `root`, appended to `out`: one block per paragraph-like element, a place
 * at each heading (labelled with the heading's text, quoted). `placePrefix` labels text before any heading.
 */
export function appendBlocks(root: DomNode, out: TextBuilder, opts: { dropLayout?: boolean; placePrefix?: string } = {}): void {
  let pending = '';
  const flush = () => {
    if (pending.trim() !== '') out.block(pending);
    pending = '';
  };
  const walk = (n: DomNode, depth: number) => {
    if (depth > 200) return; // a pathological nesting: its deeper text is left out
    if (n.nodeType === 3) {
      pending += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (opts.dropLayout && LAYOUT.has(name)) return;
    if (n.getAttribute?.('hidden') !== null && n.getAttribute?.('hidden') !== undefined) return;
    const isBlock = BLOCKS.has(name);
    if (isBlock) flush();
    if (/^H[1-6]$/.test(name)) {
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.mark(`“${t.length > 80 ? t.slice(0, 77) + '…' : t}”`);
    }
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i], depth + 1);
    if (isBlock) flush();
  };
  if (opts.placePrefix) out.mark(opts.placePrefix);
  walk(root, 0);
  flush();
}

function firstMeta(doc: DomDocument, selectors: string[]): string | undefined {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

export function extractHtml(bytes: Uint8Array): ExtractOutcome {
  try {
    const html = decodeHtml(bytes);
    const document = parseDocument(html);
    const metadata: Record<string, string> = {};
    const date = firstMeta(document, [
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[itemprop="datePublished"]',
    ]);
    let article: ReturnType<Readability['parse']> = null;
    try {
      // Readability changes the document it reads: give it its own copy
      article = new Readability(parseDocument(html) as never, { charThreshold: 200 }).parse();
    } catch {
      article = null;
    }
    const out = new TextBuilder();
    const title = (article?.title || document.title || '').trim();
    if (title) metadata.title = title;
    if (article?.byline) metadata.byline = article.byline.trim();
    const published = article?.publishedTime || date;
    if (published) metadata.date = published;
    if (article?.content && (article.textContent ?? '').trim().length > 0) {
      const content = parseDocument(`<!doctype html><html><body>${article.content}</body></html>`);
      // the article's title, when Readability took it out of the text, as the first block
      const body = content.body;
      if (title && !(article.textContent ?? '').includes(title)) out.block(title, { place: `“${title.length > 80 ? title.slice(0, 77) + '…' : title}”` });
      appendBlocks(body, out);
    } else {
      appendBlocks(document.body, out, { dropLayout: true });
    }
    const text = out.text;
    if (text.trim() === '') return { problem: 'no text found in the page' };
    return { text, places: out.places, origin: htmlOrigin(html, text), metadata, warnings: [] };
  } catch (e) {
    return { problem: `cannot read the HTML: ${problemOf(e)}` };
  }
}

/** UTF-8 unless a BOM or a <meta charset> says otherwise (UTF-16, windows-1252/Latin-1). */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  const label = m ? m[1].toLowerCase() : 'utf-8';
  try {
    return new TextDecoder(label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
