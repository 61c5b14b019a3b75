// Neovim 0.7 headless with its built-in LSP client (test/editor/neovim.lua) against
// `node dist/server.js --stdio`: diagnostics and a hover. Run alone: node test/editor/neovim.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

export function runNeovimChecks({ log = console.log } = {}) {
  const results = [];
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-nvim-'));
  fs.cpSync(path.join(REPO, 'examples'), path.join(ws, 'examples'), { recursive: true });
  fs.cpSync(path.join(REPO, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
  const t0 = Date.now();
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(HERE, 'neovim.lua')}`], {
    env: { ...process.env, CORROBORATE_REPO: REPO, CORROBORATE_WS: ws },
    encoding: 'utf8',
    timeout: 60000,
  });
  fs.rmSync(ws, { recursive: true, force: true });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  const lines = out.split(/\r?\n/);
  const diags = lines.filter((l) => l.startsWith('DIAG '));
  const hover = lines
    .filter((l) => l.startsWith('HOVER '))
    .map((l) => l.slice(6))
    .join('\n')
    .replace(/\*\*/g, ''); // matched words are bold
  const ms = Date.now() - t0;
  const check = (name, ok, detail) => {
    results.push({ name, ok, message: ok ? undefined : detail });
    log(ok ? `  ✔ ${name}` : `  ✘ ${name}: ${detail}`);
  };
  check(
    'Neovim starts the server and exits cleanly',
    !r.error && r.status === 0 && /^NVIM 0\.\d+/m.test(out),
    `${r.error ? r.error.message : `exit ${r.status}`}\n${out}`,
  );
  const want = [
    ['ERROR entity [Secretary of State]', 'entity'],
    ['ERROR negation [does cause]', 'negation'],
    ['ERROR number [three]', 'number'],
    ['WARN unsupported [nuclear submarines]', 'unsupported'],
    ['WARN quote [a dangerous provocation]', 'quote'],
  ];
  const missing = want.filter(([w]) => !diags.some((d) => d.includes(w))).map(([, c]) => c);
  check(
    'Neovim: diagnostics with codes, severities and ranges on the clashing words',
    diags.length >= 7 && missing.length === 0,
    `missing ${missing.join(', ') || '-'} among ${diags.length} diagnostics:\n${diags.join('\n')}`,
  );
  check(
    'Neovim: hover shows the verdict and the source quote',
    /contradicted/.test(hover) && /^> The outreach coincided with a high-level meeting between the United States Deputy Secretary of Defense/m.test(hover),
    `hover:\n${hover || out}`,
  );
  log(`    Neovim run: ${ms} ms, ${diags.length} diagnostics`);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const res = runNeovimChecks();
  process.exit(res.every((r) => r.ok) ? 0 : 1);
}
