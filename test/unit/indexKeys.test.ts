import * as assert from 'node:assert';
import fc from 'fast-check';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { contentKeys } from '../../server/src/engine/text';

// The index's allocation-free tokenizer (tokenTerms.ts) must produce exactly contentKeys.
describe('index keys equal contentKeys', () => {
  const samples = [
    "The U.S. economy grew 3.5% in Q2, the Commerce Dept. said on Jan. 5th; it's the mayor's 1,234,567th don't9 rock'n'roll.",
    'Café naïve résumé — Zürich’s 12:30 meeting; ½ of 3.14 ² x²y. Ünïcödé ｆｕｌｌ ｗｉｄｔｈ 🎉 emoji 😀 ok.',
    "dogs' bones rock’n’roll O’Neil l'été 3.4.5 1,2,3 10:30:45 ab’ cd'",
    'ΑΘΗΝΑ Москва 東京 مرحبا हिन्दी e\u0301te\u0301 a\u00a0b c\u2028d',
  ];
  it('on tricky samples', () => {
    const idx = new SourceIndex();
    for (const s of samples) assert.deepStrictEqual(idx.keysOf(s), contentKeys(s), s);
  });
  it('on random text (property)', () => {
    const idx = new SourceIndex();
    const alphabet = fc.constantFrom(...'aZq09 .,:\'’-éü½²\u0301 \n\t🎉Ж東"'.split(''), 'the', 'is', "n't", 'cats', 'ran', 'U.S.');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        assert.deepStrictEqual(idx.keysOf(s), contentKeys(s));
      }),
      { numRuns: 2000 },
    );
  });
});
