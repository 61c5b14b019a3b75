/**
 * A cloned repository cannot harm the writer (issue 14), through the CLI and the language server
 * as they run: a symlinked, device, FIFO or invalid `.corroborate.json`, a cache linked to
 * /dev/zero, sources outside the checkout. Each case reproduces the attack and asserts the safe
 * outcome within a bounded time (processes are spawned with a timeout; no loop is unbounded).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeWorkspace, SUPPORTED, SUBMARINES } from './harness';

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
