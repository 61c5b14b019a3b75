// The editor suite (npm run test:editor, after scripts/editor-setup.sh):
//   1. extension-host tests: @vscode/test-electron runTests with vscodeExecutablePath = test/editor/launcher
//      (code-server + headless Chromium), on a temporary workspace with examples/ and seeds/
//   2. Neovim 0.7 headless with its LSP client
//   3. UI checks with playwright-core on code-server with the packaged VSIX installed
// Ends with "N passed, N failed"; $CORROBORATE_EDITOR_TEST_RESULTS receives the counts as JSON.
// Options: --only host,nvim,ui   --update-screenshot (copies the hover screenshot to docs/screenshot.png)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNeovimChecks } from './neovim.mjs';
import { runUiChecks } from './ui.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const RESULTS = path.join(REPO, 'test-results');
const argv = process.argv.slice(2);
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(',')) : null;
const wanted = (s) => !only || only.has(s);

const t0 = Date.now();
const sections = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function npm(args) {
  execFileSync('npm', args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
}

async function section(name, fn) {
  console.log(`\n== ${name}`);
  const s0 = Date.now();
  let checks;
  try {
    checks = await fn();
  } catch (e) {
    checks = [{ name: `${name}: ran to the end`, ok: false, message: String(e && e.stack ? e.stack : e) }];
    console.log(`  ✘ ${name}: ${e && e.message ? e.message : e}`);
  }
  sections.push({ name, checks, ms: Date.now() - s0 });
}

console.log('== build (dev)');
npm(['run', '--silent', 'build']);

if (wanted('host')) {
  await section('extension-host tests (code-server + headless Chromium via @vscode/test-electron)', async () => {
    const { runTests } = require('@vscode/test-electron');
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-host-ws-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(ws, 'examples'), { recursive: true });
    fs.cpSync(path.join(REPO, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
    const resultsFile = path.join(os.tmpdir(), `corroborate-host-results-${process.pid}.json`);
    fs.rmSync(resultsFile, { force: true });
    let runError;
    try {
      await runTests({
        vscodeExecutablePath: path.join(HERE, 'launcher'),
        extensionDevelopmentPath: REPO,
        extensionTestsPath: path.join(REPO, 'out', 'test', 'editor', 'suite', 'index.js'),
        launchArgs: [ws],
        extensionTestsEnv: { CORROBORATE_EDITOR_RESULTS: resultsFile },
      });
    } catch (e) {
      runError = e;
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
    let r;
    try {
      r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
      throw new Error(`the extension-host run ended without results (${runError ? runError.message : 'no error'})`);
    } finally {
      fs.rmSync(resultsFile, { force: true });
    }
    const checks = [];
    for (let i = 0; i < r.passed; i++) checks.push({ name: `extension host: ${r.passes?.[i] ?? i + 1}`, ok: true });
    for (const f of r.failures) checks.push({ name: `extension host: ${f.title}`, ok: false, message: f.message });
    if (runError && !r.failed) checks.push({ name: 'extension host: run exit code', ok: false, message: runError.message });
    return checks;
  });
}

if (wanted('nvim')) {
  await section('Neovim (headless, built-in LSP client)', async () => runNeovimChecks());
}

if (wanted('ui')) {
  await section('UI checks (playwright-core, code-server with the VSIX installed)', async () => {
    console.log('  npm run package');
    const p0 = Date.now();
    for (const f of fs.readdirSync(REPO)) if (f.endsWith('.vsix')) fs.rmSync(path.join(REPO, f));
    try {
      npm(['run', '--silent', 'package']);
    } finally {
      npm(['run', '--silent', 'build']); // back to the dev build (sourcemaps) for everything else
    }
    const vsix = fs.readdirSync(REPO).find((f) => f.endsWith('.vsix'));
    if (!vsix) throw new Error('npm run package made no .vsix');
    console.log(`  ${vsix} (${Math.round(fs.statSync(path.join(REPO, vsix)).size / 1024)} KB) in ${secs(Date.now() - p0)}`);
    const screenshot = path.join(RESULTS, 'editor-draft-hover.png');
    const checks = await runUiChecks({ vsix: path.join(REPO, vsix), screenshot });
    if (argv.includes('--update-screenshot') && fs.existsSync(screenshot)) {
      fs.mkdirSync(path.join(REPO, 'docs'), { recursive: true });
      fs.copyFileSync(screenshot, path.join(REPO, 'docs', 'screenshot.png'));
      console.log('  docs/screenshot.png updated');
    }
    return checks;
  });
}

let passed = 0;
let failed = 0;
console.log('\n== editor suite');
for (const s of sections) {
  const p = s.checks.filter((c) => c.ok).length;
  const f = s.checks.length - p;
  passed += p;
  failed += f;
  console.log(`  ${s.name}: ${p} passed, ${f} failed (${secs(s.ms)})`);
}
const failures = sections.flatMap((s) => s.checks.filter((c) => !c.ok));
if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f.name}${f.message ? `: ${f.message.split('\n')[0]}` : ''}`);
  const shots = fs.existsSync(RESULTS) ? fs.readdirSync(RESULTS).filter((f) => f.endsWith('.png')) : [];
  if (shots.length) console.log(`Screenshots kept in test-results/: ${shots.join(', ')}`);
}
console.log(`editor suite: ${secs(Date.now() - t0)}`);
if (process.env.CORROBORATE_EDITOR_TEST_RESULTS) {
  fs.writeFileSync(process.env.CORROBORATE_EDITOR_TEST_RESULTS, JSON.stringify({ passed, failed, done: true, failures }, null, 2));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
