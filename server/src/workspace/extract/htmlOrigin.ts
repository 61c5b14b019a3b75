/**
 * Where the extracted text of an HTML page stands in the raw file. The extracted text is Readability's
 * article read block by block (html.ts): the page's own characters, entities decoded and white space
 * collapsed, in the page's order. htmlparser2 (the parser linkedom itself uses) gives each text run of the
 * raw page with its offsets, an entity (`&amp;`) as one run; each block of the extracted text is found in
 * the page's text runs (compared without white space, searching on from the block before), and its
 * characters are mapped one by one. The result is a list of spans (engine/origin.ts): each a run of
 * extracted text and the raw line and character it starts at, 1:1 or one entity.
 */
import { Parser } from 'htmlparser2';
import { LineIndex } from '../../engine/positions';
import type { SourceOrigin } from '../../engine/types';

const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** The non-white-space characters of the page's text, each with its raw span [start, end). */
function rawText(html: string): { chars: string; start: Int32Array; end: Int32Array } {
  let start = new Int32Array(Math.min(html.length, 1 << 16) + 16);
  let end = new Int32Array(start.length);
  const parts: string[] = [];
  let n = 0;
  let skip = 0;
  const push = (ch: string, s: number, e: number) => {
    if (n === start.length) {
      const s2 = new Int32Array(n * 2);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(n * 2);
      e2.set(end);
      end = e2;
    }
    parts.push(ch);
    start[n] = s;
    end[n] = e;
    n++;
  };
  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'script' || name === 'style' || name === 'template') skip++;
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style' || name === 'template') && skip > 0) skip--;
      },
      ontext(data) {
        if (skip > 0) return;
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        const direct = e - s === data.length && html.startsWith(data, s);
        for (let i = 0; i < data.length; i++) {
          const c = data.charCodeAt(i);
          if (isSpace(c)) continue;
          if (direct) push(data[i], s + i, s + i + 1);
          else push(data[i], s, e); // an entity: its decoded characters stand for the whole of it
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { chars: parts.join(''), start: start.subarray(0, n), end: end.subarray(0, n) };
}

const MAX_MISSES = 16;

/**
 * The spans mapping `text` (the extracted text: blocks apart by blank lines) to the raw `html`; blocks not
 * found in the page (a title taken from a meta tag) have none. Ascending by extracted offset.
 */
export function htmlOrigin(html: string, text: string): SourceOrigin {
  const raw = rawText(html);
  const lines = new LineIndex(html);
  const out: number[] = [];
  // the current span: extracted start and length, raw start and length
  let sExt = -1;
  let sLen = 0;
  let sRaw = 0;
  let sRawLen = 0;
  let direct = true;
  const close = () => {
    if (sExt < 0) return;
    const p = lines.position(sRaw);
    out.push(sExt, sLen, p.line, p.character, sRawLen);
    sExt = -1;
  };
  /** maps extracted offset `o` to raw [rs, re) */
  const add = (o: number, rs: number, re: number) => {
    const one = re - rs === 1;
    if (sExt >= 0 && o === sExt + sLen) {
      if (one && direct && rs === sRaw + sRawLen && html.charCodeAt(rs) !== 10 && html.charCodeAt(rs) !== 13) {
        sLen++;
        sRawLen++;
        return;
      }
      if (!direct && rs === sRaw && re === sRaw + sRawLen) {
        sLen++; // the second half of a surrogate pair from one entity
        return;
      }
    }
    close();
    sExt = o;
    sLen = 1;
    sRaw = rs;
    sRawLen = re - rs;
    direct = one;
  };
  let cursor = 0;
  // a block not found costs a scan of the page: after MAX_MISSES of them the rest is left unmapped
  let misses = 0;
  for (let b = 0; b < text.length && misses < MAX_MISSES;) {
    let e = text.indexOf('\n\n', b);
    if (e < 0) e = text.length;
    // the block's non-white-space characters and their offsets
    const offs: number[] = [];
    let key = '';
    for (let i = b; i < e; i++) {
      if (!isSpace(text.charCodeAt(i))) {
        offs.push(i);
        key += text[i];
      }
    }
    let at = key ? raw.chars.indexOf(key, cursor) : -1;
    if (at < 0 && key) at = raw.chars.indexOf(key);
    if (at < 0 && key) misses++;
    if (at >= 0) {
      cursor = at + key.length;
      for (let k = 0; k < offs.length; k++) {
        const o = offs[k];
        if (k > 0 && o === offs[k - 1] + 2) {
          // one space between two characters: mapped when the page has one white-space character there too
          const gap = raw.end[at + k - 1];
          if (raw.start[at + k] === gap + 1 && isSpace(html.charCodeAt(gap)) && html.charCodeAt(gap) !== 10 && html.charCodeAt(gap) !== 13)
            add(o - 1, gap, gap + 1);
        }
        add(o, raw.start[at + k], raw.end[at + k]);
      }
      close();
    }
    b = e + 2;
  }
  close();
  return out;
}
