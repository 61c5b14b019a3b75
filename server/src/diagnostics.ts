/**
 * Pure conversion from the engine's verdicts to LSP diagnostics (Harper's diagnostics.rs shape):
 * no connection, no file system; everything it needs comes in as arguments.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { ClaimResult, Evidence, LineIndex, Signal } from './engine';
import type { SeverityName } from './workspace/config';

export const DIAGNOSTIC_SOURCE = 'corroborate';
/** Where each code is explained (the README has a section per code). */
export const CODE_DOCS_BASE = 'https://github.com/corroborate/corroborate/blob/main/README.md#';

/** What a quick fix needs, carried in Diagnostic.data. */
export interface DiagnosticData {
  verdict: 'unsupported' | 'contradicted';
  code: string;
  /** the statement, draft offsets and exact text */
  claim: { start: number; end: number; text: string; range: Range };
  /** every cited source sentence */
  evidence: { uri: string; source: string; place?: string; range: Range; quote: string; relation: Evidence['relation'] }[];
  /** replacing the clashing words with the source's words */
  replace?: { range: Range; newText: string };
  /** key of the finding for "hide this finding" (code, statement text and context) */
  fingerprint: string;
  /** hash of the words around the statement (see contextOf) */
  context: string;
}

/** Signals whose source words can stand in for the draft's words (a number, a name, a quotation...). */
export const REPLACEABLE = new Set<string>(['number', 'date', 'entity', 'antonym', 'negation', 'quantifier', 'quote', 'misquote']);

export interface ConvertOptions {
  /** severity override per code (corroborate.severity.<code>) */
  severity?: Record<string, SeverityName>;
  /** fingerprints of hidden findings */
  hidden?: Set<string>;
  /** source path -> URI (default: file URI of the path) */
  sourceUri?: (source: string) => string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** The diagnostic code of a signal: the verdict for plain coverage, the signal kind otherwise. */
export function codeOf(verdict: 'unsupported' | 'contradicted', sig: Signal | undefined): string {
  if (!sig || sig.kind === 'coverage') return verdict;
  return sig.kind;
}

/**
 * A finding's key: the statement's text (whitespace-normalised) and its code, and, when given, the
 * hash of its neighbouring words (contextOf), as Harper's lint context: it survives edits elsewhere
 * in the draft, not a change of the statement or of the words right around it.
 */
export function fingerprint(text: string, code: string, context?: string): string {
  const base = `${code}:${text.replace(/\s+/g, ' ').trim()}`;
  return context ? `${base}#${context}` : base;
}

/** Words either side of a statement that make up its context. */
export const CONTEXT_WORDS = 3;

/** Hash (8 hex digits, FNV-1a) of the CONTEXT_WORDS words before and after text[start, end), lower-cased. */
export function contextOf(text: string, start: number, end: number): string {
  const words = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const before = words(text.slice(Math.max(0, start - 300), start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(end, end + 300)).slice(0, CONTEXT_WORDS);
  const key = `${before.join(' ')}|${after.join(' ')}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A hidden finding as stored in .corroborate.json `hidden`. */
export interface HiddenEntry {
  code: string;
  text: string;
  context?: string;
}

/** Keys of stored hidden findings (entries without a context match the statement anywhere). */
export function hiddenKeys(entries: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(entries)) return out;
  for (const h of entries) {
    if (h && typeof h.code === 'string' && typeof h.text === 'string') out.add(fingerprint(h.text, h.code, typeof h.context === 'string' ? h.context : undefined));
  }
  return out;
}

/** Whether a finding is hidden: by its key with context, or by a stored entry without one. */
export function isHidden(hidden: Set<string> | undefined, text: string, code: string, context: string): boolean {
  return !!hidden && (hidden.has(fingerprint(text, code, context)) || hidden.has(fingerprint(text, code)));
}

export function toSeverity(name: SeverityName | undefined, fallback: DiagnosticSeverity): DiagnosticSeverity | undefined {
  switch (name) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    case 'off':
      return undefined;
    default:
      return fallback;
  }
}

/** Diagnostics for one draft: one per deciding signal span (the narrow words), or the whole statement. */
export function toDiagnostics(results: ClaimResult[], draft: LineIndex, opts: ConvertOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const uriOf = opts.sourceUri ?? fileUri;
  for (const r of results) {
    if (r.verdict !== 'contradicted' && r.verdict !== 'unsupported') continue;
    const verdict = r.verdict;
    const effect = verdict === 'contradicted' ? 'contradicts' : 'unsupported';
    const deciding = r.signals.filter((s) => s.effect === effect && s.end > s.start);
    const claimRange = draft.range(r.start, r.end);
    const evidence = r.evidence.map((e) => ({ uri: uriOf(e.source), source: e.source, ...(e.place !== undefined ? { place: e.place } : {}), range: e.range, quote: e.quote, relation: e.relation }));
    const related: DiagnosticRelatedInformation[] = evidence.map((e) => ({
      location: { uri: e.uri, range: e.range },
      message: e.quote,
    }));
    const items: (Signal | undefined)[] = deciding.length ? deciding : [undefined];
    const context = contextOf(draft.text, r.start, r.end);
    for (const sig of items) {
      const code = codeOf(verdict, sig);
      const fp = fingerprint(r.text, code, context);
      if (isHidden(opts.hidden, r.text, code, context)) continue;
      const fallback = verdict === 'contradicted' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
      const severity = toSeverity(opts.severity?.[code] ?? (code !== verdict ? opts.severity?.[verdict] : undefined), fallback);
      if (severity === undefined) continue;
      const range = sig ? draft.range(sig.start, sig.end) : claimRange;
      const message = sig && sig.kind !== 'coverage' ? `${verdict}: ${withKind(sig)}` : `${verdict}: ${sig ? sig.message : r.reason}`;
      const data: DiagnosticData = {
        verdict,
        code,
        claim: { start: r.start, end: r.end, text: r.text, range: claimRange },
        evidence,
        fingerprint: fp,
        context,
      };
      if (sig && sig.sourceWords && sig.effect === 'contradicts' && REPLACEABLE.has(sig.kind)) data.replace = { range, newText: sig.sourceWords };
      out.push({
        range,
        severity,
        code,
        codeDescription: { href: CODE_DOCS_BASE + code },
        source: DIAGNOSTIC_SOURCE,
        message,
        relatedInformation: related,
        data,
      });
    }
  }
  return out;
}

/**
 * The results as the editor shows them, for the CLI: a finding whose every diagnostic is hidden
 * (.corroborate.json `hidden`) or turned off (severity `off`) becomes `skipped` with the reason;
 * a finding with some codes hidden keeps the others' signals only.
 */
export function applyHiddenAndOff(results: ClaimResult[], draft: LineIndex, opts: Pick<ConvertOptions, 'severity' | 'hidden'>): ClaimResult[] {
  return results.map((r) => {
    if (r.verdict !== 'contradicted' && r.verdict !== 'unsupported') return r;
    const verdict = r.verdict;
    const effect = verdict === 'contradicted' ? 'contradicts' : 'unsupported';
    const deciding = r.signals.filter((s) => s.effect === effect && s.end > s.start);
    const context = contextOf(draft.text, r.start, r.end);
    const fallback = verdict === 'contradicted' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    const why = (sig: Signal | undefined): 'hidden' | 'off' | undefined => {
      const code = codeOf(verdict, sig);
      if (isHidden(opts.hidden, r.text, code, context)) return 'hidden';
      if (toSeverity(opts.severity?.[code] ?? (code !== verdict ? opts.severity?.[verdict] : undefined), fallback) === undefined) return 'off';
      return undefined;
    };
    const items: (Signal | undefined)[] = deciding.length ? deciding : [undefined];
    const dropped = items.map(why);
    if (dropped.every((d) => d === undefined)) return r;
    if (dropped.every((d) => d !== undefined)) {
      const reason = dropped.includes('hidden') ? 'hidden in .corroborate.json' : 'severity off in the configuration';
      return { ...r, verdict: 'skipped' as const, reason: `${reason} (was ${verdict}: ${r.reason})` };
    }
    const gone = new Set(items.filter((_s, i) => dropped[i] !== undefined));
    return { ...r, signals: r.signals.filter((s) => !gone.has(s)) };
  });
}

/** "kind: message", without doubling a kind the message already starts with. */
export function withKind(sig: Signal): string {
  return sig.message.startsWith(`${sig.kind}:`) ? sig.message : `${sig.kind}: ${sig.message}`;
}

/** Counts of verdicts, for corroborate/checkFile and the status bar. */
export function countVerdicts(results: ClaimResult[]): { supported: number; unsupported: number; contradicted: number; skipped: number } {
  const c = { supported: 0, unsupported: 0, contradicted: 0, skipped: 0 };
  for (const r of results) c[r.verdict]++;
  return c;
}
