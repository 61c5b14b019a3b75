/**
 * `--format text`: one line per finding, as compilers print them, then a summary line.
 *
 *   path:line:col: error|warning: <verdict>: <message> [<source path>:<line>]
 *   (an extracted source names its place instead of a line: [report.pdf, p. 3])
 *
 * line and col are 1-based; col counts UTF-16 code units (as LSP and VS Code do).
 * The position is the start of the words the finding is about (the deciding signal's
 * span), or of the statement when no narrower span is known.
 */
import { LineIndex, type ClaimResult } from '../engine';
import { countVerdicts, type CheckedFile, type Counts, type ReportOptions } from './report';

export interface Finding {
  path: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  severity: 'error' | 'warning';
  verdict: 'contradicted' | 'unsupported';
  message: string;
  /** the cited source and its 1-based line, if any */
  source?: string;
  sourceLine?: number;
  /** the place in an extracted source ("p. 3"), printed instead of the line */
  sourcePlace?: string;
}

/** Findings (contradicted and unsupported statements) of checked drafts, in draft order. */
export function findings(files: CheckedFile[], opts: ReportOptions = {}): Finding[] {
  const show = opts.displaySource ?? ((s: string) => s);
  const out: Finding[] = [];
  for (const f of files) {
    const li = new LineIndex(f.text);
    for (const r of f.results) {
      if (r.verdict !== 'contradicted' && r.verdict !== 'unsupported') continue;
      const pos = li.position(anchor(r));
      const ev = citedEvidence(r);
      out.push({
        path: f.path,
        line: pos.line + 1,
        column: pos.character + 1,
        severity: r.verdict === 'contradicted' ? 'error' : 'warning',
        verdict: r.verdict,
        message: oneLine(r.reason || (r.verdict === 'contradicted' ? 'a source says otherwise' : 'no source carries this statement')),
        source: ev ? show(ev.source) : undefined,
        sourceLine: ev ? ev.range.start.line + 1 : undefined,
        ...(ev?.place !== undefined ? { sourcePlace: ev.place } : {}),
      });
    }
  }
  return out;
}

/** Where the finding points: the first signal that decided the verdict, else the statement. */
function anchor(r: ClaimResult): number {
  const effect = r.verdict === 'contradicted' ? 'contradicts' : 'unsupported';
  const s = r.signals.find((x) => x.effect === effect && x.start >= r.start && x.end <= r.end && x.end > x.start);
  return s ? s.start : r.start;
}

/** The evidence a finding cites: the deciding signal's, else the first with the matching relation, else the first. */
function citedEvidence(r: ClaimResult) {
  const effect = r.verdict === 'contradicted' ? 'contradicts' : 'unsupported';
  const s = r.signals.find((x) => x.effect === effect && x.evidence !== undefined);
  if (s && s.evidence !== undefined && r.evidence[s.evidence]) return r.evidence[s.evidence];
  const rel = r.verdict === 'contradicted' ? 'contradicts' : 'related';
  return r.evidence.find((e) => e.relation === rel) ?? r.evidence[0];
}

/** The reason on one line; a doubled kind prefix ("entity: entity: ...") is printed once. */
function oneLine(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([a-z]+): \1: /, '$1: ');
}

export function formatFinding(f: Finding): string {
  const cite = f.source !== undefined ? (f.sourcePlace !== undefined ? ` [${f.source}, ${f.sourcePlace}]` : ` [${f.source}:${f.sourceLine}]`) : '';
  return `${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.verdict}: ${f.message}${cite}`;
}

export function summaryLine(c: Counts): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return (
    `${plural(c.statements, 'statement')} in ${plural(c.files, 'file')}: ` +
    `${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported, ${c.skipped} skipped`
  );
}

export function formatText(files: CheckedFile[], opts: ReportOptions = {}): string {
  const lines = findings(files, opts).map(formatFinding);
  lines.push(summaryLine(countVerdicts(files)));
  return lines.join('\n') + '\n';
}
