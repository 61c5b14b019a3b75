/**
 * The language server's state, one object (no module globals): the connection, the open
 * documents, the workspace folders with their indexes, the checked drafts, the timers of the
 * debounce and the hold-back, and what the client said it can do. createServer builds it.
 */
import { fileURLToPath } from 'node:url';
import type { Connection, Disposable, Position } from 'vscode-languageserver/node';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments } from 'vscode-languageserver/node';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createChecker, LineIndex, SourceIndex, type Checker, type ClaimResult } from '../engine';
import { isInside, type SourceProblem } from '../workspace';
import { DEFAULT_MAX_SOURCE_BYTES } from '../workspace/sources';
import { DEFAULT_SETTINGS, type Settings } from '../workspace/config';

/** One workspace folder: its settings, its sources, its index. */
export interface Folder {
  uri: string;
  path: string | undefined;
  name: string;
  settings: Settings;
  roots: string[];
  index: SourceIndex;
  checker: Checker;
  /** resolves when the current (re)index is done; until the first index is built, a promise that waits for it */
  loading: Promise<void>;
  /** whether the first index has been started (until then `loading` waits for it, so no check runs against an empty index) */
  started: boolean;
  /** resolves the first `loading` once the first index is done */
  firstDone: () => void;
  loadGen: number;
  indexing: boolean;
  percent: number;
  problems: SourceProblem[];
  hidden: Set<string>;
  /** source roots refused (outside the workspace), reported with the problems */
  refused: SourceProblem[];
  /** corroborate.sourceFormats the index was built with, joined */
  formats?: string;
  /** first run: no source folder configured, no seeds/ and none of the usual folders */
  noSources?: boolean;
  /** size cap of one source file (corroborate.maxSourceKB) */
  maxBytes: number;
}

/** The latest check of a draft. */
export interface DocState {
  version: number;
  results: ClaimResult[];
  lines: LineIndex;
  text: string;
  /** offset where checking stopped (the draft is over corroborate.maxDraftKB) */
  cut?: number;
}

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: Map<string, Folder>;
  docStates: Map<string, DocState>;
  /** debounce timers per draft */
  timers: Map<string, NodeJS.Timeout>;
  // hold-back: while typing, findings on the statement under the cursor wait (corroborate.holdBackMs)
  /** the cursor of each draft, from the client's corroborate/cursor notification */
  cursors: Map<string, Position>;
  /** time of the last edit of each draft (deleted when the cursor leaves the edited statement) */
  lastEdit: Map<string, number>;
  /** the statement whose findings are held back, per draft */
  held: Map<string, { start: number; end: number }>;
  holdTimers: Map<string, NodeJS.Timeout>;
  /** source paths already named in a warning message */
  warnedMissing: Set<string>;
  /** the engine's notes already logged ("signal number failed: ..."): each is logged once */
  loggedNotes: Set<string>;
  /** the problem last shown per project file (each is shown once, not at every read) */
  projectProblems: Map<string, string>;
  /** the client applies WorkspaceEdit.documentChanges (versioned edits) */
  documentChanges: boolean;
  /** set by the shutdown request: later requests are answered InvalidRequest, as LSP requires */
  shutDown: boolean;
  /** drafts just opened (onDidChangeContent also fires on open) */
  justOpened: Set<string>;
  /** the editor's workspace trust (initializationOptions.trusted; corroborate/trust when granted) */
  workspaceTrusted: boolean;
  /** where the persisted index lives (initializationOptions.storageDir); none: no cache */
  storageDir: string | undefined;
  hasConfiguration: boolean;
  hasDynamicWatch: boolean;
  relativePatterns: boolean;
  workspaceFoldersSupported: boolean;
  initialized: boolean;
  watchRegistration: Disposable | undefined;
  statusTimer: NodeJS.Timeout | undefined;
}

export function createState(connection: Connection): ServerState {
  return {
    connection,
    documents: new TextDocuments(TextDocument),
    folders: new Map(),
    docStates: new Map(),
    timers: new Map(),
    cursors: new Map(),
    lastEdit: new Map(),
    held: new Map(),
    holdTimers: new Map(),
    warnedMissing: new Set(),
    loggedNotes: new Set(),
    projectProblems: new Map(),
    documentChanges: false,
    shutDown: false,
    justOpened: new Set(),
    workspaceTrusted: true,
    storageDir: undefined,
    hasConfiguration: false,
    hasDynamicWatch: false,
    relativePatterns: false,
    workspaceFoldersSupported: false,
    initialized: false,
    watchRegistration: undefined,
    statusTimer: undefined,
  };
}

/** Stops every timer (debounce, hold-back, status), so an in-process server can be dropped. */
export function disposeState(s: ServerState): void {
  for (const t of s.timers.values()) clearTimeout(t);
  for (const t of s.holdTimers.values()) clearTimeout(t);
  s.timers.clear();
  s.holdTimers.clear();
  if (s.statusTimer) clearTimeout(s.statusTimer);
  s.statusTimer = undefined;
  s.watchRegistration?.dispose();
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function newFolder(uri: string, name: string): Folder {
  const index = new SourceIndex();
  let firstDone = () => {};
  const first = new Promise<void>((resolve) => (firstDone = resolve));
  return {
    uri,
    path: uriToPath(uri),
    name,
    settings: { ...DEFAULT_SETTINGS },
    roots: [],
    index,
    checker: createChecker(index),
    loading: first,
    started: false,
    firstDone,
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
export function folderFor(s: ServerState, uri: string): Folder | undefined {
  const p = uriToPath(uri);
  let best: Folder | undefined;
  for (const f of s.folders.values()) {
    if (p && f.path && isInside(f.path, p) && (!best || (best.path ?? '').length < f.path.length)) best = f;
  }
  return best ?? s.folders.values().next().value;
}

export function formatOf(doc: TextDocument): 'markdown' | 'plaintext' {
  return doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export function isDraft(doc: TextDocument, f: Folder | undefined): boolean {
  const langs = f?.settings.languages ?? DEFAULT_SETTINGS.languages;
  return langs.includes(doc.languageId);
}

/** Waits until the folder's index is stable (a newer reindex may start while waiting). */
export async function ready(f: Folder): Promise<void> {
  let p: Promise<void>;
  do {
    p = f.loading;
    await p;
  } while (p !== f.loading);
}

export function log(s: ServerState, msg: string) {
  s.connection.console.log(msg);
}

/** The engine's notes of checked statements (a detector that threw: ClaimResult.notes), each logged once per server. */
export function logNotes(s: ServerState, results: readonly { notes?: string[] }[]) {
  for (const r of results)
    for (const n of r.notes ?? []) {
      if (s.loggedNotes.has(n)) continue;
      if (s.loggedNotes.size < 1000) s.loggedNotes.add(n);
      s.connection.console.error(`engine: ${n}`);
    }
}

export function logError(s: ServerState, where: string, e: unknown) {
  s.connection.console.error(`${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

/** A change to the project file that was refused (it is a link, unreadable or invalid): logged and shown, the file left as it was. */
export function notSaved(s: ServerState, written: { path: string; problem?: string; message?: string }, what: string) {
  const message = written.message ?? `.corroborate.json: ${written.problem}`;
  s.connection.console.warn(`${written.path}: ${what} not saved: ${message}`);
  void s.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Corroborate: ${what} not saved: ${message}` });
}

/** Whether anything (a file, a link, a FIFO) is at `p`, without following a link. */
export function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Wraps a handler so an exception is logged instead of crashing the server. */
export function safe<A extends unknown[], R>(s: ServerState, where: string, fn: (...a: A) => R, fallback: Awaited<R> | null = null) {
  return async (...a: A): Promise<Awaited<R> | null> => {
    if (s.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, `${where}: the server is shut down`);
    try {
      return await fn(...a);
    } catch (e) {
      logError(s, where, e);
      return fallback;
    }
  };
}

/** The same for notifications (no result). */
export function safeVoid<A extends unknown[]>(s: ServerState, where: string, fn: (...a: A) => unknown) {
  return async (...a: A): Promise<void> => {
    if (s.shutDown) return; // nothing more after shutdown (exit ends the process)
    try {
      await fn(...a);
    } catch (e) {
      logError(s, where, e);
    }
  };
}
