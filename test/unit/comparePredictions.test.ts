import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// scripts/compare-predictions.mjs (CONTRIBUTING.md: comparing eval predictions before and after a change)
const SCRIPT = path.resolve('scripts/compare-predictions.mjs');

function line(id: string, verdict: string, quote: string): string {
  return JSON.stringify({ id, verdict, evidence: [{ source: 'sources/a.txt', quote }] });
}

describe('scripts/compare-predictions.mjs', () => {
  let dir: string;
  const write = (name: string, lines: string[]): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, lines.join('\n') + '\n');
    return f;
  };
  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 10000 });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-compare-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const before = [
    line('set-1', 'supported', 'The bridge opened in spring.'),
    line('set-2', 'unsupported', 'Ferries ran twice a day.'),
    line('set-3', 'contradicted', 'The toll was two coins.'),
    line('set-4', 'supported', 'The mayor cut the ribbon.'),
  ];

  it('exits 0 and counts no change on equal predictions', () => {
    const r = run(write('a.jsonl', before), write('b.jsonl', before));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^claims: 4 before, 4 after, 4 in both$/m);
    assert.match(r.stdout, /^verdict changed: 0$/m);
    assert.match(r.stdout, /^same verdict, other evidence: 0$/m);
  });

  it('names verdict changes, evidence changes and ids found in one file only, and exits 1', () => {
    const after = [
      line('set-1', 'unsupported', 'The bridge opened in spring.'),
      line('set-2', 'unsupported', 'Ferries ran three times a day.'),
      line('set-3', 'supported', 'The toll was two coins.'),
      line('set-5', 'supported', 'Crowds lined the river.'),
    ];
    const r = run(write('a.jsonl', before), write('b.jsonl', after));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^claims: 4 before, 4 after, 3 in both$/m);
    assert.match(r.stdout, /^verdict changed: 2 \(contradicted -> supported 1, supported -> unsupported 1\)$/m);
    assert.match(r.stdout, /^same verdict, other evidence: 1$/m);
    assert.match(r.stdout, /^only before: 1 \(set-4\)$/m);
    assert.match(r.stdout, /^only after: 1 \(set-5\)$/m);
    assert.match(r.stdout, /^ {2}set-1: supported -> unsupported$/m);
    assert.match(r.stdout, /^ {2}set-2: unsupported, other evidence$/m);
  });

  it('exits 2 on a bad line or a missing file', () => {
    const bad = run(write('a.jsonl', before), write('b.jsonl', ['{"id": "x"']));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /b\.jsonl:1: not JSON/);
    const missing = run(write('a.jsonl', before), path.join(dir, 'none.jsonl'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});
