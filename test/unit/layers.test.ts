// The layers are visible in the folders, and a test holds them: the engine (server/src/engine) is pure:
// it takes text and returns plain data, so it never imports the file system, workers, processes, the
// editor or the LSP. The file-system side lives in server/src/workspace.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const ENGINE = path.join(ROOT, 'server/src/engine');

/** Module names an engine file must not import. */
const FORBIDDEN = /^(node:)?(fs|fs\/promises|worker_threads|child_process)$|^vscode$|^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc/;

/** Every module specifier in a TypeScript file: import/export ... from, import(...), require(...), bare import. */
export function importedModules(code: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

function tsFiles(dir: string, depth = 0): string[] {
  assert.ok(depth < 10, `folder nesting too deep at ${dir}`);
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(p, depth + 1));
    else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('layers', () => {
  it('the import scan sees every form of import it is meant to catch', () => {
    const sample = [
      "import * as fs from 'node:fs';",
      "import { Worker } from\n  'worker_threads';",
      "export { x } from 'vscode-languageserver/node';",
      "import 'vscode';",
      "const cp = require('child_process');",
      "const p = import('fs/promises');",
      "import type { Diagnostic } from 'vscode-languageserver-types';",
    ].join('\n');
    const found = importedModules(sample);
    assert.deepStrictEqual(
      found.filter((m) => FORBIDDEN.test(m)).sort(),
      ['child_process', 'fs/promises', 'node:fs', 'vscode', 'vscode-languageserver-types', 'vscode-languageserver/node', 'worker_threads'].sort(),
    );
    assert.ok(!FORBIDDEN.test('node:path') && !FORBIDDEN.test('./text') && !FORBIDDEN.test('fuse.js'));
  });

  it('no engine file imports fs, worker_threads, child_process, vscode or the LSP', () => {
    const files = tsFiles(ENGINE);
    assert.ok(files.length > 10, `expected the engine's files under ${ENGINE}, found ${files.length}`);
    const offences: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(file, 'utf8');
      for (const m of importedModules(code)) if (FORBIDDEN.test(m)) offences.push(`${path.relative(ROOT, file)} imports ${m}`);
    }
    assert.deepStrictEqual(offences, []);
  });

  it('no engine file imports the layers above it (workspace, server, CLI)', () => {
    const SERVER_SRC = path.join(ROOT, 'server/src');
    const offences: string[] = [];
    for (const file of tsFiles(ENGINE)) {
      for (const m of importedModules(fs.readFileSync(file, 'utf8'))) {
        if (!m.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), m);
        const inServerSrc = !path.relative(SERVER_SRC, target).startsWith('..');
        const inEngine = !path.relative(ENGINE, target).startsWith('..');
        if (inServerSrc && !inEngine) offences.push(`${path.relative(ROOT, file)} imports ${m}`);
      }
    }
    assert.deepStrictEqual(offences, []);
  });
});
