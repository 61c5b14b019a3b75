/**
 * createServer(connection) builds a whole server with its own state: two servers in one process,
 * over in-memory connections, keep their settings, indexes and debounce apart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace, NEGATED, on, startInProcess, SUBMARINES, SUPPORTED, uriOf, type Client } from './harness';

const DRAFT = `${SUPPORTED}\n\n${SUBMARINES}\n\n${NEGATED}\n`;

describe('in process: two servers side by side', function () {
  this.timeout(30_000);
  const folders: string[] = [];
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
  });

  it('each keeps its own settings and index', async () => {
    const a = makeWorkspace({ 'draft.md': DRAFT, '.corroborate.json': JSON.stringify({ severity: { negation: 'hint' } }) });
    const b = makeWorkspace({ 'draft.md': DRAFT, 'notes/extra.txt': 'The partnership includes nuclear submarines, officials said.\n' });
    folders.push(a, b);
    const ca = await startInProcess({ folder: a, settings: { sources: ['seeds'], debounceMs: 0, holdBackMs: 0 } });
    clients.push(ca);
    const cb = await startInProcess({ folder: b, settings: { sources: ['seeds', 'notes'], debounceMs: 0, holdBackMs: 0 } });
    clients.push(cb);
    assert.notEqual(ca.server!.state, cb.server!.state);
    const ua = uriOf(path.join(a, 'draft.md'));
    const ub = uriOf(path.join(b, 'draft.md'));
    const pa = ca.diagnostics(ua);
    const pb = cb.diagnostics(ub);
    ca.open(path.join(a, 'draft.md'), DRAFT);
    cb.open(path.join(b, 'draft.md'), DRAFT);
    const da = (await pa).diagnostics;
    const db = (await pb).diagnostics;
    assert.equal(on(DRAFT, 'not exploratory')(da)?.severity, 4, 'negation is a hint in folder a');
    assert.equal(on(DRAFT, 'not exploratory')(db)?.severity, 1, 'negation is an error in folder b');
    assert.ok(on(DRAFT, 'nuclear submarines')(da), 'unsupported in folder a');
    assert.ok(!on(DRAFT, 'nuclear submarines')(db), 'folder b has a source for it');
    assert.deepEqual([...ca.server!.state.folders.keys()], [uriOf(a)]);
    assert.deepEqual([...cb.server!.state.folders.keys()], [uriOf(b)]);
    assert.equal(cb.server!.state.folders.get(uriOf(b))!.index.fileCount, 2);
    assert.equal(ca.server!.state.folders.get(uriOf(a))!.index.fileCount, 1);
  });

  it('collapses a burst of changes into checks of the newest version only', async () => {
    const a = makeWorkspace({ 'draft.md': DRAFT });
    folders.push(a);
    const c = await startInProcess({ folder: a, settings: { sources: ['seeds'], debounceMs: 50, holdBackMs: 0 } });
    clients.push(c);
    const uri = uriOf(path.join(a, 'draft.md'));
    const first = c.diagnostics(uri);
    c.open(path.join(a, 'draft.md'), DRAFT);
    await first;
    const last = c.diagnostics(uri, (_d, p) => p.version === 6);
    for (let i = 0; i < 5; i++) c.change(uri, `${DRAFT}\nEdit number ${i}.\n`);
    await last;
    const versions = c.log.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params.version);
    assert.deepEqual(versions, [1, 6], 'only the newest version is checked after the pause');
  });
});
