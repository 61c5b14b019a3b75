/**
 * The VS Code side: starts the language server (dist/server.js), the status bar item and the
 * commands. Everything about checking lives in the server, so any LSP editor gets the same.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  AddSourceRequest,
  CheckFileRequest,
  CheckingNotification,
  CheckPathRequest,
  CountsNotification,
  CursorNotification,
  HiddenRequest,
  ListDraftsRequest,
  NoSourcesNotification,
  SourceTextRequest,
  EXTRACTED_SCHEME,
  ReindexRequest,
  ReportRequest,
  StatusNotification,
  TrustNotification,
  UnhideRequest,
  type StatusParams,
  type VerdictCounts,
} from '../../server/src/protocol';
import { draftStatus, type DraftCounts } from './status';
import { originRange } from '../../server/src/engine/origin';

type Status = StatusParams;
type Counts = VerdictCounts;

let client: LanguageClient | undefined;

function languages(): string[] {
  const l = vscode.workspace.getConfiguration('corroborate').get<string[]>('languages');
  return Array.isArray(l) && l.length ? l : ['markdown', 'plaintext'];
}

function selector(): LanguageClientOptions['documentSelector'] {
  return languages().flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Corroborate', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    synchronize: {
      configurationSection: 'corroborate',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.{txt,md}'), vscode.workspace.createFileSystemWatcher('**/.corroborate.json')],
    },
    outputChannel,
    // a crashed server is restarted (up to 4 times in 3 minutes, the default error handler); the new one
    // re-indexes the sources and re-checks the open drafts
    connectionOptions: { maxRestartCount: 4 },
    // hovers quote source text: rendered untrusted (no command links) and without HTML
    markdown: { isTrusted: false, supportHtml: false },
    // the server honours corroborate.allowSourcesOutsideWorkspace only in a trusted workspace
    // the persisted index lives in the extension's storage folder (per workspace), never in the user's files
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, storageDir: (context.storageUri ?? context.globalStorageUri).fsPath }),
  };
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TrustNotification.type, { trusted: true })));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.text = '$(sync~spin) Corroborate: starting';
  status.tooltip = 'Corroborate: sources indexed';
  status.command = 'corroborate.showReport';
  status.show();
  context.subscriptions.push(status, outputChannel);

  // status bar: indexing (with %), checking, or ready with the counts of the active file
  let server: Status | undefined;
  const counts = new Map<string, DraftCounts>();
  const checking = new Set<string>();
  const render = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const mine = uri ? counts.get(uri) : undefined;
    const tips: string[] = [];
    if (server?.state === 'indexing') status.text = `$(sync~spin) Corroborate: indexing ${server.percent ?? 0}%`;
    else if (uri && checking.has(uri)) status.text = '$(sync~spin) Corroborate: checking';
    else if (mine) {
      const d = draftStatus(mine);
      status.text = d.text;
      tips.push(...d.tips);
    } else if (server) status.text = `$(book) Corroborate: ${server.files} sources, ${server.sentences} sentences`;
    if (server) tips.push(`${server.files} sources, ${server.sentences} sentences indexed.`);
    if (server?.problems) tips.push(`${server.problems} source problems: see the Corroborate output.`);
    for (const line of server?.skipped ?? []) tips.push(line);
    tips.push('Click for a report of the current file.');
    status.tooltip = tips.join('\n');
  };

  const start = async () => {
    client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
    context.subscriptions.push(
      client.onNotification(StatusNotification.type, (s) => {
        server = s;
        render();
      }),
      client.onNotification(NoSourcesNotification.type, async () => {
        // first run (no source folder configured, no seeds/ or usual folder): one notice per folder, from the server
        const pick = await vscode.window.showInformationMessage('Corroborate: No sources indexed: choose a folder of source documents.', 'Choose Folder');
        if (pick === 'Choose Folder') await vscode.commands.executeCommand('corroborate.addSourceFolder');
      }),
      client.onNotification(CheckingNotification.type, (p) => {
        checking.add(p.uri);
        render();
      }),
      client.onNotification(CountsNotification.type, (p) => {
        checking.delete(p.uri);
        counts.set(p.uri, { counts: p.counts, findings: p.findings, partial: p.partial ?? undefined });
        render();
      }),
    );
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.checkFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) {
        void vscode.window.showWarningMessage('Corroborate: open a draft to check.');
        return;
      }
      const res = await client.sendRequest(CheckFileRequest.type, { uri: editor.document.uri.toString() });
      if (!res) {
        void vscode.window.showWarningMessage('Corroborate: this file could not be checked (see the Corroborate output).');
        return;
      }
      const c = res.counts;
      void vscode.window.showInformationMessage(
        `Corroborate: ${c.supported} supported, ${c.unsupported} unsupported, ${c.contradicted} contradicted, ${c.skipped} skipped.`,
      );
    }),
    vscode.commands.registerCommand('corroborate.reindex', async () => {
      if (!client) return;
      const res = await client.sendRequest(ReindexRequest.type, {});
      if (res) void vscode.window.showInformationMessage(`Corroborate: indexed ${res.files} sources, ${res.sentences} sentences.`);
    }),
    vscode.commands.registerCommand('corroborate.showReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      const res = await client.sendRequest(ReportRequest.type, { uri: editor.document.uri.toString() });
      if (!res) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: res.markdown });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidCloseTextDocument((d) => {
      counts.delete(d.uri.toString());
      checking.delete(d.uri.toString());
    }),
    // the server holds back findings on the statement under the cursor while typing
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!client?.isRunning() || !languages().includes(e.textEditor.document.languageId)) return;
      const p = e.selections[0]?.active;
      if (p)
        void client.sendNotification(CursorNotification.type, {
          uri: e.textEditor.document.uri.toString(),
          position: { line: p.line, character: p.character },
        });
    }),
    vscode.commands.registerCommand('corroborate.checkWorkspace', async () => {
      if (!client) return;
      const c = client;
      const list = await c.sendRequest(ListDraftsRequest.type, {});
      const files = list?.folders.flatMap((f) => f.files) ?? [];
      if (!files.length) {
        void vscode.window.showInformationMessage('Corroborate: no drafts match corroborate.drafts in this workspace.');
        return;
      }
      const total: Counts = { supported: 0, unsupported: 0, contradicted: 0, skipped: 0 };
      let done = 0;
      let partial = 0;
      const cancelled = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Corroborate: checking the workspace', cancellable: true },
        async (progress, token) => {
          for (const uri of files) {
            if (token.isCancellationRequested) return true;
            progress.report({
              message: `${done + 1}/${files.length}: ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}`,
              increment: 100 / files.length,
            });
            const r = await c.sendRequest(CheckPathRequest.type, { uri }, token).catch(() => null);
            done++;
            if (!r) continue;
            for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += r.counts[k];
            if (r.partial) partial++;
          }
          return false;
        },
      );
      const truncated = list?.folders.some((f) => f.truncated) ? ' (the list of drafts was cut at 5000)' : '';
      void vscode.window.showInformationMessage(
        `Corroborate: ${cancelled ? `cancelled after ${done} of ${files.length}` : `${done}`} drafts checked${truncated}: ${total.contradicted} contradicted, ${total.unsupported} unsupported, ${total.supported} supported${partial ? `, ${partial} partially checked (size cap)` : ''}. See the Problems panel.`,
      );
    }),
    vscode.commands.registerCommand('corroborate.showHidden', async () => {
      if (!client) return;
      const items = (await client.sendRequest(HiddenRequest.type, {})) ?? [];
      if (!items.length) {
        void vscode.window.showInformationMessage('Corroborate: no hidden findings (.corroborate.json).');
        return;
      }
      const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
      const picks = await vscode.window.showQuickPick(
        items.map((h) => ({ label: h.text, description: h.code, detail: multi ? h.folderName : undefined, item: h })),
        { canPickMany: true, title: 'Corroborate: hidden findings', placeHolder: 'Select the findings to show again (un-hide)' },
      );
      if (!picks?.length) return;
      const res = await client.sendRequest(UnhideRequest.type, { items: picks.map((p) => p.item) });
      if (res) void vscode.window.showInformationMessage(`Corroborate: ${res.removed} finding(s) shown again.`);
    }),
    // extracted sources (PDF, HTML, ...): their text, read-only, as the server indexed it (evidence ranges count in it)
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const r = client ? await client.sendRequest(SourceTextRequest.type, { uri: uri.toString() }) : null;
        return r ? r.text : `Corroborate: ${uri.path} is not an indexed source (re-index, or open the original file).`;
      },
    }),
    vscode.commands.registerCommand('corroborate.openOriginal', async (target?: vscode.Uri) => {
      const uri = target ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme !== EXTRACTED_SCHEME) {
        void vscode.window.showInformationMessage(
          'Corroborate: Open the Original File works on the read-only view of an extracted source (a PDF, web page or document opened from a citation).',
        );
        return;
      }
      const original = vscode.Uri.file(uri.path);
      // a web page whose text maps back to the file: the raw page, at the place of the view's selection
      const editor = vscode.window.activeTextEditor;
      if (client && editor && editor.document.uri.toString() === uri.toString()) {
        const r = await client.sendRequest(SourceTextRequest.type, { uri: uri.toString() }).catch(() => null);
        const sel = editor.selection;
        const doc = editor.document;
        const end = sel.isEmpty ? doc.lineAt(sel.start.line).range.end : sel.end;
        const at = r?.origin ? originRange(r.origin, doc.offsetAt(sel.start), doc.offsetAt(end)) : undefined;
        if (at) {
          const range = new vscode.Range(at.start.line, at.start.character, at.end.line, at.end.character);
          await vscode.window.showTextDocument(original, { selection: range, preview: false });
          return;
        }
      }
      // the original (a PDF, a .docx, ...): with the editor or app that opens it
      await vscode.commands.executeCommand('vscode.open', original);
    }),
    vscode.commands.registerCommand('corroborate.addSourceFolder', async () => {
      if (!client) return;
      const active = vscode.window.activeTextEditor?.document.uri;
      const wf = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: wf?.uri,
        openLabel: 'Add as source folder',
      });
      if (!picked?.length) return;
      const res = await client.sendRequest(AddSourceRequest.type, {
        folderUri: wf?.uri.toString(),
        uri: picked[0].toString(),
      });
      if (!res) return;
      if (res.target === 'settings') {
        const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === res.folderUri) ?? wf;
        const cfg = vscode.workspace.getConfiguration('corroborate', folder?.uri);
        const target = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
        await cfg.update('sources', res.sources, folder ? target : vscode.ConfigurationTarget.Global);
      }
      void vscode.window.showInformationMessage(
        `Corroborate: added ${res.entry} to the sources (${res.target === 'project' ? '.corroborate.json' : 'workspace settings'}).`,
      );
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // the document selector is fixed at start: restart the client when the languages change
      if (e.affectsConfiguration('corroborate.languages') && client) {
        clientOptions.documentSelector = selector();
        await client.stop();
        await start();
      }
    }),
  );

  await start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
