/**
 * Robustness through the CLI and the language server: bad sources reported once naming the file
 * (the rest indexed), 10,000 tiny files, sources outside the workspace refused, no socket opened,
 * a killed server replaced by a fresh one with the same diagnostics, a corrupt index cache rebuilt.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createProtocolConnection, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { makeBadSources, makeTinyFiles, MAX_SOURCE_KB, removeBadSources, UTF16BE, UTF16LE, BIG_FIRST, SECRET } from './badSources';
import { makeWorkspace, messageReader, positionOf, REPO, start, uriOf, type Client } from './harness';
import { ReindexRequest, ReportRequest, StatusNotification, TrustNotification } from '../../server/src/protocol';

const CLI = path.join(REPO, 'dist', 'cli.js');

function cli(args: string[], cwd: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DRAFT = [UTF16LE, UTF16BE, BIG_FIRST, SECRET].join('\n\n') + '\n';

/** A preload that turns every attempt to reach the network into a line on stderr (and an error). */
function networkTripwire(dir: string): string {
  const file = path.join(dir, 'no-network.js');
  fs.writeFileSync(
    file,
    `const report = (what) => { process.stderr.write('NETWORK-ATTEMPT ' + what + '\\n'); throw new Error('network use: ' + what); };
const net = require('net'); const dns = require('dns'); const http = require('http'); const https = require('https'); const tls = require('tls'); const dgram = require('dgram');
net.Socket.prototype.connect = function () { report('net.Socket.connect'); };
net.connect = net.createConnection = () => report('net.connect');
tls.connect = () => report('tls.connect');
dgram.createSocket = () => report('dgram.createSocket');
for (const m of ['lookup', 'resolve', 'resolve4', 'resolve6']) { dns[m] = () => report('dns.' + m); if (dns.promises) dns.promises[m] = () => report('dns.promises.' + m); }
http.request = http.get = () => report('http.request'); https.request = https.get = () => report('https.request');
if (globalThis.fetch) globalThis.fetch = () => report('fetch');
const cp = require('child_process');
for (const m of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[m] = () => report('child_process.' + m);
const vm = require('vm');
for (const m of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']) vm[m] = () => report('vm.' + m);
vm.Script = function () { report('vm.Script'); };
globalThis.eval = () => report('eval');
`,
  );
  return file;
}

describe('robustness: bad sources through the CLI', function () {
  this.timeout(60_000);
  let root: string;
  let bad: ReturnType<typeof makeBadSources>;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-bad-'));
    bad = makeBadSources(root);
    fs.writeFileSync(path.join(root, 'draft.md'), DRAFT);
  });
  after(() => removeBadSources(root));

  it('names each bad source once on stderr, indexes the rest, and a UTF-16 sentence supports a claim', () => {
    const r = cli(
      ['check', 'draft.md', '--sources', 'src', '--sources', 'nowhere', '--max-source-kb', String(MAX_SOURCE_KB), '--format', 'json', '--fail-on', 'none'],
      root,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    for (const [file, re] of Object.entries(bad.reported)) {
      const about = lines.filter((l) => l.startsWith(`corroborate: ${file}: `));
      assert.strictEqual(about.length, 1, `${file} once in:\n${r.stderr}`);
      assert.match(about[0], re);
    }
    assert.strictEqual(lines.length, Object.keys(bad.reported).length, r.stderr);
    const claims = JSON.parse(r.stdout).files[0].claims as { text: string; verdict: string; evidence: { source: string; quote: string }[] }[];
    for (const [claim, file] of [
      [UTF16LE, 'src/utf16le.txt'],
      [UTF16BE, 'src/utf16be.txt'],
      [BIG_FIRST, 'src/big.txt'],
    ]) {
      const c = claims.find((x) => x.text === claim)!;
      assert.strictEqual(c.verdict, 'supported', claim);
      assert.strictEqual(c.evidence[0].source, file);
      assert.strictEqual(c.evidence[0].quote, claim);
    }
    assert.notStrictEqual(claims.find((x) => x.text === SECRET)!.verdict, 'supported', 'the link out of the folder is not followed');
  });

  it('rejects a bad --max-source-kb', () => {
    const r = cli(['check', 'draft.md', '--sources', 'src', '--max-source-kb', 'lots'], root);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--max-source-kb needs a whole number/);
  });

  it('opens no socket and resolves no name while checking (tripwire preload)', () => {
    const wire = networkTripwire(root);
    const control = spawnSync(process.execPath, ['--require', wire, '-e', "require('net').connect(9, '127.0.0.1')"], { encoding: 'utf8' });
    assert.match(control.stderr, /NETWORK-ATTEMPT net\.connect/, 'the tripwire fires');
    const r = cli(['check', 'draft.md', '--sources', 'src', '--format', 'sarif', '--fail-on', 'none'], root, ['--require', wire]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /NETWORK-ATTEMPT/);
  });

  it('10,000 tiny source files: all indexed, none reported', () => {
    const dir = path.join(root, 'tiny');
    const last = makeTinyFiles(dir, 10_000);
    fs.writeFileSync(path.join(root, 'tiny-draft.md'), last + '\n');
    const t0 = Date.now();
    const r = cli(['check', 'tiny-draft.md', '--sources', 'tiny', '--format', 'json', '--fail-on', 'none'], root);
    const ms = Date.now() - t0;
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    const [claim] = JSON.parse(r.stdout).files[0].claims;
    assert.strictEqual(claim.verdict, 'supported');
    assert.strictEqual(claim.evidence[0].source, 'tiny/t09999.txt');
    assert.ok(ms < 30_000, `${ms} ms`);
  });

  it('a corrupt index cache is discarded, said so, and rebuilt with the same results', () => {
    const args = ['check', 'draft.md', '--sources', 'src', '--format', 'json', '--fail-on', 'none', '--cache', '.cache-test'];
    const first = cli(args, root);
    assert.strictEqual(first.code, 0, first.stderr);
    const cacheDir = path.join(root, '.cache-test');
    const files = fs.readdirSync(cacheDir).filter((f) => fs.statSync(path.join(cacheDir, f)).isFile());
    assert.ok(files.length > 0, 'a cache was written');
    for (const f of files) {
      const p = path.join(cacheDir, f);
      const bytes = fs.readFileSync(p);
      for (let i = 16; i < bytes.length; i += 97) bytes[i] ^= 0x5a;
      fs.writeFileSync(p, bytes);
    }
    const second = cli(args, root);
    assert.strictEqual(second.code, 0, second.stderr);
    assert.match(second.stderr, /cache discarded/);
    assert.strictEqual(second.stdout, first.stdout);
    const third = cli(args, root);
    assert.doesNotMatch(third.stderr, /cache discarded/, 'the rebuilt cache is good');
    assert.strictEqual(third.stdout, first.stdout);
  });
});

function logged(c: Client, re: RegExp) {
  return c.log.filter((n) => n.method === 'window/logMessage' && re.test(n.params.message));
}

function lastStatus(c: Client) {
  return c.log.filter((n) => n.method === StatusNotification.method).pop()!.params;
}

function serverErrors(c: Client) {
  return c.log.filter((n) => n.method === 'window/logMessage' && n.params.type === 1).map((n) => n.params.message);
}

describe('robustness: bad sources through the language server', function () {
  this.timeout(60_000);
  let root: string;
  let bad: ReturnType<typeof makeBadSources>;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-lsp-bad-'));
    bad = makeBadSources(root);
  });
  after(() => removeBadSources(root));

  it('names each bad source once in the output, counts them in the status, and uses the rest as evidence', async () => {
    const c = await start({ folder: root, settings: { sources: ['src', 'nowhere'], maxSourceKB: MAX_SOURCE_KB, debounceMs: 0 } });
    try {
      for (const [file, re] of Object.entries(bad.reported)) {
        const abs = path.join(root, file);
        const about = c.log.filter((n) => n.method === 'window/logMessage' && n.params.message.includes(`${abs}: `));
        assert.strictEqual(about.length, 1, `${file}: ${JSON.stringify(about)}`);
        assert.match(about[0].params.message, re);
      }
      const status = lastStatus(c);
      assert.strictEqual(status.problems, Object.keys(bad.reported).length);
      assert.strictEqual(status.files, bad.silent.length + 2 + (bad.unreadable ? 0 : 1)); // + big.txt, latin1.txt
      assert.ok(
        c.log.some((n) => n.method === 'window/showMessage' && /nowhere/.test(n.params.message)),
        'a missing folder is shown',
      );
      const file = path.join(root, 'draft.md');
      const pub = c.diagnostics(uriOf(file));
      const uri = c.open(file, DRAFT);
      const diags = (await pub).diagnostics as Diagnostic[];
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'glacier') });
      assert.match(hover.contents.value, /supported/);
      assert.ok(hover.contents.value.includes('utf16le.txt'), hover.contents.value);
      assert.ok(!diags.some((d) => d.range.start.line === 0), 'the UTF-16 claim is not flagged');
      assert.deepStrictEqual(serverErrors(c), []);
    } finally {
      await c.stop();
    }
  });

  it('10,000 tiny source files are indexed while the server keeps answering', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-tiny-'));
    const last = makeTinyFiles(path.join(ws, 'tiny'), 10_000);
    try {
      const c = await start({ folder: ws, settings: { sources: ['tiny'], debounceMs: 0 }, timeoutMs: 60_000 });
      try {
        const status = lastStatus(c);
        assert.strictEqual(status.files, 10_000);
        assert.strictEqual(status.problems, 0);
        const file = path.join(ws, 'd.md');
        const uri = c.open(file, last + '\n');
        const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
        assert.match(hover.contents.value, /supported/);
      } finally {
        await c.stop();
      }
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('robustness: the server reads only inside its source folders', function () {
  this.timeout(60_000);
  let base: string;
  let ws: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-sec-'));
    ws = path.join(base, 'ws');
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.mkdirSync(path.join(base, 'outside'));
    fs.writeFileSync(path.join(ws, 'src', 'inside.txt'), 'The clock tower was rebuilt in 1950 after a fire.\n');
    fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), SECRET + '\n');
    fs.symlinkSync(path.join(base, 'outside'), path.join(ws, 'linked')); // a source folder that is a link out
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const outsideSources = () => ['src', '../outside', path.join(base, 'outside'), '../../etc', 'linked'];

  it("refuses '../outside', an absolute path, '../../etc' and a linked folder, with a clear message", async () => {
    const c = await start({ folder: ws, settings: { sources: outsideSources(), debounceMs: 0 } });
    try {
      const shown = c.log.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
      for (const s of ['outside', 'etc', 'linked'])
        assert.ok(
          shown.some((m) => /outside the workspace refused/.test(m) && m.includes(s)),
          `${s}: ${shown.join('\n')}`,
        );
      assert.ok(shown.every((m) => /allowSourcesOutsideWorkspace/.test(m)));
      const status = lastStatus(c);
      assert.strictEqual(status.files, 1);
      const file = path.join(ws, 'd.md');
      const uri = c.open(file, SECRET + '\n');
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
      assert.doesNotMatch(hover.contents.value, /swordfish|secret\.txt/);
    } finally {
      await c.stop();
    }
  });

  it('reads them when corroborate.allowSourcesOutsideWorkspace is set, but never in an untrusted workspace', async () => {
    const allowed = await start({ folder: ws, settings: { sources: ['src', '../outside'], allowSourcesOutsideWorkspace: true, debounceMs: 0 } });
    try {
      assert.strictEqual(lastStatus(allowed).files, 2);
    } finally {
      await allowed.stop();
    }
    const untrusted = await start({
      folder: ws,
      settings: { sources: ['src', '../outside'], allowSourcesOutsideWorkspace: true, debounceMs: 0 },
      initializationOptions: { trusted: false },
    });
    try {
      assert.strictEqual(lastStatus(untrusted).files, 1);
      assert.ok(untrusted.log.some((n) => n.method === 'window/showMessage' && /outside the workspace refused/.test(n.params.message)));
      // trust granted: the setting is honoured
      const ready = untrusted.waitFor(StatusNotification.method, (s: any) => s.state === 'ready' && s.files === 2, 'status after trust');
      untrusted.notify(TrustNotification.method, { trusted: true });
      await ready;
    } finally {
      await untrusted.stop();
    }
  });

  it('.corroborate.json (part of the repository) cannot allow sources outside the workspace', async () => {
    const repoWs = path.join(base, 'ws3');
    fs.mkdirSync(repoWs, { recursive: true });
    fs.writeFileSync(path.join(repoWs, '.corroborate.json'), JSON.stringify({ sources: ['../outside', '/etc'], allowSourcesOutsideWorkspace: true }));
    const c = await start({ folder: repoWs, settings: { debounceMs: 0 } });
    try {
      assert.strictEqual(lastStatus(c).files, 0);
      const shown = c.log.filter((n) => n.method === 'window/showMessage').map((n) => n.params.message as string);
      // one pop-up names both refused folders (issue 14: repeated problems are summarised)
      const refused = shown.filter((m) => /outside the workspace refused/.test(m));
      assert.strictEqual(refused.length, 1, shown.join('\n'));
      assert.ok(refused[0].includes(path.join(base, 'outside')) && refused[0].includes('/etc'), refused[0]);
    } finally {
      await c.stop();
    }
  });

  it('a link inside a source folder is not followed out of it, also when the editor reports a change to it', async () => {
    const linkWs = path.join(base, 'ws2');
    fs.mkdirSync(path.join(linkWs, 'src'), { recursive: true });
    fs.writeFileSync(path.join(linkWs, 'src', 'inside.txt'), 'The clock tower was rebuilt in 1950 after a fire.\n');
    fs.symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(linkWs, 'src', 'secret.txt'));
    const c = await start({ folder: linkWs, settings: { sources: ['src'], debounceMs: 0 }, dynamicWatch: true });
    try {
      assert.strictEqual(lastStatus(c).files, 1);
      assert.strictEqual(logged(c, /secret\.txt: symbolic link leads outside the source folder: not followed/).length, 1);
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(linkWs, 'src', 'secret.txt')), type: 2 }] });
      const file = path.join(linkWs, 'd.md');
      const uri = c.open(file, SECRET + '\n');
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
      assert.doesNotMatch(hover.contents.value, /swordfish|secret\.txt/);
      assert.strictEqual(lastStatus(c).files, 1);
    } finally {
      await c.stop();
    }
  });

  it('the server opens no socket, starts no process and evaluates nothing, whatever the content (tripwire preload)', async () => {
    const wire = networkTripwire(base);
    // content that would do harm if anything were evaluated, fetched or executed
    const hostile = [
      '---',
      'title: !!js/function "function () { process.exit(7) }"',
      'x: ${process.exit(7)}',
      '---',
      '',
      'India and the United States signed a defense agreement. Visit https://example.com and www.example.org today.',
      '',
      '<script>require("child_process").execSync("touch /tmp/corroborate-pwned")</script> ![img](http://example.com/x.png) [link](javascript:alert(1))',
      '',
      '`${require("fs").rmSync("/", {recursive: true})}` {{constructor.constructor("process.exit(7)")()}}',
      '',
    ].join('\n');
    const folder = makeWorkspace({
      'draft.md': hostile,
      'seeds/hostile.md': hostile,
      '.corroborate.json': '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "sources": ["seeds"]}',
    });
    const c = await start({ folder, settings: { debounceMs: 0 }, execArgv: ['--require', wire] });
    try {
      const file = path.join(folder, 'draft.md');
      const pub = c.diagnostics(uriOf(file));
      const uri = c.open(file, fs.readFileSync(file, 'utf8'));
      await pub;
      await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await c.request(ReindexRequest.method, {});
      await c.request(ReportRequest.method, { uri });
      assert.doesNotMatch(c.stderr, /NETWORK-ATTEMPT/);
      assert.strictEqual(c.proc.exitCode, null, 'the server is alive');
      assert.ok(!fs.existsSync('/tmp/corroborate-pwned'));
      assert.ok(!c.log.some((n) => /NETWORK-ATTEMPT|network use/.test(JSON.stringify(n.params))));
    } finally {
      await c.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('robustness: a server that dies half-way through a message', () => {
  it("leaves no timer in the test process (the reader's partial-message timer once kept mocha alive after the last test)", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const fromServer = new PassThrough();
    const conn = createProtocolConnection(messageReader(fromServer), new StreamMessageWriter(new PassThrough()));
    conn.listen();
    await new Promise((r) => setImmediate(r)); // mocha's own timer for this test is set by now
    const before = timers();
    fromServer.write('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0","method":"window/logMessage"');
    await new Promise((r) => setImmediate(r));
    fromServer.end();
    conn.dispose();
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(timers(), before);
  });
});

describe('robustness: a killed server is replaced by a fresh one with the same state', function () {
  this.timeout(60_000);
  it('start, check, kill -9, start again: the same diagnostics', async () => {
    const draft = fs.readFileSync(path.join(REPO, 'examples', 'draft.md'), 'utf8');
    const folder = makeWorkspace({ 'draft.md': draft });
    const file = path.join(folder, 'draft.md');
    try {
      const first = await start({ folder, settings: { debounceMs: 0 } });
      const pub1 = first.diagnostics(uriOf(file));
      first.open(file, draft);
      const before = (await pub1).diagnostics;
      assert.ok(before.length > 0);
      const exited = new Promise((r) => first.proc.once('exit', (code, signal) => r(signal)));
      first.proc.kill('SIGKILL');
      assert.strictEqual(await exited, 'SIGKILL');
      first.conn.dispose();

      const second = await start({ folder, settings: { debounceMs: 0 } });
      try {
        const pub2 = second.diagnostics(uriOf(file));
        second.open(file, draft);
        const after = (await pub2).diagnostics;
        assert.deepStrictEqual(after, before);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
