/**
 * The persisted index through the LSP: a server given a storage folder saves its index there; the next
 * start loads it (a warm start), re-reads a changed source, and discards a corrupt cache.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeWorkspace, SEED, start, textAt, uriOf, type Client } from './harness';

const DRAFT = 'The framework envisions joint work on jet engine technology and nuclear submarines.\n';

describe('protocol: persisted index in the storage folder', function () {
  this.timeout(30_000);
  let folder: string;
  let storage: string;
  let client: Client | undefined;

  beforeEach(() => {
    folder = makeWorkspace({ 'draft.txt': DRAFT });
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-storage-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  async function run(pred: (ds: Diagnostic[]) => boolean = (ds) => ds.length > 0): Promise<{ messages: string[]; words: string[] }> {
    client = await start({ folder, settings: { sources: ['seeds'], debounceMs: 0 }, initializationOptions: { storageDir: storage } });
    const uri = uriOf(path.join(folder, 'draft.txt'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: DRAFT } });
    const p = await client.diagnostics(uri, pred);
    const messages = client.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    const words = p.diagnostics.map((d: Diagnostic) => textAt(DRAFT, d.range));
    await client.stop();
    client = undefined;
    return { messages, words };
  }

  it('saves the index, loads it on the next start, and gives the same findings', async () => {
    const cold = await run();
    assert.ok(
      cold.messages.some((m) => /index cache cold/.test(m)),
      cold.messages.join('\n'),
    );
    const caches = fs.readdirSync(storage).filter((n) => n.startsWith('index-'));
    assert.equal(caches.length, 1, 'one cache folder for the workspace folder');
    const warm = await run();
    assert.ok(
      warm.messages.some((m) => /index cache warm: 1 files reused, 0 read/.test(m)),
      warm.messages.join('\n'),
    );
    assert.deepEqual(warm.words, cold.words);
    assert.deepEqual(cold.words, ['nuclear submarines']);
  });

  it('re-reads a source changed since the cache was saved', async () => {
    await run();
    const seed = path.join(folder, 'seeds', SEED);
    fs.appendFileSync(seed, '\nThe two countries will also build nuclear submarines together.\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(seed, later, later);
    const after = await run(() => true);
    assert.ok(
      after.messages.some((m) => /index cache warm: 0 files reused, 1 read/.test(m)),
      after.messages.join('\n'),
    );
    assert.ok(!after.words.includes('nuclear submarines'), 'the changed source now carries the words: ' + after.words.join(', '));
  });

  it('discards a corrupt cache and rebuilds it', async () => {
    const cold = await run();
    const dir = path.join(
      storage,
      fs.readdirSync(storage).find((n) => n.startsWith('index-'))!,
    );
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    const bytes = fs.readFileSync(file);
    for (let i = 64; i < bytes.length; i += 97) bytes[i] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const again = await run();
    assert.ok(
      again.messages.some((m) => /index cache discarded/.test(m)),
      again.messages.join('\n'),
    );
    assert.deepEqual(again.words, cold.words);
  });
});
