/**
 * The Corroborate language server (thin, as harper-ls): LSP handlers only. The engine
 * (./engine) does the checking; diagnostics.ts, hover.ts, codeActions.ts and report.ts are
 * pure conversions. Started by any editor as `node dist/server.js --stdio`.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic,
  type Location,
  type Position,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createChecker, draftStatements, LineIndex, SourceIndex, type Checker, type ClaimResult } from './engine';
import { isInside, loadSources, type LoadResult, type SourceProblem } from './workspace';
import { loadSourcesCachedAsync } from './workspace/persist';
import { indexExtracted, indexFile } from './workspace/corpus';
import { DEFAULT_MAX_SOURCE_BYTES, isExtractedPath, readableExtensions } from './workspace/sources';
import { sharedExtractor } from './workspace/extract/pool';
import { confineRoots, DEFAULT_SETTINGS, normalizeSettings, sameSources, sourceRoots, type Settings } from './workspace/config';
import { CODE_DOCS_BASE, countVerdicts, DIAGNOSTIC_SOURCE, fileUri, fingerprint, hiddenKeys, toDiagnostics, type DiagnosticData } from './diagnostics';
import { cutOffset, listDrafts } from './workspace/drafts';
import { hoverMarkdown } from './hover';
import { codeActions, CMD_HIDE, CMD_OPEN_SOURCE, hiddenKey } from './codeActions';
import { reportMarkdown } from './report';
import type { HiddenItem } from './protocol';
import { warmUp as warmUpLexicon } from './engine/lexicon';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** One workspace folder: its settings, its sources, its index. */
interface Folder {
  uri: string;
  path: string | undefined;
  name: string;
  settings: Settings;
  roots: string[];
  index: SourceIndex;
  checker: Checker;
  /** resolves when the current (re)index is done */
  loading: Promise<void>;
  loadGen: number;
  indexing: boolean;
  percent: number;
  problems: SourceProblem[];
  hidden: Set<string>;
  /** source roots refused (outside the workspace), reported with the problems */
  refused: SourceProblem[];
  /** corroborate.sourceFormats the index was built with, joined */
  formats?: string;
  /** size cap of one source file (corroborate.maxSourceKB) */
  maxBytes: number;
}

interface DocState {
  version: number;
  results: ClaimResult[];
  lines: LineIndex;
  text: string;
  /** offset where checking stopped (the draft is over corroborate.maxDraftKB) */
  cut?: number;
}

// hold-back: while typing, findings on the statement under the cursor wait (corroborate.holdBackMs)
/** the cursor of each draft, from the client's `corroborate/cursor` notification */
const cursors = new Map<string, Position>();
/** time of the last edit of each draft (deleted when the cursor leaves the edited statement) */
const lastEdit = new Map<string, number>();
/** the statement whose findings are held back, per draft */
const held = new Map<string, { start: number; end: number }>();
const holdTimers = new Map<string, NodeJS.Timeout>();

const folders = new Map<string, Folder>();
const docStates = new Map<string, DocState>();
const timers = new Map<string, NodeJS.Timeout>();
const warnedMissing = new Set<string>();
/** the editor's workspace trust (initializationOptions.trusted; corroborate/trust when granted) */
let workspaceTrusted = true;
/** where the persisted index lives (initializationOptions.storageDir: the extension's storage folder); none: no cache */
let storageDir: string | undefined;
let hasConfiguration = false;
let hasDynamicWatch = false;
let relativePatterns = false;
let watchRegistration: Disposable | undefined;
let initialized = false;
let workspaceFoldersSupported = false;
const justOpened = new Set<string>();

// ---------------------------------------------------------------- helpers

function log(msg: string) {
  connection.console.log(msg);
}

function logError(where: string, e: unknown) {
  connection.console.error(`${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

/** Wraps a handler so an exception is logged instead of crashing the server. */
function safe<A extends unknown[], R>(where: string, fn: (...a: A) => R, fallback: Awaited<R> | null = null) {
  return async (...a: A): Promise<Awaited<R> | null> => {
    try {
      return await fn(...a);
    } catch (e) {
      logError(where, e);
      return fallback;
    }
  };
}

/** The same for notifications (no result). */
function safeVoid<A extends unknown[]>(where: string, fn: (...a: A) => unknown) {
  return async (...a: A): Promise<void> => {
    try {
      await fn(...a);
    } catch (e) {
      logError(where, e);
    }
  };
}

/** Is `file`, symbolic links resolved, inside one of the roots (also resolved)? */
function realInside(roots: string[], file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  return roots.some((r) => {
    try {
      return isInside(fs.realpathSync(r), real);
    } catch {
      return false;
    }
  });
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function newFolder(uri: string, name: string): Folder {
  const index = new SourceIndex();
  return {
    uri,
    path: uriToPath(uri),
    name,
    settings: { ...DEFAULT_SETTINGS },
    roots: [],
    index,
    checker: createChecker(index),
    loading: Promise.resolve(),
    loadGen: 0,
    indexing: false,
    percent: 100,
    problems: [],
    hidden: new Set(),
    refused: [],
    maxBytes: DEFAULT_MAX_SOURCE_BYTES,
  };
}

/** The folder a document belongs to: the deepest folder containing it, else the first. */
function folderFor(uri: string): Folder | undefined {
  const p = uriToPath(uri);
  let best: Folder | undefined;
  for (const f of folders.values()) {
    if (p && f.path && isInside(f.path, p) && (!best || (best.path ?? '').length < f.path.length)) best = f;
  }
  return best ?? folders.values().next().value;
}

function display(f: Folder | undefined) {
  return (source: string) => {
    if (f?.path && isInside(f.path, source)) return path.relative(f.path, source).split(path.sep).join('/');
    return path.basename(source);
  };
}

function formatOf(doc: TextDocument): 'markdown' | 'plaintext' {
  return doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

function isDraft(doc: TextDocument, f: Folder | undefined): boolean {
  const langs = f?.settings.languages ?? DEFAULT_SETTINGS.languages;
  return langs.includes(doc.languageId);
}

// ---------------------------------------------------------------- settings and hidden findings

const CONFIG_FILE = '.corroborate.json';

function readProjectFile(f: Folder): Record<string, unknown> {
  if (!f.path) return {};
  const p = path.join(f.path, CONFIG_FILE);
  try {
    if (!fs.existsSync(p)) return {};
    const j = JSON.parse(fs.readFileSync(p, 'utf8'));
    return j && typeof j === 'object' ? j : {};
  } catch (e) {
    connection.console.warn(`${p}: cannot read: ${(e as Error).message}`);
    return {};
  }
}

function loadHidden(f: Folder) {
  f.hidden = hiddenKeys(readProjectFile(f).hidden);
}

/** .corroborate.json at the folder root takes precedence over editor settings, key by key. */
function withProjectFile(s: Settings, project: Record<string, unknown>): Settings {
  const merged: Record<string, unknown> = { ...s };
  for (const k of ['sources', 'languages', 'debounceMs', 'checkMode', 'holdBackMs', 'drafts', 'maxDraftKB'] as const) if (project[k] !== undefined) merged[k] = project[k];
  if (project.severity && typeof project.severity === 'object') merged.severity = { ...s.severity, ...(project.severity as object) };
  return normalizeSettings(merged);
}

async function readSettings(f: Folder, pushed?: unknown): Promise<Settings> {
  if (hasConfiguration) {
    try {
      const [cfg] = await connection.workspace.getConfiguration([{ scopeUri: f.uri || undefined, section: 'corroborate' }]);
      return normalizeSettings(cfg);
    } catch (e) {
      logError('workspace/configuration', e);
    }
  }
  const p = pushed as { corroborate?: unknown } | undefined;
  return normalizeSettings(p?.corroborate ?? f.settings);
}

// ---------------------------------------------------------------- indexing

let statusTimer: NodeJS.Timeout | undefined;

function sendStatus() {
  let files = 0;
  let sentences = 0;
  let problems = 0;
  let indexing = false;
  let percent = 0;
  let n = 0;
  for (const f of folders.values()) {
    files += f.index.fileCount;
    sentences += f.index.sentenceCount;
    problems += f.problems.length;
    if (f.indexing) {
      indexing = true;
      percent += f.percent;
      n++;
    }
  }
  connection.sendNotification('corroborate/status', {
    state: indexing ? 'indexing' : 'ready',
    files,
    sentences,
    problems,
    percent: indexing ? Math.round(percent / Math.max(1, n)) : 100,
  });
}

function reportProblems(f: Folder, problems: SourceProblem[], warnings: SourceProblem[]) {
  for (const p of problems) {
    connection.console.warn(`source problem: ${p.path}: ${p.message}`);
    if (/not found|refused/.test(p.message) && !warnedMissing.has(p.path)) {
      warnedMissing.add(p.path);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Corroborate: ${p.message}` });
    }
  }
  for (const w of warnings) connection.console.warn(`source warning: ${w.path}: ${w.message}`);
  f.problems = problems.concat(warnings);
}

/** (Re)builds a folder's index from its source roots, with work-done progress. */
function reindex(f: Folder): Promise<void> {
  const gen = ++f.loadGen;
  f.indexing = true;
  f.percent = 0;
  sendStatus();
  const run = async () => {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Corroborate: indexing sources', 0, f.roots.join(', '), false);
    const loadOpts = {
      maxBytes: f.maxBytes,
      formats: f.settings.sourceFormats,
      isCancelled: () => gen !== f.loadGen,
      onProgress: (done: number, total: number) => {
        f.percent = total ? Math.round((done / total) * 100) : 100;
        progress?.report(f.percent, `${done}/${total} files`);
        if (!statusTimer) {
          statusTimer = setTimeout(() => {
            statusTimer = undefined;
            sendStatus();
          }, 100);
        }
      },
    };
    // with a storage folder, a warm start loads the persisted index and re-reads only changed files
    let index: SourceIndex;
    let res: LoadResult;
    if (storageDir) {
      const c = await loadSourcesCachedAsync(f.roots, indexCacheDir(storageDir, f), loadOpts);
      index = c.index;
      res = c.result;
      log(`index cache ${c.cache.status}${c.cache.reason ? ` (${c.cache.reason})` : ''}: ${c.cache.reused} files reused, ${c.cache.reread + c.cache.added} read, ${c.cache.removed} dropped`);
    } else {
      index = new SourceIndex();
      res = await loadSources(index, f.roots, loadOpts);
    }
    progress?.done();
    if (gen !== f.loadGen) return; // superseded
    f.index = index;
    f.checker = createChecker(f.index);
    warmUpLexicon(); // the lexicon's tables are built now, not on the writer's first check
    f.indexing = false;
    f.percent = 100;
    reportProblems(f, [...f.refused, ...res.problems], res.warnings);
    log(`indexed ${res.files} files, ${res.sentences} sentences in ${Math.round(res.ms)} ms for ${f.name || 'the workspace'}`);
    sendStatus();
  };
  const p = run().catch((e) => {
    logError('indexing', e);
    if (gen === f.loadGen) f.indexing = false;
    sendStatus();
  });
  f.loading = p;
  return p;
}

/** The cache folder of one workspace folder's index: keyed by its source roots and size cap. */
function indexCacheDir(dir: string, f: Folder): string {
  const key = createHash('sha1').update(JSON.stringify([f.roots, f.maxBytes])).digest('hex').slice(0, 16);
  return path.join(dir, 'index-' + key);
}

/** Waits until the folder's index is stable (a newer reindex may start while waiting). */
async function ready(f: Folder): Promise<void> {
  let p: Promise<void>;
  do {
    p = f.loading;
    await p;
  } while (p !== f.loading);
}

function watchersFor(): FileSystemWatcher[] {
  const out: FileSystemWatcher[] = [];
  const exts = [...readableExtensions()].map((e) => e.slice(1)).join(',');
  for (const f of folders.values()) {
    if (f.path) out.push({ globPattern: relativePatterns ? { baseUri: f.uri, pattern: CONFIG_FILE } : `${f.path.split(path.sep).join('/')}/${CONFIG_FILE}` });
    for (const r of f.roots) {
      if (relativePatterns) out.push({ globPattern: { baseUri: fileUri(r), pattern: `**/*.{${exts}}` } });
      else out.push({ globPattern: `${r.split(path.sep).join('/')}/**/*.{${exts}}` });
    }
  }
  return out;
}

async function registerWatchers() {
  if (!hasDynamicWatch) return;
  try {
    watchRegistration?.dispose();
    watchRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchersFor() });
  } catch (e) {
    logError('registering file watchers', e);
  }
}

/** Reads settings of every folder; re-indexes those whose sources changed; re-checks open drafts. */
async function refreshSettings(pushed?: unknown, force = false) {
  const jobs: Promise<void>[] = [];
  for (const f of folders.values()) {
    f.settings = withProjectFile(await readSettings(f, pushed), readProjectFile(f));
    loadHidden(f);
    // only folders inside the workspace are read, unless the user allows more in a trusted workspace
    const { roots, refused } = confineRoots(sourceRoots(f.settings, f.path), f.path, f.settings.allowSourcesOutsideWorkspace && workspaceTrusted);
    const maxBytes = f.settings.maxSourceKB * 1024;
    const formats = f.settings.sourceFormats.join(',');
    if (force || !sameSources(roots, f.roots) || maxBytes !== f.maxBytes || refused.length !== f.refused.length || formats !== f.formats) {
      f.formats = formats;
      f.roots = roots;
      f.refused = refused;
      f.maxBytes = maxBytes;
      jobs.push(reindex(f));
    }
  }
  if (jobs.length) void registerWatchers();
  recheckAll();
  await Promise.all(jobs);
}

// ---------------------------------------------------------------- checking

function clearDiagnostics(uri: string) {
  docStates.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

/** Checks a draft now (after the index is ready) and publishes, unless a newer version arrived. */
async function checkNow(uri: string, force = false): Promise<DocState | undefined> {
  const doc0 = documents.get(uri);
  if (!doc0) return undefined;
  const f = folderFor(uri);
  if (!f) return undefined;
  if (!isDraft(doc0, f)) {
    if (docStates.has(uri)) clearDiagnostics(uri);
    return undefined;
  }
  await ready(f);
  const doc = documents.get(uri);
  if (!doc) return undefined;
  if (!force && doc.version !== doc0.version) return undefined; // a newer version is scheduled
  const version = doc.version;
  void connection.sendNotification('corroborate/checking', { uri });
  const state = checkText(f, doc.getText(), formatOf(doc), version);
  if (documents.get(uri)?.version !== version) return state; // stale: drop
  docStates.set(uri, state);
  await publish(uri, f, state);
  return state;
}

/** Checks a draft's text, up to the size cap (corroborate.maxDraftKB). */
function checkText(f: Folder, text: string, format: 'markdown' | 'plaintext', version: number): DocState {
  const cut = cutOffset(text, f.settings.maxDraftKB);
  const results = f.checker.checkDraft(cut === undefined ? text : text.slice(0, cut), format);
  return { version, results, lines: new LineIndex(text), text, cut };
}

/** Every diagnostic of a checked draft: findings, and an Information at the cut of a partially checked one. */
function diagnosticsOf(f: Folder, state: DocState): Diagnostic[] {
  const out = toDiagnostics(state.results, state.lines, { severity: f.settings.severity, hidden: f.hidden });
  if (state.cut !== undefined) {
    const at = state.lines.position(state.cut);
    const lineEnd = state.lines.offset({ line: at.line + 1, character: 0 });
    const end = state.lines.position(Math.max(state.cut, lineEnd - (state.text[lineEnd - 1] === '\n' ? 1 : 0)));
    out.push({
      range: { start: at, end: end.line === at.line ? end : at },
      severity: DiagnosticSeverity.Information,
      code: 'partial',
      codeDescription: { href: `${CODE_DOCS_BASE}partial` },
      source: DIAGNOSTIC_SOURCE,
      message: `partially checked: this draft is over corroborate.maxDraftKB (${f.settings.maxDraftKB} KB); nothing from here on is checked`,
    });
  }
  return out;
}

function partialInfo(f: Folder, state: DocState) {
  return state.cut === undefined ? undefined : { checkedChars: state.cut, totalChars: state.text.length, maxDraftKB: f.settings.maxDraftKB };
}

/** The statement whose findings wait: the one under the cursor, while the last edit is recent. */
function heldSpan(uri: string, f: Folder, state: DocState): { start: number; end: number; wait: number } | undefined {
  const ms = f.settings.holdBackMs;
  const last = lastEdit.get(uri);
  const cursor = cursors.get(uri);
  if (ms <= 0 || f.settings.checkMode !== 'onType' || last === undefined || !cursor) return undefined;
  const wait = last + ms - Date.now();
  if (wait <= 0) return undefined;
  const r = claimAt(state, state.lines.offset(cursor));
  return r ? { start: r.start, end: r.end, wait } : undefined;
}

/** Publishes a checked draft's diagnostics (holding back the statement being typed) and its counts. */
async function publish(uri: string, f: Folder, state: DocState): Promise<void> {
  const all = diagnosticsOf(f, state);
  const t = holdTimers.get(uri);
  if (t) clearTimeout(t);
  holdTimers.delete(uri);
  held.delete(uri);
  let shown = all;
  const hold = heldSpan(uri, f, state);
  if (hold) {
    shown = all.filter((d) => (d.data as DiagnosticData | undefined)?.claim?.start !== hold.start);
    if (shown.length !== all.length) {
      held.set(uri, hold);
      holdTimers.set(
        uri,
        setTimeout(() => {
          holdTimers.delete(uri);
          republish(uri);
        }, hold.wait + 5),
      );
    }
  }
  await connection.sendDiagnostics({ uri, version: state.version, diagnostics: shown });
  void connection.sendNotification('corroborate/counts', { uri, version: state.version, counts: countVerdicts(state.results), partial: partialInfo(f, state) });
}

/** Publishes the latest results again (after the pause, or when the cursor left the held statement). */
function republish(uri: string) {
  const s = docStates.get(uri);
  const f = folderFor(uri);
  if (!s || !f || documents.get(uri)?.version !== s.version) return; // a newer check will publish
  publish(uri, f, s).catch((e) => logError(`publishing ${uri}`, e));
}

function schedule(uri: string, delay: number) {
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  const run = () => {
    timers.delete(uri);
    checkNow(uri).catch((e) => logError(`checking ${uri}`, e));
  };
  if (delay <= 0) {
    timers.delete(uri);
    // still asynchronous, so a burst of changes in one read collapses
    const h = setTimeout(run, 0);
    timers.set(uri, h);
  } else timers.set(uri, setTimeout(run, delay));
}

function recheckAll() {
  if (!initialized) return;
  for (const doc of documents.all()) {
    const f = folderFor(doc.uri);
    if (f?.settings.checkMode === 'manual' && !docStates.has(doc.uri)) continue;
    schedule(doc.uri, 0);
  }
}

/** The latest results for a document, computing them if the published ones are stale. */
async function stateFor(uri: string): Promise<DocState | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const s = docStates.get(uri);
  if (s && s.version === doc.version) return s;
  const f = folderFor(uri);
  if (!f) return undefined;
  await ready(f);
  const d = documents.get(uri);
  if (!d) return undefined;
  return checkText(f, d.getText(), formatOf(d), d.version);
}

/**
 * The result of the statement at a position. From the published state when it is current; else
 * only that statement is checked (the same result a full check gives it), so a hover while the
 * writer types fast never waits for a re-check of the whole draft.
 */
async function claimAtPosition(uri: string, pos: Position): Promise<{ r: ClaimResult; lines: LineIndex } | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const s = docStates.get(uri);
  if (s && s.version === doc.version) {
    const r = claimAt(s, s.lines.offset(pos));
    return r && { r, lines: s.lines };
  }
  const f = folderFor(uri);
  if (!f) return undefined;
  await ready(f);
  const d = documents.get(uri);
  if (!d) return undefined;
  const text = d.getText();
  const lines = new LineIndex(text);
  const off = lines.offset(pos);
  const cut = cutOffset(text, f.settings.maxDraftKB);
  if (cut !== undefined && off > cut) return undefined;
  const { statements } = draftStatements(cut === undefined ? text : text.slice(0, cut), formatOf(d));
  const st = statements.find((x) => off >= x.start && off <= x.end);
  return st && { r: f.checker.checkStatement(st), lines };
}

function claimAt(state: DocState, offset: number): ClaimResult | undefined {
  return state.results.find((r) => offset >= r.start && offset <= r.end);
}

// ---------------------------------------------------------------- LSP handlers

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  hasDynamicWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  relativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
  workspaceFoldersSupported = !!caps.workspace?.workspaceFolders;
  const wf: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(params.rootUri) }] : []);
  for (const w of wf) folders.set(w.uri, newFolder(w.uri, w.name));
  if (folders.size === 0) folders.set('', newFolder('', ''));
  const opts = params.initializationOptions as { settings?: unknown; trusted?: boolean; storageDir?: string } | undefined;
  if (opts?.trusted === false) workspaceTrusted = false;
  if (typeof opts?.storageDir === 'string' && opts.storageDir) storageDir = opts.storageDir;
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
  safeVoid('initialized', async () => {
    initialized = true;
    if (hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' }).catch(() => undefined);
    }
    if (workspaceFoldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders(
        safeVoid('workspace folders', async (ev) => {
          for (const r of ev.removed) folders.delete(r.uri);
          for (const a of ev.added) folders.set(a.uri, newFolder(a.uri, a.name));
          folders.delete('');
          if (folders.size === 0) folders.set('', newFolder('', ''));
          await refreshSettings();
        }),
      );
    }
    await refreshSettings(undefined, true);
  }),
);


connection.onNotification(
  'corroborate/trust',
  safeVoid('corroborate/trust', async (p: { trusted?: boolean }) => {
    workspaceTrusted = p?.trusted !== false;
    await refreshSettings(undefined, true);
  }),
);

connection.onDidChangeConfiguration(safeVoid('didChangeConfiguration', (p) => refreshSettings(p.settings)));

documents.onDidOpen(
  safe('didOpen', (e) => {
    justOpened.add(e.document.uri);
    const f = folderFor(e.document.uri);
    if (f?.settings.checkMode === 'manual') return;
    schedule(e.document.uri, 0);
  }),
);

documents.onDidChangeContent(
  safe('didChange', (e) => {
    // onDidChangeContent also fires on open; the open handler schedules that check
    if (justOpened.delete(e.document.uri)) return;
    lastEdit.set(e.document.uri, Date.now());
    const f = folderFor(e.document.uri);
    if (!f) return;
    if (f.settings.checkMode !== 'onType') {
      docStates.delete(e.document.uri); // results no longer match the text
      return;
    }
    schedule(e.document.uri, f.settings.debounceMs);
  }),
);

documents.onDidSave(
  safe('didSave', (e) => {
    const f = folderFor(e.document.uri);
    if (f?.settings.checkMode === 'onSave') schedule(e.document.uri, 0);
  }),
);

documents.onDidClose(
  safe('didClose', (e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    const h = holdTimers.get(e.document.uri);
    if (h) clearTimeout(h);
    holdTimers.delete(e.document.uri);
    for (const m of [cursors, lastEdit, held]) m.delete(e.document.uri);
    clearDiagnostics(e.document.uri);
  }),
);

connection.onDidChangeWatchedFiles(
  safeVoid('didChangeWatchedFiles', async (p) => {
    let changed = false;
    let projectChanged = false;
    for (const ch of p.changes) {
      const file = uriToPath(ch.uri);
      if (!file) continue;
      if (path.basename(file) === CONFIG_FILE && [...folders.values()].some((f) => f.path && path.dirname(file) === f.path)) {
        projectChanged = true;
        continue;
      }
      for (const f of folders.values()) {
        if (!f.roots.some((r) => isInside(r, file))) continue;
        await ready(f);
        if (ch.type === FileChangeType.Deleted) {
          if (f.index.removeFile(file)) changed = true;
          for (const known of f.index.filePaths()) if (known !== file && isInside(file, known)) changed = f.index.removeFile(known) || changed;
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
        const info = { path: file, size: st.size, mtimeMs: st.mtimeMs };
        if (isExtractedPath(file)) indexExtracted(f.index, info, f.maxBytes, problems, warnings, await sharedExtractor().extractAsync(file));
        else indexFile(f.index, info, f.maxBytes, problems, warnings);
        for (const pr of [...problems, ...warnings]) connection.console.warn(`source problem: ${pr.path}: ${pr.message}`);
        changed = true;
      }
    }
    if (projectChanged) await refreshSettings();
    else if (changed) {
      sendStatus();
      recheckAll();
    }
  }),
);

connection.onHover(
  safe('hover', async (p) => {
    const at = await claimAtPosition(p.textDocument.uri, p.position);
    if (!at) return null;
    const { r, lines } = at;
    const f = folderFor(p.textDocument.uri);
    return {
      contents: { kind: 'markdown' as const, value: hoverMarkdown(r, { display: display(f) }) },
      range: lines.range(r.start, r.end),
    };
  }),
);

connection.onDefinition(
  safe('definition', async (p): Promise<Location[] | null> => {
    const s = await stateFor(p.textDocument.uri);
    if (!s) return null;
    const r = claimAt(s, s.lines.offset(p.position));
    if (!r || !r.evidence.length) return null;
    const best = r.evidence[0];
    return [{ uri: fileUri(best.source), range: best.range }];
  }),
);

/** Find All References on a source sentence: the statements of open drafts that cite it. */
connection.onReferences(
  safe('references', async (p): Promise<Location[] | null> => {
    const file = uriToPath(p.textDocument.uri);
    if (!file) return null;
    const out: Location[] = [];
    for (const f of folders.values()) {
      await ready(f);
      const src = f.index.file(file);
      if (!src) continue;
      const off = new LineIndex(src.text).offset(p.position);
      const sentence = f.index.sentencesOf(file).find((s) => off >= s.start && off <= s.end);
      if (!sentence) continue;
      for (const doc of documents.all()) {
        if (folderFor(doc.uri) !== f || !isDraft(doc, f)) continue;
        const st = await stateFor(doc.uri);
        if (!st) continue;
        for (const r of st.results) {
          if (r.evidence.some((e) => e.source === file && e.sentenceIds.includes(sentence.id))) out.push({ uri: doc.uri, range: st.lines.range(r.start, r.end) });
        }
      }
    }
    return out;
  }),
);

connection.onCodeAction(
  safe('codeAction', async (p) => {
    const s = await stateFor(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    if (!s || !doc) return null;
    const f = folderFor(doc.uri);
    return codeActions({
      uri: doc.uri,
      text: s.text,
      lines: s.lines,
      markdown: formatOf(doc) === 'markdown',
      results: s.results,
      range: p.range,
      diagnostics: p.context.diagnostics,
      display: display(f),
    });
  }),
);

connection.onExecuteCommand(
  safe('executeCommand', async (p) => {
    const args = p.arguments ?? [];
    if (p.command === CMD_OPEN_SOURCE) {
      const [uri, range] = args as [string, Location['range']];
      await connection.window.showDocument({ uri, selection: range, takeFocus: true });
      return null;
    }
    if (p.command === CMD_HIDE) {
      const [uri, h] = args as [string, { code: string; text: string; context?: string }];
      const f = folderFor(uri);
      if (!f?.path) return null;
      const file = path.join(f.path, CONFIG_FILE);
      const j = readProjectFile(f);
      const hidden = Array.isArray(j.hidden) ? j.hidden : [];
      if (!hidden.some((x: { code?: string; text?: string; context?: string }) => x && hiddenKey({ code: String(x.code), text: String(x.text), context: x.context }) === hiddenKey(h))) {
        hidden.push({ code: h.code, text: h.text.replace(/\s+/g, ' ').trim(), ...(typeof h.context === 'string' ? { context: h.context } : {}) });
      }
      j.hidden = hidden;
      fs.writeFileSync(file, JSON.stringify(j, null, 2) + '\n');
      loadHidden(f);
      recheckAll();
      return null;
    }
    return null;
  }),
);

connection.onRequest(
  'corroborate/checkFile',
  safe('corroborate/checkFile', async (p: { uri: string }) => {
    const s = await checkNow(p.uri, true);
    const results = s?.results ?? [];
    return { uri: p.uri, version: s?.version ?? null, counts: countVerdicts(results) };
  }),
);

connection.onRequest(
  'corroborate/reindex',
  safe('corroborate/reindex', async () => {
    await refreshSettings(undefined, true);
    let files = 0;
    let sentences = 0;
    for (const f of folders.values()) {
      files += f.index.fileCount;
      sentences += f.index.sentenceCount;
    }
    return { files, sentences };
  }),
);

connection.onRequest(
  'corroborate/report',
  safe('corroborate/report', async (p: { uri: string }) => {
    const s = await stateFor(p.uri);
    if (!s) return null;
    const f = folderFor(p.uri);
    const title = decodeURIComponent(p.uri.split('/').pop() ?? p.uri);
    return { markdown: reportMarkdown(title, s.results, { display: display(f), lineOf: (o) => s.lines.position(o).line }) };
  }),
);

// ---------------------------------------------------------------- issue 4: cursor, hidden findings, workspace, sources

/** The client's cursor (VS Code: on selection change); findings on the statement being typed wait for it to leave. */
connection.onNotification(
  'corroborate/cursor',
  safeVoid('corroborate/cursor', (p: { uri: string; position: Position }) => {
    if (!p || typeof p.uri !== 'string' || !p.position) return;
    cursors.set(p.uri, p.position);
    const h = held.get(p.uri);
    const s = docStates.get(p.uri);
    if (!h || !s || documents.get(p.uri)?.version !== s.version) return;
    const off = s.lines.offset(p.position);
    if (off >= h.start && off <= h.end) return;
    lastEdit.delete(p.uri); // the cursor left the statement being typed: show its findings
    republish(p.uri);
  }),
);


/** Every hidden finding of every workspace folder (from .corroborate.json). */
connection.onRequest(
  'corroborate/hidden',
  safe('corroborate/hidden', (): HiddenItem[] => {
    const out: HiddenItem[] = [];
    for (const f of folders.values()) {
      const j = readProjectFile(f);
      if (!Array.isArray(j.hidden)) continue;
      for (const h of j.hidden) {
        if (!h || typeof h.code !== 'string' || typeof h.text !== 'string') continue;
        out.push({ folderUri: f.uri, folderName: f.name, code: h.code, text: h.text, ...(typeof h.context === 'string' ? { context: h.context } : {}) });
      }
    }
    return out;
  }, []),
);

/** Un-hides findings: removes the entries from .corroborate.json and re-checks. */
connection.onRequest(
  'corroborate/unhide',
  safe('corroborate/unhide', (p: { items: HiddenItem[] }) => {
    let removed = 0;
    for (const f of folders.values()) {
      const mine = (p?.items ?? []).filter((i) => i && i.folderUri === f.uri);
      if (!mine.length || !f.path) continue;
      const j = readProjectFile(f);
      if (!Array.isArray(j.hidden)) continue;
      const drop = new Set(mine.map((i) => fingerprint(i.text, i.code, i.context)));
      const kept = j.hidden.filter((h: HiddenItem) => !(h && drop.has(fingerprint(String(h.text), String(h.code), typeof h.context === 'string' ? h.context : undefined))));
      removed += j.hidden.length - kept.length;
      j.hidden = kept;
      fs.writeFileSync(path.join(f.path, CONFIG_FILE), JSON.stringify(j, null, 2) + '\n');
      loadHidden(f);
    }
    recheckAll();
    return { removed };
  }),
);

/** Drafts of every folder matching corroborate.drafts, outside its source folders (for Check Workspace). */
connection.onRequest(
  'corroborate/listDrafts',
  safe('corroborate/listDrafts', () => {
    const out: { folderUri: string; files: string[]; truncated: boolean }[] = [];
    for (const f of folders.values()) {
      if (!f.path) continue;
      const l = listDrafts(f.path, f.settings.drafts, f.roots);
      out.push({ folderUri: f.uri, files: l.files.map(fileUri), truncated: l.truncated });
    }
    return { folders: out };
  }),
);

/** Checks one draft by URI, open or not, and publishes its diagnostics (Check Workspace calls it per file). */
connection.onRequest(
  'corroborate/checkPath',
  safe('corroborate/checkPath', async (p: { uri: string }) => {
    if (documents.get(p.uri)) {
      const s = await checkNow(p.uri, true);
      const f = folderFor(p.uri);
      return { uri: p.uri, counts: countVerdicts(s?.results ?? []), partial: s && f ? partialInfo(f, s) : undefined };
    }
    const file = uriToPath(p.uri);
    const f = folderFor(p.uri);
    if (!file || !f) return null;
    await ready(f);
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) return null;
      // the size cap keeps a huge file from being read whole only to be cut
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      connection.console.warn(`${file}: cannot read: ${(e as Error).message}`);
      return null;
    }
    if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
    const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
    const s = checkText(f, text, format, 0);
    await connection.sendDiagnostics({ uri: p.uri, diagnostics: diagnosticsOf(f, s) });
    return { uri: p.uri, counts: countVerdicts(s.results), partial: partialInfo(f, s) };
  }),
);

/**
 * Add Source Folder: with a .corroborate.json, the folder is appended to its `sources` (and the
 * sources re-indexed); without one, the client appends it to the corroborate.sources setting.
 */
connection.onRequest(
  'corroborate/addSource',
  safe('corroborate/addSource', async (p: { folderUri?: string; uri: string }) => {
    const dir = uriToPath(p.uri);
    const f = (p.folderUri && folders.get(p.folderUri)) || folderFor(p.uri);
    if (!dir || !f) return null;
    const entry = f.path && isInside(f.path, dir) ? path.relative(f.path, dir).split(path.sep).join('/') || '.' : dir;
    const sources = f.settings.sources.includes(entry) ? [...f.settings.sources] : [...f.settings.sources, entry];
    const file = f.path ? path.join(f.path, CONFIG_FILE) : undefined;
    if (!file || !fs.existsSync(file)) return { target: 'settings', folderUri: f.uri, entry, sources };
    const j = readProjectFile(f);
    const current = Array.isArray(j.sources) ? (j.sources as string[]) : f.settings.sources;
    j.sources = current.includes(entry) ? current : [...current, entry];
    fs.writeFileSync(file, JSON.stringify(j, null, 2) + '\n');
    await refreshSettings();
    return { target: 'project', folderUri: f.uri, entry, sources: j.sources };
  }),
);

process.on('uncaughtException', (e) => logError('uncaught', e));
process.on('unhandledRejection', (e) => logError('unhandled rejection', e));

documents.listen(connection);
connection.listen();
