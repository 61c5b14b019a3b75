/**
 * The extraction worker (bundled as dist/extractWorker.js): reads a source file's bytes and extracts its
 * text off the loading thread. Requests come as { id, path, ext }; the reply { id, outcome } goes back on
 * the port the request names (the async channel, or the sync channel after which the shared flag is
 * raised). pdf.js's console output is kept off stdout (the language server speaks LSP there).
 */
import * as fs from 'node:fs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { extract, type ExtractOutcome } from './index';
import { MAX_EXTRACT_FILE_BYTES, type ExtractReply, type ExtractRequest } from './protocol';

for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = () => {};

let syncPort: MessagePort | undefined;
let flag: Int32Array | undefined;

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

parentPort?.on('message', (msg: { init?: { port: MessagePort; flag: SharedArrayBuffer } } & Partial<ExtractRequest>) => {
  if (msg.init) {
    syncPort = msg.init.port;
    flag = new Int32Array(msg.init.flag);
    return;
  }
  const req = msg as ExtractRequest;
  void run(req).then((outcome) => {
    const reply: ExtractReply = { id: req.id, outcome };
    if (req.sync && syncPort && flag) {
      syncPort.postMessage(reply);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    } else parentPort!.postMessage(reply);
  });
});
