/**
 * Reading ahead: a worker thread reads the listed files (bytes only) while the caller indexes
 * the ones already read. The caller takes the files in list order, synchronously: the worker
 * sends them in batches of about 1 MB over a message port, and the caller blocks on a shared
 * counter (Atomics.wait) when it has caught up. Decoding stays with the caller
 * (sources.ts's decodeSourceBytes), so the texts and messages are those of a plain read.
 *
 * When the worker cannot be started, or stops answering, the remaining files are read on the
 * caller's thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { readSourceBytes, type SourceBytes } from './sources';

/**
 * The worker: sources.ts's readSourceBytes (and readProblem) as plain JavaScript, run over
 * the paths in order. Keep in step with them.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { port, ctrl, paths, maxBytes, batchBytes } = workerData;
let buf = new Uint8Array(batchBytes);
let used = 0;
let meta = [];
let problems = [];
const send = () => {
  port.postMessage({ buf: buf.buffer, meta, problems }, [buf.buffer]);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
  buf = new Uint8Array(batchBytes);
  used = 0;
  meta = [];
  problems = [];
};
try {
  for (let i = 0; i < paths.length; i++) {
    if (Atomics.load(ctrl, 1) !== 0) break; // the caller is done
    try {
      const fd = fs.openSync(paths[i], 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const n = Math.min(size, maxBytes + 4);
        if (used + n > buf.length) {
          if (meta.length) send();
          if (n > buf.length) buf = new Uint8Array(n);
        }
        let off = 0;
        while (off < n) {
          const r = fs.readSync(fd, buf, used + off, n - off, off);
          if (r <= 0) break;
          off += r;
        }
        meta.push(i, used, off, size);
        used += off;
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      meta.push(i, -1, problems.length, 0);
      problems.push(e.code === 'ENOENT' ? 'deleted before it could be read' : 'cannot read: ' + e.message);
    }
    if (meta.length >= 4 * 512) send();
  }
  if (meta.length) send();
} catch (e) {
  port.postMessage({ fatal: String(e && e.message) });
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}
`;

interface Batch {
  buf: ArrayBuffer;
  /** per file: index, offset (-1: a problem), length (or the problem's index), size */
  meta: number[];
  problems: string[];
}

/** Reads files ahead of the caller on a worker thread; `take(i)` must be called for i = 0, 1, 2, ... */
export class ReadAhead {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  /** [0]: batches sent by the worker; [1]: non-zero once the caller is done */
  private ctrl = new Int32Array(new SharedArrayBuffer(8));
  private received = 0;
  private batch: Batch | undefined;
  private at = 0;
  /** files from here on are read on the caller's thread (no worker, or it failed) */
  private fallbackFrom = Infinity;

  constructor(
    private readonly paths: string[],
    private readonly maxBytes: number,
    /** longest wait for the worker before reading on this thread */
    private readonly stallMs = 10_000,
  ) {
    try {
      const { port1, port2 } = new MessageChannel();
      this.port = port1;
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { port: port2, ctrl: this.ctrl, paths, maxBytes, batchBytes: 1 << 20 },
        transferList: [port2],
        stdout: true,
        stderr: true,
      });
      this.worker.unref();
      this.worker.on('error', () => undefined); // seen as a stall by take()
    } catch {
      this.fallbackFrom = 0;
    }
  }

  /** The bytes of file i (as readSourceBytes gives them). */
  take(i: number): SourceBytes {
    if (i >= this.fallbackFrom) return readSourceBytes(this.paths[i], this.maxBytes);
    while (!this.batch || this.at >= this.batch.meta.length) {
      const b = this.receive();
      if (!b) {
        this.fallbackFrom = i;
        this.close();
        return readSourceBytes(this.paths[i], this.maxBytes);
      }
      this.batch = b;
      this.at = 0;
    }
    const m = this.batch.meta;
    const k = this.at;
    this.at += 4;
    if (m[k] !== i) {
      // out of step (never expected): read this one and the rest here
      this.fallbackFrom = i;
      this.close();
      return readSourceBytes(this.paths[i], this.maxBytes);
    }
    if (m[k + 1] < 0) return { problem: this.batch.problems[m[k + 2]] };
    return { bytes: new Uint8Array(this.batch.buf, m[k + 1], m[k + 2]), size: m[k + 3] };
  }

  /** The next batch, waiting for it; undefined if the worker failed or stalled. */
  private receive(): Batch | undefined {
    if (!this.port) return undefined;
    const t0 = performance.now();
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (m) {
        this.received++;
        const msg = m.message as Batch | { fatal: string };
        return 'fatal' in msg ? undefined : msg;
      }
      if (performance.now() - t0 > this.stallMs) return undefined;
      Atomics.wait(this.ctrl, 0, this.received, 100);
    }
  }

  /** Stops the worker (call when done, or when stopping early). */
  close(): void {
    Atomics.store(this.ctrl, 1, 1);
    this.batch = undefined;
    this.port?.close();
    this.port = undefined;
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate().catch(() => undefined);
  }
}
