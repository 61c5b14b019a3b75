/**
 * Email (.eml, RFC 5322 / MIME): subject, sender and date kept as metadata and as the place
 * ("email from Ada Quist, 3 May 2026"); the plain-text part (or the HTML part, read as a page)
 * is the text. Quoted replies (lines starting with ">", and what follows "On ... wrote:") are kept
 * as blocks of their own whose place says "quoted in a reply", so a citation never passes an earlier
 * message off as the sender's.
 */
import { parseDocument } from './dom';
import { appendBlocks } from './html';
import { TextBuilder, type ExtractOutcome } from './types';

interface Part {
  headers: Map<string, string>;
  body: Uint8Array;
}

const latin1 = new TextDecoder('latin1');

function splitHead(bytes: Uint8Array): Part {
  const s = latin1.decode(bytes);
  const m = /\r?\n\r?\n/.exec(s);
  const headEnd = m ? m.index : s.length;
  const bodyStart = m ? m.index + m[0].length : s.length;
  const headers = new Map<string, string>();
  let last = '';
  for (const line of s.slice(0, headEnd).split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) headers.set(last, headers.get(last)! + ' ' + line.trim());
    else {
      const c = line.indexOf(':');
      if (c <= 0) continue;
      last = line.slice(0, c).trim().toLowerCase();
      if (!headers.has(last)) headers.set(last, line.slice(c + 1).trim());
    }
  }
  return { headers, body: bytes.subarray(bodyStart) };
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeCharset(bytes: Uint8Array, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.toLowerCase() === 'iso-8859-1' ? 'windows-1252' : charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function quotedPrintable(s: string): Uint8Array {
  const t = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(t.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

function bodyText(p: Part): string {
  const cte = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = param(p.headers.get('content-type') ?? '', 'charset');
  const raw = latin1.decode(p.body);
  if (cte === 'base64') return decodeCharset(Buffer.from(raw.replace(/\s+/g, ''), 'base64'), charset);
  if (cte === 'quoted-printable') return decodeCharset(quotedPrintable(raw), charset);
  return decodeCharset(p.body, charset);
}

/** RFC 2047 encoded words in a header ("=?utf-8?Q?caf=C3=A9?="). */
export function decodeHeader(v: string): string {
  const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  return v.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?/g, (_, cs: string, enc: string, data: string) => {
    const b = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '));
    return decodeCharset(b instanceof Uint8Array ? b : bytesOf(String(b)), cs);
  });
}

/** The text/plain and text/html leaves of a MIME tree (depth-limited). */
function leaves(p: Part, depth: number, out: { plain?: Part; html?: Part }): void {
  const type = (p.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (depth < 8 && type.startsWith('multipart/')) {
    const boundary = param(p.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return;
    const s = latin1.decode(p.body);
    const sep = '--' + boundary;
    const chunks = s.split(sep).slice(1);
    for (const c of chunks) {
      if (c.startsWith('--')) break;
      const bytes = Uint8Array.from(c.replace(/^\r?\n/, ''), (ch) => ch.charCodeAt(0) & 0xff);
      leaves(splitHead(bytes), depth + 1, out);
    }
    return;
  }
  if (/attachment/i.test(p.headers.get('content-disposition') ?? '')) return;
  if (type.startsWith('text/plain') && !out.plain) out.plain = p;
  else if (type.startsWith('text/html') && !out.html) out.html = p;
}

function displayName(from: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<[^>]+>/.exec(from);
  return (m && m[1].trim()) || from.replace(/[<>]/g, '').trim();
}

export function extractEml(bytes: Uint8Array): ExtractOutcome {
  const top = splitHead(bytes);
  if (!top.headers.has('from') && !top.headers.has('subject') && !top.headers.has('date'))
    return { problem: 'no email headers (From, Subject, Date) found: not indexed' };
  const metadata: Record<string, string> = {};
  for (const k of ['subject', 'from', 'date', 'to', 'message-id']) {
    const v = top.headers.get(k);
    if (v) metadata[k] = decodeHeader(v);
  }
  const sender = metadata.from ? displayName(metadata.from) : 'unknown sender';
  const date = metadata.date ? metadata.date.replace(/^\w{3},\s*/, '').replace(/\s+\d{2}:\d{2}(:\d{2})?.*$/, '') : '';
  const here = `email from ${sender}${date ? ', ' + date : ''}`;
  const found: { plain?: Part; html?: Part } = {};
  leaves(top, 0, found);
  const out = new TextBuilder();
  if (metadata.subject) out.block(metadata.subject, { place: here });
  if (found.plain) {
    const text = bodyText(found.plain).replace(/\r\n?/g, '\n');
    let quoted = false;
    for (const para of text.split(/\n[^\S\n]*\n/)) {
      const lines = para.split('\n');
      const own: string[] = [];
      const quote: string[] = [];
      for (const l of lines) {
        if (/^\s*On .{4,200} wrote:\s*$/.test(l) || /^-{2,}\s*Original Message\s*-{2,}/i.test(l)) {
          quoted = true;
          continue;
        }
        if (quoted || /^\s*>/.test(l)) quote.push(l.replace(/^(\s*>)+\s?/, ''));
        else own.push(l);
      }
      if (own.length) out.block(own.join('\n'), { place: here, keepLines: true });
      if (quote.length) out.block(quote.join('\n'), { place: `quoted in a reply (${here})`, keepLines: true });
    }
  } else if (found.html) {
    const document = parseDocument(bodyText(found.html));
    out.mark(here);
    appendBlocks(document.body, out, { dropLayout: true });
  }
  const text = out.text;
  if (text.trim() === '') return { problem: 'no text part in the email: not indexed' };
  return { text, places: out.places, metadata, warnings: [] };
}
