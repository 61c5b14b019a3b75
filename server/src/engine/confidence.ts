/**
 * A calibrated confidence per verdict: how likely the verdict is right, 0..1, from explainable
 * features of the checked statement (the deciding signal's kind and strength, the best evidence's
 * coverage, the margin over the gate that decided, how much evidence, whether the statement has
 * quotations, numbers, names...). The model is a logistic regression per verdict, trained by
 * `npm run train` (scripts/train.ts) on the development splits; its weights are committed as
 * JSON (confidence-weights.json), each feature named. Pure: plain data in, plain data out.
 *
 * The confidence is extra data: it never changes a verdict. A finding whose confidence is below
 * corroborate.minConfidence is held back (engine/findings.ts), and the hover says so.
 */
import type { ClaimResult, Signal, Verdict } from './types';
import weightsJson from './confidence-weights.json';
import { CONFIDENCE } from './policy';

/** What only Checker.verify knows, handed over in its one call (everything else is read off the result). */
export interface ConfidenceExtras {
  /** strength (0..1) of the deciding clash of a contradicted statement */
  strength?: number;
  /** support the statement reached (coverage plus document credit) */
  support?: number;
  /** the support a statement of its length needs to be supported */
  supportGate?: number;
  /** the coverage the deciding clash's kind needs before it counts */
  clashGate?: number;
}

export type ConfidenceFeatures = Record<string, number>;

/** The signal kinds that have their own feature (any other kind only sets `kind:other`). */
export const FEATURE_KINDS = [
  'coverage',
  'negation',
  'number',
  'date',
  'entity',
  'antonym',
  'modality',
  'quantifier',
  'order',
  'predicate',
  'quote',
  'misquote',
  'attribution',
] as const;

export type ConfidenceVerdict = Exclude<Verdict, 'skipped'>;

interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

/** The committed model (confidence-weights.json). */
export interface ConfidenceModel {
  /** 'logistic': a logistic regression for some verdicts (the others use the mapping); 'mapping': the measured share right per verdict and deciding kind ('*': any kind) */
  type: 'logistic' | 'mapping';
  /** per verdict: which of logistic, mapping or constant npm run train chose, with the held-out figures */
  chosen?: Record<string, string>;
  /** sets it was trained on and what it was measured against (written by npm run train) */
  trainedOn?: string[];
  note?: string;
  logistic?: Partial<Record<ConfidenceVerdict, LinearModel>>;
  mapping?: Partial<Record<ConfidenceVerdict, Record<string, number>>>;
}

const MODEL = weightsJson as unknown as ConfidenceModel;

/** The signal that decided the verdict: a specific signal before coverage (as the hover names it). */
function deciding(r: ClaimResult): Signal | undefined {
  const effect = r.verdict === 'contradicted' ? 'contradicts' : r.verdict === 'unsupported' ? 'unsupported' : 'supports';
  return r.signals.find((s) => s.effect === effect && s.kind !== 'coverage') ?? r.signals.find((s) => s.effect === effect);
}

/** The kind the mapping and the one-hot feature use: the deciding signal's kind, `none` without one. */
export function decidingKind(r: ClaimResult): string {
  return deciding(r)?.kind ?? 'none';
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The named features of a checked statement (all 0..1 or -1..1, so the weights compare). */
export function confidenceFeatures(r: ClaimResult, extras: ConfidenceExtras = {}): ConfidenceFeatures {
  const f: ConfidenceFeatures = {};
  const sig = deciding(r);
  const kind = sig?.kind ?? 'none';
  f[`kind:${(FEATURE_KINDS as readonly string[]).includes(kind) ? kind : kind === 'none' ? 'none' : 'other'}`] = 1;
  f.coverage = clamp01(r.score);
  const effect = r.verdict === 'contradicted' ? 'contradicts' : r.verdict === 'unsupported' ? 'unsupported' : 'supports';
  const decidingSignals = r.signals.filter((s) => s.effect === effect);
  f.signals = Math.min(decidingSignals.length, 4) / 4;
  f.specificSignals = Math.min(decidingSignals.filter((s) => s.kind !== 'coverage').length, 3) / 3;
  f.evidence = Math.min(r.evidence.length, 4) / 4;
  f.evidenceScore2 = clamp01(r.evidence[1]?.score ?? 0);
  // margins are a few hundredths to a few tenths: scaled by marginScale (policy.ts) (a quarter of coverage over or under the gate saturates)
  if (r.verdict === 'contradicted') {
    f.strength = clamp01(extras.strength ?? 0);
    f.margin = Math.max(-1, Math.min(1, CONFIDENCE.marginScale.value * (r.score - (extras.clashGate ?? r.score))));
    f.sourceWords = sig?.sourceWords !== undefined ? 1 : 0;
  } else if (extras.support !== undefined && extras.supportGate !== undefined) {
    const m = extras.support - extras.supportGate;
    f.margin = Math.max(-1, Math.min(1, CONFIDENCE.marginScale.value * m));
    // unsupported although the coverage reached the gate: a name, number or negation no source carries
    if (r.verdict === 'unsupported') f.aboveGate = m >= 0 ? 1 : 0;
  }
  const text = r.text;
  f.quote = /["\u201c\u201d]/.test(text) ? 1 : 0;
  f.number = /\d/.test(text) ? 1 : 0;
  f.name = /\s[A-Z][a-z]/.test(text.trim()) ? 1 : 0;
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  f.length = clamp01(Math.log(1 + words) / Math.log(60));
  // the share of the statement the unsupported spans cover (coverage gaps)
  if (r.verdict === 'unsupported') {
    const gaps = r.signals.filter((s) => s.kind === 'coverage' && s.effect === 'unsupported');
    const span = gaps.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
    f.gapShare = text.length ? clamp01(span / text.length) : 0;
  }
  return f;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Each feature's contribution (weight x value) to a verdict's score under the logistic model, largest first. */
export function contributions(
  verdict: ConfidenceVerdict,
  features: ConfidenceFeatures,
  model: ConfidenceModel = MODEL,
): { name: string; value: number; contribution: number }[] {
  const m = model.logistic?.[verdict];
  if (!m) return [];
  return Object.entries(features)
    .map(([name, value]) => ({ name, value, contribution: (m.weights[name] ?? 0) * value }))
    .filter((c) => c.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/** 0..1: the confidence of a verdict with these features. */
export function confidenceOf(verdict: ConfidenceVerdict, features: ConfidenceFeatures, model: ConfidenceModel = MODEL): number {
  const m = model.logistic?.[verdict];
  if (m) {
    let z = m.bias;
    for (const [name, value] of Object.entries(features)) z += (m.weights[name] ?? 0) * value;
    if (Number.isFinite(z)) return sigmoid(z);
  }
  const table = model.mapping?.[verdict];
  if (table) {
    const kind =
      Object.keys(features)
        .find((k) => k.startsWith('kind:'))
        ?.slice(5) ?? 'none';
    const p = table[kind] ?? table['*'];
    if (typeof p === 'number' && Number.isFinite(p)) return clamp01(p);
  }
  return 0.5;
}

/** The result with its confidence and features (a skipped statement gets none). A new object: the argument is not changed. */
export function withConfidence(r: ClaimResult, extras: ConfidenceExtras = {}, model: ConfidenceModel = MODEL): ClaimResult {
  if (r.verdict === 'skipped') return r;
  const features = confidenceFeatures(r, extras);
  return { ...r, confidence: Math.round(confidenceOf(r.verdict, features, model) * 1000) / 1000, confidenceFeatures: features };
}

/** The confidence of a result: its own, else computed from the result alone (a result made outside verify). */
export function resultConfidence(r: ClaimResult): number | undefined {
  if (r.verdict === 'skipped') return undefined;
  if (typeof r.confidence === 'number') return r.confidence;
  return Math.round(confidenceOf(r.verdict, confidenceFeatures(r)) * 1000) / 1000;
}

/** What a verdict's confidence rests on: the logistic regression's weights, the share right per deciding kind, or one share for the verdict. */
export function confidenceBasis(verdict: ConfidenceVerdict, features: ConfidenceFeatures, model: ConfidenceModel = MODEL): 'logistic' | 'kind' | 'verdict' {
  if (model.logistic?.[verdict]) return 'logistic';
  const kind = Object.keys(features)
    .find((k) => k.startsWith('kind:'))
    ?.slice(5);
  return kind !== undefined && model.mapping?.[verdict]?.[kind] !== undefined ? 'kind' : 'verdict';
}

/** Words for a confidence: high (>= 0.85), medium (>= 0.6), low (CONFIDENCE in policy.ts). */
export function confidenceWord(c: number): 'high' | 'medium' | 'low' {
  return c >= CONFIDENCE.high.value ? 'high' : c >= CONFIDENCE.medium.value ? 'medium' : 'low';
}

/** Plain names of the features, for the hover. */
export function featureLabel(name: string): string {
  if (name.startsWith('kind:')) return `${name.slice(5)} signal`;
  const labels: Record<string, string> = {
    coverage: 'evidence coverage',
    signals: 'deciding signals',
    specificSignals: 'specific signals',
    evidence: 'evidence sentences',
    evidenceScore2: 'second evidence',
    strength: 'clash strength',
    margin: 'margin over the gate',
    sourceWords: "source's own words",
    quote: 'quotation',
    number: 'number',
    name: 'name',
    length: 'statement length',
    gapShare: 'uncarried words',
    aboveGate: 'coverage over the gate',
  };
  return labels[name] ?? name;
}

/** The model in use (for the report and tests). */
export function confidenceModel(): ConfidenceModel {
  return MODEL;
}
