/**
 * Extraction off the loading thread: one worker (dist/extractWorker.js), started on first use and
 * unref'd (it never keeps a process alive). `extractAsync` is what the language server's sliced loads
 * await (the event loop keeps serving meanwhile); `extractSync` is for the CLI's loads, which block
 * until the worker answers (Atomics.wait on a shared flag). A file that takes longer than the time
 * limit is reported as such and the worker is replaced; if the worker cannot start, the file is
 * reported. The extractors (pdf.js, Readability, mammoth, ...) live only in the worker's bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ExtractOutcome } from './types';
import type { ExtractReply, ExtractRequest } from './protocol';

export const EXTRACT_TIMEOUT_MS = 120_000;

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

interface Pending {
  resolve: (o: ExtractOutcome) => void;
  timer: NodeJS.Timeout;
}

export class Extractor {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private syncPort: MessagePort | undefined;
  private flag: Int32Array | undefined;

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
      const w = new Worker(script, { stdout: true, stderr: true });
      const { port1, port2 } = new MessageChannel();
      const shared = new SharedArrayBuffer(4);
      this.flag = new Int32Array(shared);
      this.syncPort = port1;
      port1.unref();
      w.postMessage({ init: { port: port2, flag: shared } }, [port2]);
      w.on('message', (r: ExtractReply) => this.settle(r.id, r.outcome));
      w.on('error', () => this.restart('the extraction worker failed'));
      w.on('exit', () => {
        if (this.worker === w) this.restart('the extraction worker stopped');
      });
      w.unref(); // after the listeners (adding one refs the worker again)
      this.worker = w;
      return w;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  private settle(id: number, outcome: ExtractOutcome) {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    p.resolve(outcome);
  }

  private restart(why: string) {
    const w = this.worker;
    this.worker = undefined;
    this.syncPort?.close();
    this.syncPort = undefined;
    void w?.terminate();
    for (const id of [...this.pending.keys()]) this.settle(id, { problem: `${why}: not indexed` });
  }

  /** Extracts a file in the worker; the event loop runs meanwhile. */
  extractAsync(file: string): Promise<ExtractOutcome> {
    const ext = path.extname(file);
    const w = this.start();
    if (!w) return Promise.resolve({ problem: 'the extraction worker is not available (dist/extractWorker.js): not indexed' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { problem: `extraction took longer than ${Math.round(this.timeoutMs / 1000)} s: not indexed` });
        this.restart('extraction stopped');
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, timer });
      w.ref(); // a pending extraction keeps the process alive until it is answered
      w.postMessage({ id, path: file, ext } satisfies ExtractRequest);
    });
  }

  /** Extracts a file in the worker, blocking this thread until it answers (the CLI). */
  extractSync(file: string): ExtractOutcome {
    const ext = path.extname(file);
    const w = this.start();
    if (!w || !this.flag || !this.syncPort) return { problem: 'the extraction worker is not available: not indexed' };
    const id = this.nextId++;
    Atomics.store(this.flag, 0, 0);
    w.postMessage({ id, path: file, ext, sync: true } satisfies ExtractRequest);
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs);
    const got = receiveMessageOnPort(this.syncPort);
    if (waited === 'timed-out' || !got) {
      this.restart('extraction stopped');
      return { problem: `extraction took longer than ${Math.round(this.timeoutMs / 1000)} s: not indexed` };
    }
    return (got.message as ExtractReply).outcome;
  }

  close(): void {
    this.restart('extraction closed');
  }
}

let shared: Extractor | undefined;
/** The process's extractor (one worker for all loads). */
export function sharedExtractor(): Extractor {
  return (shared ??= new Extractor());
}
