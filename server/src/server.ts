/**
 * The Corroborate language server's process entry point: `node dist/server.js --stdio` (any
 * editor starts it so). The server itself is built by lsp/createServer.ts; the engine (./engine)
 * does the checking and the workspace layer (./workspace) reads the files.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { createServer } from './lsp/createServer';

/**
 * Over stdio the reader is ours, so that a framing error (a header without a valid
 * Content-Length) is logged and ends the process (the client then restarts the server) instead
 * of leaving the connection wedged with nothing said. A body that is not JSON is logged and the
 * stream, still in step, is read on.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    const framing = /header|content-length/i.test(e.message);
    process.stderr.write(
      `corroborate: ${framing ? 'malformed message framing' : 'unreadable message'} from the client: ${e.message.split('\n')[0]}${framing ? '; closing the connection' : ''}\n`,
    );
    if (framing) process.exit(1);
  });
  // as the library does for --stdio: stdout is the protocol, so console output goes to stderr,
  // and the end of stdin ends the process
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console[m] = (...a: unknown[]) => void process.stderr.write(a.map(String).join(' ') + '\n');
  const ended = () => process.exit(server?.state.shutDown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  return createConnection(ProposedFeatures.all, reader, writer);
}

let server: ReturnType<typeof createServer> | undefined;
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
server = createServer(connection);

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

server.listen();
