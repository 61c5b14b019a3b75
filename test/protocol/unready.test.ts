/**
 * No check against an unready index: a draft opened right after `initialized`, while the first
 * index is still being built, gets its first diagnostics from the ready index, never a wall of
 * `unsupported` that vanishes a moment later.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, makeWorkspace, NEGATED, on, ours, SUBMARINES, SUPPORTED, uriOf } from './harness';
import { StatusNotification } from '../../server/src/protocol';

describe('a draft opened while the first index is built', function () {
  this.timeout(30_000);
  let dir: string;
  let client: Client | undefined;

  beforeEach(() => {
    // many source files make the first index take a while: the draft is opened well before it is ready
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++)
      files[`seeds/extra/notes-${i}.txt`] = `Note ${i}: the harbour committee met on a Tuesday and discussed the ferry timetable number ${i}.\n`;
    dir = makeWorkspace(files);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is first published against the ready index (didOpen right after initialized)', async () => {
    const text = `${SUPPORTED}\n\n${SUBMARINES}\n\n${NEGATED}\n`;
    client = new Client({ folder: dir, settings: { sources: ['seeds'], debounceMs: 0, holdBackMs: 0 } });
    const c = client;
    const uri = uriOf(path.join(dir, 'draft.md'));
    const first = c.diagnostics(uri);
    // initialize, initialized and didOpen at once, as an editor restoring its open tabs does
    await c.initialize(() => c.open(path.join(dir, 'draft.md'), text));
    const ds = (await first).diagnostics;
    const readyAt = c.log.findIndex((n) => n.method === StatusNotification.method && n.params.state === 'ready');
    const publishedAt = c.log.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.ok(readyAt >= 0 && publishedAt > readyAt, `first diagnostics (at ${publishedAt}) come after the index is ready (at ${readyAt})`);
    const claims = ours(ds).map((d) => `${(d.data as any).verdict}: ${(d.data as any).claim.text}`);
    assert.ok(!claims.some((x) => x.endsWith(SUPPORTED)), `the supported statement is not flagged: ${claims.join(' | ')}`);
    assert.ok(on(text, 'not exploratory')(ds), `the contradiction is found at once: ${claims.join(' | ')}`);
    assert.deepEqual(
      claims.filter((x) => x.startsWith('unsupported')),
      [`unsupported: ${SUBMARINES}`],
      'only the submarines statement is unsupported',
    );
  });
});
