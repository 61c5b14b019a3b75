/**
 * Pure metrics for the evaluation: verdict aggregation over the sentences of a claim,
 * 3-way accuracy, balanced accuracy, per-verdict precision / recall / F1, evidence recall@k.
 */

export type Gold = 'supported' | 'unsupported' | 'contradicted' | 'not-supported';
export type Predicted = 'supported' | 'unsupported' | 'contradicted';
export type SentenceVerdict = Predicted | 'skipped';

/**
 * One verdict for a claim from the verdicts of its sentences: contradicted if any sentence is,
 * supported only if every checked sentence is, else unsupported. Skipped sentences are ignored;
 * a claim whose sentences are all skipped (or that has none) is unsupported.
 */
export function aggregateVerdict(verdicts: SentenceVerdict[]): Predicted {
  const checked = verdicts.filter((v) => v !== 'skipped') as Predicted[];
  if (checked.length === 0) return 'unsupported';
  if (checked.includes('contradicted')) return 'contradicted';
  if (checked.every((v) => v === 'supported')) return 'supported';
  return 'unsupported';
}

/** Is a prediction right? `not-supported` is right for either unsupported or contradicted. */
export function isCorrect(gold: Gold, pred: Predicted): boolean {
  if (gold === 'not-supported') return pred !== 'supported';
  return gold === pred;
}

export function accuracy3(items: { gold: Gold; pred: Predicted }[]): number {
  if (items.length === 0) return NaN;
  return items.filter((x) => isCorrect(x.gold, x.pred)).length / items.length;
}

/** Mean of the recall of `supported` and the recall of everything else (supported vs rest). */
export function balancedAccuracy(items: { gold: Gold; pred: Predicted }[]): number {
  let tp = 0,
    p = 0,
    tn = 0,
    n = 0;
  for (const x of items) {
    if (x.gold === 'supported') {
      p++;
      if (x.pred === 'supported') tp++;
    } else {
      n++;
      if (x.pred !== 'supported') tn++;
    }
  }
  if (p === 0 || n === 0) return NaN;
  return (tp / p + tn / n) / 2;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** predicted with this verdict / gold with it */
  predicted: number;
  gold: number;
}

function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted ? tp / predicted : NaN;
  const recall = gold ? tp / gold : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : predicted && gold ? 0 : NaN;
  return { precision, recall, f1, predicted, gold };
}

/**
 * Precision / recall / F1 per verdict. For `unsupported` and `contradicted`, claims labelled
 * only `not-supported` are left out (the data does not say which they are); a verdict that no
 * remaining gold label carries gets null. `not-supported` (unsupported or contradicted) is always given.
 */
export function perVerdict(items: { gold: Gold; pred: Predicted }[]): Record<'supported' | 'unsupported' | 'contradicted' | 'not-supported', Prf | null> {
  const specific = items.filter((x) => x.gold !== 'not-supported');
  const out = {} as Record<'supported' | 'unsupported' | 'contradicted' | 'not-supported', Prf | null>;
  for (const v of ['supported', 'unsupported', 'contradicted'] as const) {
    const pool = v === 'supported' ? items : specific;
    const gold = pool.filter((x) => x.gold === v).length;
    if (gold === 0) {
      out[v] = null;
      continue;
    }
    const predicted = pool.filter((x) => x.pred === v).length;
    const tp = pool.filter((x) => x.pred === v && x.gold === v).length;
    out[v] = prf(tp, predicted, gold);
  }
  const ns = (g: Gold) => g !== 'supported';
  const goldNs = items.filter((x) => ns(x.gold)).length;
  const predNs = items.filter((x) => x.pred !== 'supported').length;
  const tpNs = items.filter((x) => x.pred !== 'supported' && ns(x.gold)).length;
  out['not-supported'] = goldNs ? prf(tpNs, predNs, goldNs) : null;
  return out;
}

/** Collapses runs of whitespace and trims. */
export function normalizeText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A cited quote matches a gold sentence when, whitespace normalised, it equals or contains it. */
export function quoteMatches(quote: string, gold: string): boolean {
  const q = normalizeText(quote);
  const g = normalizeText(gold);
  return g.length > 0 && q.includes(g);
}

/** 1 if any of the first k cited quotes matches any gold sentence, else 0. */
export function evidenceHit(cited: string[], gold: string[], k: number): number {
  const top = cited.slice(0, k);
  return gold.some((g) => top.some((q) => quoteMatches(q, g))) ? 1 : 0;
}

/** Share of claims (those with gold evidence) with a gold sentence among the first k cited. */
export function evidenceRecall(items: { cited: string[]; gold: string[] }[], k: number): number {
  const withGold = items.filter((x) => x.gold.length > 0);
  if (withGold.length === 0) return NaN;
  return withGold.reduce((a, x) => a + evidenceHit(x.cited, x.gold, k), 0) / withGold.length;
}

/** "81.2%" or "n/a". */
export function pct(x: number | undefined | null): string {
  return x === undefined || x === null || Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

/** Planted errors are the gold-contradicted claims; faithful sentences the gold-supported ones. */
export interface PlantedFigures {
  errors: number;
  /** share of planted errors shown contradicted (red) and supported (green) */
  red: number;
  green: number;
  faithful: number;
  /** share of faithful sentences given any finding (not supported) */
  faithfulFlagged: number;
  /** per planted-error kind: how many, and how many shown red / green */
  kinds: { kind: string; n: number; red: number; green: number }[];
}

export function plantedFigures(items: { gold: Gold; pred: Predicted; kind?: string }[]): PlantedFigures | undefined {
  if (!items.some((x) => x.kind)) return undefined;
  const errors = items.filter((x) => x.gold === 'contradicted');
  const faithful = items.filter((x) => x.gold === 'supported');
  const kinds = new Map<string, { kind: string; n: number; red: number; green: number }>();
  for (const x of errors) {
    const k = x.kind ?? '?';
    if (!kinds.has(k)) kinds.set(k, { kind: k, n: 0, red: 0, green: 0 });
    const e = kinds.get(k)!;
    e.n++;
    if (x.pred === 'contradicted') e.red++;
    if (x.pred === 'supported') e.green++;
  }
  const share = (n: number, d: number) => (d ? n / d : 0);
  return {
    errors: errors.length,
    red: share(errors.filter((x) => x.pred === 'contradicted').length, errors.length),
    green: share(errors.filter((x) => x.pred === 'supported').length, errors.length),
    faithful: faithful.length,
    faithfulFlagged: share(faithful.filter((x) => x.pred !== 'supported').length, faithful.length),
    kinds: [...kinds.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1)),
  };
}
