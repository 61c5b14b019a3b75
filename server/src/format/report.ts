/**
 * The CLI's report model: every statement of every draft with its verdict, positions
 * converted to 0-based LSP line/character. Pure: no file system, no process.
 * This is exactly the JSON shape other tools consume (version 1); do not add keys (the optional
 * `confidence` and `heldBack` of a claim, and `original` of an evidence, are the only ones added since, at the end).
 */
import { LineIndex, type ClaimResult, type LineRange, type SignalKind, type Verdict } from '../engine';
import { HELD_BACK, type FindingOptions } from '../engine/findings';
import { resultConfidence } from '../engine/confidence';

export interface JsonEvidence {
  source: string;
  /** where in an extracted source (PDF, HTML, ...): "p. 3"; absent for plain text, whose range says where */
  place?: string;
  range: LineRange;
  quote: string;
  score: number;
  relation: 'supports' | 'contradicts' | 'related';
  /** where the quote stands in the original file (an HTML page's raw markup), when its text maps back */
  original?: LineRange;
}

export interface JsonSignal {
  kind: SignalKind;
  message: string;
  range: LineRange;
}

export interface JsonClaim {
  text: string;
  range: LineRange;
  verdict: Verdict;
  /** why a skipped statement is not checked ("byline", "opinion (\"I think\")", "question") */
  skip?: string;
  score: number;
  evidence: JsonEvidence[];
  signals: JsonSignal[];
  /** 0..1: the confidence of the verdict (not for a statement skipped unchecked) */
  confidence?: number;
  /** true: its findings were held back, the confidence being below minConfidence (the verdict reads skipped) */
  heldBack?: true;
}

export interface JsonFile {
  path: string;
  claims: JsonClaim[];
}

export interface JsonReport {
  version: 1;
  files: JsonFile[];
}

/** One checked draft: its path as shown to the user, its text and the engine's results (draft offsets). */
export interface CheckedFile {
  path: string;
  text: string;
  results: ClaimResult[];
}

/** How the formatters show results: source paths as the user named them; severities and hidden findings as configured. */
export interface ReportOptions extends FindingOptions {
  /** maps a source path as the index knows it to the path shown to the user */
  displaySource?: (source: string) => string;
}

export function toJsonReport(files: CheckedFile[], opts: ReportOptions = {}): JsonReport {
  const show = opts.displaySource ?? ((s: string) => s);
  return {
    version: 1,
    files: files.map((f) => {
      const li = new LineIndex(f.text);
      return {
        path: f.path,
        claims: f.results.map((r) => ({
          text: r.text,
          range: li.range(r.start, r.end),
          verdict: r.verdict,
          ...(r.verdict === 'skipped' ? { skip: r.reason } : {}),
          score: r.score,
          evidence: r.evidence.map((e) => ({
            source: show(e.source),
            ...(e.place !== undefined ? { place: e.place } : {}),
            range: e.range,
            quote: e.quote,
            score: e.score,
            relation: e.relation,
            ...(e.original ? { original: e.original } : {}),
          })),
          signals: r.signals.map((s) => ({ kind: s.kind, message: s.message, range: li.range(s.start, s.end) })),
          ...confidenceKeys(r),
        })),
      };
    }),
  };
}

/** The optional claim keys: its verdict's confidence, and heldBack for a statement held back below minConfidence. */
function confidenceKeys(r: ClaimResult): { confidence?: number; heldBack?: true } {
  if (r.verdict === 'skipped') return typeof r.confidence === 'number' && r.reason.startsWith(HELD_BACK) ? { confidence: r.confidence, heldBack: true } : {};
  const c = resultConfidence(r);
  return c !== undefined ? { confidence: c } : {};
}

export interface Counts {
  files: number;
  statements: number;
  supported: number;
  unsupported: number;
  contradicted: number;
  skipped: number;
}

export function countVerdicts(files: CheckedFile[]): Counts {
  const c: Counts = { files: files.length, statements: 0, supported: 0, unsupported: 0, contradicted: 0, skipped: 0 };
  for (const f of files) {
    for (const r of f.results) {
      c.statements++;
      c[r.verdict]++;
    }
  }
  return c;
}

export type FailOn = 'contradicted' | 'unsupported' | 'none';

/** True when a finding reaches the --fail-on level. */
export function reachesFailOn(files: CheckedFile[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const c = countVerdicts(files);
  return failOn === 'contradicted' ? c.contradicted > 0 : c.contradicted + c.unsupported > 0;
}
