/**
 * The VS Code side: starts the language server (dist/server.js), the status bar item and the
 * commands. Everything about checking lives in the server, so any LSP editor gets the same.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

interface Status {
  state: 'indexing' | 'ready';
  files: number;
  sentences: number;
  problems: number;
  percent?: number;
}

interface Counts {
  supported: number;
  unsupported: number;
  contradicted: number;
  skipped: number;
}

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
  };

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.text = '$(sync~spin) Corroborate: starting';
  status.tooltip = 'Corroborate: sources indexed';
  status.command = 'corroborate.showReport';
  status.show();
  context.subscriptions.push(status, outputChannel);

  const start = async () => {
    client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
    context.subscriptions.push(
      client.onNotification('corroborate/status', (s: Status) => {
        if (s.state === 'indexing') {
          status.text = `$(sync~spin) Corroborate: indexing ${s.percent ?? 0}%`;
        } else {
          status.text = `$(book) Corroborate: ${s.files} sources, ${s.sentences} sentences`;
        }
        status.tooltip = s.problems ? `${s.problems} source problems: see the Corroborate output` : 'Corroborate: click for a report of the current file';
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
      const res = await client.sendRequest<{ counts: Counts } | null>('corroborate/checkFile', { uri: editor.document.uri.toString() });
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
      const res = await client.sendRequest<{ files: number; sentences: number } | null>('corroborate/reindex', {});
      if (res) void vscode.window.showInformationMessage(`Corroborate: indexed ${res.files} sources, ${res.sentences} sentences.`);
    }),
    vscode.commands.registerCommand('corroborate.showReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor) return;
      const res = await client.sendRequest<{ markdown: string } | null>('corroborate/report', { uri: editor.document.uri.toString() });
      if (!res) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: res.markdown });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
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
