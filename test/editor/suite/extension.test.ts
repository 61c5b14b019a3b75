/**
 * Extension-host tests: the extension as it runs in VS Code's workbench (code-server), on a
 * workspace copy of examples/ and seeds/. Every wait is on an event (onDidChangeDiagnostics),
 * with a timeout only as a failure guard.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const SEED = 'seeds/us-india-defense-partnership.txt';
const SEED_LINES = () => fs.readFileSync(folder().uri.fsPath + '/' + SEED, 'utf8').split(/\r?\n/);

/** The example draft's findings: line (0-based), code, severity, and the words the range covers. */
const EXPECTED: { line: number; code: string; severity: vscode.DiagnosticSeverity; words: string; seedLine: number }[] = [
  { line: 4, code: 'unsupported', severity: vscode.DiagnosticSeverity.Warning, words: 'nuclear submarines', seedLine: 1 },
  { line: 8, code: 'entity', severity: vscode.DiagnosticSeverity.Error, words: 'Secretary of State', seedLine: 2 },
  { line: 9, code: 'modality', severity: vscode.DiagnosticSeverity.Error, words: 'signed a binding agreement', seedLine: 0 },
  { line: 10, code: 'quantifier', severity: vscode.DiagnosticSeverity.Error, words: 'a single project', seedLine: 1 },
  { line: 14, code: 'negation', severity: vscode.DiagnosticSeverity.Error, words: 'does cause', seedLine: 4 },
  { line: 15, code: 'quote', severity: vscode.DiagnosticSeverity.Warning, words: 'a dangerous provocation', seedLine: 3 },
  { line: 19, code: 'number', severity: vscode.DiagnosticSeverity.Error, words: 'three', seedLine: 1 },
];

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate');
}

function summary(ds: vscode.Diagnostic[]): string {
  return ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)}/${d.severity}`).join(', ') || '(none)';
}

/** Resolves with the diagnostics of `uri` once `pred` holds: now, or after a change event. */
function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    let timer: NodeJS.Timeout | undefined;
    const check = (): boolean => {
      const ds = ours(uri);
      if (!pred(ds)) return false;
      sub?.dispose();
      if (timer) clearTimeout(timer);
      resolve(ds);
      return true;
    };
    if (check()) return;
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${summary(ours(uri))}`));
    }, timeoutMs);
  });
}

/** The expected finding among `ds` (the engine may add findings beyond these). */
function find(ds: vscode.Diagnostic[], e: (typeof EXPECTED)[number], shift = 0): vscode.Diagnostic | undefined {
  return ds.find((d) => codeOf(d) === e.code && d.range.start.line === e.line + shift);
}

function byCode(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  assert.ok(d, `a ${code} diagnostic among ${summary(ds)}`);
  return d;
}

function hoverText(h: vscode.Hover[]): string {
  return h
    .flatMap((x) => x.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Captures what the extension shows with window.show*Message while `fn` runs. */
async function capturingMessages(fn: () => Thenable<unknown>): Promise<string[]> {
  const w = vscode.window as any;
  const saved = { info: w.showInformationMessage, warn: w.showWarningMessage, error: w.showErrorMessage };
  const seen: string[] = [];
  const spy =
    (orig: (...a: unknown[]) => unknown) =>
    (msg: string, ...rest: unknown[]) => {
      seen.push(msg);
      return orig.call(vscode.window, msg, ...rest);
    };
  const dialogs = { open: w.showOpenDialog, pick: w.showQuickPick };
  // commands that ask: the folder picker gets more-sources/, a quick pick is dismissed
  w.showOpenDialog = async () => [vscode.Uri.joinPath(folder().uri, 'more-sources')];
  w.showQuickPick = async () => undefined;
  w.showInformationMessage = spy(saved.info);
  w.showWarningMessage = spy(saved.warn);
  w.showErrorMessage = spy(saved.error);
  try {
    await fn();
  } finally {
    w.showInformationMessage = saved.info;
    w.showWarningMessage = saved.warn;
    w.showErrorMessage = saved.error;
    w.showOpenDialog = dialogs.open;
    w.showQuickPick = dialogs.pick;
  }
  return seen;
}

describe('Corroborate in VS Code (code-server extension host)', function () {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let original: string;
  const all = (ds: vscode.Diagnostic[]) => EXPECTED.every((e) => find(ds, e));
  /** how many findings the unedited draft has with default settings (at least EXPECTED.length) */
  let baseline = 0;

  before(async () => {
    const uri = vscode.Uri.joinPath(folder().uri, 'examples', 'draft.md');
    doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc);
    original = doc.getText();
    const ds = await waitForDiagnostics(doc.uri, all, 'the draft findings after activation', 60000);
    baseline = ds.length;
  });

  afterEach(async () => {
    // every test starts from the original draft and default settings
    const cfg = vscode.workspace.getConfiguration('corroborate', doc.uri);
    for (const key of ['severity.contradicted', 'severity.unsupported', 'sources']) {
      if (cfg.inspect(key)?.workspaceValue !== undefined) await cfg.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    await waitForDiagnostics(doc.uri, (ds) => ds.length === baseline && all(ds), 'the original findings again');
  });

  it('activates on the Markdown draft and publishes its findings: codes, severities, ranges on the clashing words', async () => {
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length >= EXPECTED.length && all(d), 'the draft findings', 60000);
    assert.ok(vscode.extensions.getExtension('corroborate.corroborate')?.isActive, 'the extension is active');
    assert.equal(ds.length, baseline);
    for (const e of EXPECTED) {
      const d = find(ds, e)!;
      assert.equal(d.severity, e.severity, `severity of ${e.code}`);
      assert.equal(doc.getText(d.range), e.words, `range of ${e.code} on line ${e.line + 1}`);
      assert.ok(d.message.length > 10, d.message);
      if (typeof d.code === 'object') assert.ok(String(d.code.target).includes('README'), `code link ${d.code.target}`);
    }
  });

  it('cites the source sentence in relatedInformation', async () => {
    const ds = await waitForDiagnostics(doc.uri, all, 'the draft findings');
    const seed = SEED_LINES();
    for (const e of EXPECTED) {
      const d = find(ds, e)!;
      assert.ok(d.relatedInformation?.length, `${e.code} has relatedInformation`);
      const rel = d.relatedInformation[0];
      assert.ok(rel.location.uri.path.endsWith(SEED), rel.location.uri.toString());
      assert.equal(rel.location.range.start.line, e.seedLine, `${e.code} cites ${SEED}:${e.seedLine + 1}`);
      assert.ok(rel.message.length > 20, rel.message);
      assert.ok(seed[e.seedLine].includes(rel.message.replace(/\s+/g, ' ').trim().slice(0, 40)), `the quote "${rel.message}" is on the cited line`);
    }
  });

  it('hover: verdict, reason and the source quote (vscode.executeHoverProvider)', async () => {
    const d = byCode(await waitForDiagnostics(doc.uri, all, 'the draft findings'), 'entity');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 2));
    const text = hoverText(hovers).replace(/\*\*/g, ''); // matched words are bold
    assert.match(text, /contradicted/, text);
    assert.match(text, /^> .*United States Deputy Secretary of Defense/m, JSON.stringify(text));
    assert.match(text, /us-india-defense-partnership\.txt:3\]/, JSON.stringify(text));
  });

  it('definition: goes to the best evidence in the source (vscode.executeDefinitionProvider)', async () => {
    const d = byCode(await waitForDiagnostics(doc.uri, all, 'the draft findings'), 'negation');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, d.range.start);
    assert.ok(defs.length >= 1, 'a definition');
    const first = defs[0];
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetUri' in first ? first.targetRange : first.range;
    assert.ok(uri.path.endsWith(SEED), uri.toString());
    assert.equal(range.start.line, 4);
  });

  it('runs every contributed command', async () => {
    await waitForDiagnostics(doc.uri, all, 'the draft findings');
    const ext = vscode.extensions.getExtension('corroborate.corroborate')!;
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(contributed.slice().sort(), [
      'corroborate.addSourceFolder',
      'corroborate.checkFile',
      'corroborate.checkWorkspace',
      'corroborate.openOriginal',
      'corroborate.reindex',
      'corroborate.showHidden',
      'corroborate.showReport',
    ]);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) assert.ok(registered.has(c), `${c} is registered`);
    const ran = new Set<string>();
    const run = async (command: string): Promise<string[]> => {
      ran.add(command);
      await vscode.window.showTextDocument(doc);
      return capturingMessages(() => vscode.commands.executeCommand(command));
    };

    const check = await run('corroborate.checkFile');
    assert.equal(check.length, 1, check.join(' | '));
    const m = /^Corroborate: (\d+) supported, (\d+) unsupported, (\d+) contradicted, (\d+) skipped\.$/.exec(check[0]);
    assert.ok(m, check[0]);
    assert.ok(Number(m[3]) >= 5 && Number(m[2]) >= 2, check[0]);

    const reindex = await run('corroborate.reindex');
    assert.equal(reindex.length, 1, reindex.join(' | '));
    assert.match(reindex[0], /^Corroborate: indexed 1 sources, \d+ sentences\.$/);

    const ws = await run('corroborate.checkWorkspace');
    assert.equal(ws.length, 1, ws.join(' | '));
    assert.match(ws[0], /^Corroborate: \d+ drafts checked.*: [1-9]\d* contradicted/);

    const original = await run('corroborate.openOriginal');
    assert.equal(original.length, 1, original.join(' | '));
    assert.match(original[0], /^Corroborate: Open the Original File works on the read-only view of an extracted source/);

    const hidden = await run('corroborate.showHidden');
    assert.deepEqual(hidden, ['Corroborate: no hidden findings (.corroborate.json).']);

    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder().uri, 'more-sources'));
    const added = await run('corroborate.addSourceFolder');
    assert.equal(added.length, 1, added.join(' | '));
    assert.match(added[0], /^Corroborate: added more-sources to the sources/);
    const sources = vscode.workspace.getConfiguration('corroborate', doc.uri).get<string[]>('sources') ?? [];
    const project = await Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder().uri, '.corroborate.json'))).then(
      (b) => Buffer.from(b).toString(),
      () => '',
    );
    assert.ok(sources.includes('more-sources') || project.includes('more-sources'), `sources now: ${JSON.stringify(sources)} ${project}`);

    await vscode.window.showTextDocument(doc);
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'untitled') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    ran.add('corroborate.showReport');
    await vscode.commands.executeCommand('corroborate.showReport');
    const report = await opened;
    assert.equal(report.languageId, 'markdown');
    assert.match(report.getText(), /contradicted/);
    assert.match(report.getText(), /Secretary of State/);
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    editor = await vscode.window.showTextDocument(doc);
    assert.deepEqual([...ran].sort(), contributed.slice().sort(), 'every contributed command ran');
  });

  it('follows a setting: corroborate.severity.contradicted = off hides the errors, warning turns every finding into a warning', async () => {
    await waitForDiagnostics(doc.uri, all, 'the draft findings');
    const cfg = vscode.workspace.getConfiguration('corroborate', doc.uri);
    await cfg.update('severity.contradicted', 'off', vscode.ConfigurationTarget.Workspace);
    const off = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.length > 0 && ds.length < baseline && !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'only the unsupported findings',
    );
    assert.ok(off.some((d) => codeOf(d) === 'quote') && off.some((d) => codeOf(d) === 'unsupported'), summary(off));
    for (const code of ['entity', 'negation', 'number', 'modality', 'quantifier']) assert.ok(!off.some((d) => codeOf(d) === code), `${code} is hidden`);

    await cfg.update('severity.contradicted', 'warning', vscode.ConfigurationTarget.Workspace);
    const warn = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.length === baseline && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      'every finding a warning',
    );
    assert.ok(all(warn), summary(warn));
  });

  it('follows a setting: corroborate.sources pointing at an empty folder shows no findings (nothing to check against)', async () => {
    await waitForDiagnostics(doc.uri, all, 'the draft findings');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder().uri, 'empty-sources'));
    const cfg = vscode.workspace.getConfiguration('corroborate', doc.uri);
    await cfg.update('sources', ['empty-sources'], vscode.ConfigurationTarget.Workspace);
    // no source indexed: no wall of unsupported findings (the first-run notice asks for a folder instead)
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings without sources');
    assert.equal(ds.length, 0);
  });

  it('follows edits: inserted lines move the findings, a corrected number removes its finding', async () => {
    await waitForDiagnostics(doc.uri, all, 'the draft findings');
    const ok = await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\n\n'));
    assert.ok(ok, 'edit applied');
    const moved = await waitForDiagnostics(doc.uri, (ds) => ds.length === baseline && EXPECTED.every((e) => find(ds, e, 2)), 'the findings two lines down');
    for (const e of EXPECTED) assert.equal(doc.getText(find(moved, e, 2)!.range), e.words);

    const num = byCode(moved, 'number');
    await editor.edit((b) => b.replace(num.range, 'two'));
    const after = await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'number') && EXPECTED.filter((e) => e.code !== 'number').every((e) => find(ds, e, 2)),
      'the number finding gone',
    );
    assert.ok(
      EXPECTED.filter((e) => e.code !== 'number').every((e) => find(after, e, 2)),
      summary(after),
    );
  });

  it("quick fix: Use the source's words (vscode.executeCodeActionProvider + workspace.applyEdit)", async () => {
    const d = byCode(await waitForDiagnostics(doc.uri, all, 'the draft findings'), 'number');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith("Use the source's words"));
    assert.ok(fix?.edit, titles.join(' | '));
    assert.ok(fix.isPreferred, 'the preferred fix');
    assert.ok(
      titles.some((t) => t.startsWith('Cite the source: ')),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => t.startsWith('Hide this finding')),
      titles.join(' | '),
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(19).text, original.split('\n')[19].replace('the three armed forces', 'the two armed forces'), fix.title);
    await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((x) => codeOf(x) === 'number') && EXPECTED.filter((e) => e.code !== 'number').every((e) => find(ds, e)),
      'the number finding gone',
    );
  });

  it('quick fix: Cite the source adds a Markdown footnote with the quote', async () => {
    const d = byCode(await waitForDiagnostics(doc.uri, all, 'the draft findings'), 'entity');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const cite = actions.find((a) => a.title.startsWith('Cite the source'));
    assert.ok(cite?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(cite.edit));
    const text = doc.getText();
    assert.ok(doc.lineAt(8).text.endsWith('[^1]'), doc.lineAt(8).text);
    assert.match(text, /\n\[\^1\]: (seeds\/)?us-india-defense-partnership\.txt:3: ".*United States Deputy Secretary of Defense.*"\n$/);
  });
});
