import * as assert from 'node:assert';
import { findQuotes, quote } from '../../../server/src/engine/signals/quote';
import { differingSpan } from '../../../server/src/engine/signals/quote';
import { run, text } from './helpers';

const EV = 'The spokesperson added that such engagements should not be interpreted as a shift away from any existing bilateral relationships.';

describe('signals/quote', () => {
  it('finds straight, curly and single-curly quotes', () => {
    assert.deepStrictEqual(
      findQuotes('He said “a shift away,” and "not now" and ‘never again’ but it’s fine.').map((q) => q.text),
      ['a shift away', 'not now', 'never again'],
    );
  });
  it('verbatim quote (curly quotes, case, comma inside) supports', () => {
    const claim = 'The spokesperson said engagements “should not be interpreted as a shift away,” from existing ties.';
    const f = run(quote, claim, EV);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'supports');
    assert.strictEqual(text(claim, f[0].claimSpan), 'should not be interpreted as a shift away');
  });
  it('an ellipsis may skip words', () => {
    const f = run(quote, 'He said "such engagements ... should not be interpreted".', EV);
    assert.strictEqual(f[0].effect, 'supports');
  });
  it('a near match is a misquote naming the source wording', () => {
    const claim = 'The spokesperson said such engagements should be “seen as a shift away” from existing relationships.';
    const f = run(quote, claim, EV);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].kind, 'misquote');
    assert.strictEqual(f[0].effect, 'contradicts');
    // the squiggle on the word the source does not have; the message gives both wordings whole
    assert.strictEqual(text(claim, f[0].claimSpan), 'seen');
    assert.strictEqual(text(EV, f[0].evidenceSpan), 'interpreted');
    assert.match(f[0].message, /the source says “interpreted as a shift away”/);
  });
  it('a quote the source does not contain is unsupported', () => {
    const claim = 'The spokesperson called it “a historic betrayal”.';
    const f = run(quote, claim, EV);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'unsupported');
    assert.strictEqual(text(claim, f[0].claimSpan), 'a historic betrayal');
  });
});

describe('misquote: the squiggle on the words that differ', () => {
  it('the source words quoted in the message run to the end of the differing words ("wasn\'t right", not "wasn\'t")', () => {
    const claim = '"She never told me she signed a payment that was wrong," Mr Hale said.';
    const f = run(quote, claim, '"She never told me she signed a payment that wasn\'t right. If she had, we would know."').find((x) => x.kind === 'misquote');
    assert.ok(f);
    assert.strictEqual(
      f.message,
      "misquote: the draft quotes “She never told me she signed a payment that was wrong”, the source says “She never told me she signed a payment that wasn't right”",
    );
  });
  it('covers the changed word, not the whole quotation', () => {
    const claim = 'The mayor said: "We will never close the old harbour, whatever the silly critics say."';
    const evidence = 'The mayor said: "We will never close the old harbour, whatever the noisy critics say."';
    const f = run(quote, claim, evidence).find((x) => x.kind === 'misquote');
    assert.ok(f, 'a misquote');
    assert.strictEqual(text(claim, f.claimSpan), 'silly');
    assert.strictEqual(text(evidence, f.evidenceSpan), 'noisy');
  });
  it('a quotation that only leaves words out keeps the whole quotation as its span', () => {
    const qw = [
      { w: 'we', start: 0, end: 2 },
      { w: 'close', start: 3, end: 8 },
    ];
    const src = [
      { w: 'we', start: 0, end: 2 },
      { w: 'never', start: 3, end: 8 },
      { w: 'close', start: 9, end: 14 },
    ];
    assert.strictEqual(differingSpan(qw, src), undefined);
  });
});
