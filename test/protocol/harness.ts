/**
 * A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks to it
 * as an editor does, or (startInProcess) builds the server in this process with createServer
 * over an in-memory stream pair. Waits on messages (promises with a timeout), never sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { StatusNotification } from '../../server/src/protocol';
import { createConnection as createServerConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer, type CorroborateServer } from '../../server/src/lsp/createServer';

export const REPO = path.resolve(__dirname, '..', '..', '..');
/** the server under test (CORROBORATE_SERVER overrides, e.g. for a mutated build) */
export const SERVER = process.env.CORROBORATE_SERVER ?? path.join(REPO, 'dist', 'server.js');
export const SEED = 'us-india-defense-partnership.txt';

/** Statements of the seed's story: one it supports, one it carries only in part, one it contradicts. */
export const SUPPORTED = 'The United States has pushed for a closer defense partnership with India.';
export const SUBMARINES = 'The partnership includes nuclear submarines.';
export const NEGATED = 'The talks are not exploratory.';

/** Corroborate's diagnostics among the ones published. */
export const ours = (ds: Diagnostic[]) => ds.filter((d) => d.source === 'corroborate');
/** A finder for Corroborate's diagnostic on exactly these words of `text`. */
export const on = (text: string, words: string) => (ds: Diagnostic[]) => ours(ds).find((d) => textAt(text, d.range) === words);

export function uriOf(p: string): string {
  return pathToFileURL(p).toString();
}

/** A temporary workspace folder with a copy of seeds/ and the given files. */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ws-'));
  fs.cpSync(path.join(REPO, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Offsets where lines start, as LSP counts lines (\r\n, \r, \n). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** Text of `text` between two LSP positions (UTF-16, any line ending). */
export function textAt(text: string, range: Range): string {
  const starts = lineStarts(text);
  const off = (p: Range['start']) => starts[p.line] + p.character;
  return text.slice(off(range.start), off(range.end));
}

/** Offset of the first occurrence of `needle` in `text` as an LSP position. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

type Listener = (method: string, params: unknown) => boolean;

export interface StartOptions {
  folder: string;
  /** the corroborate.* settings returned to workspace/configuration */
  settings?: Record<string, unknown>;
  /** extra workspace client capabilities */
  dynamicWatch?: boolean;
  /** more workspace folders (multi-root), after `folder` */
  moreFolders?: string[];
  /** per-folder settings (by the scopeUri the server asks for); default `settings` */
  settingsFor?: (scopeUri: string | undefined) => Record<string, unknown> | undefined;
  timeoutMs?: number;
  /** node options for the server process (e.g. --require a preload) */
  execArgv?: string[];
  /** initializationOptions sent with initialize */
  initializationOptions?: unknown;
  /** build the server in this process (createServer over an in-memory connection) instead of spawning it */
  inProcess?: boolean;
}

/**
 * A message reader that arms no partial-message timer. The library's reader, holding part of a message (a server
 * killed half-way through writing one: the SIGKILL test, or stop() killing a server still writing diagnostics),
 * re-arms a ref'd 10 s timer for good, and neither the end of the stream nor dispose() clears it: it kept
 * mocha alive after the last test. No test listens for partial messages.
 */
export function messageReader(stream: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stream);
  reader.partialMessageTimeout = 0;
  return reader;
}

export class Client {
  readonly conn: ProtocolConnection;
  /** the server process (in process there is none: tests that need it use start()) */
  readonly proc: ChildProcess;
  /** the in-process server (undefined when spawned) */
  readonly server: CorroborateServer | undefined;
  private serverConn: { dispose(): void } | undefined;
  settings: Record<string, unknown>;
  stderr = '';
  /** every notification received, in order */
  readonly log: { method: string; params: any }[] = [];
  readonly registrations: any[] = [];
  readonly configRequests: any[] = [];
  private listeners = new Set<Listener>();
  private versions = new Map<string, number>();
  timeoutMs: number;
  init!: InitializeResult;

  constructor(readonly opts: StartOptions) {
    this.settings = opts.settings ?? {};
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    if (opts.inProcess) {
      // message readers/writers, not raw streams: on a raw stream's end the LSP library exits the process
      const up = new PassThrough();
      const down = new PassThrough();
      const serverConn = createServerConnection(ProposedFeatures.all, messageReader(up), new StreamMessageWriter(down));
      this.server = createServer(serverConn);
      this.server.listen();
      this.serverConn = serverConn;
      this.proc = undefined as unknown as ChildProcess;
      this.conn = createProtocolConnection(messageReader(down), new StreamMessageWriter(up));
    } else {
      this.server = undefined;
      this.proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.stderr!.on('data', (d) => (this.stderr += d.toString()));
      this.conn = createProtocolConnection(messageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    }
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configRequests.push(p);
      return p.items.map((it) => (it.section === 'corroborate' ? (this.opts.settingsFor?.(it.scopeUri) ?? this.settings) : null));
    });
    this.conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.conn.onProgress(WorkDoneProgress.type, p.token, (value) => this.emit('$/progress', { token: p.token, value }));
      return null;
    });
    this.conn.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/showDocument', (p) => {
      this.emit('window/showDocument', p);
      return { success: true };
    });
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onUnhandledNotification((n) => this.emit(n.method, n.params));
    this.conn.listen();
  }

  private emit(method: string, params: unknown) {
    this.log.push({ method, params });
    for (const l of [...this.listeners]) if (l(method, params)) this.listeners.delete(l);
  }

  /** The next notification `method` (from now on) whose params satisfy `pred`. */
  waitFor<T = any>(method: string, pred: (p: T) => boolean = () => true, what = method): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out waiting for ${what}\n--- server stderr:\n${this.stderr.slice(-3000)}`));
      }, this.timeoutMs);
      const l: Listener = (m, p) => {
        if (m !== method) return false;
        let ok = false;
        try {
          ok = pred(p as T);
        } catch {
          ok = false;
        }
        if (!ok) return false;
        clearTimeout(timer);
        resolve(p as T);
        return true;
      };
      this.listeners.add(l);
    });
  }

  /** The next diagnostics published for `uri` (optionally of at least `version`, matching `pred`). */
  diagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && pred(p.diagnostics, p), `diagnostics for ${uri}`);
  }

  /** initialize, then initialized; `afterInitialized` runs right after initialized is sent (before the index is ready). */
  async initialize(afterInitialized?: () => void): Promise<InitializeResult> {
    const folder = this.opts.folder;
    const ready = this.waitFor(StatusNotification.method, (s: any) => s.state === 'ready', 'status ready');
    this.init = (await this.conn.sendRequest('initialize', {
      // in process: no parent-process watchdog (it would keep this process alive)
      processId: this.opts.inProcess ? null : process.pid,
      initializationOptions: this.opts.initializationOptions,
      rootUri: uriOf(folder),
      workspaceFolders: [folder, ...(this.opts.moreFolders ?? [])].map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: !!this.opts.dynamicWatch, relativePatternSupport: true },
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    })) as InitializeResult;
    await this.conn.sendNotification('initialized', {});
    afterInitialized?.();
    await ready;
    return this.init;
  }

  open(file: string, text: string, languageId = 'markdown'): string {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => (timer = setTimeout(r, 2000)))]);
      // in process, `exit` would end this process (the LSP library calls process.exit)
      if (!this.server) void this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    clearTimeout(timer);
    this.conn.dispose();
    if (this.server) {
      this.server.dispose();
      this.serverConn?.dispose();
    }
    if (this.proc && this.proc.exitCode === null) this.proc.kill();
  }
}

export async function start(opts: StartOptions): Promise<Client> {
  const c = new Client(opts);
  await c.initialize();
  return c;
}

/** The server built in this process by createServer, over an in-memory connection. */
export function startInProcess(opts: StartOptions): Promise<Client> {
  return start({ ...opts, inProcess: true });
}

/** Applies LSP text edits to a text (as an editor does: all ranges refer to the original text). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const off = (p: Range['start']) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length));
  const sorted = edits.map((e, i) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText, i })).sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const x of sorted) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}
