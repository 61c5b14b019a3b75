/**
 * The Corroborate language server's process entry point: `node dist/server.js --stdio` (any
 * editor starts it so). The server itself is built by lsp/createServer.ts; the engine (./engine)
 * does the checking and the workspace layer (./workspace) reads the files.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/createServer';

const connection = createConnection(ProposedFeatures.all);
const server = createServer(connection);

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

server.listen();
