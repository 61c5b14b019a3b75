/**
 * Handlers of standard LSP messages: initialize (capabilities), configuration and workspace folder
 * changes, the document lifecycle, watched files, hover, definition, references, code actions and
 * the server's commands (hide a finding, open a source).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { LineIndex } from '../engine';
import { hoverMarkdown } from '../hover';
import { codeActions, CMD_HIDE, CMD_OPEN_SOURCE, hiddenKey } from '../codeActions';
import { evidenceLocation } from '../diagnostics';
import { normalizeSettings } from '../workspace/config';
import { indexExtracted, indexFile } from '../workspace/corpus';
import { sharedExtractor } from '../workspace/extract/pool';
import { folderDisplay, isInside, realInside } from '../workspace/paths';
import { PROJECT_FILE, updateProjectFile } from '../workspace/projectFile';
import { isExtractedPath, readableExtensions, type SourceProblem } from '../workspace/sources';
import { claimAt, claimAtPosition, closeDraft, diagnosticsOf, recheckAll, schedule, stateFor } from './documents';
import { loadHidden, refreshSettings, sendStatus } from './folders';
import { folderFor, formatOf, isDraft, newFolder, notSaved, ready, safe, safeVoid, uriToPath, type ServerState } from './state';

export function registerStandardHandlers(s: ServerState) {
  const { connection, documents, folders } = s;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    s.hasConfiguration = !!caps.workspace?.configuration;
    s.hasDynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    s.relativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    s.workspaceFoldersSupported = !!caps.workspace?.workspaceFolders;
    s.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    const wf: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(params.rootUri) }] : []);
    for (const w of wf) folders.set(w.uri, newFolder(w.uri, w.name));
    if (folders.size === 0) folders.set('', newFolder('', ''));
    const opts = params.initializationOptions as { settings?: unknown; trusted?: boolean; storageDir?: string } | undefined;
    if (opts?.trusted === false) s.workspaceTrusted = false;
    if (typeof opts?.storageDir === 'string' && opts.storageDir) s.storageDir = opts.storageDir;
    if (opts?.settings) for (const f of folders.values()) f.settings = normalizeSettings(opts.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [CMD_HIDE, CMD_OPEN_SOURCE] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate' },
    };
  });

  connection.onInitialized(
    safeVoid(s, 'initialized', async () => {
      s.initialized = true;
      if (s.hasConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' }).catch(() => undefined);
      }
      if (s.workspaceFoldersSupported) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safeVoid(s, 'workspace folders', async (ev) => {
            for (const r of ev.removed) folders.delete(r.uri);
            for (const a of ev.added) folders.set(a.uri, newFolder(a.uri, a.name));
            folders.delete('');
            if (folders.size === 0) folders.set('', newFolder('', ''));
            await refreshSettings(s);
          }),
        );
      }
      await refreshSettings(s, undefined, true);
    }),
  );

  connection.onDidChangeConfiguration(safeVoid(s, 'didChangeConfiguration', (p) => refreshSettings(s, p.settings)));

  documents.onDidOpen(
    safe(s, 'didOpen', (e) => {
      s.justOpened.add(e.document.uri);
      const f = folderFor(s, e.document.uri);
      if (f?.settings.checkMode === 'manual') return;
      schedule(s, e.document.uri, 0);
    }),
  );

  documents.onDidChangeContent(
    safe(s, 'didChange', (e) => {
      // onDidChangeContent also fires on open; the open handler schedules that check
      if (s.justOpened.delete(e.document.uri)) return;
      s.lastEdit.set(e.document.uri, Date.now());
      const f = folderFor(s, e.document.uri);
      if (!f) return;
      if (f.settings.checkMode !== 'onType') {
        s.docStates.delete(e.document.uri); // results no longer match the text
        return;
      }
      schedule(s, e.document.uri, f.settings.debounceMs);
    }),
  );

  documents.onDidSave(
    safe(s, 'didSave', (e) => {
      const f = folderFor(s, e.document.uri);
      if (f?.settings.checkMode === 'onSave') schedule(s, e.document.uri, 0);
    }),
  );

  documents.onDidClose(safe(s, 'didClose', (e) => closeDraft(s, e.document.uri)));

  connection.onDidChangeWatchedFiles(
    safeVoid(s, 'didChangeWatchedFiles', async (p) => {
      let changed = false;
      let projectChanged = false;
      for (const ch of p.changes) {
        const file = uriToPath(ch.uri);
        if (!file) continue;
        if (path.basename(file) === PROJECT_FILE && [...folders.values()].some((f) => f.path && path.dirname(file) === f.path)) {
          projectChanged = true;
          continue;
        }
        for (const f of folders.values()) {
          if (!f.roots.some((r) => isInside(r, file))) continue;
          await ready(f);
          if (ch.type === FileChangeType.Deleted) {
            // the file, or every file below a deleted folder: costs the files removed, not the index
            if (f.index.removePath(file) > 0) changed = true;
            continue;
          }
          if (!readableExtensions(f.settings.sourceFormats).has(path.extname(file).toLowerCase())) continue;
          let st: fs.Stats;
          try {
            st = fs.statSync(file);
          } catch {
            changed = f.index.removeFile(file) || changed;
            continue;
          }
          if (!st.isFile()) continue;
          const problems: SourceProblem[] = [];
          const warnings: SourceProblem[] = [];
          if (!realInside(f.roots, file)) continue; // a symbolic link out of the source folder
          const info = { path: file, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, dev: st.dev, ino: st.ino };
          if (isExtractedPath(file)) indexExtracted(f.index, info, f.maxBytes, problems, warnings, await sharedExtractor().extractAsync(file));
          else indexFile(f.index, info, f.maxBytes, problems, warnings);
          for (const pr of [...problems, ...warnings]) connection.console.warn(`source problem: ${pr.path}: ${pr.message}`);
          changed = true;
        }
      }
      if (projectChanged) await refreshSettings(s);
      else if (changed) {
        sendStatus(s);
        recheckAll(s);
      }
    }),
  );

  connection.onHover(
    safe(s, 'hover', async (p) => {
      const at = await claimAtPosition(s, p.textDocument.uri, p.position);
      if (!at) return null;
      const { r, lines } = at;
      const f = folderFor(s, p.textDocument.uri);
      return {
        contents: { kind: 'markdown' as const, value: hoverMarkdown(r, { display: folderDisplay(f?.path), minConfidence: f?.settings.minConfidence }) },
        range: lines.range(r.start, r.end),
      };
    }),
  );

  connection.onDefinition(
    safe(s, 'definition', async (p): Promise<Location[] | null> => {
      const st = await stateFor(s, p.textDocument.uri);
      if (!st) return null;
      const r = claimAt(st, st.lines.offset(p.position));
      if (!r || !r.evidence.length) return null;
      // an extracted source: its raw file where the text maps back (HTML), else its extracted text
      return [evidenceLocation(r.evidence[0])];
    }),
  );

  /** Find All References on a source sentence: the statements of open drafts that cite it. */
  connection.onReferences(
    safe(s, 'references', async (p): Promise<Location[] | null> => {
      const file = uriToPath(p.textDocument.uri);
      if (!file) return null;
      const out: Location[] = [];
      for (const f of folders.values()) {
        await ready(f);
        const src = f.index.file(file);
        if (!src) continue;
        const off = new LineIndex(src.text).offset(p.position);
        const sentence = f.index.sentencesOf(file).find((x) => off >= x.start && off <= x.end);
        if (!sentence) continue;
        for (const doc of documents.all()) {
          if (folderFor(s, doc.uri) !== f || !isDraft(doc, f)) continue;
          const st = await stateFor(s, doc.uri);
          if (!st) continue;
          for (const r of st.results) {
            if (r.evidence.some((e) => e.source === file && e.sentenceIds.includes(sentence.id)))
              out.push({ uri: doc.uri, range: st.lines.range(r.start, r.end) });
          }
        }
      }
      return out;
    }),
  );

  connection.onCodeAction(
    safe(s, 'codeAction', async (p) => {
      const st = await stateFor(s, p.textDocument.uri);
      const doc = documents.get(p.textDocument.uri);
      if (!st || !doc) return null;
      const f = folderFor(s, doc.uri);
      return codeActions({
        uri: doc.uri,
        text: st.text,
        lines: st.lines,
        markdown: formatOf(doc) === 'markdown',
        results: st.results,
        range: p.range,
        diagnostics: p.context.diagnostics,
        display: folderDisplay(f?.path),
        // fixes from the diagnostics of the text as it is now, in edits bound to its version (issue 14 item 4)
        current: f ? diagnosticsOf(f, st) : [],
        version: st.version,
        documentChanges: s.documentChanges,
      });
    }),
  );

  connection.onExecuteCommand(
    safe(s, 'executeCommand', async (p) => {
      const args = p.arguments ?? [];
      if (p.command === CMD_OPEN_SOURCE) {
        const [uri, range] = args as [string, Location['range']];
        await connection.window.showDocument({ uri, selection: range, takeFocus: true });
        return null;
      }
      if (p.command === CMD_HIDE) {
        const [uri, h] = args as [string, { code: string; text: string; context?: string }];
        const f = folderFor(s, uri);
        if (!f?.path) return null;
        const written = updateProjectFile(f.path, (j) => {
          const hidden = Array.isArray(j.hidden) ? j.hidden : [];
          if (
            !hidden.some(
              (x: { code?: string; text?: string; context?: string }) =>
                x && hiddenKey({ code: String(x.code), text: String(x.text), context: x.context }) === hiddenKey(h),
            )
          ) {
            hidden.push({ code: h.code, text: h.text.replace(/\s+/g, ' ').trim(), ...(typeof h.context === 'string' ? { context: h.context } : {}) });
          }
          j.hidden = hidden;
        });
        // never replaces a file that could not be read or parsed: the user is told instead
        if (written.problem) {
          notSaved(s, written, 'the hidden finding was');
          return null;
        }
        loadHidden(s, f);
        recheckAll(s);
        return null;
      }
      return null;
    }),
  );
}
