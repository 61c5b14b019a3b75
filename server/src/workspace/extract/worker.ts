/**
 * The extraction worker (bundled as dist/extractWorker.js): reads a source file's bytes and extracts its
 * text off the loading thread, one file at a time in the order asked. Requests come as { id, path, ext,
 * sync }; the reply { id, outcome } goes back on the worker's port, or for a sync request on the sync
 * port, after which the shared counter is raised (the loading thread waits on it). pdf.js's console
 * output is silenced: nothing of it reaches the language server's stdout, where it speaks LSP.
 */
import * as fs from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { extract, type ExtractOutcome } from './index';
import { MAX_EXTRACT_FILE_BYTES, type ExtractReply, type ExtractRequest } from './protocol';

for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => {};

let syncPort: MessagePort | undefined;
let counter: Int32Array | undefined;
const queue: ExtractRequest[] = [];
let busy = false;

async function run(req: ExtractRequest): Promise<ExtractOutcome> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(req.path).size;
    if (size > MAX_EXTRACT_FILE_BYTES) return { problem: `larger than ${MAX_EXTRACT_FILE_BYTES / 1024 / 1024} MB: not extracted` };
    bytes = fs.readFileSync(req.path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { problem: err.code === 'ENOENT' ? 'deleted before it could be read' : `cannot read: ${err.message}` };
  }
  return extract(req.ext, bytes);
}

async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let req = queue.shift(); req; req = queue.shift()) {
      const reply: ExtractReply = { id: req.id, outcome: await run(req) };
      if (req.sync && syncPort && counter) {
        syncPort.postMessage(reply);
        Atomics.add(counter, 0, 1);
        Atomics.notify(counter, 0);
      } else parentPort!.postMessage(reply);
    }
  } finally {
    busy = false;
  }
}

parentPort?.on('message', (msg: { init?: { port: MessagePort; counter: SharedArrayBuffer } } & Partial<ExtractRequest>) => {
  if (msg.init) {
    syncPort = msg.init.port;
    counter = new Int32Array(msg.init.counter);
    return;
  }
  queue.push(msg as ExtractRequest);
  void pump();
});
