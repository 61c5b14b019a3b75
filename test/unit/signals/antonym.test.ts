import * as assert from 'node:assert';
import { antonym } from '../../../server/src/engine/signals/antonym';
import { makeInput, run, text } from './helpers';

describe('signals/antonym', () => {
  it('WordNet: fell against rose in the same place', () => {
    const claim = 'Global temperatures fell sharply in the last century.';
    const ev = 'Global temperatures rose sharply in the last century.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'fell');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'rose');
    assert.strictEqual(f[0].message, "antonym: the draft says 'fell', the source says 'rose'");
  });
  it('curated: disregards against respects', () => {
    const claim = 'Any collaboration disregards national policies and export control regimes.';
    const ev = 'Any collaboration respects national policies, industrial standards, and export control regimes.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'disregards');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'respects');
  });
  it('SICK: a woman against a man', () => {
    const f = run(antonym, 'A woman is playing a guitar', 'A man is playing a guitar');
    assert.strictEqual(f.length, 1);
  });
  it('negated antonym agrees: "did not rise" against "fell"', () => {
    assert.deepStrictEqual(run(antonym, 'Prices did not rise last year.', 'Prices fell last year.'), []);
  });
  it('an opposite word elsewhere in the sentence does not fire', () => {
    assert.deepStrictEqual(
      run(antonym, 'Exports fell in the first quarter of the year.', 'Imports rose while exports in the first quarter of the year were flat.'),
      [],
    );
  });
  it('needs high coverage', () => {
    const input = makeInput('Global temperatures fell sharply in the last century.', 'Global temperatures rose sharply in the last century.');
    assert.deepStrictEqual(antonym.detect({ ...input, coverage: 0.3 }), []);
  });
});
