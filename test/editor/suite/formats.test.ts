/**
 * Extension-host tests of extracted sources (runs after extension.test.ts, on the same workspace copy):
 * the read-only view of a PDF's extracted text opened at the cited sentence, Open the Original File from
 * it (the PDF; for a web page the raw .html at the view's selection), an HTML citation that opens the raw
 * page at the quote, and last the first-run notice "No sources indexed: choose a folder" with its button.
 * Fixtures: test/fixtures/formats (scripts/make-fixtures.mjs). Every wait is on an event, with a timeout
 * only as a failure guard.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'formats');
const PDF_PLANTED = 'The new container terminal at Wexmoor opened in March with nine cranes.';
const HTML_PLANTED = "Shipping lines will pay the second pilot's fee, which the board set at 950 euros a night.";
const HTML_SENTENCE = "Shipping lines will pay the second pilot's fee, which the board set at 850 euros a night.";

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f;
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate');

/** Resolves once `pred` holds: now, or after an event of `event`; rejects after the timeout. */
function when<T>(what: string, pred: () => T | undefined, event: vscode.Event<unknown>, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const check = (): boolean => {
      const v = pred();
      if (v === undefined) return false;
      sub?.dispose();
      clearTimeout(timer);
      resolve(v);
      return true;
    };
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (check()) return;
    sub = event(() => void check());
  });
}

/** What a reader sees of raw markup: tags out, white space collapsed. */
const visible = (raw: string) =>
  raw
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('extracted sources in VS Code (code-server extension host)', function () {
  this.timeout(60000);
  let draft: vscode.TextDocument;
  const root = () => folder().uri.fsPath;

  before(async () => {
    fs.mkdirSync(path.join(root(), 'formats'), { recursive: true });
    for (const f of ['review.pdf', 'article.html']) fs.copyFileSync(path.join(FIXTURES, f), path.join(root(), 'formats', f));
    fs.writeFileSync(path.join(root(), 'formats-draft.md'), `${PDF_PLANTED}\n\n${HTML_PLANTED}\n`);
    await vscode.workspace.getConfiguration('corroborate').update('sources', ['formats'], vscode.ConfigurationTarget.Workspace);
    draft = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), 'formats-draft.md')));
    await vscode.window.showTextDocument(draft);
  });

  const findings = () =>
    when(
      'the PDF and HTML findings',
      () => {
        const ds = ours(draft.uri);
        const nine = ds.find((d) => draft.getText(d.range) === 'nine');
        const fee = ds.find((d) => draft.getText(d.range) === '950 euros');
        return nine && fee ? { nine, fee } : undefined;
      },
      vscode.languages.onDidChangeDiagnostics,
    );

  it('Open the source: the PDF evidence opens its extracted text read-only, scrolled to and selecting the cited sentence', async () => {
    const { nine } = await findings();
    const rel = nine.relatedInformation![0];
    assert.equal(rel.location.uri.scheme, 'corroborate-source');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft.uri, nine.range, 'quickfix');
    const open = actions.find((a) => a.title.startsWith('Open the source: formats/review.pdf, p. 3'));
    assert.ok(open?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments ?? []));
    // the editor shows first, then its selection is set: wait for both
    const ed = await when(
      'the extracted view with a selection',
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.scheme === 'corroborate-source' && !e.selection.isEmpty ? e : undefined;
      },
      (listener) => {
        const a = vscode.window.onDidChangeActiveTextEditor(listener);
        const b = vscode.window.onDidChangeTextEditorSelection(listener);
        return { dispose: () => (a.dispose(), b.dispose()) };
      },
    );
    assert.ok(ed.document.uri.path.endsWith('/formats/review.pdf'), ed.document.uri.toString());
    assert.match(ed.document.getText(ed.selection), /fourteen cranes/);
    assert.equal(ed.document.getText(ed.selection), rel.message);
    assert.ok(
      ed.visibleRanges.some((r) => r.contains(ed.selection.start)),
      `scrolled to line ${ed.selection.start.line}: ${JSON.stringify(ed.visibleRanges)}`,
    );
    assert.doesNotMatch(ed.document.getText(), /Page \d of 3/, 'the extracted text, not the PDF');
    // read-only: a content provider's document, no file system that could save it
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem('corroborate-source'), true);
    assert.equal(ed.document.isUntitled, false);

    // Open the Original File (the view's title bar): the PDF itself
    await vscode.commands.executeCommand('corroborate.openOriginal');
    const tab = await when(
      'the PDF tab',
      () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
        return input?.uri?.scheme === 'file' && input.uri.fsPath.endsWith('review.pdf') ? input.uri : undefined;
      },
      vscode.window.tabGroups.onDidChangeTabs,
    );
    assert.equal(tab.fsPath, path.join(root(), 'formats', 'review.pdf'));
  });

  it('an HTML citation opens the raw page at the quote; Open the Original File from its extracted view selects the same words in the .html', async () => {
    const { fee } = await findings();
    const raw = fs.readFileSync(path.join(root(), 'formats', 'article.html'), 'utf8');
    const rel = fee.relatedInformation![0];
    assert.equal(rel.location.uri.fsPath, path.join(root(), 'formats', 'article.html'));
    const page = await vscode.workspace.openTextDocument(rel.location.uri);
    assert.equal(page.getText(), raw);
    assert.equal(visible(page.getText(rel.location.range)), HTML_SENTENCE);

    // the extracted view of the page, the sentence selected, then Open the Original File
    const view = await vscode.workspace.openTextDocument(vscode.Uri.parse(`corroborate-source://${rel.location.uri.path}`));
    const at = view.getText().indexOf(HTML_SENTENCE);
    assert.ok(at >= 0, view.getText());
    const sel = new vscode.Selection(view.positionAt(at), view.positionAt(at + HTML_SENTENCE.length));
    await vscode.window.showTextDocument(view, { selection: sel });
    await vscode.commands.executeCommand('corroborate.openOriginal');
    const ed = await when(
      'the raw page',
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.scheme === 'file' && e.document.uri.fsPath.endsWith('article.html') ? e : undefined;
      },
      vscode.window.onDidChangeActiveTextEditor,
    );
    assert.equal(visible(ed.document.getText(ed.selection)), HTML_SENTENCE);
    assert.deepEqual([ed.selection.start.line, ed.selection.end.line], [rel.location.range.start.line, rel.location.range.end.line]);
  });

  it('first run: no source folder and no seeds/: the notice "No sources indexed: choose a folder", whose button adds the folder picked', async () => {
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = { info: w.showInformationMessage, open: w.showOpenDialog };
    const seen: string[] = [];
    let noticed: () => void = () => undefined;
    const notice = new Promise<void>((resolve) => (noticed = resolve));
    w.showOpenDialog = async () => [vscode.Uri.file(path.join(root(), 'formats'))];
    w.showInformationMessage = async (msg: string, ...items: string[]) => {
      seen.push(msg);
      if (/No sources indexed: choose a folder/.test(msg)) {
        noticed();
        return items.includes('Choose Folder') ? 'Choose Folder' : undefined;
      }
      return undefined;
    };
    try {
      fs.rmSync(path.join(root(), 'seeds'), { recursive: true, force: true });
      fs.rmSync(path.join(root(), '.corroborate.json'), { force: true });
      const cfg = vscode.workspace.getConfiguration('corroborate');
      await cfg.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('corroborate.reindex');
      await Promise.race([
        notice,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no first-run notice; messages: ${seen.join(' | ')}`)), 30000)),
      ]);
      // nothing is marked against no sources
      await when('no findings', () => (ours(draft.uri).length === 0 ? true : undefined), vscode.languages.onDidChangeDiagnostics);
      // the button did what Add Source Folder does: formats/ is now a source folder, and the findings come back
      const sources = await when(
        'formats in the sources',
        () => {
          const s = vscode.workspace.getConfiguration('corroborate').get<string[]>('sources') ?? [];
          return s.includes('formats') ? s : undefined;
        },
        vscode.workspace.onDidChangeConfiguration,
      );
      assert.ok(sources.includes('formats'));
      await findings();
    } finally {
      w.showInformationMessage = saved.info;
      w.showOpenDialog = saved.open;
    }
  });
});
