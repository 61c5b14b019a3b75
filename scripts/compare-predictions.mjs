#!/usr/bin/env node
// Compares two prediction files written by `node dist/eval.js --predictions <file>` (one JSON line
// per claim: {"id","verdict","evidence":[{"source","quote"}]}):
//
//   node scripts/compare-predictions.mjs before.jsonl after.jsonl [--list N]
//
// Prints how many claims changed verdict, as "before -> after" counts, how many kept their verdict
// but cite other evidence, the ids found in one file only, and the first N changed claims (20).
// Exit code 0: the same verdicts and evidence for the same claims; 1: something differs; 2: a usage
// or read error. (`cmp` says whether the files are byte-identical; this says what changed.)
import { readFileSync } from 'node:fs';

function usage(message) {
  process.stderr.write(`${message}\nUsage: node scripts/compare-predictions.mjs <before.jsonl> <after.jsonl> [--list N]\n`);
  process.exit(2);
}

function read(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${file}: ${e.message}`);
  }
  const byId = new Map();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let p;
    try {
      p = JSON.parse(line);
    } catch (e) {
      usage(`${file}:${i + 1}: not JSON: ${e.message}`);
    }
    if (!p || typeof p.id !== 'string' || typeof p.verdict !== 'string') usage(`${file}:${i + 1}: a line needs "id" and "verdict"`);
    if (byId.has(p.id)) usage(`${file}:${i + 1}: id ${p.id} appears twice`);
    byId.set(p.id, p);
  });
  return byId;
}

const args = process.argv.slice(2);
let list = 20;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--list') {
    list = Number(args[++i]);
    if (!Number.isInteger(list) || list < 0) usage('--list needs a whole number');
  } else if (args[i].startsWith('-')) usage(`unknown option ${args[i]}`);
  else files.push(args[i]);
}
if (files.length !== 2) usage('two prediction files are needed');

const before = read(files[0]);
const after = read(files[1]);
const evidenceKey = (p) => JSON.stringify((p.evidence ?? []).map((e) => [e.source, e.quote]));
const transitions = new Map();
const changed = [];
let evidenceOnly = 0;
let both = 0;
for (const [id, b] of before) {
  const a = after.get(id);
  if (!a) continue;
  both++;
  if (a.verdict !== b.verdict) {
    const t = `${b.verdict} -> ${a.verdict}`;
    transitions.set(t, (transitions.get(t) ?? 0) + 1);
    changed.push(`${id}: ${t}`);
  } else if (evidenceKey(a) !== evidenceKey(b)) {
    evidenceOnly++;
    changed.push(`${id}: ${a.verdict}, other evidence`);
  }
}
const onlyBefore = [...before.keys()].filter((id) => !after.has(id));
const onlyAfter = [...after.keys()].filter((id) => !before.has(id));
const verdictChanges = [...transitions.values()].reduce((s, n) => s + n, 0);

const out = [];
out.push(`claims: ${before.size} before, ${after.size} after, ${both} in both`);
const detail = [...transitions].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t, n]) => `${t} ${n}`);
out.push(`verdict changed: ${verdictChanges}${detail.length ? ` (${detail.join(', ')})` : ''}`);
out.push(`same verdict, other evidence: ${evidenceOnly}`);
out.push(`only before: ${onlyBefore.length}${onlyBefore.length ? ` (${onlyBefore.slice(0, 5).join(', ')}${onlyBefore.length > 5 ? ', ...' : ''})` : ''}`);
out.push(`only after: ${onlyAfter.length}${onlyAfter.length ? ` (${onlyAfter.slice(0, 5).join(', ')}${onlyAfter.length > 5 ? ', ...' : ''})` : ''}`);
if (changed.length && list > 0) {
  out.push(`first ${Math.min(list, changed.length)} of ${changed.length} changed claims:`);
  for (const c of changed.slice(0, list)) out.push(`  ${c}`);
}
process.stdout.write(out.join('\n') + '\n');
process.exit(changed.length || onlyBefore.length || onlyAfter.length ? 1 : 0);
