/**
 * Pure: quick fixes for a draft: cite the source (Markdown footnote, or an inline form in plain
 * text), replace the clashing words with the source's words, hide the finding, open the source.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { ClaimResult, Evidence, LineIndex } from './engine';
import { codeOf, extractedUri, fileUri, fingerprint, type DiagnosticData } from './diagnostics';

export const CMD_HIDE = 'corroborate.server.hideFinding';
export const CMD_OPEN_SOURCE = 'corroborate.server.openSource';

export interface ActionInput {
  uri: string;
  text: string;
  lines: LineIndex;
  markdown: boolean;
  /** the draft's statements (the latest check) */
  results: ClaimResult[];
  /** the requested range */
  range: Range;
  /** diagnostics the client sent in the context */
  diagnostics: Diagnostic[];
  /** how a source is named in a citation */
  display: (source: string) => string;
}

/** Next free numeric footnote label in a Markdown text. */
export function nextFootnote(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/\[\^(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** The edits that cite `ev` after the statement ending at `claimEnd`. */
/** Where a citation points: "notes.txt:12", or "report.pdf, p. 3" for an extracted source. */
export function citedPlace(ev: Pick<Evidence, 'source' | 'range' | 'place'>, display: (s: string) => string): string {
  return ev.place !== undefined ? `${display(ev.source)}, ${ev.place}` : `${display(ev.source)}:${ev.range.start.line + 1}`;
}

export function citationEdits(text: string, lines: LineIndex, markdown: boolean, claimEnd: number, ev: Pick<Evidence, 'source' | 'range' | 'quote' | 'place'>, display: (s: string) => string): TextEdit[] {
  const where = citedPlace(ev, display);
  const quote = ev.quote.replace(/\s+/g, ' ').trim();
  const at = lines.position(claimEnd);
  if (!markdown) return [{ range: { start: at, end: at }, newText: ` [source: ${where}: "${quote}"]` }];
  const n = nextFootnote(text);
  const end = lines.position(text.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const tail = text.endsWith('\n') ? (/\n\s*\n$/.test(text) ? '' : eol) : eol + eol;
  return [
    { range: { start: at, end: at }, newText: `[^${n}]` },
    { range: { start: end, end }, newText: `${tail}[^${n}]: ${where}: "${quote}"${eol}` },
  ];
}

function overlaps(a: Range, b: Range): boolean {
  const le = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

export function codeActions(inp: ActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  const ours = inp.diagnostics.filter((d) => d.source === 'corroborate' && d.data);
  const cited = new Set<string>();
  for (const d of ours) {
    const data = d.data as DiagnosticData;
    if (data.replace) {
      out.push({
        title: `Use the source's words: "${data.replace.newText}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [inp.uri]: [{ range: data.replace.range, newText: data.replace.newText }] } },
      });
    }
    const ev = data.evidence[0];
    if (ev && !cited.has(String(data.claim.start))) {
      cited.add(String(data.claim.start));
      out.push({
        title: `Cite the source: ${citedPlace(ev, inp.display)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [inp.uri]: citationEdits(inp.text, inp.lines, inp.markdown, data.claim.end, ev, inp.display) } },
      });
      out.push({
        title: `Open the source: ${citedPlace(ev, inp.display)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Open the source', command: CMD_OPEN_SOURCE, arguments: [ev.uri, ev.range] },
      });
    }
    out.push({
      title: `Hide this finding (${data.code})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: 'Hide this finding', command: CMD_HIDE, arguments: [inp.uri, { code: data.code, text: data.claim.text, context: data.context }] },
    });
  }
  // supported statements under the cursor: cite their source too
  for (const r of inp.results) {
    if (r.verdict !== 'supported' || !r.evidence.length) continue;
    if (!overlaps(inp.lines.range(r.start, r.end), inp.range)) continue;
    if (cited.has(String(r.start))) continue;
    const ev = r.evidence[0];
    out.push({
      title: `Cite the source: ${citedPlace(ev, inp.display)}`,
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [inp.uri]: citationEdits(inp.text, inp.lines, inp.markdown, r.end, ev, inp.display) } },
    });
    out.push({
      title: `Open the source: ${citedPlace(ev, inp.display)}`,
      kind: CodeActionKind.QuickFix,
      command: { title: 'Open the source', command: CMD_OPEN_SOURCE, arguments: [ev.place !== undefined ? extractedUri(ev.source) : fileUri(ev.source), ev.range] },
    });
  }
  return out;
}

/** The fingerprint a hide command stores (with the statement's context when it has one). */
export function hiddenKey(h: { code: string; text: string; context?: string }): string {
  return fingerprint(h.text, h.code, h.context);
}

export { codeOf };
