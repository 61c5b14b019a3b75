import * as assert from 'node:assert';
import { createRequire } from 'node:module';

// esbuild.mjs bundles wink-lexicon's two big tables as JSON (faster to load): the bundled data
// must be the package's own, read here through Node's require at run time.
describe('bundled wink-lexicon tables equal the package files', () => {
  const runtimeRequire = createRequire(__filename);
  it('word -> index (a null-prototype object)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require('wink-lexicon/src/wn-words.js') as Record<string, number>;
    const original = runtimeRequire('wink-lexicon/src/wn-words.js') as Record<string, number>;
    assert.strictEqual(Object.getPrototypeOf(bundled), null);
    assert.deepStrictEqual(Object.keys(bundled).sort(), Object.keys(original).sort());
    for (const k of Object.keys(original)) assert.strictEqual(bundled[k], original[k], k);
  });
  it('index -> senses', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require('wink-lexicon/src/wn-word-senses.js') as number[][];
    const original = runtimeRequire('wink-lexicon/src/wn-word-senses.js') as number[][];
    assert.deepStrictEqual(bundled, original);
  });
});
