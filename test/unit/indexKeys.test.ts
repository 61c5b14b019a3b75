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

// The pruned search must return exactly what scoring every sentence would.
describe('BM25 search with pruning equals a full scan', () => {
  function naive(idx: SourceIndex, keys: string[], k: number, only?: Set<string>) {
    const all: { id: number; score: number }[] = [];
    const ids: number[] = [];
    for (const p of idx.filePaths()) for (const s of idx.sentencesOf(p)) ids.push(s.id);
    let total = 0;
    for (const id of ids) total += contentKeys(idx.sentence(id)!.text).length;
    const avg = ids.length ? total / ids.length : 1;
    const uniq = [...new Set(keys)].filter((key) => idx.documentFrequency(key) > 0);
    for (const id of ids) {
      const s = idx.sentence(id)!;
      if (only && !only.has(s.source)) continue;
      const ks = contentKeys(s.text);
      let sc = 0;
      let any = false;
      for (const key of uniq) {
        const tf = ks.filter((x) => x === key).length;
        if (!tf) continue;
        any = true;
        sc += (idx.idf(key) * (tf * 2.2)) / (tf + 1.2 * (1 - 0.75 + (0.75 * ks.length) / avg));
      }
      if (any) all.push({ id, score: sc });
    }
    all.sort((a, b) => b.score - a.score || a.id - b.id);
    return all.slice(0, k);
  }
  it('on random corpora with removals and source filters (property)', () => {
    const vocab = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu common common common rare1 rare2 7 12'.split(' ');
    const sentence = fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + '.');
    const file = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.map((s) => s[0].toUpperCase() + s.slice(1)).join(' '));
    fc.assert(
      fc.property(
        fc.array(file, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...vocab), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (files, q, k, drop) => {
          const idx = new SourceIndex();
          files.forEach((t, i) => idx.addFile(`f${i}.txt`, t));
          for (let i = 0; i < drop && i < files.length; i += 2) idx.removeFile(`f${i}.txt`);
          const got = idx.search(q, k).map((h) => [h.sentence.id, +h.score.toFixed(9)]);
          const want = naive(idx, q, k).map((h) => [h.id, +h.score.toFixed(9)]);
          assert.deepStrictEqual(got, want);
          const only = new Set(idx.filePaths().filter((_, i) => i % 2 === 1));
          assert.deepStrictEqual(
            idx.search(q, k, only).map((h) => h.sentence.id),
            naive(idx, q, k, only).map((h) => h.id),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
