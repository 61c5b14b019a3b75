/**
 * Evaluation on labelled data in the layout of ../shared/datasets (see its README):
 *
 *   npm run eval -- [<dataset folder or name>...] [--predictions <file>] [--limit N] [--quiet]
 *
 * Same engine path as `corroborate check`: one SourceIndex per set (loadSourcesSync over
 * <set>/sources), createChecker, and checkDraft on the claim text as a plain-text draft, with
 * onlySources = the claim's `sources` when it names any. A multi-sentence claim is aggregated
 * (supported only if every checked sentence is, contradicted if any is; all skipped = unsupported).
 *
 * Datasets root: $CORROBORATE_DATASETS, else ../shared/datasets from the working folder.
 *
 * CORROBORATE_POLICY_OVERRIDES='{"checker.pairPenalty": 0.03}' sets entries of the tuning table
 * (server/src/engine/policy.ts) for this run: `npm run knobs` nudges each one so. Only the eval reads it;
 * the server and the CLI never do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChecker, SourceIndex } from '../server/src/engine';
import { applyPolicyOverrides } from '../server/src/engine/policy';
import { loadSourcesSync } from '../server/src/workspace';
import {
  accuracy3,
  aggregateVerdict,
  balancedAccuracy,
  evidenceRecall,
  perVerdict,
  pct,
  plantedFigures,
  type Gold,
  type PlantedFigures,
  type Predicted,
  type SentenceVerdict,
} from './metrics';

interface Claim {
  id: string;
  claim: string;
  label: Gold;
  sources?: string[];
  evidence?: { source: string; text: string }[];
  /** what kind of sentence it is (news-drafts: close, paraphrase, ... and the planted error's kind) */
  kind?: string;
}

interface Options {
  sets: string[];
  predictions?: string;
  limit?: number;
  quiet: boolean;
}

const USAGE = `Usage: npm run eval -- [<dataset folder or name>...] [--predictions <file>] [--limit N] [--quiet]

With no folder, every set under the datasets root ($CORROBORATE_DATASETS, else ../shared/datasets).
A set is a folder with claims.jsonl and sources/ (see ../shared/datasets/README.md).
`;

/** Targets from the evaluation issue, shown beside the figures (kinds of claims, not items). */
const TARGETS: Record<string, { label: string; met: (r: SetResult) => boolean }[]> = {
  'news-drafts': [
    { label: 'planted errors red >= 75%', met: (r) => (r.planted?.red ?? 0) >= 0.75 },
    { label: 'planted errors green <= 5%', met: (r) => (r.planted?.green ?? 1) <= 0.05 },
    { label: 'faithful flagged <= 10%', met: (r) => (r.planted?.faithfulFlagged ?? 1) <= 0.1 },
    { label: 'P(contradicted) >= 90%', met: (r) => (r.prf.contradicted?.precision ?? 0) >= 0.9 },
  ],
  frank: [{ label: 'balanced >= 75%', met: (r) => r.balanced >= 0.75 }],
  begin: [{ label: 'balanced >= 86%', met: (r) => r.balanced >= 0.86 }],
  sick: [
    { label: '3-way >= 82%', met: (r) => r.acc3 >= 0.82 },
    { label: 'P(contradicted) >= 85%', met: (r) => (r.prf.contradicted?.precision ?? 0) >= 0.85 },
  ],
  'climate-fever': [{ label: '3-way >= 45%', met: (r) => r.acc3 >= 0.45 }],
  wice: [{ label: 'balanced >= 75%', met: (r) => r.balanced >= 0.75 }],
  summedits: [{ label: 'balanced >= 64%', met: (r) => r.balanced >= 0.64 }],
};

function parseArgs(argv: string[]): Options {
  const o: Options = { sets: [], quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--predictions') o.predictions = next();
    else if (a.startsWith('--predictions=')) o.predictions = a.slice(14);
    else if (a === '--limit') o.limit = Number(next());
    else if (a.startsWith('--limit=')) o.limit = Number(a.slice(8));
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.sets.push(a);
  }
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit > 0)) throw new Error('--limit needs a positive whole number');
  return o;
}

export function datasetsRoot(cwd = process.cwd()): string {
  return process.env.CORROBORATE_DATASETS ? path.resolve(cwd, process.env.CORROBORATE_DATASETS) : path.resolve(cwd, '../shared/datasets');
}

function resolveSet(arg: string, root: string): string {
  const direct = path.resolve(arg);
  if (fs.existsSync(path.join(direct, 'claims.jsonl'))) return direct;
  const named = path.join(root, arg);
  if (fs.existsSync(path.join(named, 'claims.jsonl'))) return named;
  throw new Error(`not a dataset folder (no claims.jsonl): ${arg}`);
}

function readClaims(file: string): Claim[] {
  const out: Claim[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as Claim);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: bad JSON line: ${(e as Error).message}`, { cause: e });
    }
  });
  return out;
}

interface SetResult {
  name: string;
  n: number;
  acc3: number;
  balanced: number;
  prf: ReturnType<typeof perVerdict>;
  r1: number;
  r3: number;
  withEvidence: number;
  /** mean and longest length (characters) of the quotes cited: long quotes make recall@k easy */
  quoteMean: number;
  quoteMax: number;
  perSecond: number;
  indexMs: number;
  checkMs: number;
  confusion: Map<string, number>;
  /** balanced accuracy per domain, where claims name one (SummEdits) */
  domains: { domain: string; n: number; balanced: number }[];
  /** where claims name their kind (news-drafts): how planted errors and faithful sentences fare */
  planted?: PlantedFigures;
}

function runSet(dir: string, opts: Options, predictions: fs.WriteStream | undefined): SetResult {
  const name = path.basename(dir);
  let claims = readClaims(path.join(dir, 'claims.jsonl'));
  if (opts.limit) claims = claims.slice(0, opts.limit);

  const t0 = performance.now();
  const index = new SourceIndex();
  const load = loadSourcesSync(index, [path.join(dir, 'sources')]);
  for (const p of load.problems) process.stderr.write(`eval: ${p.path}: ${p.message}\n`);
  const indexMs = performance.now() - t0;
  const checker = createChecker(index);

  const items: { gold: Gold; pred: Predicted; kind?: string }[] = [];
  const byDomain = new Map<string, { gold: Gold; pred: Predicted }[]>();
  const ev: { cited: string[]; gold: string[] }[] = [];
  const confusion = new Map<string, number>();
  const notes = new Map<string, number>();
  const t1 = performance.now();
  for (const c of claims) {
    const only = c.sources && c.sources.length ? new Set(c.sources.map((s) => path.join(dir, s))) : undefined;
    const results = checker.checkDraft(c.claim, 'plaintext', only);
    for (const n of results.flatMap((r) => r.notes ?? [])) notes.set(n, (notes.get(n) ?? 0) + 1);
    const pred = aggregateVerdict(results.map((r) => r.verdict as SentenceVerdict));
    const cited = results.flatMap((r) => r.evidence);
    items.push({ gold: c.label, pred, kind: c.kind });
    const domain = (c as { domain?: string }).domain;
    if (domain) {
      if (!byDomain.has(domain)) byDomain.set(domain, []);
      byDomain.get(domain)!.push({ gold: c.label, pred });
    }
    ev.push({ cited: cited.map((e) => e.quote), gold: (c.evidence ?? []).map((e) => e.text) });
    const key = `${c.label}>${pred}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (predictions) {
      const line = {
        id: c.id,
        verdict: pred,
        evidence: cited.map((e) => ({ source: path.relative(dir, e.source).split(path.sep).join('/'), quote: e.quote })),
      };
      predictions.write(JSON.stringify(line) + '\n');
    }
  }
  const checkMs = performance.now() - t1;
  // a detector that threw (ClaimResult.notes): counted, never silent
  if (notes.size) for (const [n, k] of notes) process.stderr.write(`eval: ${name}: ${k} statement(s): ${n}\n`);
  return {
    name,
    n: claims.length,
    acc3: accuracy3(items),
    balanced: balancedAccuracy(items),
    prf: perVerdict(items),
    r1: evidenceRecall(ev, 1),
    r3: evidenceRecall(ev, 3),
    withEvidence: ev.filter((x) => x.gold.length > 0).length,
    quoteMean: mean(ev.flatMap((x) => x.cited.map((q) => q.length))),
    quoteMax: Math.max(0, ...ev.flatMap((x) => x.cited.map((q) => q.length))),
    perSecond: claims.length / (checkMs / 1000),
    indexMs,
    checkMs,
    confusion,
    domains: [...byDomain].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([domain, xs]) => ({ domain, n: xs.length, balanced: balancedAccuracy(xs) })),
    planted: plantedFigures(items),
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function report(r: SetResult, load: string): string {
  const lines: string[] = [];
  lines.push(`== ${r.name}: ${r.n} claims (${load})`);
  lines.push(`  3-way accuracy     ${pct(r.acc3)}`);
  lines.push(`  balanced accuracy  ${pct(r.balanced)}  (supported vs rest)`);
  lines.push(`  verdict          precision  recall     F1   predicted / gold`);
  for (const v of ['supported', 'unsupported', 'contradicted', 'not-supported'] as const) {
    const p = r.prf[v];
    if (!p) lines.push(`  ${pad(v, 15)}  ${pad('n/a', 9, true)}`);
    else
      lines.push(`  ${pad(v, 15)}  ${pad(pct(p.precision), 9, true)} ${pad(pct(p.recall), 7, true)} ${pad(pct(p.f1), 6, true)}   ${p.predicted} / ${p.gold}`);
  }
  const golds = ['supported', 'unsupported', 'contradicted', 'not-supported'].filter((g) => [...r.confusion.keys()].some((k) => k.startsWith(g + '>')));
  lines.push(`  confusion (gold -> predicted supported / unsupported / contradicted)`);
  for (const g of golds) {
    const row = (['supported', 'unsupported', 'contradicted'] as const).map((p) => r.confusion.get(`${g}>${p}`) ?? 0);
    lines.push(`    ${pad(g, 14)} ${row.map((x) => pad(String(x), 6, true)).join(' ')}`);
  }
  if (r.planted) {
    const p = r.planted;
    lines.push(`  planted errors     ${p.errors}: ${pct(p.red)} shown contradicted (red), ${pct(p.green)} shown supported (green)`);
    lines.push(`  faithful sentences ${p.faithful}: ${pct(p.faithfulFlagged)} flagged (not supported)`);
    lines.push(`  planted by kind    ${p.kinds.map((k) => `${k.kind} ${k.red}/${k.n} red${k.green ? ` ${k.green} green` : ''}`).join(', ')}`);
  }
  if (r.domains.length) lines.push(`  balanced by domain ${r.domains.map((d) => `${d.domain} ${pct(d.balanced)} (${d.n})`).join(', ')}`);
  lines.push(`  evidence recall@1  ${pct(r.r1)}   @3 ${pct(r.r3)}   (${r.withEvidence} claims with gold evidence)`);
  lines.push(`  cited quotes       ${Math.round(r.quoteMean)} characters on average, longest ${r.quoteMax}`);
  lines.push(`  speed              ${r.perSecond.toFixed(1)} claims/s (check ${(r.checkMs / 1000).toFixed(1)} s, index ${(r.indexMs / 1000).toFixed(1)} s)`);
  const t = TARGETS[r.name];
  if (t) lines.push(`  targets            ${t.map((x) => `${x.label}: ${x.met(r) ? 'met' : 'NOT met'}`).join('; ')}`);
  return lines.join('\n');
}

function table(rs: SetResult[]): string {
  const head = ['set', 'claims', '3-way', 'balanced', 'P(sup)', 'P(contr)', 'R(contr)', 'ev@1', 'ev@3', 'claims/s'];
  const rows = rs.map((r) => [
    r.name,
    String(r.n),
    pct(r.acc3),
    pct(r.balanced),
    pct(r.prf.supported?.precision),
    pct(r.prf.contradicted?.precision),
    pct(r.prf.contradicted?.recall),
    pct(r.r1),
    pct(r.r3),
    r.perSecond.toFixed(1),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row: string[]) => '| ' + row.map((c, i) => (i === 0 ? pad(c, w[i]) : pad(c, w[i], true))).join(' | ') + ' |';
  return [fmt(head), '|' + w.map((x, i) => (i === 0 ? '-'.repeat(x + 2) : '-'.repeat(x + 1) + ':')).join('|') + '|', ...rows.map(fmt)].join('\n');
}

function main() {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`eval: ${(e as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const overrides = process.env.CORROBORATE_POLICY_OVERRIDES;
  if (overrides) {
    try {
      applyPolicyOverrides(JSON.parse(overrides) as Record<string, unknown>);
    } catch (e) {
      process.stderr.write(`eval: CORROBORATE_POLICY_OVERRIDES: ${(e as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`eval: policy overrides ${overrides}\n`);
  }
  const root = datasetsRoot();
  let dirs: string[];
  try {
    if (opts.sets.length) dirs = opts.sets.map((s) => resolveSet(s, root));
    else {
      if (!fs.existsSync(root)) throw new Error(`datasets root not found: ${root} (set CORROBORATE_DATASETS)`);
      dirs = fs
        .readdirSync(root)
        .sort()
        .map((n) => path.join(root, n))
        .filter((d) => fs.existsSync(path.join(d, 'claims.jsonl')));
      if (!dirs.length) throw new Error(`no dataset folders (with claims.jsonl) in ${root}`);
    }
  } catch (e) {
    process.stderr.write(`eval: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const predictions = opts.predictions ? fs.createWriteStream(opts.predictions) : undefined;
  const t0 = performance.now();
  const results: SetResult[] = [];
  for (const d of dirs) {
    const r = runSet(d, opts, predictions);
    results.push(r);
    if (!opts.quiet) process.stdout.write(report(r, `${d}`) + '\n\n');
  }
  predictions?.end();
  process.stdout.write(table(results) + '\n');
  process.stdout.write(`total ${((performance.now() - t0) / 1000).toFixed(1)} s${opts.limit ? ` (--limit ${opts.limit})` : ''}\n`);
}

main();
