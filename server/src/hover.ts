/**
 * Pure: the Markdown hover for one statement: verdict and reason, up to three source quotes
 * verbatim with a file:line link that opens the source there, and the deciding signal.
 */
import * as path from 'node:path';
import type { ClaimResult, Span } from './engine';
import { decidingSignal, isHeldBack } from './engine/findings';
import { confidenceBasis, confidenceWord, contributions, featureLabel, resultConfidence } from './engine/confidence';
import { worthiness } from './engine/worthiness';
import { extractedUri, fileUri } from './diagnostics';
import { escapeMarkdownText as esc, markdownLink } from './markdownEscape';

export { decidingSignal };

export interface HoverOptions {
  /** how a source path is shown (default: its base name) */
  display?: (source: string) => string;
  /** source path -> URI */
  sourceUri?: (source: string) => string;
  maxQuotes?: number;
  /** corroborate.minConfidence: a finding below it is held back, and the hover says so */
  minConfidence?: number;
}

const TITLES: Record<ClaimResult['verdict'], string> = {
  supported: '✓ supported',
  unsupported: '⚠ unsupported',
  contradicted: '✗ contradicted',
  skipped: 'skipped',
};

/**
 * The source link: `[file:line](file:///abs/path#Lline)`, line 1-based; for an extracted source (PDF,
 * HTML, ...) its place, a link to its extracted text at the line (the `corroborate-source:` virtual
 * document), and one to the original file: `[report.pdf, p. 3](corroborate-source:///abs/report.pdf#L12)
 * ([original](file:///abs/report.pdf))`. An HTML page whose text maps back to the file (`originalLine0`)
 * links to the raw page at that line, and to its extracted text: `[page.html, “Fees”](file:///abs/page.html#L40)
 * ([extracted text](corroborate-source:///abs/page.html#L12))`.
 */
export function sourceLink(source: string, line0: number, opts: HoverOptions = {}, place?: string, originalLine0?: number): string {
  const name = (opts.display ?? ((p: string) => path.basename(p)))(source);
  const uri = (opts.sourceUri ?? fileUri)(source);
  if (originalLine0 !== undefined) {
    const raw = markdownLink(place !== undefined ? `${name}, ${place}` : `${name}:${originalLine0 + 1}`, `${uri}#L${originalLine0 + 1}`);
    return place !== undefined ? `${raw} (${markdownLink('extracted text', `${extractedUri(source)}#L${line0 + 1}`)})` : raw;
  }
  if (place !== undefined) return `${markdownLink(`${name}, ${place}`, `${extractedUri(source)}#L${line0 + 1}`)} (${markdownLink('original', uri)})`;
  return markdownLink(`${name}:${line0 + 1}`, `${uri}#L${line0 + 1}`);
}

export function hoverMarkdown(r: ClaimResult, opts: HoverOptions = {}): string {
  const lines: string[] = [];
  const confidence = resultConfidence(r);
  const rated = confidence !== undefined ? `, ${confidenceWord(confidence)} confidence (${confidence.toFixed(2)})` : '';
  lines.push(`**Corroborate: ${TITLES[r.verdict]}${rated}**: ${esc(oneLine(r.reason.replace(/^(\w+): \1: /, '$1: ')))}`);
  if (r.verdict === 'skipped') {
    lines.push('', `Not checked: ${esc(oneLine(r.reason || 'no factual content'))}.`);
    return lines.join('\n');
  }
  // a dateline or an opinion frame around a fact is not part of the claim (engine/worthiness.ts)
  const masked = (worthiness(r.text).mask ?? []).map(([a, b]) => oneLine(r.text.slice(a, b)).replace(/^,\s*|[,\s]+$/g, '')).filter(Boolean);
  if (masked.length) lines.push('', `_Checked without ${masked.map((m) => `"${m}"`).join(' and ')}: not part of the claim._`);
  if (confidence !== undefined && isHeldBack(r, opts.minConfidence)) {
    lines.push('', `_Held back: its confidence ${confidence.toFixed(2)} is below corroborate.minConfidence (${opts.minConfidence}), so no squiggle is shown._`);
  }
  const quotes = r.evidence.slice(0, opts.maxQuotes ?? 3);
  if (quotes.length === 0) lines.push('', '_No source sentence is close to this statement._');
  for (const e of quotes) {
    lines.push('');
    for (const l of emphasise(e.quote, e.matched).split(/\r\n|\r|\n/)) lines.push(`> ${l}`);
    lines.push('', `${sourceLink(e.source, e.range.start.line, opts, e.place, e.original?.start.line)} (${e.relation}, ${Math.round(e.score * 100)}%)`);
  }
  const sig = decidingSignal(r);
  if (sig) {
    lines.push('', `**${sig.kind}**: ${esc(oneLine(sig.message.startsWith(`${sig.kind}:`) ? sig.message.slice(sig.kind.length + 1) : sig.message))}`);
    if (sig.sourceWords !== undefined) lines.push('', `The source says: "${esc(oneLine(sig.sourceWords))}"`);
  }
  const why = confidenceWhy(r);
  if (why) lines.push('', why);
  return lines.join('\n');
}

/**
 * The quote verbatim (escaped: it renders as its own characters, never as markup), with the words
 * the claim aligned to in bold (a bold run never spans a line break).
 */
export function emphasise(quote: string, matched: Span[] | undefined): string {
  if (!matched?.length) return esc(quote);
  let out = '';
  let at = 0;
  for (const m of matched) {
    if (m.start < at || m.end > quote.length || m.end <= m.start) continue;
    out += escPart(quote, at, m.start);
    let from = m.start;
    out += quote
      .slice(m.start, m.end)
      .split(/(\r\n|\r|\n)/)
      .map((part, i) => {
        const start = from;
        from += part.length;
        return i % 2 === 1 || part.trim() === '' ? part : `**${escPart(quote, start, start + part.length)}**`;
      })
      .join('');
    at = m.end;
  }
  return out + escPart(quote, at, quote.length);
}

/**
 * quote[start, end) escaped; block markup ("-", "#", "1.") is escaped only where the part starts a line of
 * the quote, not where a bold run happens to end before it ("high-level" stays "high-level").
 */
function escPart(quote: string, start: number, end: number): string {
  const part = quote.slice(start, end);
  const lineStart = start === 0 || /[\r\n]/.test(quote[start - 1]);
  return lineStart ? esc(part) : esc('\u0000' + part).slice(1);
}

/** "Confidence 0.93: clash strength (+1.20), ..." the features that weigh most in the verdict's confidence. */
export function confidenceWhy(r: ClaimResult, top = 3): string | undefined {
  const c = resultConfidence(r);
  if (c === undefined || r.verdict === 'skipped' || !r.confidenceFeatures) return undefined;
  const basis = confidenceBasis(r.verdict, r.confidenceFeatures);
  if (basis !== 'logistic') {
    const kind = Object.keys(r.confidenceFeatures)
      .find((k) => k.startsWith('kind:'))
      ?.slice(5);
    const which = basis === 'kind' ? `${r.verdict} verdicts decided by ${kind}` : `${r.verdict} verdicts`;
    return `_Confidence ${c.toFixed(2)}: the share of ${which} that were right on the development sets._`;
  }
  const parts = contributions(r.verdict, r.confidenceFeatures)
    .slice(0, top)
    .map((x) => `${featureLabel(x.name)} ${x.contribution >= 0 ? '+' : '−'}${Math.abs(x.contribution).toFixed(2)}`);
  return `_Confidence ${c.toFixed(2)}${parts.length ? `; weighing most: ${parts.join(', ')}` : ''}._`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
