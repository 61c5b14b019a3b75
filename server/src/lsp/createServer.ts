/**
 * Builds the Corroborate language server on a connection: its state (one object), the standard
 * LSP handlers and the custom ones. It does not listen: server.ts (the process entry point) or a
 * test (over an in-memory stream pair) calls listen().
 */
import type { Connection } from 'vscode-languageserver/node';
import { registerCustomHandlers } from './custom';
import { registerStandardHandlers } from './standard';
import { createState, disposeState, type ServerState } from './state';

export interface CorroborateServer {
  state: ServerState;
  /** starts reading messages from the connection */
  listen(): void;
  /** stops the server's timers (the connection is the caller's) */
  dispose(): void;
}

export function createServer(connection: Connection): CorroborateServer {
  const state = createState(connection);
  registerStandardHandlers(state);
  registerCustomHandlers(state);
  return {
    state,
    listen() {
      state.documents.listen(connection);
      connection.listen();
    },
    dispose() {
      disposeState(state);
    },
  };
}
