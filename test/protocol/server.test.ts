/**
 * Protocol tests: the built server (dist/server.js) over stdio, driven as an editor drives it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { makeWorkspace, ours, positionOf, SEED, start, SUBMARINES, SUPPORTED, textAt, uriOf, type Client } from './harness';
import { CheckFileRequest, ReindexRequest, StatusNotification } from '../../server/src/protocol';

const AGREEMENT = 'The two countries signed a binding agreement.';
const DRAFT = `# The partnership\n\n${SUPPORTED} ${SUBMARINES}\n\n${AGREEMENT} Is this real?\n`;

const seedText = (folder: string) => fs.readFileSync(path.join(folder, 'seeds', SEED), 'utf8');
const hasSubmarines = (text: string) => (ds: Diagnostic[]) => ours(ds).some((d) => textAt(text, d.range) === 'nuclear submarines');

describe('protocol: language server over stdio', function () {
  this.timeout(30_000);
  let folder: string;
  let client: Client;
  let draftPath: string;

  beforeEach(async () => {
    folder = makeWorkspace({ 'draft.md': DRAFT });
    draftPath = path.join(folder, 'draft.md');
    client = await start({ folder, settings: { sources: ['seeds'], debounceMs: 20 } });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('initializes, asks for its settings per folder and reports the indexed sources', () => {
    const caps = client.init.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.definitionProvider);
    assert.ok(caps.codeActionProvider);
    const req = client.configRequests[0];
    assert.equal(req.items[0].section, 'corroborate');
    assert.equal(req.items[0].scopeUri, uriOf(folder));
    const ready = client.log.filter((n) => n.method === StatusNotification.method).pop()!.params;
    assert.equal(ready.state, 'ready');
    assert.equal(ready.files, 1);
    assert.ok(ready.sentences >= 20, `sentences: ${ready.sentences}`);
    assert.equal(ready.problems, 0);
    assert.ok(
      client.log.some((n) => n.method === '$/progress' && n.params.value.kind === 'begin'),
      'work-done progress begins',
    );
    assert.ok(
      client.log.some((n) => n.method === '$/progress' && n.params.value.kind === 'end'),
      'work-done progress ends',
    );
  });

  it('publishes an unsupported warning on the words no source carries, citing the source verbatim', async () => {
    const uri = uriOf(draftPath);
    const pub = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    const { diagnostics, version } = await pub;
    assert.equal(version, 1);
    const d = ours(diagnostics).find((x) => textAt(DRAFT, x.range) === 'nuclear submarines');
    assert.ok(d, `no diagnostic on 'nuclear submarines': ${JSON.stringify(diagnostics.map((x) => [textAt(DRAFT, x.range), x.code]))}`);
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'unsupported');
    assert.match(d.message as string, /nuclear submarines/);
    assert.match(d.codeDescription!.href, /#unsupported$/);
    assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'relatedInformation');
    const src = seedText(folder);
    for (const ri of d.relatedInformation) {
      assert.equal(ri.location.uri, uriOf(path.join(folder, 'seeds', SEED)));
      assert.equal(textAt(src, ri.location.range), ri.message, 'the quote is the source text at its range');
    }
    // the supported statement, the heading and the question get no diagnostic
    const supportedRange = { start: positionOf(DRAFT, SUPPORTED), end: positionOf(DRAFT, SUPPORTED, SUPPORTED.length) };
    assert.ok(!ours(diagnostics).some((x) => x.range.start.line === supportedRange.start.line && x.range.start.character < supportedRange.end.character));
    assert.ok(!ours(diagnostics).some((x) => x.range.start.line === 0));
    assert.ok(!ours(diagnostics).some((x) => textAt(DRAFT, x.range).includes('real')));
    // every diagnostic: severity from its verdict, data for quick fixes
    for (const x of ours(diagnostics)) {
      const data = x.data as { verdict: string; claim: { text: string } };
      assert.equal(x.severity, data.verdict === 'contradicted' ? 1 : 2, `${x.code}: ${x.message}`);
      assert.ok(DRAFT.includes(data.claim.text));
      assert.ok(data.claim.text.includes(textAt(DRAFT, x.range)), 'the range lies inside its statement');
    }
  });

  it('marks contradicted statements as errors with the contradicting source', async () => {
    const uri = uriOf(draftPath);
    const pub = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    const { diagnostics } = await pub;
    const counts = (await client.request(CheckFileRequest.method, { uri })).counts;
    const errors = ours(diagnostics).filter((d) => d.severity === 1);
    if (counts.contradicted === 0) {
      assert.equal(errors.length, 0, 'no contradicted statement, no error');
      return;
    }
    assert.ok(errors.length >= 1);
    for (const e of errors) {
      assert.notEqual(e.code, 'unsupported');
      assert.ok(e.relatedInformation!.length >= 1);
      assert.equal(textAt(seedText(folder), e.relatedInformation![0].location.range), e.relatedInformation![0].message);
    }
  });

  it('hovers with the verdict, the source quote verbatim and a link to the source line', async () => {
    const uri = uriOf(draftPath);
    const pub = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    await pub;
    const hover = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'closer defense') })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(md, /supported/);
    const src = seedText(folder);
    const firstSentence = src.slice(0, src.indexOf('. ') + 1);
    // verbatim apart from the bold on the matched words
    assert.ok(md.replace(/\*\*/g, '').includes(`> ${firstSentence}`), `hover quotes the source verbatim:\n${md}`);
    const link = `[seeds/${SEED}:1](${uriOf(path.join(folder, 'seeds', SEED))}#L1)`;
    assert.ok(md.includes(link), `hover links the source line:\n${md}`);
    assert.equal(textAt(DRAFT, hover.range!), SUPPORTED);

    const q = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'this real') })) as Hover;
    assert.match((q.contents as MarkupContent).value, /skipped/);
    assert.match((q.contents as MarkupContent).value, /question/);
  });

  it('re-checks on didChange, and the newest version wins', async () => {
    const uri = uriOf(draftPath);
    const first = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    await first;
    const seen: number[] = [];
    const all = client.diagnostics(uri, (_d, p) => {
      seen.push(p.version!);
      return p.version === 3;
    });
    const v2text = `${SUBMARINES}\n`;
    const v3text = `${SUPPORTED}\n\nThe partnership covers hypersonic missiles.\n`;
    client.change(uri, v2text);
    client.change(uri, v3text);
    const { diagnostics } = await all;
    assert.deepEqual(seen, [3], 'version 2 was superseded before it was checked');
    assert.ok(!hasSubmarines(v3text)(diagnostics));
    assert.ok(
      ours(diagnostics).some((d) => /hypersonic/.test(textAt(v3text, d.range))),
      JSON.stringify(diagnostics.map((d) => textAt(v3text, d.range))),
    );
    assert.ok(!ours(diagnostics).some((d) => d.range.start.line === 0), 'the supported first line stays clean');
  });

  it('applies a change of corroborate.sources without a restart', async () => {
    fs.mkdirSync(path.join(folder, 'other'));
    fs.writeFileSync(path.join(folder, 'other', 'navy.txt'), 'Officials said the partnership includes nuclear submarines.\n');
    const uri = uriOf(draftPath);
    const first = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    assert.ok(hasSubmarines(DRAFT)((await first).diagnostics));
    const next = client.diagnostics(uri, (ds) => !hasSubmarines(DRAFT)(ds));
    client.settings = { sources: ['other'], debounceMs: 20 };
    client.notify('workspace/didChangeConfiguration', { settings: { corroborate: client.settings } });
    const { diagnostics } = await next;
    // the statement the seeds supported is now unsupported, since only other/ is a source
    const line = positionOf(DRAFT, SUPPORTED).line;
    assert.ok(ours(diagnostics).some((d) => d.range.start.line === line && d.code === 'unsupported' && d.range.start.character < SUPPORTED.length));
    const counts = (await client.request(CheckFileRequest.method, { uri })).counts;
    assert.equal(counts.supported, 1);
  });

  it('picks up a changed source file from workspace/didChangeWatchedFiles', async () => {
    const uri = uriOf(draftPath);
    const first = client.diagnostics(uri);
    client.open(draftPath, DRAFT);
    assert.ok(hasSubmarines(DRAFT)((await first).diagnostics));
    const extra = path.join(folder, 'seeds', 'navy.txt');
    fs.writeFileSync(extra, 'Officials said the partnership includes nuclear submarines.\n');
    const gone = client.diagnostics(uri, (ds) => !hasSubmarines(DRAFT)(ds));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(extra), type: 1 }] });
    await gone;
    const status = client.log.filter((n) => n.method === StatusNotification.method).pop()!.params;
    assert.equal(status.files, 2);
    fs.rmSync(extra);
    const back = client.diagnostics(uri, hasSubmarines(DRAFT));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(extra), type: 3 }] });
    await back;
  });

  it('answers corroborate/checkFile with the counts of verdicts', async () => {
    const uri = uriOf(draftPath);
    client.open(draftPath, DRAFT);
    const pub = client.diagnostics(uri);
    const res = await client.request(CheckFileRequest.method, { uri });
    await pub;
    const c = res.counts;
    assert.equal(c.supported, 1);
    assert.equal(c.skipped, 2, 'the heading and the question');
    assert.equal(c.unsupported + c.contradicted, 2);
  });

  it('re-indexes on corroborate/reindex', async () => {
    fs.writeFileSync(path.join(folder, 'seeds', 'second.md'), 'A second source about something else entirely.\n');
    const res = await client.request(ReindexRequest.method, {});
    assert.equal(res.files, 2);
  });
});

describe('protocol: source problems', function () {
  this.timeout(30_000);
  it('warns once about a missing source folder, names it in the output, and keeps serving', async () => {
    const folder = makeWorkspace({ 'draft.md': DRAFT });
    const client = await start({ folder, settings: { sources: ['seeds', 'missing-folder'] } }).catch((e) => {
      throw e;
    });
    try {
      const msg = client.log.find((n) => n.method === 'window/showMessage');
      assert.ok(msg, 'a showMessage');
      assert.equal(msg.params.type, 2);
      assert.match(msg.params.message, /missing-folder/);
      assert.ok(client.log.some((n) => n.method === 'window/logMessage' && n.params.type === 2 && /missing-folder/.test(n.params.message)));
      const status = client.log.filter((n) => n.method === StatusNotification.method).pop()!.params;
      assert.equal(status.problems, 1);
      assert.equal(status.files, 1);
      const uri = uriOf(path.join(folder, 'draft.md'));
      const pub = client.diagnostics(uri);
      client.open(path.join(folder, 'draft.md'), DRAFT);
      assert.ok(hasSubmarines(DRAFT)((await pub).diagnostics));
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
