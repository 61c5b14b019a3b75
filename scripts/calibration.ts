/**
 * Pure helpers of `npm run train` (scripts/train.ts): a weighted logistic regression fitted by
 * gradient descent, the per-kind mapping it is compared with, and calibration measures (Brier
 * score, expected calibration error, reliability per bucket, precision at thresholds).
 */
import type { ConfidenceFeatures, ConfidenceModel, ConfidenceVerdict } from '../server/src/engine/confidence';

export interface Example {
  set: string;
  verdict: ConfidenceVerdict;
  features: ConfidenceFeatures;
  /** the verdict is right */
  correct: boolean;
  /** kind of the deciding signal */
  kind: string;
}

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Example weights: a set of n examples weighs sqrt(n) in total (mean weight 1), between counting
 * every example the same (SICK, 4,500 examples, would decide everything) and every set the same
 * (the 13 contradicted verdicts of a small set would weigh as much as SICK's 640).
 */
export function setWeights(xs: Example[]): number[] {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x.set, (n.get(x.set) ?? 0) + 1);
  const raw = xs.map((x) => 1 / Math.sqrt(n.get(x.set)!));
  const mean = raw.reduce((a, b) => a + b, 0) / (raw.length || 1);
  return raw.map((w) => w / mean);
}

/**
 * Features the logistic regression leaves out: the deciding kind's one-hot. Measured with npm run
 * train: with them the held-out Brier of contradicted verdicts was worse than a constant (0.212 and
 * 0.155 against 0.211 and 0.123), without them better (0.199 and 0.118): how often a kind's
 * contradiction is right differs from set to set, and does not carry over. The kind stays in the
 * mapping and in the hover.
 */
export const LOGISTIC_EXCLUDES = /^kind:/;

/** Logistic regression with L2 (not on the bias), full-batch gradient descent, a fixed number of steps. */
export function fitLogistic(xs: Example[], opts: { steps?: number; rate?: number; l2?: number } = {}): LinearModel {
  const steps = opts.steps ?? 1500;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 0.03;
  const names = [...new Set(xs.flatMap((x) => Object.keys(x.features)))].filter((n) => !LOGISTIC_EXCLUDES.test(n)).sort();
  const col = new Map(names.map((n, i) => [n, i]));
  const rows = xs.map((x) =>
    Object.entries(x.features)
      .filter(([k]) => col.has(k))
      .map(([k, v]) => [col.get(k)!, v] as [number, number]),
  );
  const y: number[] = xs.map((x) => (x.correct ? 1 : 0));
  const w = setWeights(xs);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const beta = new Array<number>(names.length).fill(0);
  const mean = y.reduce((a, b, i) => a + b * w[i], 0) / total;
  let bias = Math.log((mean + 1e-3) / (1 - mean + 1e-3));
  const grad = new Array<number>(names.length);
  for (let s = 0; s < steps; s++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      let z = bias;
      for (const [j, v] of rows[i]) z += beta[j] * v;
      const e = (sigmoid(z) - y[i]) * w[i];
      gb += e;
      for (const [j, v] of rows[i]) grad[j] += e * v;
    }
    bias -= (rate * gb) / total;
    for (let j = 0; j < beta.length; j++) beta[j] -= rate * (grad[j] / total + l2 * beta[j]);
  }
  const weights: Record<string, number> = {};
  names.forEach((n, j) => (weights[n] = Math.round(beta[j] * 1e4) / 1e4));
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/** The hand-set alternative: the measured share right per verdict and deciding kind (Laplace-smoothed), '*' for the rest. */
export function fitMapping(xs: Example[]): Record<string, number> {
  const by = new Map<string, { right: number; n: number }>();
  const w = setWeights(xs);
  const add = (k: string, right: boolean, weight: number) => {
    const c = by.get(k) ?? { right: 0, n: 0 };
    c.n += weight;
    if (right) c.right += weight;
    by.set(k, c);
  };
  xs.forEach((x, i) => {
    add(x.kind, x.correct, w[i]);
    add('*', x.correct, w[i]);
  });
  const out: Record<string, number> = {};
  for (const [k, c] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[k] = Math.round(((c.right + 1) / (c.n + 2)) * 1000) / 1000;
  return out;
}

export type ModelKind = 'logistic' | 'mapping' | 'constant';

/** A model of the committed shape: per verdict, a logistic regression, the per-kind mapping, or one constant (the share right). */
export function modelOf(choice: ModelKind | Partial<Record<ConfidenceVerdict, ModelKind>>, xs: Example[], trainedOn: string[]): ConfidenceModel {
  const verdicts: ConfidenceVerdict[] = ['supported', 'unsupported', 'contradicted'];
  const m: ConfidenceModel = { type: 'logistic', trainedOn, logistic: {}, mapping: {} };
  for (const v of verdicts) {
    const mine = xs.filter((x) => x.verdict === v);
    if (mine.length === 0) continue;
    const kind = typeof choice === 'string' ? choice : (choice[v] ?? 'mapping');
    const table = fitMapping(mine);
    m.mapping![v] = kind === 'constant' ? { '*': table['*'] } : table;
    if (kind === 'logistic') m.logistic![v] = fitLogistic(mine);
  }
  if (Object.keys(m.logistic!).length === 0) {
    m.type = 'mapping';
    delete m.logistic;
  }
  return m;
}

export interface Calibration {
  n: number;
  brier: number;
  logLoss: number;
  /** expected calibration error over 10 equal-width buckets */
  ece: number;
  buckets: { lo: number; hi: number; n: number; meanConfidence: number; accuracy: number }[];
}

export function calibration(ps: number[], ys: boolean[]): Calibration {
  const n = ps.length;
  let brier = 0;
  let ll = 0;
  const buckets = Array.from({ length: 10 }, (_v, i) => ({ lo: i / 10, hi: (i + 1) / 10, n: 0, sum: 0, right: 0 }));
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, ps[i]));
    const y = ys[i] ? 1 : 0;
    brier += (p - y) ** 2;
    ll -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    const b = buckets[Math.min(9, Math.floor(ps[i] * 10))];
    b.n++;
    b.sum += ps[i];
    b.right += y;
  }
  const ece = n ? buckets.reduce((a, b) => a + (b.n ? Math.abs(b.sum / b.n - b.right / b.n) * b.n : 0), 0) / n : NaN;
  return {
    n,
    brier: n ? brier / n : NaN,
    logLoss: n ? ll / n : NaN,
    ece,
    buckets: buckets.map((b) => ({ lo: b.lo, hi: b.hi, n: b.n, meanConfidence: b.n ? b.sum / b.n : NaN, accuracy: b.n ? b.right / b.n : NaN })),
  };
}

/** Of the findings at or above each threshold: how many are kept, their precision, and the share of right findings kept. */
export function precisionAt(ps: number[], ys: boolean[], thresholds: number[]): { threshold: number; kept: number; precision: number; rightKept: number }[] {
  const right = ys.filter(Boolean).length;
  return thresholds.map((t) => {
    let kept = 0;
    let ok = 0;
    for (let i = 0; i < ps.length; i++) {
      if (ps[i] < t) continue;
      kept++;
      if (ys[i]) ok++;
    }
    return { threshold: t, kept, precision: kept ? ok / kept : NaN, rightKept: right ? ok / right : NaN };
  });
}
