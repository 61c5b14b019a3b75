/**
 * PDF through unpdf (pdf.js, no native dependency): text per page, lines joined (a hyphen at a line
 * end before a lower-case letter is taken out), paragraphs cut where the gap between lines is wider
 * than the page's usual line spacing, and the lines repeated at the top or bottom of most pages
 * (running headers, footers, page numbers) left out. Each page is a place ("p. 3").
 */
import { getDocumentProxy } from 'unpdf';
import { TextBuilder, problemOf, type ExtractOutcome } from './types';

interface Line {
  text: string;
  y: number;
  height: number;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/** Lines of one page, top to bottom as pdf.js gives them. */
function pageLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let cur = '';
  let y = NaN;
  let h = 0;
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    if (cur === '' && it.str.trim() !== '') {
      y = it.transform?.[5] ?? NaN;
      h = it.height ?? 0;
    }
    cur += it.str;
    if (it.hasEOL) {
      if (cur.trim() !== '') lines.push({ text: cur.replace(/\s+/g, ' ').trim(), y, height: h });
      cur = '';
    }
  }
  if (cur.trim() !== '') lines.push({ text: cur.replace(/\s+/g, ' ').trim(), y, height: h });
  return lines;
}

/** A line's shape with its digits blanked: "Page 3 of 9" and "Page 4 of 9" are one running line. */
const shape = (t: string) => t.replace(/\d+/g, '#').toLowerCase();
const PAGE_NUMBER = /^(page|p\.|seite|pagina)?\s*[#ivxlc]+\s*((of|\/|von)\s*[#ivxlc]+)?$/i;

/** Paragraphs of a page: lines joined, cut at wide gaps; de-hyphenated. */
function paragraphs(lines: Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1].y - lines[i].y;
    if (d > 0 && Number.isFinite(d)) gaps.push(d);
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const out: string[] = [];
  let para = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (i > 0) {
      const d = lines[i - 1].y - l.y;
      const wide = usual > 0 && Number.isFinite(d) && (d > usual * 1.4 || d < 0);
      const bigger = l.height > 0 && lines[i - 1].height > 0 && Math.abs(l.height - lines[i - 1].height) > 1.5;
      if (wide || bigger) {
        out.push(para);
        para = '';
      }
    }
    if (para === '') para = l.text;
    else if (/\p{L}-$/u.test(para) && /^\p{Ll}/u.test(l.text)) para = para.slice(0, -1) + l.text;
    else para += ' ' + l.text;
  }
  if (para) out.push(para);
  return out;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractOutcome> {
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes the buffer over: give it a copy
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return { problem: 'password-protected PDF: not indexed' };
    if (name === 'InvalidPDFException') return { problem: 'not a valid PDF (damaged or truncated): not indexed' };
    return { problem: `cannot read the PDF: ${problemOf(e)}` };
  }
  try {
    const pages: Line[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items as TextItemLike[]));
      page.cleanup();
    }
    // running lines: the same shape among the first or last two lines of at least half the pages (3 pages or more)
    const running = new Set<string>();
    if (pages.length >= 3) {
      const count = new Map<string, number>();
      for (const lines of pages) {
        const edge = new Set<string>();
        for (const l of [...lines.slice(0, 2), ...lines.slice(-2)]) edge.add(shape(l.text));
        for (const s of edge) count.set(s, (count.get(s) ?? 0) + 1);
      }
      for (const [s, n] of count) if (n >= Math.max(3, pages.length / 2)) running.add(s);
    }
    const out = new TextBuilder();
    const metadata: Record<string, string> = { pages: String(pages.length) };
    let dropped = 0;
    pages.forEach((lines, i) => {
      const kept = lines.filter((l, j) => {
        const edge = j < 2 || j >= lines.length - 2;
        const s = shape(l.text);
        if (edge && (running.has(s) || PAGE_NUMBER.test(s))) {
          dropped++;
          return false;
        }
        return true;
      });
      out.mark(`p. ${i + 1}`);
      for (const para of paragraphs(kept)) out.block(para);
    });
    try {
      const meta = await doc.getMetadata();
      const info = (meta?.info ?? {}) as Record<string, unknown>;
      for (const k of ['Title', 'Author', 'CreationDate'])
        if (typeof info[k] === 'string' && (info[k] as string).trim()) metadata[k.toLowerCase()] = (info[k] as string).trim();
    } catch {
      // metadata is optional
    }
    const text = out.text;
    if (text.trim() === '')
      return { problem: `no text in the PDF (${pages.length} page${pages.length === 1 ? '' : 's'}; a scan without a text layer?): not indexed` };
    if (dropped) metadata.runningLinesDropped = String(dropped);
    return { text, places: out.places, metadata, warnings: [] };
  } catch (e) {
    return { problem: `cannot read the PDF: ${problemOf(e)}` };
  } finally {
    void doc.destroy();
  }
}
