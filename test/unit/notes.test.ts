// A detector that throws costs its findings on one statement (engine: ClaimResult.notes, held by
// checker.test.ts); these hold how the CLI and the language server report those notes: each once, named.
import * as assert from 'node:assert';
import { reportNotes } from '../../server/src/cli';
import { logNotes, type ServerState } from '../../server/src/lsp/state';

const results = [{ notes: ['signal date failed: boom'] }, {}, { notes: ['signal date failed: boom', 'signal number failed: bad unit'] }];

describe("reporting the engine's notes", () => {
  it('the CLI prints each note once per run on stderr, with the draft it came from', () => {
    const out: string[] = [];
    const noted = new Set<string>();
    reportNotes(noted, 'drafts/a.md', results, (s) => out.push(s));
    reportNotes(noted, 'drafts/b.md', results, (s) => out.push(s));
    assert.deepStrictEqual(out, ['corroborate: drafts/a.md: signal date failed: boom\n', 'corroborate: drafts/a.md: signal number failed: bad unit\n']);
  });
  it('the language server logs each note once, as an error of the engine', () => {
    const errors: string[] = [];
    const s = { loggedNotes: new Set<string>(), connection: { console: { error: (m: string) => errors.push(m) } } } as unknown as ServerState;
    logNotes(s, results);
    logNotes(s, results);
    assert.deepStrictEqual(errors, ['engine: signal date failed: boom', 'engine: signal number failed: bad unit']);
  });
});
