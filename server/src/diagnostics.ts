/**
 * Pure conversion from the engine's findings (engine/findings.ts) to LSP diagnostics (Harper's
 * diagnostics.rs shape): no connection, no file system; everything it needs comes in as arguments.
 * What a finding is (code, severity, range, message, fingerprint) is decided in findings.ts only.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTRACTED_SCHEME } from './protocol';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { ClaimResult, Evidence, LineIndex, LineRange } from './engine';
import { CODE_DOCS_BASE, draftFindings, type Finding, type FindingOptions, type FindingSeverity } from './engine/findings';

export {
  CODE_DOCS_BASE,
  CONTEXT_WORDS,
  REPLACEABLE,
  codeOf,
  contextOf,
  countVerdicts,
  fingerprint,
  hiddenKeys,
  isHidden,
  shownResults as applyHiddenAndOff,
  withKind,
  type HiddenEntry,
} from './engine/findings';

export const DIAGNOSTIC_SOURCE = 'corroborate';

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

export interface ConvertOptions extends FindingOptions {
  /** source path -> URI (default: file URI of the path) */
  sourceUri?: (source: string) => string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/**
 * The URI of an extracted source's text (a PDF's, an HTML page's, ...): `corroborate-source:` and the file's
 * path. Evidence ranges count in that text, so the editor opens it (a read-only virtual document the
 * client asks the server for, `corroborate/sourceText`) rather than the original file.
 */
export function extractedUri(p: string): string {
  return `${EXTRACTED_SCHEME}://${pathToFileURL(p).pathname}`;
}

/**
 * The file a `corroborate-source:` URI stands for, if it is one: `corroborate-source:///abs/path` as the
 * server writes it, or `corroborate-source:/abs/path` as VS Code writes it back (an empty authority is
 * left out of its URI strings).
 */
export function extractedPath(uri: string): string | undefined {
  if (!uri.startsWith(`${EXTRACTED_SCHEME}:/`)) return undefined;
  const rest = uri.slice(EXTRACTED_SCHEME.length + 1);
  const pathPart = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!pathPart.startsWith('/')) return undefined; // an authority (corroborate-source://host/...): not ours
  try {
    return fileURLToPath('file://' + pathPart.split('#')[0]);
  } catch {
    return undefined;
  }
}

/**
 * Where a piece of evidence is shown: an HTML page whose text maps back to the file, at the quote's place
 * in the raw page (`original`); another extracted source (PDF, ...) in its extracted text; a plain-text
 * source at its range.
 */
export function evidenceLocation(
  e: Pick<Evidence, 'source' | 'range' | 'place' | 'original'>,
  uriOf: (source: string) => string = fileUri,
): { uri: string; range: LineRange } {
  if (e.original) return { uri: uriOf(e.source), range: e.original };
  if (e.place !== undefined) return { uri: extractedUri(e.source), range: e.range };
  return { uri: uriOf(e.source), range: e.range };
}

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP diagnostic of one finding. */
export function toDiagnostic(f: Finding, uriOf: (source: string) => string = fileUri): Diagnostic {
  const evidence = f.evidence.map((e) => ({
    ...evidenceLocation(e, uriOf),
    source: e.source,
    ...(e.place !== undefined ? { place: e.place } : {}),
    quote: e.quote,
    relation: e.relation,
  }));
  const data: DiagnosticData = {
    verdict: f.verdict,
    code: f.code,
    claim: { start: f.claim.start, end: f.claim.end, text: f.claim.text, range: f.claim.range },
    evidence,
    fingerprint: f.fingerprint,
    context: f.context,
  };
  if (f.replacement) data.replace = { range: f.replacement.range, newText: f.replacement.newText };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: CODE_DOCS_BASE + f.code },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    relatedInformation: evidence.map((e) => ({ location: { uri: e.uri, range: e.range }, message: e.quote })),
    data,
  };
}

/** Diagnostics for one draft: one per finding (engine/findings.ts). */
export function toDiagnostics(results: ClaimResult[], draft: LineIndex, opts: ConvertOptions = {}): Diagnostic[] {
  const uriOf = opts.sourceUri ?? fileUri;
  return draftFindings(results, draft, opts).map((f) => toDiagnostic(f, uriOf));
}
