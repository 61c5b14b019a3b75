/**
 * First run: no source folder configured and no seeds/. The usual folder names are looked for
 * (sources/, references/, research/, notes/); without one, the editor is asked once to show the notice
 * "No sources indexed: choose a folder", and no statement is marked unsupported. The CLI says which
 * folder it used.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO, start, textAt, uriOf, type Client } from './harness';

const CLI = path.join(REPO, 'dist', 'cli.js');
const SOURCE = 'The ferry to Quillan Island leaves at seven every morning and takes forty minutes.\n';
const DRAFT = 'The ferry to Quillan Island takes ninety minutes.\n';

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-first-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('first run: no source folder configured, no seeds/', function () {
  this.timeout(30_000);
  let dir: string | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cli: uses research/ and says so; with no usual folder, exit 2 naming what it looked for', () => {
    dir = folderWith({ 'research/ferry.txt': SOURCE, 'notes/other.txt': 'Unrelated.\n', 'draft.md': DRAFT });
    const r = spawnSync(process.execPath, [CLI, 'check', 'draft.md'], { cwd: dir, encoding: 'utf8' });
    // research/ comes before notes/
    assert.equal(r.stderr, 'corroborate: no --sources given: using ./research\n');
    assert.match(r.stdout, /^draft\.md:1:35: warning: unsupported: no source carries 'ninety' \[research\/ferry\.txt:1\]$/m);
    const empty = folderWith({ 'draft.md': DRAFT });
    try {
      const e = spawnSync(process.execPath, [CLI, 'check', 'draft.md'], { cwd: empty, encoding: 'utf8' });
      assert.equal(e.status, 2);
      assert.equal(e.stderr, 'corroborate: no --sources given and no source folder here (looked for ./seeds, ./sources, ./references, ./research, ./notes)\n');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('server: indexes notes/ when there is no seeds/, and says so in the log', async () => {
    dir = folderWith({ 'notes/ferry.txt': SOURCE, 'draft.txt': DRAFT });
    client = await start({ folder: dir, settings: { debounceMs: 0 } });
    const uri = uriOf(path.join(dir, 'draft.txt'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });
    const p = await client.diagnostics(uri, (ds: Diagnostic[]) => ds.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d: Diagnostic) => textAt(DRAFT, d.range)),
      ['ninety'],
    );
    const logs = client.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    assert.ok(
      logs.some((m) => m.includes('no source folder configured and no seeds/: using notes/')),
      logs.join('\n'),
    );
    assert.equal(client.log.filter((m) => m.method === 'corroborate/noSources').length, 0);
  });

  it('server: with no folder to index, one corroborate/noSources notice, no popup about seeds, and no statement marked', async () => {
    dir = folderWith({ 'draft.txt': DRAFT });
    client = await start({ folder: dir, settings: { debounceMs: 0 } });
    const uri = uriOf(path.join(dir, 'draft.txt'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });
    const p = await client.diagnostics(uri, () => true);
    assert.deepEqual(p.diagnostics, []);
    const notices = client.log.filter((m) => m.method === 'corroborate/noSources');
    assert.equal(notices.length, 1);
    assert.deepEqual(notices[0].params, { folderUri: uriOf(dir), looked: ['sources', 'references', 'research', 'notes'] });
    assert.equal(client.log.filter((m) => m.method === 'window/showMessage').length, 0, 'the notice replaces the "seeds not found" warning');
    // a re-index does not notify again
    await client.request('corroborate/reindex', {});
    assert.equal(client.log.filter((m) => m.method === 'corroborate/noSources').length, 1);
  });
});
