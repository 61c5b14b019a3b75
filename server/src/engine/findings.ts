/**
 * The one Finding model: which findings a checked statement produces, with their code, severity,
 * range, message, evidence, replacement and fingerprint. The editor's diagnostics (server/src/lsp),
 * the hover, the code actions, the CLI's text, JSON and SARIF output and the report all read these,
 * so they agree on what a finding is. Pure: plain data in, plain data out (no LSP, no file system).
 *
 * A finding is one deciding signal of a contradicted or unsupported statement (the narrow words
 * the signal is about), or the whole statement when no signal with a span decided it.
 */
import type { ClaimResult, Evidence, LineRange, Signal } from './types';
import type { LineIndex } from './positions';
import { resultConfidence } from './confidence';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
/** The severity of a finding that is shown (`off` findings are not produced). */
export type FindingSeverity = Exclude<SeverityName, 'off'>;
export type FindingVerdict = 'unsupported' | 'contradicted';

/** Where each code is explained (the README has a section per code). */
export const CODE_DOCS_BASE = 'https://github.com/corroborate/corroborate/blob/main/README.md#';

export interface Finding {
  /** `contradicted` or `unsupported` for plain coverage, else the deciding signal's kind (`number`, `negation`...) */
  code: string;
  verdict: FindingVerdict;
  severity: FindingSeverity;
  /** draft offsets of the words the finding is about (the signal's span, else the statement) */
  start: number;
  end: number;
  range: LineRange;
  /** "<verdict>: <kind>: <explanation>" on one line */
  message: string;
  /** the statement the finding is on */
  claim: { start: number; end: number; text: string; range: LineRange };
  /** the signal that speaks for this finding (undefined: the statement as a whole) */
  signal?: Signal;
  /** every source sentence cited for the statement */
  evidence: Evidence[];
  /** the source sentence this finding names (the signal's evidence, else the best fitting one) */
  cited?: Evidence;
  /** replacing the clashing words with the source's words */
  replacement?: { start: number; end: number; range: LineRange; newText: string };
  /** key of the finding for "hide this finding" (code, statement text and context) */
  fingerprint: string;
  /** hash of the words around the statement (see contextOf) */
  context: string;
  /** 0..1: the confidence of the statement's verdict (engine/confidence.ts) */
  confidence?: number;
}

export interface FindingOptions {
  /** severity override per code or verdict (corroborate.severity.<code>); `off` drops the finding */
  severity?: Record<string, SeverityName>;
  /** fingerprints of hidden findings (hiddenKeys) */
  hidden?: Set<string>;
  /** 0..1 (corroborate.minConfidence): the findings of a statement whose verdict confidence is below it are held back; 0 or absent shows every finding */
  minConfidence?: number;
}

/** How the reason of a held-back statement starts (shownResults), so the hover and the report can say so. */
export const HELD_BACK = 'held back';

/** Whether a statement's findings are held back: its verdict's confidence is below minConfidence. */
export function isHeldBack(r: ClaimResult, minConfidence: number | undefined): boolean {
  if (!(typeof minConfidence === 'number' && minConfidence > 0)) return false;
  if (r.verdict !== 'contradicted' && r.verdict !== 'unsupported') return false;
  const c = resultConfidence(r);
  return c !== undefined && c < minConfidence;
}

/** "held back: confidence 0.42 is below minConfidence 0.6" */
export function heldBackReason(r: ClaimResult, minConfidence: number): string {
  return `${HELD_BACK}: confidence ${(resultConfidence(r) ?? 0).toFixed(2)} is below minConfidence ${minConfidence}`;
}

/** Signals whose source words can stand in for the draft's words (a number, a name, a quotation...). */
export const REPLACEABLE = new Set<string>(['number', 'date', 'entity', 'antonym', 'negation', 'quantifier', 'quote', 'misquote']);

/** The code of a finding: the verdict for plain coverage, the signal kind otherwise. */
export function codeOf(verdict: FindingVerdict, sig: Signal | undefined): string {
  if (!sig || sig.kind === 'coverage') return verdict;
  return sig.kind;
}

/** The severity of a code: its own override, else its verdict's override, else error (contradicted) or warning. */
export function severityOf(code: string, verdict: FindingVerdict, severity: Record<string, SeverityName> | undefined): SeverityName {
  return severity?.[code] ?? (code !== verdict ? severity?.[verdict] : undefined) ?? (verdict === 'contradicted' ? 'error' : 'warning');
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
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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
    if (h && typeof h.code === 'string' && typeof h.text === 'string')
      out.add(fingerprint(h.text, h.code, typeof h.context === 'string' ? h.context : undefined));
  }
  return out;
}

/** Whether a finding is hidden: by its key with context, or by a stored entry without one. */
export function isHidden(hidden: Set<string> | undefined, text: string, code: string, context: string): boolean {
  return !!hidden && (hidden.has(fingerprint(text, code, context)) || hidden.has(fingerprint(text, code)));
}

/** "kind: message", without doubling a kind the message already starts with. */
export function withKind(sig: Signal): string {
  return sig.message.startsWith(`${sig.kind}:`) ? sig.message : `${sig.kind}: ${sig.message}`;
}

/** The signals that speak for a contradicted or unsupported statement's findings (one finding each); [undefined]: the statement itself. */
function speakers(r: ClaimResult & { verdict: FindingVerdict }): (Signal | undefined)[] {
  const effect = r.verdict === 'contradicted' ? 'contradicts' : 'unsupported';
  const deciding = r.signals.filter((s) => s.effect === effect && s.end > s.start);
  return deciding.length ? deciding : [undefined];
}

/** The one signal that decided a statement's verdict, if any (the hover names it): a specific signal before coverage. */
export function decidingSignal(r: ClaimResult): Signal | undefined {
  const effect = r.verdict === 'contradicted' ? 'contradicts' : r.verdict === 'unsupported' ? 'unsupported' : 'supports';
  return r.signals.find((s) => s.effect === effect && s.kind !== 'coverage') ?? r.signals.find((s) => s.effect === effect);
}

/** The evidence a finding names: its signal's, else the first with the matching relation, else the first. */
function citedEvidence(r: ClaimResult, sig: Signal | undefined): Evidence | undefined {
  if (sig && sig.evidence !== undefined && r.evidence[sig.evidence]) return r.evidence[sig.evidence];
  const rel = r.verdict === 'contradicted' ? 'contradicts' : 'related';
  return r.evidence.find((e) => e.relation === rel) ?? r.evidence[0];
}

function isFindingVerdict(r: ClaimResult): r is ClaimResult & { verdict: FindingVerdict } {
  return r.verdict === 'contradicted' || r.verdict === 'unsupported';
}

/** The findings of one checked statement, hidden and `off` ones left out, in signal order. */
export function findingsOf(r: ClaimResult, draft: LineIndex, opts: FindingOptions = {}): Finding[] {
  if (!isFindingVerdict(r)) return [];
  if (isHeldBack(r, opts.minConfidence)) return [];
  const verdict = r.verdict;
  const confidence = resultConfidence(r);
  const out: Finding[] = [];
  const claimRange = draft.range(r.start, r.end);
  const context = contextOf(draft.text, r.start, r.end);
  for (const sig of speakers(r)) {
    const code = codeOf(verdict, sig);
    if (isHidden(opts.hidden, r.text, code, context)) continue;
    const severity = severityOf(code, verdict, opts.severity);
    if (severity === 'off') continue;
    const start = sig ? sig.start : r.start;
    const end = sig ? sig.end : r.end;
    const range = sig ? draft.range(sig.start, sig.end) : claimRange;
    const why =
      sig && sig.kind !== 'coverage'
        ? withKind(sig)
        : sig
          ? sig.message
          : r.reason || (verdict === 'contradicted' ? 'a source says otherwise' : 'no source carries this statement');
    const f: Finding = {
      code,
      verdict,
      severity,
      start,
      end,
      range,
      message: `${verdict}: ${why}`,
      claim: { start: r.start, end: r.end, text: r.text, range: claimRange },
      signal: sig,
      evidence: r.evidence,
      cited: citedEvidence(r, sig),
      fingerprint: fingerprint(r.text, code, context),
      context,
    };
    if (confidence !== undefined) f.confidence = confidence;
    if (sig && sig.sourceWords && sig.effect === 'contradicts' && REPLACEABLE.has(sig.kind)) f.replacement = { start, end, range, newText: sig.sourceWords };
    out.push(f);
  }
  return out;
}

/** The findings of a checked draft, in statement order. */
export function draftFindings(results: ClaimResult[], draft: LineIndex, opts: FindingOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const r of results) for (const f of findingsOf(r, draft, opts)) out.push(f);
  return out;
}

/**
 * The statements as the findings show them: a statement whose every finding is hidden
 * (.corroborate.json `hidden`) or turned off (severity `off`), or whose verdict's confidence is below
 * minConfidence (held back), becomes `skipped` with the reason (and keeps its confidence);
 * a statement with some codes hidden keeps the others' signals only. Its verdict counts then agree
 * with its findings.
 */
export function shownResults(results: ClaimResult[], draft: LineIndex, opts: FindingOptions): ClaimResult[] {
  return results.map((r) => {
    if (!isFindingVerdict(r)) return r;
    const verdict = r.verdict;
    const context = contextOf(draft.text, r.start, r.end);
    const why = (sig: Signal | undefined): 'hidden' | 'off' | undefined => {
      const code = codeOf(verdict, sig);
      if (isHidden(opts.hidden, r.text, code, context)) return 'hidden';
      if (severityOf(code, verdict, opts.severity) === 'off') return 'off';
      return undefined;
    };
    const items = speakers(r);
    const dropped = items.map(why);
    if (dropped.every((d) => d === undefined) && !isHeldBack(r, opts.minConfidence)) return r;
    if (dropped.every((d) => d !== undefined)) {
      const reason = dropped.includes('hidden') ? 'hidden in .corroborate.json' : 'severity off in the configuration';
      return { ...r, verdict: 'skipped' as const, reason: `${reason} (was ${verdict}: ${r.reason})` };
    }
    if (isHeldBack(r, opts.minConfidence))
      return { ...r, verdict: 'skipped' as const, reason: `${heldBackReason(r, opts.minConfidence!)} (was ${verdict}: ${r.reason})` };
    const gone = new Set(items.filter((_s, i) => dropped[i] !== undefined));
    return { ...r, signals: r.signals.filter((s) => !gone.has(s)) };
  });
}

export interface VerdictCounts {
  supported: number;
  unsupported: number;
  contradicted: number;
  skipped: number;
}

/** Counts of statements by verdict. */
export function countVerdicts(results: ClaimResult[]): VerdictCounts {
  const c: VerdictCounts = { supported: 0, unsupported: 0, contradicted: 0, skipped: 0 };
  for (const r of results) c[r.verdict]++;
  return c;
}

export type SeverityCounts = Record<FindingSeverity, number>;

/** Counts of findings by severity, as the Problems panel counts diagnostics. */
export function countSeverities(findings: { severity: FindingSeverity }[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
