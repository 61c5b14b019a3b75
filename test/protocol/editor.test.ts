/**
 * Protocol tests of the editor features (issue 4): quick fixes applied, definition, severities,
 * hidden findings, report, check modes, inline control comments.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Location } from 'vscode-languageserver-protocol';
import {
  applyEdits,
  makeWorkspace,
  NEGATED,
  on,
  ours,
  positionOf,
  SEED,
  start,
  startInProcess,
  SUBMARINES,
  SUPPORTED,
  textAt,
  uriOf,
  type Client,
} from './harness';
import { ReindexRequest, ReportRequest } from '../../server/src/protocol';

const DRAFT = `# Notes\n\n${SUPPORTED} ${SUBMARINES}\n\n${NEGATED}\n`;

describe('protocol: editor features', function () {
  this.timeout(30_000);
  let folder: string;
  let client: Client;
  let draftPath: string;
  let uri: string;
  let seed: string;

  async function openDraft(text = DRAFT, languageId = 'markdown', file = draftPath) {
    const u = uriOf(file);
    const pub = client.diagnostics(u);
    client.open(file, text, languageId);
    return (await pub).diagnostics;
  }

  function actions(range: Diagnostic['range'], diagnostics: Diagnostic[], u = uri): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics } });
  }

  beforeEach(async () => {
    folder = makeWorkspace({ 'draft.md': DRAFT });
    draftPath = path.join(folder, 'draft.md');
    uri = uriOf(draftPath);
    seed = fs.readFileSync(path.join(folder, 'seeds', SEED), 'utf8');
    client = await startInProcess({ folder, settings: { sources: ['seeds'], debounceMs: 10 } });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("flags a negation clash as an error and replaces the clashing words with the source's words", async () => {
    const ds = await openDraft();
    const d = on(DRAFT, 'not exploratory')(ds);
    assert.ok(d, JSON.stringify(ours(ds).map((x) => [textAt(DRAFT, x.range), x.code, x.message])));
    assert.equal(d.severity, 1);
    assert.equal(d.code, 'negation');
    assert.match(d.codeDescription!.href, /#negation$/);
    assert.ok(textAt(seed, d.relatedInformation![0].location.range).includes('exploratory'));
    const acts = await actions(d.range, [d]);
    const fix = acts.find((a) => a.title.startsWith("Use the source's words"));
    assert.ok(fix, acts.map((a) => a.title).join(' | '));
    const fixed = applyEdits(DRAFT, fix.edit!.changes![uri]);
    assert.equal(fixed, DRAFT.replace(NEGATED, 'The talks are exploratory.'));
    // the fixed text checks clean
    const next = client.diagnostics(uri, (_d, p) => p.version === 2);
    client.change(uri, fixed);
    assert.ok(!ours((await next).diagnostics).some((x) => x.range.start.line === 4));
  });

  it('cites the source as a Markdown footnote; the edit applied gives the expected document', async () => {
    await openDraft();
    const pos = positionOf(DRAFT, 'closer defense');
    const acts = await actions({ start: pos, end: pos }, []);
    const cite = acts.find((a) => a.title.startsWith('Cite the source'));
    assert.ok(cite, acts.map((a) => a.title).join(' | '));
    const first = seed.slice(0, seed.indexOf('. ') + 1);
    const out = applyEdits(DRAFT, cite.edit!.changes![uri]);
    const expected = DRAFT.replace(SUPPORTED, `${SUPPORTED}[^1]`) + `\n[^1]: seeds/${SEED}:1: "${first}"\n`;
    assert.equal(out, expected);
    // a second citation takes the next number
    const next = client.diagnostics(uri, (_d, p) => p.version === 2);
    client.change(uri, out);
    const d = on(out, 'nuclear submarines')((await next).diagnostics)!;
    const cite2 = (await actions(d.range, [d])).find((a) => a.title.startsWith('Cite the source'))!;
    const out2 = applyEdits(out, cite2.edit!.changes![uri]);
    assert.ok(out2.includes(`${SUBMARINES}[^2]`), out2);
    assert.match(out2, /\n\[\^2\]: seeds\/[^:]+:\d+: "[^"]+"\n$/);
  });

  it('cites inline in a plain-text draft', async () => {
    const txt = `${SUPPORTED}\n`;
    const file = path.join(folder, 'draft.txt');
    const u = uriOf(file);
    await openDraft(txt, 'plaintext', file);
    const acts = await actions({ start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, [], u);
    const cite = acts.find((a) => a.title.startsWith('Cite the source'))!;
    const first = seed.slice(0, seed.indexOf('. ') + 1);
    assert.equal(applyEdits(txt, cite.edit!.changes![u]), `${SUPPORTED} [source: seeds/${SEED}:1: "${first}"]\n`);
  });

  it('goes to the best evidence on Go to Definition', async () => {
    await openDraft();
    const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(DRAFT, 'partnership with') });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uriOf(path.join(folder, 'seeds', SEED)));
    assert.equal(textAt(seed, locs[0].range), seed.slice(0, seed.indexOf('. ') + 1));
  });

  it('opens the source through window/showDocument', async () => {
    const ds = await openDraft();
    const d = on(DRAFT, 'nuclear submarines')(ds)!;
    const open = (await actions(d.range, [d])).find((a) => a.title.startsWith('Open the source'))!;
    const shown = client.waitFor('window/showDocument');
    await client.request('workspace/executeCommand', open.command);
    const p = await shown;
    assert.equal(p.uri, uriOf(path.join(folder, 'seeds', SEED)));
    assert.deepEqual(p.selection, d.relatedInformation![0].location.range);
  });

  it('applies corroborate.severity.<code> (hint, off)', async () => {
    const ds = await openDraft();
    assert.equal(on(DRAFT, 'nuclear submarines')(ds)!.severity, 2);
    let next = client.diagnostics(uri, (x) => on(DRAFT, 'nuclear submarines')(x)?.severity === 4);
    client.settings = { sources: ['seeds'], severity: { unsupported: 'hint' } };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await next;
    next = client.diagnostics(uri, (x) => !on(DRAFT, 'nuclear submarines')(x));
    client.settings = { sources: ['seeds'], severity: { unsupported: 'off', negation: 'warning' } };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await next;
    assert.equal(on(DRAFT, 'not exploratory')(diagnostics)!.severity, 2);
  });

  it('hides a finding in .corroborate.json; it stays hidden after edits elsewhere', async () => {
    const ds = await openDraft();
    const d = on(DRAFT, 'nuclear submarines')(ds)!;
    const hide = (await actions(d.range, [d])).find((a) => a.title.startsWith('Hide this finding'))!;
    const gone = client.diagnostics(uri, (x) => !on(DRAFT, 'nuclear submarines')(x));
    await client.request('workspace/executeCommand', hide.command);
    await gone;
    const saved = JSON.parse(fs.readFileSync(path.join(folder, '.corroborate.json'), 'utf8'));
    assert.deepEqual(saved.hidden, [{ code: 'unsupported', text: SUBMARINES, context: saved.hidden[0]?.context }]);
    assert.match(saved.hidden[0].context, /^[0-9a-f]{8}$/);
    const edited = `Intro paragraph added above.\n\n${DRAFT}`;
    const next = client.diagnostics(uri, (_x, p) => p.version === 2);
    client.change(uri, edited);
    const after = (await next).diagnostics;
    assert.ok(!on(edited, 'nuclear submarines')(after), 'still hidden');
    assert.ok(on(edited, 'not exploratory')(after), 'other findings stay');
  });

  it('reports every statement with its verdict, evidence and signals', async () => {
    await openDraft();
    const { markdown } = await client.request<{ markdown: string }>(ReportRequest.method, { uri });
    for (const s of [SUPPORTED, SUBMARINES, NEGATED]) assert.ok(markdown.includes(`> ${s}`), s);
    assert.match(markdown, /1 supported/);
    assert.match(markdown, /negation/);
    assert.ok(markdown.includes(`#L1)`));
  });

  it('honours corroborate-disable-next-line', async () => {
    const text = `${SUPPORTED}\n\n<!-- corroborate-disable-next-line -->\n${SUBMARINES}\n\n${NEGATED}\n`;
    const ds = await openDraft(text);
    assert.ok(!on(text, 'nuclear submarines')(ds));
    assert.ok(on(text, 'not exploratory')(ds));
  });

  it('in onSave mode checks on save, not on each change', async () => {
    await client.stop();
    client = await startInProcess({ folder, settings: { sources: ['seeds'], checkMode: 'onSave', debounceMs: 0 } });
    await openDraft();
    const v2 = `${SUBMARINES}\n`;
    const saved = client.diagnostics(uri, (_d, p) => p.version === 2);
    client.change(uri, v2);
    // a round trip: the server has handled the change (and, in onSave mode, not checked)
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    const published = client.log.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2);
    assert.equal(published.length, 0);
    client.notify('textDocument/didSave', { textDocument: { uri } });
    const { diagnostics } = await saved;
    assert.ok(on(v2, 'nuclear submarines')(diagnostics));
  });

  it('lists the draft statements that rely on a source sentence (Find All References)', async () => {
    await openDraft();
    const src = uriOf(path.join(folder, 'seeds', SEED));
    const locs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: src },
      position: { line: 0, character: 10 },
      context: { includeDeclaration: false },
    });
    assert.ok(
      locs.some((l) => l.uri === uri && textAt(DRAFT, l.range) === SUPPORTED),
      JSON.stringify(locs),
    );
    assert.ok(!locs.some((l) => textAt(DRAFT, l.range) === NEGATED));
  });

  it('reads .corroborate.json, which takes precedence over editor settings, and follows its changes', async () => {
    const ds = await openDraft();
    assert.ok(on(DRAFT, 'nuclear submarines')(ds));
    const cfg = path.join(folder, '.corroborate.json');
    fs.writeFileSync(cfg, JSON.stringify({ severity: { unsupported: 'off' } }));
    const next = client.diagnostics(uri, (x) => !on(DRAFT, 'nuclear submarines')(x));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(cfg), type: 1 }] });
    const { diagnostics } = await next;
    assert.ok(on(DRAFT, 'not exploratory')(diagnostics));
  });
});

describe('protocol: dynamic registration', function () {
  this.timeout(30_000);
  it('registers file watchers for the source folders when the client supports it', async () => {
    const folder = makeWorkspace({});
    const client = await start({ folder, dynamicWatch: true, settings: { sources: ['seeds'] } });
    try {
      const reg = await (async () => {
        const found = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
        if (found) return found;
        // the registration request may still be in flight: a round trip settles it
        await client.request(ReindexRequest.method, {});
        return client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      })();
      assert.ok(reg, JSON.stringify(client.registrations));
      const patterns = reg.registerOptions.watchers.map((w: any) => w.globPattern);
      assert.ok(
        patterns.some((g: any) => g.baseUri === uriOf(path.join(folder, 'seeds')) && /txt/.test(g.pattern)),
        JSON.stringify(patterns),
      );
      assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
