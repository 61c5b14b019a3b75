/**
 * Protocol tests of the writer's workflow (issue 4, second part): squiggles held back on the
 * statement being typed, hidden findings keyed on context (list, un-hide), Check Workspace,
 * Add Source Folder, counts and the size cap, matched words in the hover, multi-root folders.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { makeWorkspace, NEGATED, on, ours, positionOf, SEED, start, startInProcess, SUBMARINES, SUPPORTED, textAt, uriOf, type Client } from './harness';
import {
  AddSourceRequest,
  CheckPathRequest,
  CountsNotification,
  CursorNotification,
  HiddenRequest,
  ListDraftsRequest,
  UnhideRequest,
} from '../../server/src/protocol';

const DRAFT = `# Notes\n\n${SUPPORTED} ${SUBMARINES}\n\n${NEGATED}\n`;

const shown = (ds: Diagnostic[], text: string) => JSON.stringify(ours(ds).map((d) => [textAt(text, d.range), d.code]));

describe('protocol: workflow', function () {
  this.timeout(30_000);
  let folder: string;
  let client: Client | undefined;
  let draftPath: string;
  let uri: string;

  async function boot(settings: Record<string, unknown>, files: Record<string, string> = {}) {
    folder = makeWorkspace({ 'draft.md': DRAFT, ...files });
    draftPath = path.join(folder, 'draft.md');
    uri = uriOf(draftPath);
    client = await startInProcess({ folder, settings: { sources: ['seeds'], debounceMs: 0, ...settings } });
    return client;
  }

  async function openDraft(c: Client, text = DRAFT): Promise<Diagnostic[]> {
    const pub = c.diagnostics(uri);
    c.open(draftPath, text);
    return (await pub).diagnostics;
  }

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  describe('hold-back while typing', () => {
    const EDITED = DRAFT.replace(NEGATED, 'The talks are not exploratory at all.');
    const EDITED_NEG = 'The talks are not exploratory at all.';

    it('holds back the finding of the statement under the cursor; it appears when the cursor leaves', async () => {
      const c = await boot({ holdBackMs: 60_000 });
      const first = await openDraft(c);
      assert.ok(on(DRAFT, 'not exploratory')(first), 'shown on open (nothing typed yet)');
      const v2 = c.diagnostics(uri, (_d, p) => p.version === 2);
      c.notify(CursorNotification.method, { uri, position: positionOf(EDITED, 'exploratory at all', 3) });
      c.change(uri, EDITED);
      const typed = (await v2).diagnostics;
      assert.ok(!ours(typed).some((d) => textAt(EDITED, d.range).includes('exploratory')), shown(typed, EDITED));
      assert.ok(on(EDITED, 'nuclear submarines')(typed), `others stay: ${shown(typed, EDITED)}`);
      // moving inside the statement keeps it held; leaving it shows it
      const back = c.diagnostics(uri, (d, p) => p.version === 2 && !!ours(d).find((x) => textAt(EDITED, x.range).includes('exploratory')));
      c.notify(CursorNotification.method, { uri, position: positionOf(EDITED, 'talks are') });
      c.notify(CursorNotification.method, { uri, position: { line: 0, character: 2 } });
      const left = (await back).diagnostics;
      assert.ok(on(EDITED, 'nuclear submarines')(left));
      const republished = c.log.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2);
      assert.equal(republished.length, 2, 'one publish held back, one when the cursor left');
    });

    it('shows the held-back finding after the pause without a cursor move', async () => {
      const c = await boot({ holdBackMs: 1500 }); // long enough for the check to publish first on a busy machine
      await openDraft(c);
      const v2 = c.diagnostics(uri, (_d, p) => p.version === 2);
      c.notify(CursorNotification.method, { uri, position: positionOf(EDITED, 'exploratory at all', 3) });
      c.change(uri, EDITED);
      const typed = (await v2).diagnostics;
      assert.ok(!ours(typed).some((d) => textAt(EDITED, d.range).includes('exploratory')), shown(typed, EDITED));
      const later = await c.diagnostics(uri, (d, p) => p.version === 2 && ours(d).some((x) => textAt(EDITED, x.range).includes('exploratory')));
      assert.ok(ours(later.diagnostics).find((x) => textAt(EDITED, x.range).includes('exploratory'))!.range.start.line === 4);
      assert.equal(textAt(EDITED, (ours(later.diagnostics).find((x) => x.code === 'negation')!.data as any).claim.range), EDITED_NEG);
    });

    it('holdBackMs 0 shows findings under the cursor at once', async () => {
      const c = await boot({ holdBackMs: 0 });
      await openDraft(c);
      const v2 = c.diagnostics(uri, (_d, p) => p.version === 2);
      c.notify(CursorNotification.method, { uri, position: positionOf(EDITED, 'exploratory at all', 3) });
      c.change(uri, EDITED);
      const typed = (await v2).diagnostics;
      assert.ok(
        ours(typed).some((d) => textAt(EDITED, d.range).includes('exploratory')),
        shown(typed, EDITED),
      );
    });
  });

  describe('hidden findings keyed on context', () => {
    async function hide(c: Client, d: Diagnostic) {
      const acts = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const act = acts.find((a) => a.title.startsWith('Hide this finding'))!;
      const gone = c.diagnostics(uri, (x) => !on(DRAFT, 'nuclear submarines')(x));
      await c.request('workspace/executeCommand', act.command);
      await gone;
    }

    it('stores the context; survives edits elsewhere, not a move to other surroundings; lists and un-hides', async () => {
      const c = await boot({});
      const d = on(DRAFT, 'nuclear submarines')(await openDraft(c))!;
      await hide(c, d);
      const cfg = path.join(folder, '.corroborate.json');
      const saved = JSON.parse(fs.readFileSync(cfg, 'utf8'));
      assert.equal(saved.hidden.length, 1);
      assert.deepEqual({ code: saved.hidden[0].code, text: saved.hidden[0].text }, { code: 'unsupported', text: SUBMARINES });
      assert.match(saved.hidden[0].context, /^[0-9a-f]{8}$/);

      // an edit elsewhere (a new paragraph at the end): still hidden
      const elsewhere = `${DRAFT}\nA closing paragraph about something else entirely.\n`;
      let next = c.diagnostics(uri, (_x, p) => p.version === 2);
      c.change(uri, elsewhere);
      let after = (await next).diagnostics;
      assert.ok(!on(elsewhere, 'nuclear submarines')(after), 'still hidden');
      assert.ok(on(elsewhere, 'not exploratory')(after));

      // the same statement in other surroundings: a different finding, shown
      const moved = `# Notes\n\n${NEGATED}\n\nMeanwhile in other news. ${SUBMARINES}\n`;
      next = c.diagnostics(uri, (_x, p) => p.version === 3);
      c.change(uri, moved);
      after = (await next).diagnostics;
      assert.ok(on(moved, 'nuclear submarines')(after), shown(after, moved));

      // back in place: hidden again; then list and un-hide
      next = c.diagnostics(uri, (_x, p) => p.version === 4);
      c.change(uri, DRAFT);
      assert.ok(!on(DRAFT, 'nuclear submarines')((await next).diagnostics));
      const list = await c.request<any[]>(HiddenRequest.method, {});
      assert.equal(list.length, 1);
      assert.equal(list[0].text, SUBMARINES);
      assert.equal(list[0].folderUri, uriOf(folder));
      const back = c.diagnostics(uri, (x) => !!on(DRAFT, 'nuclear submarines')(x));
      const res = await c.request<{ removed: number }>(UnhideRequest.method, { items: list });
      assert.equal(res.removed, 1);
      await back;
      assert.deepEqual(JSON.parse(fs.readFileSync(cfg, 'utf8')).hidden, []);
    });

    it('an entry without a context (older files) hides the statement anywhere', async () => {
      const c = await boot({}, { '.corroborate.json': JSON.stringify({ hidden: [{ code: 'unsupported', text: SUBMARINES }] }) });
      const moved = `# Notes\n\n${NEGATED}\n\nMeanwhile in other news. ${SUBMARINES}\n`;
      const ds = await openDraft(c, moved);
      assert.ok(!on(moved, 'nuclear submarines')(ds));
      assert.ok(on(moved, 'not exploratory')(ds));
    });
  });

  describe('Check Workspace', () => {
    const files = {
      'chapters/one.md': `${NEGATED}\n`,
      'chapters/two.txt': `${SUBMARINES}\n`,
      'node_modules/pkg/readme.md': `${NEGATED}\n`,
      '.hidden/notes.md': `${NEGATED}\n`,
      'notes.rst': `${NEGATED}\n`,
    };

    it('lists the drafts matching corroborate.drafts (not sources, node_modules, dot folders) and publishes each', async () => {
      const c = await boot({}, files);
      const { folders } = await c.request<{ folders: { folderUri: string; files: string[] }[] }>(ListDraftsRequest.method, {});
      assert.equal(folders.length, 1);
      const rel = folders[0].files.map((u) => path.relative(folder, new URL(u).pathname).split(path.sep).join('/'));
      assert.deepEqual(rel, ['chapters/one.md', 'chapters/two.txt', 'draft.md']);
      const one = uriOf(path.join(folder, 'chapters/one.md'));
      const two = uriOf(path.join(folder, 'chapters/two.txt'));
      const pubOne = c.diagnostics(one);
      const pubTwo = c.diagnostics(two);
      const r1 = await c.request(CheckPathRequest.method, { uri: one });
      const r2 = await c.request(CheckPathRequest.method, { uri: two });
      assert.deepEqual(r1.counts, { supported: 0, unsupported: 0, contradicted: 1, skipped: 0 });
      assert.deepEqual(r2.counts, { supported: 0, unsupported: 1, contradicted: 0, skipped: 0 });
      const d1: PublishDiagnosticsParams = await pubOne;
      const d2: PublishDiagnosticsParams = await pubTwo;
      assert.equal(textAt(`${NEGATED}\n`, d1.diagnostics.find((d) => d.code === 'negation')!.range), 'not exploratory');
      assert.equal(d2.diagnostics[0].code, 'unsupported');
      assert.ok(textAt(`${SUBMARINES}\n`, d2.diagnostics[0].range).includes('nuclear submarines'));
    });

    it('follows the drafts globs (from .corroborate.json too)', async () => {
      const c = await boot({ drafts: ['**/*.md'] }, { ...files, '.corroborate.json': JSON.stringify({ drafts: ['chapters/*.txt'] }) });
      const { folders } = await c.request<{ folders: { files: string[] }[] }>(ListDraftsRequest.method, {});
      assert.deepEqual(folders[0].files, [uriOf(path.join(folder, 'chapters/two.txt'))]);
    });
  });

  describe('Add Source Folder', () => {
    const more = { 'more/submarines.txt': 'The partnership includes nuclear submarines, officials said.\n' };

    it('appends the folder to .corroborate.json sources and re-indexes', async () => {
      const c = await boot({}, { ...more, '.corroborate.json': JSON.stringify({ severity: { negation: 'warning' } }) });
      assert.ok(on(DRAFT, 'nuclear submarines')(await openDraft(c)));
      const gone = c.diagnostics(uri, (x) => !on(DRAFT, 'nuclear submarines')(x));
      const res = await c.request(AddSourceRequest.method, { folderUri: uriOf(folder), uri: uriOf(path.join(folder, 'more')) });
      assert.equal(res.target, 'project');
      assert.deepEqual(res.sources, ['seeds', 'more']);
      const saved = JSON.parse(fs.readFileSync(path.join(folder, '.corroborate.json'), 'utf8'));
      assert.deepEqual(saved, { severity: { negation: 'warning' }, sources: ['seeds', 'more'] });
      const after = (await gone).diagnostics;
      assert.equal(on(DRAFT, 'not exploratory')(after)!.severity, 2);
    });

    it('without .corroborate.json tells the client to append it to the setting', async () => {
      const c = await boot({}, more);
      const res = await c.request(AddSourceRequest.method, { uri: uriOf(path.join(folder, 'more')) });
      assert.deepEqual(res, { target: 'settings', folderUri: uriOf(folder), entry: 'more', sources: ['seeds', 'more'] });
      assert.ok(!fs.existsSync(path.join(folder, '.corroborate.json')));
    });
  });

  describe('counts and the size cap', () => {
    it('sends the counts of each check', async () => {
      const c = await boot({});
      const counts = c.waitFor(CountsNotification.method, (p: any) => p.uri === uri);
      await openDraft(c);
      const p = await counts;
      assert.deepEqual(p.counts, { supported: 1, unsupported: 1, contradicted: 1, skipped: 1 }); // the heading is skipped
      assert.equal(p.partial, undefined);
    });

    it('checks a draft over corroborate.maxDraftKB up to the cap and says so', async () => {
      const big = `${SUPPORTED}\n\n${'Filler words about the weather in spring. '.repeat(40)}\n\n${NEGATED}\n`;
      const c = await boot({ maxDraftKB: 1 });
      const counts = c.waitFor(CountsNotification.method, (p: any) => p.uri === uri);
      const ds = await openDraft(c, big);
      const p = await counts;
      assert.ok(p.partial && p.partial.checkedChars < big.length && p.partial.totalChars === big.length, JSON.stringify(p.partial));
      const cut = ours(ds).find((d) => d.code === 'partial')!;
      assert.ok(cut, shown(ds, big));
      assert.equal(cut.severity, 3);
      assert.match(String(cut.message), /partially checked/);
      assert.ok(!on(big, 'not exploratory')(ds), 'after the cut: not checked');
      assert.ok(cut.range.start.line <= 4);
    });
  });

  describe('hover', () => {
    it('emphasises the source words the statement matched; the quote is otherwise verbatim', async () => {
      const c = await boot({});
      await openDraft(c);
      const seed = fs.readFileSync(path.join(folder, 'seeds', SEED), 'utf8');
      const first = seed.slice(0, seed.indexOf('. ') + 1);
      const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'closer defense') });
      const md = (h.contents as { value: string }).value;
      const quote = md.split('\n').find((l) => l.startsWith('> '))!;
      assert.equal(quote.slice(2).replace(/\*\*/g, ''), first);
      assert.ok(quote.includes('**closer defense partnership**'), quote);
      assert.ok(quote.includes('**India**'), quote);
      assert.ok(!quote.includes('**outlining'), quote);
    });
  });

  describe('multi-root', () => {
    it('each workspace folder checks against its own sources', async () => {
      const a = makeWorkspace({ 'draft.md': `${SUBMARINES}\n` });
      const b = makeWorkspace({ 'draft.md': `${SUBMARINES}\n`, 'notes/n.txt': 'The partnership includes nuclear submarines, officials said.\n' });
      folder = a;
      try {
        client = await start({
          folder: a,
          moreFolders: [b],
          settingsFor: (scope) => ({ sources: scope === uriOf(b) ? ['notes'] : ['seeds'], debounceMs: 0 }),
        });
        const ua = uriOf(path.join(a, 'draft.md'));
        const ub = uriOf(path.join(b, 'draft.md'));
        const pa = client.diagnostics(ua);
        const pb = client.diagnostics(ub);
        client.open(path.join(a, 'draft.md'), `${SUBMARINES}\n`);
        client.open(path.join(b, 'draft.md'), `${SUBMARINES}\n`);
        assert.equal(ours((await pa).diagnostics)[0]?.code, 'unsupported');
        assert.deepEqual(ours((await pb).diagnostics), []);
        const def = await client.request<{ uri: string }[]>('textDocument/definition', { textDocument: { uri: ub }, position: { line: 0, character: 5 } });
        assert.equal(def[0].uri, uriOf(path.join(b, 'notes', 'n.txt')));
        const scopes = client.configRequests.flatMap((r) => r.items.map((i: any) => i.scopeUri));
        assert.ok(scopes.includes(uriOf(a)) && scopes.includes(uriOf(b)), JSON.stringify(scopes));
      } finally {
        fs.rmSync(b, { recursive: true, force: true });
      }
    });
  });
});
