import * as assert from 'node:assert';
import { aliasKey, areAntonyms, areSynonyms, synonyms } from '../../../server/src/engine/lexicon';

describe('lexicon', () => {
  it('knows WordNet antonyms in both directions', () => {
    assert.ok(areAntonyms('increase', 'decrease'));
    assert.ok(areAntonyms('decrease', 'increase'));
    assert.ok(areAntonyms('win', 'lose'));
    assert.ok(!areAntonyms('increase', 'increase'));
    assert.ok(!areAntonyms('guitar', 'piano'));
  });
  it('adds curated opposites WordNet lacks', () => {
    assert.ok(areAntonyms('respect', 'disregard'));
    assert.ok(areAntonyms('approve', 'reject'));
    assert.ok(areAntonyms('allow', 'ban'));
  });
  it('drops misleading WordNet pairs', () => {
    assert.ok(!areAntonyms('rise', 'set'));
  });
  it('gives synonyms from WordNet synsets', () => {
    assert.ok(synonyms('begin').has('start'));
    assert.ok(areSynonyms('start', 'commence'));
    assert.ok(!areSynonyms('start', 'guitar'));
    assert.ok(!synonyms('begin').has('begin'));
    assert.strictEqual(synonyms('qwertyuiop').size, 0);
  });
  it('maps paraphrases like co-develop / jointly develop together', () => {
    assert.ok(synonyms('co-develop').has('jointly develop'));
  });
  it('resolves aliases to one key', () => {
    assert.strictEqual(aliasKey('u.s.'), 'united states');
    assert.strictEqual(aliasKey('united states'), 'united states');
    assert.strictEqual(aliasKey('washington'), 'united states');
    assert.strictEqual(aliasKey('new delhi'), aliasKey('india'));
    assert.strictEqual(aliasKey('the kremlin'), 'russia');
    assert.strictEqual(aliasKey('russian federation'), 'russia');
    assert.strictEqual(aliasKey('britain'), aliasKey('uk'));
    assert.strictEqual(aliasKey('guitar'), undefined);
  });
});
