// Shared by the editor tests: start code-server (the real VS Code workbench and extension host,
// installed by scripts/editor-setup.sh into .cache/editor/) on a free loopback port with quiet
// settings in temporary folders, and open it in headless Chromium through playwright-core.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const CACHE = process.env.CORROBORATE_EDITOR_CACHE || path.join(REPO, '.cache', 'editor');
const NODE_BIN = path.join(CACHE, 'node', 'bin');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'editor.hover.delay': 100,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

function checkInstalled() {
  const missing = [];
  if (!fs.existsSync(path.join(NODE_BIN, 'node'))) missing.push(`Node 24 (${NODE_BIN})`);
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run scripts/editor-setup.sh`);
}

/** Environment with Node 24 first on PATH and XDG folders inside `home`. */
function serverEnv(home) {
  return {
    ...process.env,
    PATH: `${NODE_BIN}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    // the extension host inherits this; never let it pick up a debugger or a foreign NODE_OPTIONS
    NODE_OPTIONS: '',
    ELECTRON_RUN_AS_NODE: undefined,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Installs a VSIX into `extensionsDir` with code-server's CLI. */
function installExtension(vsix, extensionsDir, home) {
  checkInstalled();
  const r = spawnSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(home, 'user-data')], {
    env: serverEnv(home),
    encoding: 'utf8',
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts code-server on a free loopback port. Returns { port, url(folder, payload?), home, stop() }.
 * `home` holds user-data, extensions and XDG folders; stop() ends the whole process group and
 * removes `home` unless keepHome.
 */
async function startCodeServer({ home, extensionsDir, smokeTestDriver = false, settings = {}, log = () => {} } = {}) {
  checkInstalled();
  home = home || fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cs-'));
  const userData = path.join(home, 'user-data');
  extensionsDir = extensionsDir || path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const args = [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const proc = spawn(CODE_SERVER, args, { env: serverEnv(home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (d) => {
    output += d;
    log(String(d));
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  let exited = null;
  proc.on('exit', (code, signal) => (exited = code ?? signal));

  const stop = async ({ keepHome = false } = {}) => {
    if (exited === null) {
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {}
      const t = Date.now();
      while (exited === null && Date.now() - t < 3000) await new Promise((r) => setTimeout(r, 50));
    }
    // the extension host and the language server are in the same process group
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {}
    if (!keepHome) fs.rmSync(home, { recursive: true, force: true });
  };

  const t0 = Date.now();
  // polling a health endpoint of a process we started (not a sleep in a test): up in about 0.5 s
  while (!(await healthy(port))) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before it answered:\n${output}`);
    if (Date.now() - t0 > 30000) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const base = `http://127.0.0.1:${port}`;
  const url = (folder, payload) => {
    let u = `${base}/?folder=${encodeURIComponent(folder)}`;
    if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  };
  return { port, base, url, home, proc, stop, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}

/** Headless Chromium through playwright-core. */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A browser console message as text (styled "%c ..." messages lose their CSS arguments). */
async function consoleText(msg) {
  const args = msg.args();
  const values = [];
  for (const a of args) {
    try {
      values.push(await a.jsonValue());
    } catch {
      values.push(String(a));
    }
  }
  if (!values.length) return msg.text();
  const util = require('node:util');
  // the workbench relays the extension host's console.log as ("%c<prefix>", css, ...the original
  // arguments): drop the styled prefix, then format the original arguments as console.log does
  if (typeof values[0] === 'string' && values[0].includes('%c')) {
    const n = (values[0].match(/%c/g) || []).length;
    const prefix = values[0].replace(/%c/g, '').trim();
    const rest = values.slice(1 + n);
    const body = rest.length ? util.format(...rest) : '';
    return /^(INFO|LOG|\[Extension Host\])$/.test(prefix) ? body : `${prefix} ${body}`;
  }
  return util.format(...values);
}

module.exports = {
  REPO,
  CACHE,
  CODE_SERVER,
  CHROMIUM,
  QUIET_SETTINGS,
  checkInstalled,
  startCodeServer,
  installExtension,
  launchBrowser,
  consoleText,
  freePort,
};
