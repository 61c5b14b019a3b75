/**
 * Trains the confidence model (server/src/engine/confidence.ts) on the development splits:
 *
 *   npm run train -- [--dry-run] [--out <file>] [--dump <examples.json>]
 *
 * Same engine path as scripts/eval.ts (one SourceIndex per set, createChecker, checkDraft on the
 * claim as a plain-text draft, onlySources = the claim's sources). Each claim gives one example:
 * the features of the sentence that decided its verdict, and whether that verdict is right
 * (contradicted: the gold is contradicted, or not-supported where the set has no contradicted
 * label; unsupported: the gold is not supported; supported: the gold is supported).
 *
 * It fits a logistic regression per verdict, the per-kind mapping and a constant (the share right)
 * on one group of sets, and reports calibration on the other group (and the other way round); then,
 * per verdict, fits on every set the model that did better on both held-out groups and writes it to
 * server/src/engine/confidence-weights.json (nothing with --dry-run). Dataset text is read at run
 * time only: the weights file holds numbers and feature names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChecker, SourceIndex, type ClaimResult } from '../server/src/engine';
import { confidenceOf, decidingKind, type ConfidenceModel } from '../server/src/engine/confidence';
import { loadSourcesSync } from '../server/src/workspace';
import { aggregateVerdict, pct, type Gold, type SentenceVerdict } from './metrics';
import { calibration, modelOf, precisionAt, type Example, type ModelKind } from './calibration';

const GROUP_A = ['sick', 'wice', 'summedits', 'climate-fever'];
const GROUP_B = ['news-drafts', 'frank', 'begin'];
const THRESHOLDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

function datasetsRoot(): string {
  return process.env.CORROBORATE_DATASETS ? path.resolve(process.env.CORROBORATE_DATASETS) : path.resolve('../shared/datasets');
}

interface Claim {
  id: string;
  claim: string;
  label: Gold;
  sources?: string[];
}

function readClaims(file: string): Claim[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Claim);
}

/** The examples of one set. */
function examplesOf(dir: string): Example[] {
  const name = path.basename(dir);
  const claims = readClaims(path.join(dir, 'claims.jsonl'));
  const hasContradicted = claims.some((c) => c.label === 'contradicted');
  const index = new SourceIndex();
  loadSourcesSync(index, [path.join(dir, 'sources')]);
  const checker = createChecker(index);
  const out: Example[] = [];
  for (const c of claims) {
    const only = c.sources && c.sources.length ? new Set(c.sources.map((s) => path.join(dir, s))) : undefined;
    const results = checker.checkDraft(c.claim, 'plaintext', only);
    const pred = aggregateVerdict(results.map((r) => r.verdict as SentenceVerdict));
    const decided: ClaimResult | undefined = results.find((r) => r.verdict === pred);
    if (!decided?.confidenceFeatures) continue;
    const correct =
      pred === 'supported'
        ? c.label === 'supported'
        : pred === 'unsupported'
          ? c.label !== 'supported'
          : hasContradicted
            ? c.label === 'contradicted'
            : c.label !== 'supported';
    out.push({ set: name, verdict: pred, features: decided.confidenceFeatures, correct, kind: decidingKind(decided) });
  }
  return out;
}

function f3(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : 'n/a';
}

/** Held-out figures of one model, per verdict and for the findings (contradicted + unsupported). */
function measure(label: string, model: ConfidenceModel, test: Example[]): { brier: number; lines: string[] } {
  const lines: string[] = [];
  const p = test.map((x) => confidenceOf(x.verdict, x.features, model));
  const y = test.map((x) => x.correct);
  const all = calibration(p, y);
  lines.push(`    ${label.padEnd(9)} all: Brier ${f3(all.brier)}, log loss ${f3(all.logLoss)}, ECE ${f3(all.ece)} (${all.n})`);
  for (const v of ['contradicted', 'unsupported', 'supported'] as const) {
    const idx = test.map((x, i) => (x.verdict === v ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const c = calibration(
      idx.map((i) => p[i]),
      idx.map((i) => y[i]),
    );
    lines.push(`      ${v.padEnd(13)} Brier ${f3(c.brier)}, ECE ${f3(c.ece)}, right ${pct(idx.filter((i) => y[i]).length / idx.length)} of ${idx.length}`);
  }
  const fi = test.map((x, i) => (x.verdict !== 'supported' ? i : -1)).filter((i) => i >= 0);
  const at = precisionAt(
    fi.map((i) => p[i]),
    fi.map((i) => y[i]),
    THRESHOLDS,
  );
  lines.push(
    `      findings at minConfidence: ${at.map((a) => `${a.threshold}: ${a.kept} kept, P ${pct(a.precision)}, right kept ${pct(a.rightKept)}`).join('; ')}`,
  );
  const ci = test.map((x, i) => (x.verdict === 'contradicted' ? i : -1)).filter((i) => i >= 0);
  if (ci.length) {
    const cat = precisionAt(
      ci.map((i) => p[i]),
      ci.map((i) => y[i]),
      THRESHOLDS,
    );
    lines.push(`      contradicted at minConfidence: ${cat.map((a) => `${a.threshold}: ${a.kept} kept, P ${pct(a.precision)}`).join('; ')}`);
  }
  return { brier: all.brier, lines };
}

function reliability(model: ConfidenceModel, test: Example[]): string[] {
  const c = calibration(
    test.map((x) => confidenceOf(x.verdict, x.features, model)),
    test.map((x) => x.correct),
  );
  return c.buckets
    .filter((b) => b.n > 0)
    .map(
      (b) =>
        `      ${b.lo.toFixed(1)}-${b.hi.toFixed(1)}: ${String(b.n).padStart(5)} verdicts, mean confidence ${f3(b.meanConfidence)}, right ${pct(b.accuracy)}`,
    );
}

function main() {
  const dry = process.argv.includes('--dry-run');
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1] : 'server/src/engine/confidence-weights.json';
  const root = datasetsRoot();
  const data = new Map<string, Example[]>();
  for (const name of [...GROUP_A, ...GROUP_B]) {
    const dir = path.join(root, name);
    if (!fs.existsSync(path.join(dir, 'claims.jsonl'))) {
      process.stderr.write(`train: ${dir}: no claims.jsonl, left out\n`);
      continue;
    }
    const xs = examplesOf(dir);
    data.set(name, xs);
    process.stdout.write(`${name}: ${xs.length} examples (${pct(xs.filter((x) => x.correct).length / xs.length)} right)\n`);
  }
  const dumpAt = process.argv.indexOf('--dump');
  if (dumpAt > 0) fs.writeFileSync(process.argv[dumpAt + 1], JSON.stringify([...data.values()].flat()));
  const group = (names: string[]) => names.flatMap((n) => data.get(n) ?? []);
  const kinds: ModelKind[] = ['logistic', 'mapping', 'constant'];
  const verdicts = ['contradicted', 'unsupported', 'supported'] as const;
  // held-out Brier per verdict and model kind, one entry per direction
  const held: Record<string, Record<ModelKind, number[]>> = {};
  for (const v of verdicts) held[v] = { logistic: [], mapping: [], constant: [] };
  for (const [trainNames, testNames] of [
    [GROUP_A, GROUP_B],
    [GROUP_B, GROUP_A],
  ]) {
    const train = group(trainNames);
    const test = group(testNames);
    if (!train.length || !test.length) continue;
    process.stdout.write(`\n== train on ${trainNames.join('+')} (${train.length}), held out ${testNames.join('+')} (${test.length})\n`);
    const models = Object.fromEntries(kinds.map((k) => [k, modelOf(k, train, trainNames)])) as Record<ModelKind, ConfidenceModel>;
    for (const k of kinds) {
      const m = measure(k, models[k], test);
      for (const l of m.lines) process.stdout.write(l + '\n');
      for (const v of verdicts) {
        const xs = test.filter((x) => x.verdict === v);
        if (xs.length)
          held[v][k].push(
            calibration(
              xs.map((x) => confidenceOf(v, x.features, models[k])),
              xs.map((x) => x.correct),
            ).brier,
          );
      }
    }
    for (const k of ['logistic', 'mapping'] as const) process.stdout.write(`    reliability (${k}):\n` + reliability(models[k], test).join('\n') + '\n');
    for (const name of testNames) {
      const xs = data.get(name) ?? [];
      if (xs.length) process.stdout.write(`    ${name}: Brier ${kinds.map((k) => `${k} ${f3(measure(k, models[k], xs).brier)}`).join(', ')}\n`);
    }
  }
  // per verdict: the logistic regression where it beats the mapping and the constant on every held-out
  // group, else the mapping where it beats the constant on every one, else the constant
  const beats = (v: string, a: ModelKind, b: ModelKind) => held[v][a].length === 2 && held[v][a].every((x, i) => x < held[v][b][i]);
  const choice: Partial<Record<(typeof verdicts)[number], ModelKind>> = {};
  const chosen: Record<string, string> = {};
  for (const v of verdicts) {
    choice[v] = beats(v, 'logistic', 'mapping') && beats(v, 'logistic', 'constant') ? 'logistic' : beats(v, 'mapping', 'constant') ? 'mapping' : 'constant';
    chosen[v] = `${choice[v]} (held-out Brier ${kinds.map((k) => `${k} ${held[v][k].map(f3).join('/')}`).join(', ')})`;
  }
  const everything = group([...GROUP_A, ...GROUP_B]);
  const names = [...data.keys()];
  const model = modelOf(choice, everything, names);
  model.chosen = chosen;
  model.note = `written by npm run train: per verdict, the model that did better on both held-out groups (${GROUP_A.join('+')} / ${GROUP_B.join('+')}), fitted on every set`;
  process.stdout.write(`\nshipped, fitted on ${names.join('+')} (${everything.length}):\n${verdicts.map((v) => `  ${v}: ${chosen[v]}`).join('\n')}\n`);
  if (!dry) {
    fs.writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
    process.stdout.write(`wrote ${out}\n`);
  }
}

main();
