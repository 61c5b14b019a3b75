/**
 * Open drafts: when they are checked (debounce, check mode, a newer version wins), what is
 * published (the findings as diagnostics, holding back the statement being typed), and the latest
 * results for hover, definition and code actions.
 */
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver/node';
import { draftStatements, LineIndex, type ClaimResult } from '../engine';
import { countSeverities, countVerdicts, draftFindings, shownResults, type Finding } from '../engine/findings';
import { CODE_DOCS_BASE, DIAGNOSTIC_SOURCE, toDiagnostic, type DiagnosticData } from '../diagnostics';
import { CheckingNotification, CountsNotification, type PartialInfo } from '../protocol';
import { cutOffset } from '../workspace/drafts';
import { folderFor, formatOf, isDraft, logError, logNotes, ready, type DocState, type Folder, type ServerState } from './state';

export function clearDiagnostics(s: ServerState, uri: string) {
  s.docStates.delete(uri);
  void s.connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** Checks a draft now (after the index is ready) and publishes, unless a newer version arrived. */
export async function checkNow(s: ServerState, uri: string, force = false): Promise<DocState | undefined> {
  const doc0 = s.documents.get(uri);
  if (!doc0) return undefined;
  const f = folderFor(s, uri);
  if (!f) return undefined;
  if (!isDraft(doc0, f)) {
    if (s.docStates.has(uri)) clearDiagnostics(s, uri);
    return undefined;
  }
  await ready(f);
  const doc = s.documents.get(uri);
  if (!doc) return undefined;
  if (!force && doc.version !== doc0.version) return undefined; // a newer version is scheduled
  const version = doc.version;
  void s.connection.sendNotification(CheckingNotification.type, { uri });
  const state = checkText(s, f, doc.getText(), formatOf(doc), version);
  if (s.documents.get(uri)?.version !== version) return state; // stale: drop
  s.docStates.set(uri, state);
  await publish(s, uri, f, state);
  return state;
}

/** Checks a draft's text, up to the size cap (corroborate.maxDraftKB); what went wrong in the engine is logged once (logNotes). */
export function checkText(s: ServerState, f: Folder, text: string, format: 'markdown' | 'plaintext', version: number): DocState {
  const cut = cutOffset(text, f.settings.maxDraftKB);
  // no sources indexed: nothing to check against (not every statement unsupported)
  const results = f.index.fileCount === 0 ? [] : f.checker.checkDraft(cut === undefined ? text : text.slice(0, cut), format);
  logNotes(s, results);
  return { version, results, lines: new LineIndex(text), text, cut };
}

/** The findings of a checked draft (engine/findings.ts), with the folder's severities and hidden findings. */
export function findingsOfState(f: Folder, state: DocState): Finding[] {
  return draftFindings(state.results, state.lines, { severity: f.settings.severity, hidden: f.hidden, minConfidence: f.settings.minConfidence });
}

/** Counts of a checked draft's statements as its findings show them (a statement whose findings are all hidden or off is skipped). */
export function shownCounts(f: Folder, state: DocState) {
  return countVerdicts(shownResults(state.results, state.lines, { severity: f.settings.severity, hidden: f.hidden, minConfidence: f.settings.minConfidence }));
}

/** Every diagnostic of a checked draft: findings, and an Information at the cut of a partially checked one. */
export function diagnosticsOf(f: Folder, state: DocState): Diagnostic[] {
  const out = findingsOfState(f, state).map((x) => toDiagnostic(x));
  if (state.cut !== undefined) {
    const at = state.lines.position(state.cut);
    const lineEnd = state.lines.offset({ line: at.line + 1, character: 0 });
    const end = state.lines.position(Math.max(state.cut, lineEnd - (state.text[lineEnd - 1] === '\n' ? 1 : 0)));
    out.push({
      range: { start: at, end: end.line === at.line ? end : at },
      severity: DiagnosticSeverity.Information,
      code: 'partial',
      codeDescription: { href: `${CODE_DOCS_BASE}partial` },
      source: DIAGNOSTIC_SOURCE,
      message: `partially checked: this draft is over corroborate.maxDraftKB (${f.settings.maxDraftKB} KB); nothing from here on is checked`,
    });
  }
  return out;
}

export function partialInfo(f: Folder, state: DocState): PartialInfo | undefined {
  return state.cut === undefined ? undefined : { checkedChars: state.cut, totalChars: state.text.length, maxDraftKB: f.settings.maxDraftKB };
}

export function claimAt(state: DocState, offset: number): ClaimResult | undefined {
  return state.results.find((r) => offset >= r.start && offset <= r.end);
}

/** The statement whose findings wait: the one under the cursor, while the last edit is recent. */
function heldSpan(s: ServerState, uri: string, f: Folder, state: DocState): { start: number; end: number; wait: number } | undefined {
  const ms = f.settings.holdBackMs;
  const last = s.lastEdit.get(uri);
  const cursor = s.cursors.get(uri);
  if (ms <= 0 || f.settings.checkMode !== 'onType' || last === undefined || !cursor) return undefined;
  const wait = last + ms - Date.now();
  if (wait <= 0) return undefined;
  const r = claimAt(state, state.lines.offset(cursor));
  return r ? { start: r.start, end: r.end, wait } : undefined;
}

const SEVERITY_NAME = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
} as const;

/** Publishes a checked draft's diagnostics (holding back the statement being typed) and its counts. */
export async function publish(s: ServerState, uri: string, f: Folder, state: DocState): Promise<void> {
  const all = diagnosticsOf(f, state);
  const t = s.holdTimers.get(uri);
  if (t) clearTimeout(t);
  s.holdTimers.delete(uri);
  s.held.delete(uri);
  let shown = all;
  const hold = heldSpan(s, uri, f, state);
  if (hold) {
    shown = all.filter((d) => (d.data as DiagnosticData | undefined)?.claim?.start !== hold.start);
    if (shown.length !== all.length) {
      s.held.set(uri, hold);
      s.holdTimers.set(
        uri,
        setTimeout(() => {
          s.holdTimers.delete(uri);
          republish(s, uri);
        }, hold.wait + 5),
      );
    }
  }
  await s.connection.sendDiagnostics({ uri, version: state.version, diagnostics: shown });
  const findings = countSeverities(shown.filter((d) => d.data !== undefined).map((d) => ({ severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error] })));
  void s.connection.sendNotification(CountsNotification.type, {
    uri,
    version: state.version,
    counts: shownCounts(f, state),
    findings,
    partial: partialInfo(f, state),
  });
}

/** Publishes the latest results again (after the pause, or when the cursor left the held statement). */
export function republish(s: ServerState, uri: string) {
  const st = s.docStates.get(uri);
  const f = folderFor(s, uri);
  if (!st || !f || s.documents.get(uri)?.version !== st.version) return; // a newer check will publish
  publish(s, uri, f, st).catch((e) => logError(s, `publishing ${uri}`, e));
}

/** The client's cursor moved: when it left the statement whose findings are held back, they are shown. */
export function cursorMoved(s: ServerState, uri: string, position: Position) {
  s.cursors.set(uri, position);
  const h = s.held.get(uri);
  const st = s.docStates.get(uri);
  if (!h || !st || s.documents.get(uri)?.version !== st.version) return;
  const off = st.lines.offset(position);
  if (off >= h.start && off <= h.end) return;
  s.lastEdit.delete(uri); // the cursor left the statement being typed: show its findings
  republish(s, uri);
}

export function schedule(s: ServerState, uri: string, delay: number) {
  const t = s.timers.get(uri);
  if (t) clearTimeout(t);
  const run = () => {
    s.timers.delete(uri);
    checkNow(s, uri).catch((e) => logError(s, `checking ${uri}`, e));
  };
  if (delay <= 0) {
    s.timers.delete(uri);
    // still asynchronous, so a burst of changes in one read collapses
    const h = setTimeout(run, 0);
    s.timers.set(uri, h);
  } else s.timers.set(uri, setTimeout(run, delay));
}

export function recheckAll(s: ServerState) {
  if (!s.initialized) return;
  for (const doc of s.documents.all()) {
    const f = folderFor(s, doc.uri);
    if (f?.settings.checkMode === 'manual' && !s.docStates.has(doc.uri)) continue;
    schedule(s, doc.uri, 0);
  }
}

/** Forgets a closed draft: its timers, cursor and held findings; clears its diagnostics. */
export function closeDraft(s: ServerState, uri: string) {
  const t = s.timers.get(uri);
  if (t) clearTimeout(t);
  s.timers.delete(uri);
  const h = s.holdTimers.get(uri);
  if (h) clearTimeout(h);
  s.holdTimers.delete(uri);
  for (const m of [s.cursors, s.lastEdit, s.held]) m.delete(uri);
  clearDiagnostics(s, uri);
}

/** The latest results for a document, computing them if the published ones are stale. */
export async function stateFor(s: ServerState, uri: string): Promise<DocState | undefined> {
  const doc = s.documents.get(uri);
  if (!doc) return undefined;
  const st = s.docStates.get(uri);
  if (st && st.version === doc.version) return st;
  const f = folderFor(s, uri);
  if (!f) return undefined;
  await ready(f);
  const d = s.documents.get(uri);
  if (!d) return undefined;
  return checkText(s, f, d.getText(), formatOf(d), d.version);
}

/**
 * The result of the statement at a position. From the published state when it is current; else
 * only that statement is checked (the same result a full check gives it), so a hover while the
 * writer types fast never waits for a re-check of the whole draft.
 */
export async function claimAtPosition(s: ServerState, uri: string, pos: Position): Promise<{ r: ClaimResult; lines: LineIndex } | undefined> {
  const doc = s.documents.get(uri);
  if (!doc) return undefined;
  const st = s.docStates.get(uri);
  if (st && st.version === doc.version) {
    const r = claimAt(st, st.lines.offset(pos));
    return r && { r, lines: st.lines };
  }
  const f = folderFor(s, uri);
  if (!f) return undefined;
  await ready(f);
  const d = s.documents.get(uri);
  if (!d) return undefined;
  const text = d.getText();
  const lines = new LineIndex(text);
  const off = lines.offset(pos);
  const cut = cutOffset(text, f.settings.maxDraftKB);
  if (cut !== undefined && off > cut) return undefined;
  const { statements } = draftStatements(cut === undefined ? text : text.slice(0, cut), formatOf(d));
  const stmt = statements.find((x) => off >= x.start && off <= x.end);
  return stmt && { r: f.checker.checkStatement(stmt), lines };
}
