/**
 * corroborate.minConfidence end to end: the CLI flag, the .corroborate.json key and the editor
 * setting hold back findings below the confidence, and each says so (nothing is lost silently).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { makeWorkspace, NEGATED, ours, positionOf, start, SUBMARINES, SUPPORTED, uriOf } from './harness';

const CLI = path.resolve('dist/cli.js');
const DRAFT = `# Notes\n\n${SUPPORTED} ${SUBMARINES}\n\n${NEGATED}\n`;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('minConfidence: CLI, .corroborate.json and the editor', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = makeWorkspace({ 'draft.md': DRAFT });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--min-confidence 1 holds back every finding, says how many, and no longer fails; 0 shows them', () => {
    const all = run(['check', 'draft.md', '--sources', 'seeds'], dir);
    assert.equal(all.code, 1, 'the negation contradicts: exit 1 by default');
    assert.ok(all.stdout.includes('negation'), all.stdout);
    assert.ok(!all.stdout.includes('held back'), all.stdout);
    const quiet = run(['check', 'draft.md', '--sources', 'seeds', '--min-confidence', '1'], dir);
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.ok(!quiet.stdout.includes('negation'), quiet.stdout);
    assert.match(quiet.stdout, /\n2 of the skipped statements were held back: verdict confidence below minConfidence 1 \(--min-confidence 0 shows them\)\n$/);
    const json = JSON.parse(run(['check', 'draft.md', '--sources', 'seeds', '--format', 'json', '--min-confidence', '1'], dir).stdout);
    const neg = json.files[0].claims.find((c: any) => c.text === NEGATED);
    assert.equal(neg.verdict, 'skipped');
    assert.equal(neg.heldBack, true);
    assert.ok(neg.confidence > 0 && neg.confidence < 1, String(neg.confidence));
    const bad = run(['check', 'draft.md', '--sources', 'seeds', '--min-confidence', '3'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-confidence needs a number from 0 to 1, not '3'/);
  });

  it('.corroborate.json minConfidence applies, and the flag overrides it', () => {
    fs.writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ minConfidence: 1 }));
    const fromFile = run(['check', 'draft.md', '--sources', 'seeds', '--format', 'sarif'], dir);
    assert.equal(fromFile.code, 0, fromFile.stdout);
    assert.deepEqual(JSON.parse(fromFile.stdout).runs[0].results, []);
    const flag = run(['check', 'draft.md', '--sources', 'seeds', '--format', 'sarif', '--min-confidence', '0'], dir);
    assert.equal(flag.code, 1);
    const results = JSON.parse(flag.stdout).runs[0].results;
    const neg = results.find((x: any) => x.ruleId === 'negation');
    assert.ok(neg && neg.properties.confidence > 0 && neg.properties.confidence < 1, JSON.stringify(results));
    assert.equal(neg.rank, Math.round(neg.properties.confidence * 1000) / 10);
  });

  it('the editor setting: no squiggle below it, and the hover says it was held back', async () => {
    const client = await start({ folder: dir, settings: { sources: ['seeds'], debounceMs: 0, minConfidence: 1 } });
    try {
      const file = path.join(dir, 'draft.md');
      const uri = uriOf(file);
      const pub = client.diagnostics(uri);
      client.open(file, DRAFT);
      assert.deepEqual(ours((await pub).diagnostics), []);
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'not exploratory') });
      const md = (h.contents as { value: string }).value;
      assert.match(md, /✗ contradicted, (high|medium|low) confidence \(0\.\d\d\)/);
      assert.ok(md.includes('Held back: its confidence') && md.includes('below corroborate.minConfidence (1)'), md);
    } finally {
      await client.stop();
    }
  });
});
