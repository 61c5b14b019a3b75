/**
 * Pure: quick fixes for a draft: cite the source (Markdown footnote, or an inline form in plain
 * text), replace the clashing words with the source's words, hide the finding, open the source.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ClaimResult, Evidence, LineIndex } from './engine';
import { codeOf, evidenceLocation, fingerprint, type DiagnosticData } from './diagnostics';

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
  /**
   * The diagnostics of `text` as it is now. The client's diagnostics may be from an older version
   * (published before an edit above them): their fixes are taken from the matching current
   * diagnostic, and a finding that no longer matches gets no edit at all (never a misplaced one).
   */
  current?: Diagnostic[];
  /** the document version `text` is; with `documentChanges`, edits carry it and a client applies them only to that version */
  version?: number;
  /** the client supports WorkspaceEdit.documentChanges */
  documentChanges?: boolean;
}

/** The current diagnostic of the same finding as `d` (code, statement text, replacement; the nearest one), if any. */
function currentOf(d: Diagnostic, current: Diagnostic[]): DiagnosticData | undefined {
  const data = d.data as DiagnosticData;
  let best: DiagnosticData | undefined;
  for (const c of current) {
    const cd = c.data as DiagnosticData | undefined;
    if (!cd || c.code !== d.code || cd.claim.text !== data.claim?.text || cd.replace?.newText !== data.replace?.newText) continue;
    if (!best || Math.abs(cd.claim.start - data.claim.start) < Math.abs(best.claim.start - data.claim.start)) best = cd;
  }
  return best;
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

export function citationEdits(
  text: string,
  lines: LineIndex,
  markdown: boolean,
  claimEnd: number,
  ev: Pick<Evidence, 'source' | 'range' | 'quote' | 'place'>,
  display: (s: string) => string,
): TextEdit[] {
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
  const edit = (edits: TextEdit[]): WorkspaceEdit =>
    inp.documentChanges && inp.version !== undefined
      ? { documentChanges: [{ textDocument: { uri: inp.uri, version: inp.version }, edits }] }
      : { changes: { [inp.uri]: edits } };
  for (const d of ours) {
    const sent = d.data as DiagnosticData;
    const data = inp.current ? currentOf(d, inp.current) : sent;
    // stale (the statement changed or is gone since the client got it): hiding it is still right, editing is not
    if (!data || inp.text.slice(data.claim.start, data.claim.end) !== data.claim.text) {
      out.push({
        title: `Hide this finding (${sent.code})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Hide this finding', command: CMD_HIDE, arguments: [inp.uri, { code: sent.code, text: sent.claim.text, context: sent.context }] },
      });
      continue;
    }
    if (data.replace) {
      out.push({
        title: `Use the source's words: "${data.replace.newText}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: data.replace.range, newText: data.replace.newText }]),
      });
    }
    const ev = data.evidence[0];
    if (ev && !cited.has(String(data.claim.start))) {
      cited.add(String(data.claim.start));
      out.push({
        title: `Cite the source: ${citedPlace(ev, inp.display)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: edit(citationEdits(inp.text, inp.lines, inp.markdown, data.claim.end, ev, inp.display)),
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
      edit: edit(citationEdits(inp.text, inp.lines, inp.markdown, r.end, ev, inp.display)),
    });
    out.push({
      title: `Open the source: ${citedPlace(ev, inp.display)}`,
      kind: CodeActionKind.QuickFix,
      command: {
        title: 'Open the source',
        command: CMD_OPEN_SOURCE,
        arguments: (({ uri, range }) => [uri, range])(evidenceLocation(ev)),
      },
    });
  }
  return out;
}

/** The fingerprint a hide command stores (with the statement's context when it has one). */
export function hiddenKey(h: { code: string; text: string; context?: string }): string {
  return fingerprint(h.text, h.code, h.context);
}

export { codeOf };
