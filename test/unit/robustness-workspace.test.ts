/**
 * A hostile workspace (issue 14): files of a cloned repository that are links out of it, device
 * files, FIFOs, huge or invalid are never followed, never read without bound, never block and are
 * never written over. Every loop here is bounded; every case runs in well under its timeout.
 */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_FILE, parseProjectText, readProjectFile, updateProjectFile } from '../../server/src/workspace/projectFile';
import { PROJECT_FILE_MAX_BYTES, readFileSafe, removeStaleTemps, writeFileAtomic } from '../../server/src/workspace/safeFs';
import { SourceIndex } from '../../server/src/engine';
import { indexFile, loadSources } from '../../server/src/workspace/corpus';
import { ADD_SLICE_SENTENCES } from '../../server/src/engine/sourceIndex';
import { readDraft } from '../../server/src/workspace/drafts';
import { ReadAhead } from '../../server/src/workspace/reader';
import { listSourceFiles, type SourceProblem } from '../../server/src/workspace/sources';
import { CACHE_FILE, loadSourcesCached } from '../../server/src/workspace/persist';

const posix = process.platform !== 'win32';

function mkfifo(p: string): boolean {
  try {
    execFileSync('mkfifo', [p]);
    return true;
  } catch {
    return false;
  }
}

describe('hostile workspace: safe reads and writes (safeFs)', () => {
  let base: string;
  let ws: string;
  let outside: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-hostile-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'home');
    fs.mkdirSync(ws);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('reads a regular file inside the root, and a link to one inside it', () => {
    fs.writeFileSync(path.join(ws, 'a.txt'), 'inside words');
    const r = readFileSafe(path.join(ws, 'a.txt'), { root: ws, maxBytes: 100 });
    assert.ok(r.ok && r.data.toString() === 'inside words' && !r.truncated);
    if (!posix) return;
    fs.symlinkSync('a.txt', path.join(ws, 'b.txt'));
    const l = readFileSafe(path.join(ws, 'b.txt'), { root: ws, maxBytes: 100 });
    assert.ok(l.ok && l.data.toString() === 'inside words');
  });

  it('refuses a link to a file outside the root, a missing file is "missing"', function () {
    if (!posix) this.skip();
    fs.writeFileSync(path.join(outside, '.bashrc'), 'export SECRET=1\n');
    fs.symlinkSync(path.join(outside, '.bashrc'), path.join(ws, 'x.json'));
    const r = readFileSafe(path.join(ws, 'x.json'), { root: ws, maxBytes: 100 });
    assert.ok(!r.ok && r.problem === 'outside', JSON.stringify(r));
    assert.ok(!r.message.includes('SECRET'));
    // a folder link out of the root: same refusal
    fs.symlinkSync(outside, path.join(ws, 'sub'));
    const d = readFileSafe(path.join(ws, 'sub', '.bashrc'), { root: ws, maxBytes: 100 });
    assert.ok(!d.ok && d.problem === 'outside');
    const m = readFileSafe(path.join(ws, 'none.json'), { root: ws, maxBytes: 100 });
    assert.ok(!m.ok && m.problem === 'missing');
  });

  it('never reads a device: /dev/zero and /dev/urandom links are refused at once', function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    // the root includes /dev itself: only the file type refuses it
    for (const dev of ['/dev/zero', '/dev/urandom']) {
      const t0 = Date.now();
      const r = readFileSafe(dev, { root: '/dev', maxBytes: 1 << 30, overCap: 'truncate' });
      assert.ok(!r.ok && r.problem === 'not-regular', JSON.stringify(r));
      assert.match(r.message, /device/);
      assert.ok(Date.now() - t0 < 1000);
    }
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero'));
    const r = readFileSafe(path.join(ws, 'zero'), { root: ws, maxBytes: 1 << 30 });
    assert.ok(!r.ok && r.problem === 'outside');
  });

  it('never blocks on a FIFO (no writer): refused, in well under a second', function () {
    if (!posix || !mkfifo(path.join(ws, 'fifo'))) this.skip();
    const t0 = Date.now();
    const r = readFileSafe(path.join(ws, 'fifo'), { root: ws, maxBytes: 100 });
    assert.ok(!r.ok && r.problem === 'not-regular', JSON.stringify(r));
    assert.match(r.message, /FIFO/);
    assert.ok(Date.now() - t0 < 1000);
  });

  it('checks the size before reading: refuses over the cap, or reads only the cap', () => {
    fs.writeFileSync(path.join(ws, 'big'), Buffer.alloc(5000, 0x61));
    const r = readFileSafe(path.join(ws, 'big'), { root: ws, maxBytes: 1000 });
    assert.ok(!r.ok && r.problem === 'too-large');
    const t = readFileSafe(path.join(ws, 'big'), { root: ws, maxBytes: 1000, overCap: 'truncate' });
    assert.ok(t.ok && t.data.length === 1000 && t.truncated && t.size === 5000);
  });

  it('refuses a file whose device/inode is not the one listed (swapped since)', () => {
    const p = path.join(ws, 'a.txt');
    fs.writeFileSync(p, 'first');
    const st = fs.statSync(p);
    // the listed file stays alive (renamed away), so its inode cannot be reused by the new one
    fs.renameSync(p, path.join(ws, 'kept'));
    fs.writeFileSync(p, 'second');
    const r = readFileSafe(p, { root: ws, maxBytes: 100, expect: { dev: st.dev, ino: st.ino } });
    assert.ok(!r.ok && r.problem === 'changed', JSON.stringify(r));
    const same = readFileSafe(path.join(ws, 'kept'), { root: ws, maxBytes: 100, expect: { dev: st.dev, ino: st.ino } });
    assert.ok(same.ok && same.data.toString() === 'first');
  });

  it('writes atomically: never through a link, never into a folder outside, temp removed on failure', function () {
    const p = path.join(ws, 'f.json');
    assert.deepStrictEqual(writeFileAtomic(p, 'one', ws), { ok: true });
    assert.strictEqual(fs.readFileSync(p, 'utf8'), 'one');
    assert.deepStrictEqual(writeFileAtomic(p, 'two', ws), { ok: true });
    assert.strictEqual(fs.readFileSync(p, 'utf8'), 'two');
    assert.deepStrictEqual(fs.readdirSync(ws), ['f.json'], 'no temporary file left');
    if (!posix) return;
    const target = path.join(outside, '.bashrc');
    fs.writeFileSync(target, 'keep me\n');
    fs.symlinkSync(target, path.join(ws, 'link.json'));
    const w = writeFileAtomic(path.join(ws, 'link.json'), 'x', ws);
    assert.ok(!w.ok && /symbolic link/.test(w.message));
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'keep me\n');
    assert.ok(fs.lstatSync(path.join(ws, 'link.json')).isSymbolicLink());
    fs.symlinkSync(outside, path.join(ws, 'out'));
    const o = writeFileAtomic(path.join(ws, 'out', 'new.json'), 'x', ws);
    assert.ok(!o.ok && /outside/.test(o.message));
    assert.ok(!fs.existsSync(path.join(outside, 'new.json')));
    // a failing write (the target is a folder): refused before a temp file exists
    fs.mkdirSync(path.join(ws, 'dir.json'));
    const d = writeFileAtomic(path.join(ws, 'dir.json'), 'x', ws);
    assert.ok(!d.ok);
    // a failing rename (read-only folder, unless root): the temp file is removed
    if (process.getuid?.() !== 0) {
      const ro = path.join(ws, 'ro');
      fs.mkdirSync(ro);
      fs.chmodSync(ro, 0o500);
      try {
        const r = writeFileAtomic(path.join(ro, 'x.json'), 'x', ws);
        assert.ok(!r.ok && /cannot write/.test(r.message));
        assert.deepStrictEqual(fs.readdirSync(ro), []);
      } finally {
        fs.chmodSync(ro, 0o700);
      }
    }
  });

  it('removes stale temporary files of a dead process, keeps other files', () => {
    fs.writeFileSync(path.join(ws, `${PROJECT_FILE}.999999999.abc.tmp`), 'stale');
    fs.writeFileSync(path.join(ws, `${PROJECT_FILE}.1.abc.tmp.keep`), 'not ours');
    fs.writeFileSync(path.join(ws, 'notes.tmp'), 'not ours');
    fs.writeFileSync(path.join(ws, `${PROJECT_FILE}.${process.pid}.abc.tmp`), 'in flight');
    assert.strictEqual(removeStaleTemps(ws, PROJECT_FILE), 1);
    assert.deepStrictEqual(fs.readdirSync(ws).sort(), [`${PROJECT_FILE}.1.abc.tmp.keep`, `${PROJECT_FILE}.${process.pid}.abc.tmp`, 'notes.tmp'].sort());
    // an hour later even a live process's temp file is stale
    assert.strictEqual(removeStaleTemps(ws, PROJECT_FILE, Date.now() + 2 * 3_600_000), 1);
  });
});

describe('hostile workspace: the project file (.corroborate.json)', () => {
  let base: string;
  let ws: string;
  let outside: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-project-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'home');
    fs.mkdirSync(ws);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));
  const projectPath = () => path.join(ws, PROJECT_FILE);
  const setHidden = (h: unknown) => (j: Record<string, unknown>) => (j.hidden = h);

  it('reads comments, trailing commas and a BOM', () => {
    const text = '\ufeff{\n  // where the notes are\n  "sources": ["notes",],\n  /* block */ "severity": {"number": "hint",},\n}\n';
    const p = parseProjectText(text);
    assert.ok(p.ok);
    assert.deepStrictEqual(p.value, { sources: ['notes'], severity: { number: 'hint' } });
    fs.writeFileSync(projectPath(), text);
    const r = readProjectFile(ws);
    assert.ok(!r.problem && (r.data.sources as string[])[0] === 'notes');
    assert.strictEqual(readProjectFile(path.join(base, 'none')).exists, false);
  });

  it('reports a syntax error once, with line and column', () => {
    fs.writeFileSync(projectPath(), '{\n  "sources": ["notes"]\n  "drafts": []\n}');
    const r = readProjectFile(ws);
    assert.strictEqual(r.problem, '3:3: invalid JSON: comma expected');
    assert.match(r.message!, /^\.corroborate\.json:3:3: invalid JSON: comma expected; the file is not used/);
    const q = parseProjectText('[1, 2]');
    assert.ok(!q.ok && q.problem === 'not a JSON object');
    assert.deepStrictEqual(parseProjectText('  // nothing yet\n'), { ok: true, value: {} });
  });

  it('an invalid file is never overwritten: the update is refused with the reason', () => {
    const bad = '{ "sources": ["notes"], "severity": {"number": "hint"} oops }';
    fs.writeFileSync(projectPath(), bad);
    const u = updateProjectFile(ws, setHidden([{ code: 'number', text: 'x' }]));
    assert.match(u.problem ?? '', /^not changed: 1:\d+: invalid JSON/);
    assert.strictEqual(fs.readFileSync(projectPath(), 'utf8'), bad);
  });

  it('an update keeps comments, other keys and the BOM, and writes no temp file', () => {
    const text = '\ufeff{\n  // keep this comment\n  "sources": ["notes",],\n}\n';
    fs.writeFileSync(projectPath(), text);
    const u = updateProjectFile(ws, setHidden([{ code: 'number', text: 'The bridge is 40 metres long.' }]));
    assert.strictEqual(u.problem, undefined);
    const after = fs.readFileSync(projectPath(), 'utf8');
    assert.ok(after.startsWith('\ufeff{'));
    assert.ok(after.includes('// keep this comment'));
    const back = readProjectFile(ws);
    assert.deepStrictEqual(back.data, { sources: ['notes'], hidden: [{ code: 'number', text: 'The bridge is 40 metres long.' }] });
    assert.deepStrictEqual(fs.readdirSync(ws), [PROJECT_FILE]);
    // a key deleted by the change is removed from the text
    assert.strictEqual(updateProjectFile(ws, (j) => delete j.hidden).problem, undefined);
    assert.deepStrictEqual(readProjectFile(ws).data, { sources: ['notes'] });
  });

  it('a symlinked project file pointing outside is neither read nor written', function () {
    if (!posix) this.skip();
    const target = path.join(outside, '.bashrc');
    const secret = 'alias ls="ls --color" # private\n';
    fs.writeFileSync(target, secret);
    fs.symlinkSync(target, projectPath());
    const r = readProjectFile(ws);
    assert.ok(r.problem && /outside/.test(r.message!) && !r.message!.includes('private'), JSON.stringify(r));
    const u = updateProjectFile(ws, setHidden([]));
    assert.match(u.problem ?? '', /^not changed: a link to a file outside/);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), secret);
    // a link to an outside JSON file is not applied as the project's settings
    const json = path.join(outside, 'settings.json');
    fs.writeFileSync(json, '{"sources": ["/etc"]}');
    fs.rmSync(projectPath());
    fs.symlinkSync(json, projectPath());
    const l = readProjectFile(ws);
    assert.ok(l.problem);
    assert.deepStrictEqual(l.data, {});
  });

  it('a project file linked to /dev/zero, or a FIFO, is refused at once', function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    fs.symlinkSync('/dev/zero', projectPath());
    const t0 = Date.now();
    const before = process.memoryUsage().rss;
    assert.ok(readProjectFile(ws).problem);
    // inside the root, the file type alone refuses it
    const dev = readFileSafe('/dev/zero', { root: '/dev', maxBytes: PROJECT_FILE_MAX_BYTES });
    assert.ok(!dev.ok && dev.problem === 'not-regular');
    fs.rmSync(projectPath());
    if (mkfifo(projectPath())) {
      const f = readProjectFile(ws);
      assert.match(f.message ?? '', /^\.corroborate\.json: a FIFO/);
      assert.ok(updateProjectFile(ws, setHidden([])).problem);
    }
    assert.ok(Date.now() - t0 < 1000);
    assert.ok(process.memoryUsage().rss - before < 50 * 1024 * 1024);
  });

  it('a project file over 1 MB is refused unread', () => {
    fs.writeFileSync(projectPath(), '{"sources": ["a"], "pad": "' + 'x'.repeat(PROJECT_FILE_MAX_BYTES) + '"}');
    const r = readProjectFile(ws);
    assert.match(r.problem ?? '', /limit/);
    assert.ok(updateProjectFile(ws, setHidden([])).problem);
  });
});

describe('hostile workspace: sources swapped between listing and reading (item 10)', () => {
  let base: string;
  let src: string;
  let outside: string;
  const PRIVATE = 'The vault code is written on the back of the calendar.';
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-swap-'));
    src = path.join(base, 'src');
    outside = path.join(base, 'home');
    fs.mkdirSync(src);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), PRIVATE + '\n');
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(src, `n${i}.txt`), `Harbour note ${i} counts ${i + 10} boats at the pier.\n`);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  function listed() {
    const problems: SourceProblem[] = [];
    const files = listSourceFiles(src, problems);
    assert.deepStrictEqual(problems, []);
    return files;
  }

  it('a FIFO swapped in after the listing is refused at once (plain read and read-ahead worker)', function () {
    this.timeout(10_000);
    const files = listed();
    const victim = path.join(src, 'n1.txt');
    fs.rmSync(victim);
    if (!posix || !mkfifo(victim)) this.skip();
    const idx = new SourceIndex();
    const problems: SourceProblem[] = [];
    const t0 = Date.now();
    for (const f of files) indexFile(idx, f, 1 << 20, problems, []);
    assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
    assert.strictEqual(idx.fileCount, 2);
    assert.deepStrictEqual(
      problems.map((p) => p.path),
      [victim],
    );
    assert.match(problems[0].message, /a FIFO, not a regular file \(replaced since it was listed\): not read/);
    // the read-ahead worker: no hang, no stall, the same message
    const ahead = new ReadAhead(
      files.map((f) => f.path),
      1 << 20,
      5_000,
      files.map((f) => [f.dev, f.ino]),
    );
    try {
      const t1 = Date.now();
      const got = files.map((_, i) => ahead.take(i));
      assert.ok(Date.now() - t1 < 3000, `${Date.now() - t1} ms`);
      assert.ok('bytes' in got[0] && 'bytes' in got[2]);
      assert.ok('problem' in got[1] && /a FIFO/.test(got[1].problem), JSON.stringify(got[1]));
    } finally {
      ahead.close();
    }
  });

  it('a link to an outside file swapped in after the listing is not read', function () {
    if (!posix) this.skip();
    const files = listed();
    const victim = path.join(src, 'n2.txt');
    fs.rmSync(victim);
    fs.symlinkSync(path.join(outside, 'secret.txt'), victim);
    const idx = new SourceIndex();
    const problems: SourceProblem[] = [];
    for (const f of files) indexFile(idx, f, 1 << 20, problems, []);
    assert.strictEqual(idx.fileCount, 2);
    assert.match(problems.map((p) => p.message).join('\n'), /replaced since it was listed/);
    assert.ok(!idx.filePaths().some((p) => idx.file(p)!.text.includes('vault')));
    const ahead = new ReadAhead(
      files.map((f) => f.path),
      1 << 20,
      5_000,
      files.map((f) => [f.dev, f.ino]),
    );
    try {
      const got = files.map((_, i) => ahead.take(i));
      assert.ok('problem' in got[2] && /replaced since it was listed/.test(got[2].problem));
    } finally {
      ahead.close();
    }
  });

  it('FIFOs and white-space-only sources are reported, not skipped silently (item 11; a device node needs root to make)', function () {
    fs.writeFileSync(path.join(src, 'blank.txt'), '  \n\t\n');
    if (posix) mkfifo(path.join(src, 'pipe.txt'));
    const problems: SourceProblem[] = [];
    const files = listSourceFiles(src, problems);
    if (fs.existsSync(path.join(src, 'pipe.txt'))) {
      assert.ok(
        problems.some((p) => p.path.endsWith('pipe.txt') && /a FIFO, not a regular file: skipped/.test(p.message)),
        JSON.stringify(problems),
      );
      assert.ok(!files.some((f) => f.path.endsWith('pipe.txt')));
    }
    const idx = new SourceIndex();
    const indexed: SourceProblem[] = [];
    for (const f of files) indexFile(idx, f, 1 << 20, indexed, []);
    assert.deepStrictEqual(
      indexed.map((p) => [path.basename(p.path), p.message]),
      [['blank.txt', 'empty file (only white space): not indexed']],
    );
  });
});

describe('hostile workspace: the index cache (item 11)', () => {
  let base: string;
  beforeEach(() => (base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ctime-'))));
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('a same-size edit with its mtime restored (cp -p, rsync -a, tar) is read again: its ctime is newer than the cache', function () {
    const src = path.join(base, 'src');
    const cache = path.join(base, 'cache');
    fs.mkdirSync(src);
    const file = path.join(src, 'ferry.txt');
    fs.writeFileSync(file, 'The ferry leaves the harbour at nine every morning.\n');
    fs.writeFileSync(path.join(src, 'other.txt'), 'The lighthouse was painted red and white in spring.\n');
    // whole seconds, so that restoring the time is exact (as cp -p restores it)
    const stamp = Math.floor(Date.now() / 1000) - 60;
    fs.utimesSync(file, stamp, stamp);
    const cold = loadSourcesCached([src], cache);
    assert.strictEqual(cold.cache.status, 'cold');
    const before = fs.statSync(file);
    fs.writeFileSync(file, 'The ferry leaves the harbour at five every morning.\n');
    fs.utimesSync(file, stamp, stamp);
    const after = fs.statSync(file);
    assert.strictEqual(after.size, before.size);
    assert.strictEqual(after.mtimeMs, before.mtimeMs);
    // the cache as written a while before the edit (file times tick coarsely: the edit above may share the cache's tick)
    const written = Math.floor(Date.now() / 1000) - 5;
    fs.utimesSync(path.join(cache, CACHE_FILE), written, written);
    assert.ok(after.ctimeMs > written * 1000);
    const warm = loadSourcesCached([src], cache);
    assert.strictEqual(warm.cache.status, 'warm');
    assert.ok(warm.cache.reread >= 1);
    assert.ok(warm.index.file(file)!.text.includes('at five'), 'not the cached "at nine"');
    // written again: the next start reuses both
    const again = loadSourcesCached([src], cache);
    assert.strictEqual(again.cache.reused, 2);
    // a temporary file left by a save that failed (a full disk) is removed at the next start, even a warm one with nothing to save
    const stale = path.join(cache, `${CACHE_FILE}.999999999.dead.tmp`);
    fs.writeFileSync(stale, 'half a cache');
    const warm2 = loadSourcesCached([src], cache);
    assert.strictEqual(warm2.cache.saveMs, 0, 'nothing saved');
    assert.ok(!fs.existsSync(stale));
  });

  it('a cache file that is a FIFO is discarded at once, not read (the load does not hang)', function () {
    const src = path.join(base, 'src');
    const cache = path.join(base, 'cache');
    fs.mkdirSync(src);
    fs.mkdirSync(cache);
    fs.writeFileSync(path.join(src, 'a.txt'), 'The ferry leaves the harbour at nine every morning.\n');
    if (!posix || !mkfifo(path.join(cache, CACHE_FILE))) this.skip();
    const t0 = Date.now();
    const r = loadSourcesCached([src], cache);
    assert.ok(Date.now() - t0 < 2000);
    assert.strictEqual(r.cache.status, 'discarded');
    assert.match(r.cache.reason ?? '', /a FIFO, not a regular file/);
    assert.ok(fs.lstatSync(path.join(cache, CACHE_FILE)).isFile(), 'rebuilt as a regular file');
    assert.strictEqual(r.index.fileCount, 1);
  });

  it('a draft swapped for a FIFO is refused at once, not read forever', function () {
    const p = path.join(base, 'draft.md');
    fs.writeFileSync(p, '\ufeffA short draft about the ferry.\n');
    assert.strictEqual(readDraft(p), ' A short draft about the ferry.\n');
    fs.rmSync(p);
    if (!posix || !mkfifo(p)) this.skip();
    const t0 = Date.now();
    assert.throws(() => readDraft(p), /not a regular file/);
    assert.ok(Date.now() - t0 < 1000);
  });
});

describe('hostile workspace: one huge source (item 11)', () => {
  let base: string;
  beforeEach(() => (base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-huge-'))));
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));
  const places = ['harbour', 'ferry', 'council', 'bridge', 'river', 'market', 'school', 'tower'];
  function hugeText(sentences: number): string {
    let t = '';
    for (let i = 0; i < sentences; i++)
      t += `The ${places[i % 8]} near the ${places[(i * 3) % 8]} opened in ${1900 + (i % 120)} with ${i % 97} rooms.${i % 4 === 3 ? '\n' : ' '}`;
    return t;
  }

  it('is indexed in slices: the load yields to the event loop inside the file, and the index is the same', async function () {
    this.timeout(20_000);
    const n = 5 * ADD_SLICE_SENTENCES + 17;
    const text = hugeText(n);
    fs.writeFileSync(path.join(base, 'huge.txt'), text);
    const whole = new SourceIndex();
    whole.addFile('x', text);
    const steps = new SourceIndex().addFileSteps('x', text);
    let yields = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) yields++;
    assert.strictEqual(yields, Math.ceil(n / ADD_SLICE_SENTENCES) - 1);
    // the async load gives the event loop a turn inside the one file
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const idx = new SourceIndex();
    const inside: number[] = [];
    try {
      await loadSources(idx, [base], { maxBytes: 64 * 1024 * 1024, sliceMs: 0, onProgress: (done) => inside.push(done) });
    } finally {
      clearInterval(timer);
    }
    assert.ok(inside.filter((d) => d === 0).length >= yields, `progress inside the file: ${inside.join(',')}`);
    assert.ok(turns >= 2, `${turns} event-loop turns`);
    assert.strictEqual(idx.sentenceCount, whole.sentenceCount);
    const a = idx.toSnapshot();
    const b = whole.toSnapshot();
    assert.deepStrictEqual([...a.starts], [...b.starts]);
    assert.deepStrictEqual(a.terms, b.terms);
    assert.deepStrictEqual([...a.postings], [...b.postings]);
  });
});
