import * as assert from 'node:assert';
import fc from 'fast-check';
import { lemma, tokenize, tokenizeByRegExp } from '../../server/src/engine/text';

// tokenize finds ASCII tokens by hand: it must give exactly TOKEN_RE's matches.
describe('tokenize equals TOKEN_RE matched one by one', () => {
  const samples = [
    "The U.S. economy grew 3.5% in Q2, the Commerce Dept. said on Jan. 5th; it's the mayor's 1,234,567th don't9 rock'n'roll.",
    'Café naïve résumé — Zürich’s 12:30 meeting; ½ of 3.14 ² x²y. Ünïcödé ｆｕｌｌ ｗｉｄｔｈ 🎉 emoji 😀 ok.',
    "dogs' bones rock’n’roll O’Neil l'été 3.4.5 1,2,3 10:30:45 ab’ cd' 3.é 4,½",
    'ΑΘΗΝΑ Москва 東京 مرحبا हिन्दी e\u0301te\u0301 a\u00a0b c\u2028d \u0000\u001c\u007f\v\f\ufeff',
  ];
  it('on tricky samples', () => {
    for (const s of samples) assert.deepStrictEqual(tokenize(s), tokenizeByRegExp(s), s);
  });
  it('on random text (property)', () => {
    const alphabet = fc.constantFrom(
      ...'aZq09 .,:\'’-éü½²\u0301 \n\t\r\v\f\u001c\u007f\u0000🎉Ж東"\u00a0\u2028\ufeff$%'.split(''),
      'the',
      "n't",
      'U.S.',
      '3.5',
      '1,000',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        assert.deepStrictEqual(tokenize(s), tokenizeByRegExp(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        assert.deepStrictEqual(tokenize(s), tokenizeByRegExp(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lemma', () => {
  it('short irregular past forms meet their verbs ("won" -> win, "led" -> lead), which the lemmatizer leaves alone', () => {
    for (const [w, l] of [
      ['won', 'win'],
      ['led', 'lead'],
      ['ran', 'run'],
      ['met', 'meet'],
      ['does', 'do'],
      ['rose', 'rise'],
      ['wins', 'win'],
      ['leading', 'lead'],
    ]) {
      assert.strictEqual(lemma(w), l, w);
    }
  });
  it('a stem that did not double its consonant ends in a silent e: riding -> ride (not rid), hoping -> hope, rated -> rate', () => {
    for (const [w, l] of [
      ['riding', 'ride'],
      ['hoping', 'hope'],
      ['rated', 'rate'],
      ['staring', 'stare'],
      ['ridding', 'rid'],
      ['hopping', 'hop'],
      ['starring', 'star'],
      ['visiting', 'visit'],
      ['opening', 'open'],
      ['fixing', 'fix'],
    ]) {
      assert.strictEqual(lemma(w), l, w);
    }
  });
});
