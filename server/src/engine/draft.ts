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
import type { Span } from './types';

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

function markdownStatements(text: string): DraftStatements {
  let tree: MdNode;
  try {
    tree = fromMarkdown(text, {
      extensions: [frontmatter(['yaml', 'toml']), gfm()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
    }) as unknown as MdNode;
  } catch {
    return { statements: plainStatements(text), disabled: false };
  }
  let disabled = false;
  const fm = tree.children?.find((c) => c.type === 'yaml' || c.type === 'toml');
  if (fm && /^\s*corroborate\s*[:=]\s*(false|off|no)\s*$/m.test(fm.value ?? '')) disabled = true;

  // inline control comments: ranges of lines switched off
  const lineIndex = new LineIndex(text);
  const disabledLines = new Set<number>();
  collectControlComments(tree, text, lineIndex, disabledLines);

  const statements: Statement[] = [];
  const visit = (node: MdNode, inHeading: boolean) => {
    if (BLOCKS_WITH_PHRASING.has(node.type) && node.position) {
      const start = node.position.start.offset ?? 0;
      const end = node.position.end.offset ?? start;
      const chars: string[] = [];
      const mask = new Uint8Array(end - start);
      markProse(node, start, mask);
      for (let i = start; i < end; i++) {
        const ch = text[i];
        chars.push(mask[i - start] || ch === '\n' || ch === '\r' ? ch : ' ');
      }
      const masked = chars.join('');
      for (const s of splitSentences(masked, 0, masked.length, 'paragraph')) {
        const st: Statement = {
          start: start + s.start,
          end: start + s.end,
          text: text.slice(start + s.start, start + s.end),
          prose: masked.slice(s.start, s.end),
        };
        if (node.type === 'heading' || inHeading) st.skip = 'heading';
        const line = lineIndex.position(st.start).line;
        if (disabled) st.skip = 'Corroborate is off for this file (front matter)';
        else if (disabledLines.has(line)) st.skip = 'disabled by a corroborate comment';
        statements.push(withSkip(st));
      }
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'toml' || node.type === 'footnoteDefinition' || node.type === 'definition') return;
    for (const c of node.children ?? []) visit(c, inHeading || node.type === 'heading');
  };
  visit(tree, false);
  statements.sort((a, b) => a.start - b.start);
  return { statements, disabled };
}

/** Marks the characters of text nodes (prose) below `node`. */
function markProse(node: MdNode, base: number, mask: Uint8Array) {
  if (node.type === 'text' && node.position) {
    const s = (node.position.start.offset ?? 0) - base;
    const e = (node.position.end.offset ?? 0) - base;
    for (let i = Math.max(0, s); i < Math.min(mask.length, e); i++) mask[i] = 1;
    return;
  }
  if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'footnoteReference') return;
  for (const c of node.children ?? []) markProse(c, base, mask);
}

function collectControlComments(tree: MdNode, text: string, lineIndex: LineIndex, disabledLines: Set<number>) {
  const htmls: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === 'html') htmls.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  if (htmls.length === 0) return;
  const totalLines = lineIndex.lineCount;
  const lines = text.split(/\r?\n|\r/);
  let offFrom = -1;
  for (const h of htmls) {
    const v = h.value ?? '';
    const line = (h.position?.end.line ?? 1) - 1;
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
}

/** Check-worthiness: questions and fragments without factual content are skipped, with the reason. */
function withSkip(st: Statement): Statement {
  if (st.skip) return st;
  const p = st.prose.trim();
  if (/\?["'”’)\]]*$/.test(p)) st.skip = 'question';
  else {
    const words = p.match(/\p{L}[\p{L}\p{M}'’-]*|\p{N}+/gu) ?? [];
    if (words.length < 3) st.skip = 'fragment without factual content';
  }
  return st;
}
