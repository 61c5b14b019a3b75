/**
 * Pure: the Markdown hover for one statement: verdict and reason, up to three source quotes
 * verbatim with a file:line link that opens the source there, and the deciding signal.
 */
import * as path from 'node:path';
import type { ClaimResult, Span } from './engine';
import { decidingSignal } from './engine/findings';
import { worthiness } from './engine/worthiness';
import { fileUri } from './diagnostics';

export { decidingSignal };

export interface HoverOptions {
  /** how a source path is shown (default: its base name) */
  display?: (source: string) => string;
  /** source path -> URI */
  sourceUri?: (source: string) => string;
  maxQuotes?: number;
}

const TITLES: Record<ClaimResult['verdict'], string> = {
  supported: '✓ supported',
  unsupported: '⚠ unsupported',
  contradicted: '✗ contradicted',
  skipped: 'skipped',
};

/** The source link: `[file:line](file:///abs/path#Lline)`, line 1-based. */
export function sourceLink(source: string, line0: number, opts: HoverOptions = {}): string {
  const name = (opts.display ?? ((p: string) => path.basename(p)))(source);
  const uri = (opts.sourceUri ?? fileUri)(source);
  return `[${escapeLinkText(name)}:${line0 + 1}](${uri}#L${line0 + 1})`;
}

function escapeLinkText(s: string): string {
  return s.replace(/([\[\]\\])/g, '\\$1');
}

export function hoverMarkdown(r: ClaimResult, opts: HoverOptions = {}): string {
  const lines: string[] = [];
  lines.push(`**Corroborate: ${TITLES[r.verdict]}**: ${oneLine(r.reason.replace(/^(\w+): \1: /, '$1: '))}`);
  if (r.verdict === 'skipped') {
    lines.push('', `Not checked: ${oneLine(r.reason || 'no factual content')}.`);
    return lines.join('\n');
  }
  // a dateline or an opinion frame around a fact is not part of the claim (engine/worthiness.ts)
  const masked = (worthiness(r.text).mask ?? []).map(([a, b]) => oneLine(r.text.slice(a, b)).replace(/^,\s*|[,\s]+$/g, '')).filter(Boolean);
  if (masked.length) lines.push('', `_Checked without ${masked.map((m) => `"${m}"`).join(' and ')}: not part of the claim._`);
  const quotes = r.evidence.slice(0, opts.maxQuotes ?? 3);
  if (quotes.length === 0) lines.push('', '_No source sentence is close to this statement._');
  for (const e of quotes) {
    lines.push('');
    for (const l of emphasise(e.quote, e.matched).split(/\r\n|\r|\n/)) lines.push(`> ${l}`);
    lines.push('', `${sourceLink(e.source, e.range.start.line, opts)} (${e.relation}, ${Math.round(e.score * 100)}%)`);
  }
  const sig = decidingSignal(r);
  if (sig) {
    lines.push('', `**${sig.kind}**: ${oneLine(sig.message.startsWith(`${sig.kind}:`) ? sig.message.slice(sig.kind.length + 1) : sig.message)}`);
    if (sig.sourceWords !== undefined) lines.push('', `The source says: "${oneLine(sig.sourceWords)}"`);
  }
  return lines.join('\n');
}

/** The quote verbatim, with the words the claim aligned to in bold (a bold run never spans a line break). */
export function emphasise(quote: string, matched: Span[] | undefined): string {
  if (!matched?.length) return quote;
  let out = '';
  let at = 0;
  for (const m of matched) {
    if (m.start < at || m.end > quote.length || m.end <= m.start) continue;
    out += quote.slice(at, m.start);
    out += quote
      .slice(m.start, m.end)
      .split(/(\r\n|\r|\n)/)
      .map((part, i) => (i % 2 === 1 || part.trim() === '' ? part : `**${part}**`))
      .join('');
    at = m.end;
  }
  return out + quote.slice(at);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
