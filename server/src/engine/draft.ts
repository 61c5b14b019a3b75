/**
 * Drafts: which parts of a document are prose, split into statements with exact offsets.
 *
 * Markdown is parsed with mdast-util-from-markdown (+ GFM and front matter). Only text
 * nodes are prose: code, inline code, HTML, front matter, link URLs, images, footnote
 * definitions and markup characters are masked with spaces, so that every offset in the
 * masked text is the offset in the draft.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { LineIndex } from './positions';
import { splitSentences } from './segment';
import { ownString } from './text';
import type { Span } from './types';
import { worthiness } from './worthiness';

export type DraftFormat = 'markdown' | 'plaintext';

export interface Statement extends Span {
  /** exact text of the draft between start and end */
  text: string;
  /** the same span with non-prose characters replaced by spaces (same length as text) */
  prose: string;
  /** why the statement is not checked, if it is not */
  skip?: string;
}

export interface DraftStatements {
  statements: Statement[];
  /** the draft turns Corroborate off (front matter `corroborate: false`) */
  disabled: boolean;
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number; line: number }; end: { offset?: number; line: number } };
}

/** A statement longer than this is not a sentence (a paragraph without punctuation, pasted data): skipped, with the reason. */
export const MAX_STATEMENT_CHARS = 5_000;

const BLOCKS_WITH_PHRASING = new Set(['paragraph', 'heading', 'tableCell']);

/** Statements of a draft. */
export function draftStatements(text: string, format: DraftFormat): DraftStatements {
  if (format === 'plaintext') return { statements: plainStatements(text), disabled: false };
  return markdownStatements(text);
}

function plainStatements(text: string): Statement[] {
  const out: Statement[] = [];
  for (const s of splitSentences(text, 0, text.length, 'smart')) {
    const t = text.slice(s.start, s.end);
    out.push(withSkip({ start: s.start, end: s.end, text: t, prose: t }));
  }
  return out;
}

/**
 * Markdown is parsed block by block: the draft is cut at blank lines followed by an unindented
 * line (never inside fenced code, HTML blocks or front matter), and each block is parsed on its
 * own, with the draft's link and footnote definitions it refers to appended so references still
 * resolve (the definitions are collected once per draft and looked up by label, so the parse time
 * grows with the draft, not with blocks x definitions). This bounds the parser's super-linear cases (thousands of nested brackets or emphasis
 * markers) to one block, lets a re-check after an edit re-parse only the blocks that changed
 * (cached by text), and a block too large or too odd for the parser is read by a plain masker.
 */
function markdownStatements(text: string): DraftStatements {
  const chunks = splitBlocks(text);
  const defs = collectDefinitions(text);
  const statements: Statement[] = [];
  const htmls: { offset: number; value: string }[] = [];
  let disabled = false;
  for (let ci = 0; ci < chunks.length; ci++) {
    const { start, end } = chunks[ci];
    const chunk = text.slice(start, end);
    const parsed = parseChunk(chunk, ci === 0, definitionSuffix(chunk, defs));
    if (parsed.disabled) disabled = true;
    for (const h of parsed.htmls) htmls.push({ offset: start + h.offset, value: h.value });
    for (const st of parsed.statements) {
      statements.push({ start: start + st.start, end: start + st.end, text: text.slice(start + st.start, start + st.end), prose: st.prose, skip: st.skip });
    }
  }
  // inline control comments: ranges of lines switched off
  const lineIndex = new LineIndex(text);
  const disabledLines = controlledLines(htmls, text, lineIndex);
  for (const st of statements) {
    if (st.skip !== 'heading') st.skip = undefined;
    if (disabled) st.skip = 'Corroborate is off for this file (front matter)';
    else if (disabledLines.size && disabledLines.has(lineIndex.position(st.start).line)) st.skip = 'disabled by a corroborate comment';
    withSkip(st);
  }
  return { statements, disabled };
}

interface ChunkParse {
  /** offsets relative to the chunk; skip is only 'heading' here */
  statements: { start: number; end: number; prose: string; skip?: string }[];
  htmls: { offset: number; value: string }[];
  disabled: boolean;
}

/** parsed blocks by text (`key`: the text as kept, a copy of its own), least recently used first */
const chunkCache = new Map<string, { key: string; parsed: ChunkParse }>();
let chunkCacheChars = 0;
/**
 * Characters of block text kept in the cache: room for about two drafts at the size cap (corroborate.maxDraftKB,
 * 512 KB), so every block of the drafts being checked stays while the versions of a block edited away are
 * dropped, least recently used first (while the writer types, each keystroke leaves one behind).
 */
const CHUNK_CACHE_CHARS = 1_000_000;

/** Blocks larger than this, or with this many parser-hostile characters, are read by the plain masker. */
export const MARKDOWN_LIMITS = { chunkChars: 30_000, brackets: 500, emphasis: 2_000, angles: 2_000, quoteMarkers: 500 };

function parseChunk(chunk: string, first: boolean, suffix: string): ChunkParse {
  const key = (first ? '1' : '0') + chunk + '\u0000' + suffix;
  const hit = chunkCache.get(key);
  if (hit) {
    chunkCache.delete(hit.key);
    chunkCache.set(hit.key, hit);
    return hit.parsed;
  }
  let parsed: ChunkParse | undefined;
  if (!hostile(chunk)) {
    try {
      parsed = parseMarkdownChunk(chunk, first, suffix);
    } catch {
      parsed = undefined; // the parser gave up (e.g. too deep): read it plainly
    }
  }
  parsed ??= plainChunk(chunk);
  // the block is a slice of this version of the draft: kept as it is, the key (and an HTML comment's
  // text) would keep the whole version alive, one per edit while the writer types
  for (const h of parsed.htmls) h.value = ownString(h.value);
  for (const old of chunkCache.keys()) {
    if (chunkCacheChars + key.length <= CHUNK_CACHE_CHARS) break;
    chunkCache.delete(old);
    chunkCacheChars -= old.length;
  }
  const own = ownString(key);
  chunkCache.set(own, { key: own, parsed });
  chunkCacheChars += key.length;
  return parsed;
}

/** Input on which the Markdown parser is slow (super-linear) or too deep for the stack. */
function hostile(chunk: string): boolean {
  if (chunk.length > MARKDOWN_LIMITS.chunkChars) return true;
  let brackets = 0;
  let emphasis = 0;
  let angles = 0;
  let quoteMarkers = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 91 /* [ */) brackets++;
    else if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */) emphasis++;
    else if (c === 60 /* < */) angles++;
    else if (c === 62 /* > */) quoteMarkers++;
  }
  return (
    brackets > MARKDOWN_LIMITS.brackets || emphasis > MARKDOWN_LIMITS.emphasis || angles > MARKDOWN_LIMITS.angles || quoteMarkers > MARKDOWN_LIMITS.quoteMarkers
  );
}

function parseMarkdownChunk(chunk: string, first: boolean, suffix: string): ChunkParse {
  const source = suffix ? chunk + suffix : chunk;
  const tree = fromMarkdown(source, {
    extensions: first ? [frontmatter(['yaml', 'toml']), gfm()] : [gfm()],
    mdastExtensions: first ? [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()] : [gfmFromMarkdown()],
  }) as unknown as MdNode;
  const limit = chunk.length;
  const out: ChunkParse = { statements: [], htmls: [], disabled: false };
  if (first) {
    const fm = tree.children?.find((c) => c.type === 'yaml' || c.type === 'toml');
    if (fm && /^\s*corroborate\s*[:=]\s*(false|off|no)\s*$/m.test(fm.value ?? '')) out.disabled = true;
  }
  // iterative walks: a deeply nested draft must not exhaust the stack
  const stack: { node: MdNode; inHeading: boolean }[] = [{ node: tree, inHeading: false }];
  while (stack.length) {
    const { node, inHeading } = stack.pop()!;
    const nstart = node.position?.start.offset ?? 0;
    if (node.type !== 'root' && nstart >= limit) continue; // the appended definitions
    if (node.type === 'html' && node.position) out.htmls.push({ offset: node.position.end.offset ?? nstart, value: node.value ?? '' });
    if (BLOCKS_WITH_PHRASING.has(node.type) && node.position) {
      const start = nstart;
      const end = Math.min(limit, node.position.end.offset ?? start);
      const mask = new Uint8Array(Math.max(0, end - start));
      markProse(node, start, mask, out.htmls);
      let masked = '';
      for (let i = start; i < end; i++) {
        const ch = chunk[i];
        masked += mask[i - start] || ch === '\n' || ch === '\r' ? ch : ' ';
      }
      for (const s of splitSentences(masked, 0, masked.length, 'paragraph')) {
        out.statements.push({
          start: start + s.start,
          end: start + s.end,
          prose: masked.slice(s.start, s.end),
          skip: node.type === 'heading' || inHeading ? 'heading' : undefined,
        });
      }
      continue;
    }
    if (node.type === 'footnoteDefinition') {
      // not prose, but a control comment inside still counts
      const inner = [...(node.children ?? [])];
      while (inner.length) {
        const n = inner.pop()!;
        if (n.type === 'html' && n.position && (n.position.start.offset ?? 0) < limit)
          out.htmls.push({ offset: n.position.end.offset ?? 0, value: n.value ?? '' });
        inner.push(...(n.children ?? []));
      }
      continue;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'toml' || node.type === 'definition') continue;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], inHeading: inHeading || node.type === 'heading' });
  }
  out.statements.sort((a, b) => a.start - b.start);
  out.htmls.sort((a, b) => a.offset - b.offset);
  return out;
}

/** Marks the characters of text nodes (prose) below `node`; collects inline HTML on the way. */
function markProse(root: MdNode, base: number, mask: Uint8Array, htmls: { offset: number; value: string }[]) {
  const stack: MdNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && node.position) {
      const s = (node.position.start.offset ?? 0) - base;
      const e = (node.position.end.offset ?? 0) - base;
      for (let i = Math.max(0, s); i < Math.min(mask.length, e); i++) mask[i] = 1;
      continue;
    }
    if (node.type === 'html' && node.position) htmls.push({ offset: node.position.end.offset ?? 0, value: node.value ?? '' });
    if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'footnoteReference')
      continue;
    for (const c of node.children ?? []) stack.push(c);
  }
}

/**
 * A block the parser is not trusted with, read as plain text: Markdown punctuation is masked
 * with spaces (offsets never move) and sentences are split as in wrapped prose.
 */
function plainChunk(chunk: string): ChunkParse {
  let masked = '';
  let lineStart = true;
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk[i];
    if (ch === '\n' || ch === '\r') {
      masked += ch;
      lineStart = true;
      continue;
    }
    if (lineStart && (ch === '#' || ch === '>' || ch === '-' || ch === '+' || ch === ' ' || ch === '\t')) {
      masked += ' ';
      continue;
    }
    lineStart = false;
    masked += ch === '[' || ch === ']' || ch === '*' || ch === '_' || ch === '`' || ch === '<' || ch === '>' || ch === '|' || ch === '~' ? ' ' : ch;
  }
  // a line that starts a list item, table row, quotation or heading starts a new unit
  const cuts = [0];
  const lineRe = /\r\n?|\n/g;
  const marker = /[ \t]*([-*+>|#]|\d{1,9}[.)])/y;
  for (let m = lineRe.exec(chunk); m; m = lineRe.exec(chunk)) {
    marker.lastIndex = m.index + m[0].length;
    if (marker.test(chunk)) cuts.push(m.index + m[0].length);
  }
  cuts.push(chunk.length);
  const out: ChunkParse = { statements: [], htmls: [], disabled: false };
  for (let i = 0; i + 1 < cuts.length; i++) {
    for (const s of splitSentences(masked, cuts[i], cuts[i + 1], 'paragraph'))
      out.statements.push({ start: s.start, end: s.end, prose: masked.slice(s.start, s.end) });
  }
  return out;
}

/**
 * Cuts a Markdown text into blocks that parse the same on their own: at a blank line followed
 * by an unindented line, outside front matter, fenced code and multi-line HTML blocks.
 */
export function splitBlocks(text: string): Span[] {
  const out: Span[] = [];
  let chunkStart = 0;
  let fence: { ch: string; len: number } | undefined;
  let htmlEnd: string | undefined;
  let afterBlank = false;
  let pos = 0;
  // front matter: never cut inside it
  const fm = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = fm[1] === '---' ? /^(---|\.\.\.)[ \t]*$/m : /^\+\+\+[ \t]*$/m;
    const rest = text.slice(fm[0].length);
    const m = close.exec(rest);
    if (m) pos = fm[0].length + m.index + m[0].length;
  }
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let next = eol;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    if (next === eol) next = text.length; // end of text
    const line = text.slice(pos, eol);
    if (fence) {
      const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len) fence = undefined;
    } else if (htmlEnd) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else if (line.trim() === '') {
      afterBlank = true;
    } else {
      const c = line.charCodeAt(0);
      if (afterBlank && c !== 32 && c !== 9 && pos > chunkStart) {
        out.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      afterBlank = false;
      const f = /^[ \t]*(`{3,}|~{3,})/.exec(line);
      if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = { ch: f[1][0], len: f[1].length };
      else htmlEnd = htmlBlockEnd(line);
    }
    pos = next;
  }
  if (chunkStart < text.length || out.length === 0) out.push({ start: chunkStart, end: text.length });
  return out;
}

/** If `line` opens an HTML block that may run over blank lines, the text that closes it. */
function htmlBlockEnd(line: string): string | undefined {
  const t = line.trimStart();
  if (t[0] !== '<') return undefined;
  const lower = t.toLowerCase();
  const has = (open: string, close: string) => (lower.startsWith(open) && !lower.includes(close, open.length) ? close : undefined);
  const raw = /^<(script|pre|style|textarea)(\s|>|$)/.exec(lower);
  if (raw) return lower.includes(`</${raw[1]}>`) ? undefined : `</${raw[1]}>`;
  return has('<!--', '-->') ?? has('<![cdata[', ']]>') ?? has('<?', '?>') ?? (/^<![a-z]/.test(lower) && !lower.includes('>') ? '>' : undefined);
}

/** The draft's link and footnote definition lines, by normalised label (first 500, 32,000 characters). */
interface Definitions {
  lines: string[];
  byLabel: Map<string, number[]>;
}

function collectDefinitions(text: string): Definitions | undefined {
  if (!text.includes(']:')) return undefined;
  const defs: Definitions = { lines: [], byLabel: new Map() };
  let size = 0;
  const re = /^ {0,3}\[([^\]\n]{1,200})\]:[^\n\r]*/gm;
  for (let m = re.exec(text); m && defs.lines.length < 500 && size < 32_000; m = re.exec(text)) {
    const label = normalizeLabel(m[1]);
    const ids = defs.byLabel.get(label);
    if (ids) ids.push(defs.lines.length);
    else defs.byLabel.set(label, [defs.lines.length]);
    defs.lines.push(m[0].trim());
    size += m[0].length;
  }
  return defs.lines.length ? defs : undefined;
}

/** A link label as Markdown compares them (mdast's normalizeIdentifier). */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/**
 * The definitions a block may refer to (every bracketed text in it, looked up by label), in the
 * draft's order, as the text appended to the block so its references resolve.
 */
function definitionSuffix(chunk: string, defs: Definitions | undefined): string {
  if (!defs || !chunk.includes('[')) return '';
  const picked: number[] = [];
  const seen = new Set<number>();
  const re = /\[([^[\]]{1,1000})\]/g;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    const ids = defs.byLabel.get(normalizeLabel(m[1]));
    if (!ids) continue;
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      picked.push(id);
    }
  }
  if (!picked.length) return '';
  picked.sort((a, b) => a - b);
  return '\n\n' + picked.map((i) => defs.lines[i]).join('\n\n') + '\n';
}

/** Lines switched off by <!-- corroborate-disable(-next-line) --> ... <!-- corroborate-enable --> comments. */
function controlledLines(htmls: { offset: number; value: string }[], text: string, lineIndex: LineIndex): Set<number> {
  const disabledLines = new Set<number>();
  if (htmls.length === 0) return disabledLines;
  const control = htmls.filter((h) => h.value.includes('corroborate-')).sort((a, b) => a.offset - b.offset);
  if (control.length === 0) return disabledLines;
  const totalLines = lineIndex.lineCount;
  const lines = text.split(/\r?\n|\r/);
  let offFrom = -1;
  for (const h of control) {
    const v = h.value;
    const line = lineIndex.position(Math.max(0, h.offset - 1)).line;
    if (/<!--\s*corroborate-disable-next-line\s*-->/.test(v)) {
      // the next line that holds text
      let l = line + 1;
      while (l < lines.length && lines[l].trim() === '') l++;
      disabledLines.add(l);
    } else if (/<!--\s*corroborate-disable\s*-->/.test(v)) {
      if (offFrom < 0) offFrom = line;
    } else if (/<!--\s*corroborate-enable\s*-->/.test(v)) {
      if (offFrom >= 0) for (let l = offFrom; l <= line; l++) disabledLines.add(l);
      offFrom = -1;
    }
  }
  if (offFrom >= 0) for (let l = offFrom; l < totalLines; l++) disabledLines.add(l);
  return disabledLines;
}

/**
 * Check-worthiness: questions, fragments without factual content, bylines, datelines, opinion and evaluation
 * with no checkable fact are skipped, with the reason (worthiness.ts); a dateline or an opinion frame around a
 * fact is masked in the prose (offsets unchanged) and the rest is checked.
 */
function withSkip(st: Statement): Statement {
  if (st.skip) return st;
  if (st.end - st.start > MAX_STATEMENT_CHARS) {
    st.skip = `too long to check as one statement (${st.end - st.start} characters; the limit is ${MAX_STATEMENT_CHARS})`;
    return st;
  }
  const p = st.prose.trim();
  if (/\?["'”’)\]]*$/.test(p) && !reportedQuestion(p)) {
    st.skip = 'question';
    return st;
  }
  const w = worthiness(st.prose);
  if (w.skip) st.skip = w.skip;
  else {
    const words = p.match(/\p{L}[\p{L}\p{M}'’-]*|\p{N}+/gu) ?? [];
    if (words.length < 3) st.skip = 'fragment without factual content';
    else if (w.mask) {
      let prose = st.prose;
      for (const [a, b] of w.mask) prose = prose.slice(0, a) + ' '.repeat(b - a) + prose.slice(b);
      st.prose = prose;
    }
  }
  return st;
}

/**
 * A question inside a quotation that the statement reports ("The mayor then asked him: "Why not?""): a claim
 * about what someone said, checked like any quotation. The words outside the quotation marks must say who.
 */
function reportedQuestion(p: string): boolean {
  const outside = p.replace(/"[^"]*"?|“[^”]*”?/g, ' ');
  if (outside === p || /\?/.test(outside)) return false;
  const words = outside.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  return words.length >= 3;
}
