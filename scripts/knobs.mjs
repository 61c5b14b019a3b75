// No dead knobs: nudges every numeric entry of the tuning table (server/src/engine/policy.ts) either way,
// runs the eval with the nudged value (CORROBORATE_POLICY_OVERRIDES) and counts the dev-set predictions
// that change against an eval run with the table as it is. A boolean entry is flipped once.
//
//   npm run knobs [-- --only <substring>] [--jobs N] [--json <file>] [eval arguments after --]
//
// Prints one Markdown row per entry: verdicts changed and evidence changed (of N predictions) for the value
// minus and plus its step. An entry that moves nothing either way is listed at the end: remove it if its
// code path is dead, else say in its `inert` why it has no effect on the dev sets (a case not in the data).
// Run `npm run build` first (npm run knobs does).
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const only = opt('--only');
const jobs = Number(opt('--jobs', String(Math.max(1, os.cpus().length))));
const jsonOut = opt('--json');
const sep = args.indexOf('--');
const evalArgs = sep >= 0 ? args.slice(sep + 1) : [];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knobs-'));
const entries = JSON.parse(execFileSync(process.execPath, ['dist/policy.js', '--json'], { encoding: 'utf8' })).filter((e) => !only || e.name.includes(only));

function runEval(file, overrides) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (overrides) env.CORROBORATE_POLICY_OVERRIDES = JSON.stringify(overrides);
    else delete env.CORROBORATE_POLICY_OVERRIDES;
    const p = spawn(process.execPath, ['dist/eval.js', ...evalArgs, '--predictions', file, '--quiet'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`eval ${JSON.stringify(overrides)} exited ${code}: ${err.slice(-500)}`))));
  });
}

function readPredictions(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** The values tried: minus and plus the step (10% of the value, 1 for a count of 2 or more, 0.05 for 0), a boolean flipped. */
function nudges(e) {
  if (typeof e.value === 'boolean') return [{ label: String(!e.value), value: !e.value }];
  const count = Number.isInteger(e.value) && e.value >= 2 && e.step === undefined;
  const step = e.step ?? (count ? 1 : e.value === 0 ? 0.05 : Math.abs(e.value) * 0.1);
  const fix = (x) => (count ? Math.round(x) : Math.round(x * 1e6) / 1e6);
  return [
    { label: `-${fix(step)}`, value: fix(e.value - step) },
    { label: `+${fix(step)}`, value: fix(e.value + step) },
  ];
}

const base = path.join(dir, 'base.jsonl');
process.stderr.write(`knobs: ${entries.length} entries, ${jobs} at a time; baseline eval...\n`);
await runEval(base);
const before = readPredictions(base);

const tasks = [];
for (const e of entries) for (const n of nudges(e)) tasks.push({ e, n, file: path.join(dir, `${tasks.length}.jsonl`) });
let done = 0;
async function worker() {
  while (tasks.length) {
    const t = tasks.shift();
    await runEval(t.file, { [t.e.name]: t.n.value });
    const after = readPredictions(t.file);
    fs.rmSync(t.file);
    let verdicts = 0;
    let evidence = 0;
    for (let i = 0; i < before.length; i++) {
      if (!after[i] || after[i].id !== before[i].id) throw new Error(`${t.e.name}: predictions out of step at line ${i + 1}`);
      if (after[i].verdict !== before[i].verdict) verdicts++;
      else if (JSON.stringify(after[i].evidence) !== JSON.stringify(before[i].evidence)) evidence++;
    }
    (t.e.results ??= []).push({ ...t.n, verdicts, evidence });
    done++;
    process.stderr.write(`knobs: ${done} runs: ${t.e.name} = ${t.n.value}: ${verdicts} verdicts, ${evidence} citations changed\n`);
  }
}
const total = tasks.length;
await Promise.all(Array.from({ length: Math.min(jobs, total) }, worker));
fs.rmSync(dir, { recursive: true, force: true });

const lines = [
  `${before.length} predictions; per nudge: verdicts changed / citations changed (verdict the same)`,
  '',
  '| entry | value | nudges | inert note |',
  '|---|---:|---|---|',
];
const dead = [];
for (const e of entries) {
  const rs = (e.results ?? []).sort((a, b) => (a.value < b.value ? -1 : 1));
  lines.push(`| \`${e.name}\` | ${e.value} | ${rs.map((r) => `${r.value}: ${r.verdicts} / ${r.evidence}`).join('; ')} | ${e.inert ? 'yes' : ''} |`);
  if (rs.every((r) => r.verdicts === 0 && r.evidence === 0)) dead.push(e);
}
lines.push('', `No effect on the dev sets (${dead.length}):`);
for (const e of dead) lines.push(`- ${e.name}${e.inert ? ` (documented: ${e.inert})` : ' (NOT documented)'}`);
process.stdout.write(lines.join('\n') + '\n');
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(entries, null, 2) + '\n');
process.stderr.write(`knobs: ${total} runs done\n`);
