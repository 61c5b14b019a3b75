// The CLI does not carry the language server: after the build, dist/cli.js bundles no
// vscode-languageserver* or vscode-jsonrpc code (the CLI reads Findings, not Diagnostics).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIST = path.join(__dirname, '../../../dist');
// esbuild marks each bundled module with a "// node_modules/<package>/..." comment (and minified
// builds still carry the packages' own identifiers, such as the protocol's method names)
const LSP = /node_modules[\\/](vscode-languageserver[\w-]*|vscode-jsonrpc)[\\/]|textDocument\/publishDiagnostics/;

describe('the CLI bundle', () => {
  it('the marker finds the LSP in the server bundle (the check below can fail)', () => {
    assert.match(fs.readFileSync(path.join(DIST, 'server.js'), 'utf8'), LSP);
  });

  it('dist/cli.js contains no vscode-languageserver or vscode-jsonrpc code', () => {
    const code = fs.readFileSync(path.join(DIST, 'cli.js'), 'utf8');
    const m = LSP.exec(code);
    assert.strictEqual(m, null, m ? `dist/cli.js bundles ${m[0]} at offset ${m.index}` : '');
  });
});
