/**
 * A cloned repository cannot harm the writer (issue 14), through the CLI and the language server
 * as they run: a symlinked, device, FIFO or invalid `.corroborate.json`, a cache linked to
 * /dev/zero, sources outside the checkout. Each case reproduces the attack and asserts the safe
 * outcome within a bounded time (processes are spawned with a timeout; no loop is unbounded).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { CMD_HIDE } from '../../server/src/codeActions';
import { ListDraftsRequest, ReindexRequest, StatusNotification, TrustNotification } from '../../server/src/protocol';
import { applyEdits, makeWorkspace, NEGATED, on, positionOf, SERVER, start, SUPPORTED, SUBMARINES, textAt, uriOf, type Client } from './harness';

const CLI = path.resolve('dist/cli.js');
const posix = process.platform !== 'win32';
const DRAFT = `${SUPPORTED} ${SUBMARINES}\n`;
/** Words only the outside file holds: they must never reach any output. */
const PRIVATE = 'Marguerite keeps the spare key under the blue flowerpot.';

function run(args: string[], cwd: string, timeout = 30_000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', CLI, ...args], { cwd, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0, signal: r.signal };
}

function mkfifo(p: string): boolean {
  try {
    execFileSync('mkfifo', [p]);
    return true;
  } catch {
    return false;
  }
}

describe('hostile workspace: the CLI', function () {
  this.timeout(60_000);
  let ws: string;
  let outside: string;
  beforeEach(() => {
    ws = makeWorkspace({ 'draft.md': DRAFT });
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-home-'));
  });
  afterEach(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a .corroborate.json linked outside is refused (exit 2), its target neither read nor changed', function () {
    if (!posix) this.skip();
    const target = path.join(outside, '.bashrc');
    fs.writeFileSync(target, `# ${PRIVATE}\n`);
    fs.symlinkSync(target, path.join(ws, '.corroborate.json'));
    const r = run(['check', 'draft.md', '--fail-on', 'none'], ws);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\.corroborate\.json: a link to a file outside/);
    assert.ok(!(r.stdout + r.stderr).includes('flowerpot'));
    assert.equal(fs.readFileSync(target, 'utf8'), `# ${PRIVATE}\n`);
  });

  it('a .corroborate.json linked to /dev/zero or a FIFO: exit 2 at once, memory bounded', function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    fs.symlinkSync('/dev/zero', path.join(ws, '.corroborate.json'));
    const z = run(['check', 'draft.md'], ws, 20_000);
    assert.equal(z.signal, null, 'not killed by the timeout');
    assert.equal(z.code, 2, z.stderr);
    assert.ok(z.ms < 10_000, `${z.ms} ms`);
    fs.rmSync(path.join(ws, '.corroborate.json'));
    if (!mkfifo(path.join(ws, '.corroborate.json'))) return;
    const f = run(['check', 'draft.md'], ws, 20_000);
    assert.equal(f.signal, null, 'not hung on the FIFO');
    assert.equal(f.code, 2, f.stderr);
    assert.match(f.stderr, /FIFO/);
  });

  it('reads JSONC (comments, trailing commas, BOM); an invalid file is exit 2 with line and column', () => {
    const file = path.join(ws, '.corroborate.json');
    fs.writeFileSync(file, '\ufeff{\n  // the story notes\n  "sources": ["seeds",],\n}\n');
    const ok = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], ws);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(JSON.parse(ok.stdout).files.length === 1);
    const bad = '{\n  "sources": ["seeds"]\n  "severity": {}\n}\n';
    fs.writeFileSync(file, bad);
    const r = run(['check', 'draft.md'], ws);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^corroborate: \.corroborate\.json:3:3: invalid JSON: comma expected/);
    assert.equal(fs.readFileSync(file, 'utf8'), bad);
  });

  it('sources outside the working folder are refused unless --allow-outside (item 9)', function () {
    const notes = path.join(outside, 'notes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'private.txt'), `${PRIVATE}\n`);
    fs.writeFileSync(path.join(ws, '.corroborate.json'), JSON.stringify({ sources: ['seeds', notes, path.relative(ws, notes)] }));
    const r = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], ws);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /source folder outside the workspace refused: .*notes \(give --allow-outside to read it\)/);
    assert.ok(!r.stdout.includes('flowerpot') && !r.stdout.includes('private.txt'));
    // only outside folders: nothing to read
    fs.writeFileSync(path.join(ws, '.corroborate.json'), JSON.stringify({ sources: [notes] }));
    const none = run(['check', 'draft.md'], ws);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no source folder inside/);
    // a link inside the checkout to a folder outside it: refused the same way
    if (posix) {
      fs.symlinkSync(notes, path.join(ws, 'linked'));
      const l = run(['check', 'draft.md', '--sources', 'linked', '--sources', 'seeds', '--format', 'json', '--fail-on', 'none'], ws);
      assert.equal(l.code, 0, l.stderr);
      assert.match(l.stderr, /refused: .*linked/);
      assert.ok(!l.stdout.includes('flowerpot'));
    }
    const allowed = run(['check', 'draft.md', '--sources', notes, '--allow-outside', '--format', 'json', '--fail-on', 'none'], ws);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.ok(!/refused/.test(allowed.stderr));
  });

  it('a cache file linked to /dev/zero is discarded and rebuilt, never read', function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    const cache = path.join(ws, '.cache');
    fs.mkdirSync(cache);
    fs.symlinkSync('/dev/zero', path.join(cache, 'index.bin'));
    fs.writeFileSync(path.join(cache, 'index.bin.999999999.abc.tmp'), 'left by a full disk');
    const r = run(['check', 'draft.md', '--cache', '.cache', '--format', 'json', '--fail-on', 'none'], ws, 30_000);
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /index cache discarded \(index\.bin: a link to a file outside/);
    assert.ok(fs.lstatSync(path.join(cache, 'index.bin')).isFile(), 'rebuilt as a regular file');
    assert.deepEqual(fs.readdirSync(cache), ['index.bin'], 'the stale temporary file is removed');
    const warm = run(['check', 'draft.md', '--cache', '.cache', '--format', 'json', '--fail-on', 'none'], ws);
    assert.equal(warm.code, 0);
    assert.ok(!/discarded/.test(warm.stderr));
  });
});

/** Resident memory of a process, in MB (Linux /proc; undefined elsewhere). */
function rssMB(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const shown = (c: Client) => c.log.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);

describe('hostile workspace: the language server', function () {
  this.timeout(60_000);
  let ws: string;
  let outside: string;
  let c: Client | undefined;
  beforeEach(() => {
    ws = makeWorkspace({ 'draft.md': DRAFT });
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-home-'));
  });
  afterEach(async () => {
    await c?.stop();
    c = undefined;
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Opens the draft, waits for its findings, and asks for the "Hide this finding" command of the SUBMARINES one. */
  async function hideCommand(client: Client): Promise<{ uri: string; command: CodeAction['command'] }> {
    const uri = uriOf(path.join(ws, 'draft.md'));
    const pub = client.diagnostics(uri, (d) => !!on(DRAFT, 'nuclear submarines')(d));
    client.open(path.join(ws, 'draft.md'), DRAFT);
    const d = on(DRAFT, 'nuclear submarines')((await pub).diagnostics) as Diagnostic;
    const acts = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const act = acts.find((a) => a.title.startsWith('Hide this finding'));
    assert.ok(act?.command && act.command.command === CMD_HIDE);
    return { uri, command: act.command };
  }

  it('item 1: a .corroborate.json linked outside is not applied, and "Hide this finding" never writes through it', async function () {
    if (!posix) this.skip();
    const target = path.join(outside, 'settings.json');
    const original = `{"sources": ["nowhere-${'x'.repeat(8)}"], "note": "${PRIVATE}"}\n`;
    fs.writeFileSync(target, original);
    fs.symlinkSync(target, path.join(ws, '.corroborate.json'));
    c = await start({ folder: ws, settings: { debounceMs: 0 } });
    assert.ok(
      shown(c).some((m) => /\.corroborate\.json: a link to a file outside/.test(m)),
      shown(c).join('\n'),
    );
    assert.ok(!shown(c).some((m) => m.includes('nowhere-')), 'the outside settings are not applied');
    assert.ok(!c.stderr.includes('flowerpot') && !JSON.stringify(c.log).includes('flowerpot'), 'the outside file is not echoed');
    const { command } = await hideCommand(c);
    const refused = c.waitFor('window/showMessage', (p: { message: string }) => /not saved/.test(p.message), 'refusal');
    await c.request('workspace/executeCommand', command);
    assert.match((await refused).message, /the hidden finding was not saved: \.corroborate\.json: a link to a file outside/);
    assert.equal(fs.readFileSync(target, 'utf8'), original, 'the outside file is unchanged');
    assert.ok(fs.lstatSync(path.join(ws, '.corroborate.json')).isSymbolicLink());
  });

  it('item 2: .corroborate.json and the cache linked to /dev/zero: ready, a hover within 1 s, under 300 MB', async function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    fs.symlinkSync('/dev/zero', path.join(ws, '.corroborate.json'));
    const storage = path.join(outside, 'storage');
    fs.mkdirSync(storage);
    // a first start writes the folder's cache; then every index.bin under the storage folder is
    // replaced by a link to /dev/zero
    c = await start({ folder: ws, settings: { debounceMs: 0 }, initializationOptions: { storageDir: storage } });
    const caches: string[] = [];
    const walk = (d: string, depth: number) => {
      if (depth > 4) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name), depth + 1);
        else if (e.name === 'index.bin') caches.push(path.join(d, e.name));
      }
    };
    await c.stop();
    walk(storage, 0);
    assert.ok(caches.length >= 1, 'the first start wrote a cache');
    for (const f of caches) {
      fs.rmSync(f);
      fs.symlinkSync('/dev/zero', f);
    }
    c = await start({ folder: ws, settings: { debounceMs: 0 }, initializationOptions: { storageDir: storage } });
    const uri = uriOf(path.join(ws, 'draft.md'));
    const pub = c.diagnostics(uri);
    c.open(path.join(ws, 'draft.md'), DRAFT);
    await pub;
    const t0 = Date.now();
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'closer defense') });
    assert.ok(Date.now() - t0 < 1000, `hover took ${Date.now() - t0} ms`);
    assert.match((h.contents as { value: string }).value, /supported/);
    assert.ok(
      c.log.some((n) => n.method === 'window/logMessage' && /index cache discarded \(index\.bin: a link to a file outside/.test(n.params.message)),
      'the linked cache is discarded, not read',
    );
    const rss = rssMB(c.proc.pid);
    if (rss !== undefined) assert.ok(rss < 300, `${rss.toFixed(0)} MB`);
    assert.ok(
      shown(c).some((m) => /\.corroborate\.json: a link to a file outside/.test(m)),
      shown(c).join('\n'),
    );
  });

  it('item 2: a FIFO as .corroborate.json does not hang the server', async function () {
    if (!posix || !mkfifo(path.join(ws, '.corroborate.json'))) this.skip();
    c = await start({ folder: ws, settings: { debounceMs: 0 } });
    assert.ok(
      shown(c).some((m) => /\.corroborate\.json: a FIFO/.test(m)),
      shown(c).join('\n'),
    );
    const r = await c.request<{ files: number }>(ReindexRequest.method, {});
    assert.ok(r.files >= 1);
  });

  it('item 3: an invalid .corroborate.json is reported once with line and column and never overwritten', async () => {
    const file = path.join(ws, '.corroborate.json');
    const bad = '{\n  "sources": ["seeds"],\n  "severity": {"number": "hint"} "drafts": []\n}\n';
    fs.writeFileSync(file, bad);
    c = await start({ folder: ws, settings: { debounceMs: 0 } });
    await c.request(ReindexRequest.method, {});
    const msgs = shown(c).filter((m) => m.includes('.corroborate.json'));
    assert.equal(msgs.length, 1, msgs.join('\n'));
    assert.match(msgs[0], /\.corroborate\.json:3:34: invalid JSON: comma expected/);
    const { command } = await hideCommand(c);
    const refused = c.waitFor('window/showMessage', (p: { message: string }) => /not saved/.test(p.message), 'refusal');
    await c.request('workspace/executeCommand', command);
    assert.match((await refused).message, /\.corroborate\.json:3:34: invalid JSON/);
    assert.equal(fs.readFileSync(file, 'utf8'), bad, 'never overwritten');
    // JSONC is valid: comments, a trailing comma and a BOM; hiding keeps the comment
    fs.writeFileSync(file, '\ufeff{\n  // our notes\n  "sources": ["seeds",],\n}\n');
    await c.request(ReindexRequest.method, {});
    const uri = uriOf(path.join(ws, 'draft.md'));
    const gone = c.diagnostics(uri, (d) => !on(DRAFT, 'nuclear submarines')(d));
    await c.request('workspace/executeCommand', command);
    await gone;
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.includes('// our notes') && after.includes('"hidden"'), after);
    assert.deepEqual(
      fs.readdirSync(ws).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });

  it('items 6 and 7: a backtracking drafts glob answers at once; 4,000 deletions do not block the server', async function () {
    const src = path.join(ws, 'bulk');
    for (let d = 0; d < 40; d++) {
      fs.mkdirSync(path.join(src, `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(src, `d${d}`, `f${f}.txt`), `Ledger ${d} page ${f} lists ${d * 100 + f} crates.\n`);
    }
    fs.writeFileSync(path.join(ws, 'a'.repeat(200) + '.md'), 'A long-named draft.\n');
    const evil = '*a'.repeat(30) + '*b';
    fs.writeFileSync(path.join(ws, '.corroborate.json'), JSON.stringify({ sources: ['seeds', 'bulk'], drafts: [evil, 'x{y'] }));
    c = await start({ folder: ws, settings: { debounceMs: 0 }, dynamicWatch: true, timeoutMs: 30_000 });
    const before = await c.request<{ files: number }>(ReindexRequest.method, {});
    assert.ok(before.files >= 4000);
    let t0 = Date.now();
    const msg = c.waitFor('window/showMessage', (p: { message: string }) => /invalid glob "x\{y"/.test(p.message), 'invalid glob message');
    const list = await c.request<{ folders: { files: string[] }[] }>(ListDraftsRequest.method, {});
    assert.ok(Date.now() - t0 < 2000, `listDrafts ${Date.now() - t0} ms`);
    assert.deepEqual(list.folders[0].files, []);
    await msg;
    fs.rmSync(src, { recursive: true });
    const changes: { uri: string; type: number }[] = [];
    for (let d = 0; d < 40; d++) for (let f = 0; f < 100; f++) changes.push({ uri: uriOf(path.join(src, `d${d}`, `f${f}.txt`)), type: 3 });
    t0 = Date.now();
    const done = c.waitFor(StatusNotification.method, (s: { state: string; files: number }) => s.state === 'ready' && s.files < 100, 'status after deletions');
    c.notify('workspace/didChangeWatchedFiles', { changes });
    await done;
    assert.ok(Date.now() - t0 < 5000, `4,000 deletions: ${Date.now() - t0} ms`);
  });

  it('item 11: 400 missing source folders give one pop-up, not 400', async () => {
    const missing = Array.from({ length: 400 }, (_, i) => `gone-${i}`);
    c = await start({ folder: ws, settings: { sources: ['seeds', ...missing], debounceMs: 0 } });
    const popups = shown(c).filter((m) => /not found/.test(m));
    assert.equal(popups.length, 1, popups.join('\n'));
    assert.match(popups[0], /gone-0, .*gone-1, .*gone-2 and 397 more \(the output lists each\)/);
    const logged = c.log.filter((n) => n.method === 'window/logMessage' && /gone-\d+/.test(n.params.message));
    assert.ok(logged.length >= 400, `${logged.length} log lines`);
  });

  it('item 11: trust changes only for an explicit boolean', async () => {
    fs.mkdirSync(path.join(outside, 'notes'));
    fs.writeFileSync(path.join(outside, 'notes', 'n.txt'), `${PRIVATE}\n`);
    c = await start({
      folder: ws,
      settings: { sources: ['seeds', path.join(outside, 'notes')], allowSourcesOutsideWorkspace: true, debounceMs: 0 },
      initializationOptions: { trusted: false },
    });
    const inside = (await c.request<{ files: number }>(ReindexRequest.method, {})).files;
    for (const trusted of [null, {}, 'no', 0, 1, 'true']) c.notify(TrustNotification.method, { trusted });
    c.notify(TrustNotification.method, {});
    assert.equal((await c.request<{ files: number }>(ReindexRequest.method, {})).files, inside, 'still untrusted');
    assert.ok(/must be true or false/.test(c.stderr) || c.log.some((n) => n.method === 'window/logMessage' && /must be true or false/.test(n.params.message)));
    const ready = c.waitFor(
      StatusNotification.method,
      (s: { state: string; files: number }) => s.state === 'ready' && s.files === inside + 1,
      'status after trust',
    );
    c.notify(TrustNotification.method, { trusted: true });
    await ready;
  });

  it('item 4: a fix asked for with diagnostics from before an edit above them lands right, or is dropped', async () => {
    const v1 = `# Notes\n\n${SUPPORTED}\n\n${NEGATED}\n`;
    c = await start({ folder: ws, settings: { debounceMs: 0 } });
    const file = path.join(ws, 'notes.md');
    const uri = uriOf(file);
    const first = c.diagnostics(uri, (d) => !!on(v1, 'not exploratory')(d));
    c.open(file, v1);
    const stale = on(v1, 'not exploratory')((await first).diagnostics)!;
    // the writer adds lines above the finding; the editor still holds the old diagnostic
    const v2 = `# Notes\n\nAn added opening line about the weather.\nAnd three more words.\n\n${SUPPORTED}\n\n${NEGATED}\n`;
    c.change(uri, v2);
    const acts = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } });
    const fix = acts.find((a) => a.title.startsWith("Use the source's words"));
    assert.ok(fix?.edit?.changes, acts.map((a) => a.title).join(' | '));
    assert.equal(applyEdits(v2, fix.edit.changes[uri]), v2.replace(NEGATED, 'The talks are exploratory.'));
    const cite = acts.find((a) => a.title.startsWith('Cite the source'))!;
    const cited = applyEdits(v2, cite.edit!.changes![uri]);
    assert.ok(cited.includes(`${NEGATED}[^1]`), cited);
    // the statement itself was rewritten: the old fix has nothing to apply to, only "hide" is offered
    const v3 = `# Notes\n\n${SUPPORTED}\n\nThe talks are not exploratory, officials said again.\n`;
    c.change(uri, v3);
    const acts3 = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } });
    assert.ok(!acts3.some((a) => a.edit), acts3.map((a) => a.title).join(' | '));
    assert.ok(acts3.some((a) => a.title.startsWith('Hide this finding')));
    assert.equal(textAt(v1, stale.range), 'not exploratory');
  });

  it('item 11: malformed framing is logged and the connection closed (exit 1), not wedged', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stdin.write('Content-Length: lots\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') proc.kill();
    assert.equal(code, 1, stderr);
    assert.match(stderr, /malformed message framing from the client: Content-Length value must be a number/);
  });

  it('item 11: requests after shutdown get InvalidRequest', async () => {
    c = await start({ folder: ws, settings: { debounceMs: 0 } });
    await c.request('shutdown', null);
    await assert.rejects(c.request(ReindexRequest.method, {}), (e: { code?: number }) => e.code === -32600);
    await assert.rejects(
      c.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(ws, 'draft.md')) }, position: { line: 0, character: 0 } }),
      (e: { code?: number }) => e.code === -32600,
    );
  });
});
