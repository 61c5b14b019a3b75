import * as assert from 'node:assert';
import { aliasKey, areAntonyms, areSynonyms, carries, isHypernym, synonyms } from '../../../server/src/engine/lexicon';

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
  it('a general word is carried by a specific one, not the other way round ("vehicle" by "car")', () => {
    assert.ok(isHypernym('vehicle', 'car'));
    assert.ok(isHypernym('instrument', 'guitar'));
    assert.ok(!isHypernym('car', 'vehicle'));
    assert.ok(carries('vehicle', 'car'));
    assert.ok(!carries('car', 'vehicle'));
  });
  it('everyday categories are reached however deep WordNet puts them ("animal" for a horse, eight levels up)', () => {
    for (const w of ['horse', 'rhino', 'hedgehog', 'shrimp', 'monkey']) assert.ok(isHypernym('animal', w), w);
    assert.ok(isHypernym('disease', 'flu'));
    assert.ok(isHypernym('country', 'france'));
    // other ancestors stay within four levels: a horse is no "organism" word for a writer
    assert.ok(!isHypernym('organism', 'horse'));
    assert.ok(!isHypernym('animal', 'car'));
  });
  it('a title acronym is carried by its written-out form ("MEP" by "Parliament"), and nothing else by that rule', () => {
    assert.ok(carries('mep', 'parliament') && carries('mp', 'parliament'));
    assert.ok(!carries('ipcc', 'change') && !carries('nato', 'organization') && !carries('mep', 'member'));
    assert.strictEqual(aliasKey('MEP'), aliasKey('member of the European Parliament'));
    assert.strictEqual(aliasKey('MPs'), aliasKey('members of parliament'));
    assert.notStrictEqual(aliasKey('MEP'), aliasKey('MP'));
    assert.strictEqual(aliasKey('Green'), aliasKey('the Greens'));
  });
});
