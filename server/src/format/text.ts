/**
 * `--format text`: one line per finding (engine/findings.ts: the same findings, severities and
 * messages as the editor's diagnostics and SARIF), as compilers print them, then a summary line.
 *
 *   path:line:col: <severity>: <verdict>: <message> [<source path>:<line>]
 *   (an extracted source names its place instead of a line: [report.pdf, p. 3])
 *
 * severity is error, warning, information or hint (corroborate.severity.<code> and the
 * .corroborate.json `severity` apply); line and col are 1-based; col counts UTF-16 code units
 * (as LSP and VS Code do). The position is the start of the words the finding is about (the
 * deciding signal's span), or of the statement when no narrower span is known.
 */
import { LineIndex } from '../engine';
import { draftFindings, HELD_BACK, type FindingSeverity, type FindingVerdict } from '../engine/findings';
import { countVerdicts, type CheckedFile, type Counts, type ReportOptions } from './report';

/** One printed line. */
export interface TextLine {
  path: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  severity: FindingSeverity;
  verdict: FindingVerdict;
  /** the finding's message without its verdict prefix */
  message: string;
  /** the cited source and its 1-based line, if any */
  source?: string;
  sourceLine?: number;
  /** the place in an extracted source ("p. 3"), printed instead of the line */
  sourcePlace?: string;
}

/** The findings of checked drafts as printed lines, in draft order (by position, then as found). */
export function textLines(files: CheckedFile[], opts: ReportOptions = {}): TextLine[] {
  const show = opts.displaySource ?? ((s: string) => s);
  const out: TextLine[] = [];
  for (const f of files) {
    const li = new LineIndex(f.text);
    const found = draftFindings(f.results, li, opts)
      .map((x, i) => ({ x, i }))
      .sort((a, b) => a.x.start - b.x.start || a.i - b.i)
      .map((e) => e.x);
    for (const x of found) {
      out.push({
        path: f.path,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        severity: x.severity,
        verdict: x.verdict,
        message: oneLine(x.message.slice(x.verdict.length + 2)),
        source: x.cited ? show(x.cited.source) : undefined,
        sourceLine: x.cited ? x.cited.range.start.line + 1 : undefined,
        ...(x.cited?.place !== undefined ? { sourcePlace: x.cited.place } : {}),
      });
    }
  }
  return out;
}

/** The message on one line; a doubled kind prefix ("entity: entity: ...") is printed once. */
function oneLine(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([a-z]+): \1: /, '$1: ');
}

export function formatLine(f: TextLine): string {
  const cite = f.source !== undefined ? (f.sourcePlace !== undefined ? ` [${f.source}, ${f.sourcePlace}]` : ` [${f.source}:${f.sourceLine}]`) : '';
  return `${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.verdict}: ${f.message}${cite}`;
}

/** The summary: statements by verdict (the lines above are the findings, one per line). */
export function summaryLine(c: Counts): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return (
    `${plural(c.statements, 'statement')} in ${plural(c.files, 'file')}: ` +
    `${c.contradicted} contradicted, ${c.unsupported} unsupported, ${c.supported} supported, ${c.skipped} skipped`
  );
}

export function formatText(files: CheckedFile[], opts: ReportOptions = {}): string {
  const lines = textLines(files, opts).map(formatLine);
  lines.push(summaryLine(countVerdicts(files)));
  // statements held back below --min-confidence are counted as skipped: say how many, so nothing is lost silently
  const held = files.reduce((n, f) => n + f.results.filter((r) => r.verdict === 'skipped' && r.reason.startsWith(HELD_BACK)).length, 0);
  if (held)
    lines.push(
      `${held} of the skipped ${held === 1 ? 'statement was' : 'statements were'} held back: verdict confidence below minConfidence ${opts.minConfidence ?? ''}`.trimEnd() +
        ' (--min-confidence 0 shows them)',
    );
  return lines.join('\n') + '\n';
}
