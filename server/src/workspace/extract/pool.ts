/**
 * Extraction off the loading thread: one worker (dist/extractWorker.js), started on first use and
 * unref'd while idle (it never keeps a process alive). `extractAsync` is what the language server's
 * sliced loads await (the event loop keeps serving meanwhile); `extractSync` is for the CLI's loads,
 * which block until the worker answers (Atomics.wait on a shared counter). Both can name the files that
 * come next: the worker extracts them while the loading thread indexes (at most LOOKAHEAD ahead). If the
 * worker answers nothing for the time limit it is replaced and the files waiting are reported; if it
 * cannot start, the files are reported. The extractors (pdf.js, Readability, mammoth, ...) live only in
 * the worker's bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ExtractOutcome } from './types';
import type { ExtractReply, ExtractRequest } from './protocol';

export const EXTRACT_TIMEOUT_MS = 120_000;
/** The worker's heap limit. */
export const WORKER_HEAP_MB = 1024;
/** Files extracted ahead of the one being indexed. */
export const LOOKAHEAD = 4;

/** dist/extractWorker.js: beside this bundle (dist/), or the repository's dist/ for test bundles in out/. */
function workerScript(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    for (const c of [path.join(dir, 'extractWorker.js'), path.join(dir, 'dist', 'extractWorker.js')]) if (fs.existsSync(c)) return c;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

const unavailable: ExtractOutcome = { problem: 'the extraction worker is not available (dist/extractWorker.js): not indexed' };
const timedOut = (ms: number): ExtractOutcome => ({ problem: `extraction gave no answer for ${Math.round(ms / 1000)} s: not indexed` });

export class Extractor {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 1;
  /** async requests by path: the promise of the outcome, and its resolver by id */
  private asyncByPath = new Map<string, Promise<ExtractOutcome>>();
  private asyncResolvers = new Map<number, (o: ExtractOutcome) => void>();
  private watchdog: NodeJS.Timeout | undefined;
  /** sync requests by path -> id, and the replies received but not yet taken */
  private syncIds = new Map<string, number>();
  private syncDone = new Map<number, ExtractOutcome>();
  private syncLive = new Set<number>();
  private syncPort: MessagePort | undefined;
  private counter: Int32Array | undefined;

  constructor(private readonly timeoutMs = EXTRACT_TIMEOUT_MS) {}

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    const script = workerScript();
    if (!script) {
      this.failed = true;
      return undefined;
    }
    try {
      // the worker's stdout and stderr are its own streams (never this process's stdout, where the
      // server speaks LSP); the worker silences console, so nothing piles up in them
      // a heap of its own, capped: a file that would take more (a zip bomb, a monstrous page) stops the
      // worker, which is replaced, and is reported; the server's heap is never at stake
      const w = new Worker(script, { stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const { port1, port2 } = new MessageChannel();
      const shared = new SharedArrayBuffer(4);
      this.counter = new Int32Array(shared);
      this.syncPort = port1;
      port1.unref();
      w.postMessage({ init: { port: port2, counter: shared } }, [port2]);
      w.on('message', (r: ExtractReply) => this.settleAsync(r.id, r.outcome));
      w.on('error', () => this.restart({ problem: 'the extraction worker failed: not indexed' }));
      w.on('exit', () => {
        if (this.worker === w) this.restart({ problem: 'the extraction worker stopped: not indexed' });
      });
      w.unref(); // after the listeners (adding one refs the worker again)
      this.worker = w;
      return w;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  private settleAsync(id: number, outcome: ExtractOutcome) {
    const resolve = this.asyncResolvers.get(id);
    if (!resolve) return;
    this.asyncResolvers.delete(id);
    this.armWatchdog();
    resolve(outcome);
  }

  /** While async requests wait: a timer that replaces a worker that answers nothing for the time limit. */
  private armWatchdog() {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    if (this.asyncResolvers.size === 0) {
      this.worker?.unref();
      return;
    }
    this.worker?.ref(); // a waiting extraction keeps the process alive until it is answered
    this.watchdog = setTimeout(() => this.restart(timedOut(this.timeoutMs)), this.timeoutMs);
    this.watchdog.unref();
  }

  private restart(outcome: ExtractOutcome) {
    const w = this.worker;
    this.worker = undefined;
    this.syncPort?.close();
    this.syncPort = undefined;
    void w?.terminate();
    for (const id of this.syncIds.values()) this.syncDone.set(id, outcome);
    const resolvers = [...this.asyncResolvers.values()];
    this.asyncResolvers.clear();
    this.asyncByPath.clear();
    this.armWatchdog();
    for (const r of resolvers) r(outcome);
  }

  private requestAsync(file: string): Promise<ExtractOutcome> {
    const known = this.asyncByPath.get(file);
    if (known) return known;
    const w = this.start();
    if (!w) return Promise.resolve(unavailable);
    const id = this.nextId++;
    const p = new Promise<ExtractOutcome>((resolve) => this.asyncResolvers.set(id, resolve));
    this.asyncByPath.set(file, p);
    w.postMessage({ id, path: file, ext: path.extname(file) } satisfies ExtractRequest);
    this.armWatchdog();
    return p;
  }

  /** Extracts a file in the worker (and starts on the next ones); the event loop runs meanwhile. */
  async extractAsync(file: string, upcoming: readonly string[] = []): Promise<ExtractOutcome> {
    const p = this.requestAsync(file);
    for (const u of upcoming.slice(0, LOOKAHEAD)) void this.requestAsync(u);
    const outcome = await p;
    if (this.asyncByPath.get(file) === p) this.asyncByPath.delete(file);
    return outcome;
  }

  private requestSync(file: string): number | undefined {
    const known = this.syncIds.get(file);
    if (known !== undefined) return known;
    const w = this.start();
    if (!w) return undefined;
    const id = this.nextId++;
    this.syncIds.set(file, id);
    this.syncLive.add(id);
    w.postMessage({ id, path: file, ext: path.extname(file), sync: true } satisfies ExtractRequest);
    return id;
  }

  /** Extracts a file in the worker (and starts on the next ones), blocking this thread until it answers (the CLI). */
  extractSync(file: string, upcoming: readonly string[] = []): ExtractOutcome {
    const id = this.requestSync(file);
    if (id === undefined) return unavailable;
    for (const u of upcoming.slice(0, LOOKAHEAD)) this.requestSync(u);
    for (;;) {
      const done = this.syncDone.get(id);
      if (done) {
        this.syncDone.delete(id);
        this.syncIds.delete(file);
        this.syncLive.delete(id);
        return done;
      }
      if (!this.syncPort || !this.counter) return unavailable;
      const seen = Atomics.load(this.counter, 0); // before draining: a reply posted after it wakes the wait
      for (let m = receiveMessageOnPort(this.syncPort); m; m = receiveMessageOnPort(this.syncPort)) {
        const r = m.message as ExtractReply;
        if (this.syncLive.has(r.id)) this.syncDone.set(r.id, r.outcome); // else: forgotten
      }
      if (this.syncDone.has(id)) continue;
      if (Atomics.wait(this.counter, 0, seen, this.timeoutMs) === 'timed-out') this.restart(timedOut(this.timeoutMs));
    }
  }

  /** Forgets extractions asked for ahead that no load will take (a load cancelled or ended). */
  forget(files: Iterable<string>): void {
    for (const f of files) {
      this.asyncByPath.delete(f);
      const id = this.syncIds.get(f);
      if (id !== undefined) {
        this.syncIds.delete(f);
        this.syncDone.delete(id);
        this.syncLive.delete(id);
      }
    }
  }

  close(): void {
    this.restart({ problem: 'extraction closed: not indexed' });
  }
}

let shared: Extractor | undefined;
/** The process's extractor (one worker for all loads). */
export function sharedExtractor(): Extractor {
  return (shared ??= new Extractor());
}
