import * as assert from 'node:assert';
import { negation, uncarriedNegation } from '../../../server/src/engine/signals/negation';
import { findQuotes } from '../../../server/src/engine/signals/quote';
import { makeInput, run, text } from './helpers';

describe('signals/negation', () => {
  it('SICK: "is not playing" against "is playing"', () => {
    const claim = 'A man is not playing a guitar';
    const ev = 'A man is playing a guitar';
    const f = run(negation, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'not playing');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'playing');
  });
  it('the source negates what the draft asserts: "does not cause" against "causes"', () => {
    const claim = 'The participation of aligned states causes upheaval within Moscow’s circles.';
    const ev = 'The participation of states aligned with the Russian Federation’s interests does not cause upheaval within Moscow’s circles.';
    const f = run(negation, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'causes');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'does not cause');
    assert.match(f[0].message, /the source says 'does not cause'/);
  });
  it("the source's words can replace the draft's clashing words (the quick fix)", () => {
    const claim = 'The participation of aligned states does cause upheaval within Moscow’s circles.';
    const ev = 'The participation of states aligned with the Russian Federation’s interests does not cause upheaval within Moscow’s circles.';
    const [f] = run(negation, claim, ev);
    const fixed = claim.slice(0, f.claimSpan.start) + text(ev, f.evidenceSpan!) + claim.slice(f.claimSpan.end);
    assert.strictEqual(fixed, 'The participation of aligned states does not cause upheaval within Moscow’s circles.');
  });
  it('stays quiet when both sides negate', () => {
    assert.deepStrictEqual(run(negation, 'A man is not playing a guitar', 'The man is not playing the guitar'), []);
  });
  it('stays quiet when coverage is low (negation alone is a biased cue)', () => {
    const input = makeInput('A man is not playing a guitar', 'A man is playing a guitar');
    assert.deepStrictEqual(negation.detect({ ...input, coverage: 0.3 }), []);
  });
  it('refuse to + verb negates the verb', () => {
    const claim = 'The committee refused to approve the budget.';
    const f = run(negation, claim, 'The committee approved the budget.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'refused to approve');
  });
  it('never throws on odd input', () => {
    assert.deepStrictEqual(negation.detect({ ...makeInput('not', ''), coverage: 1, alignment: [99] }), []);
  });
  describe('uncarriedNegation (a negation the supporting evidence must carry)', () => {
    const un = (c: string, e: string) => {
      const input = makeInput(c, e);
      return uncarriedNegation(input.claim, input.evidence, input.alignment, findQuotes(c));
    };
    it('a claim\'s negation the evidence lacks', () => {
      const f = un('The robot cannot save the centre time and money.', 'The robot can save the centre time and money.');
      assert.ok(f);
      assert.strictEqual(f.effect, 'unsupported');
      assert.match(f.message, /no source says 'cannot save'/);
    });
    it('carried by the evidence: nothing', () => {
      assert.strictEqual(un('The ministry did not approve the plan.', 'The ministry has not approved the plan yet.'), undefined);
    });
    it('"not only ... but also" is no negation; a negation inside quotation marks is the quote signal\'s', () => {
      assert.strictEqual(un('The find supported not only the drift theory but also the land bridge.', 'The find supported the drift theory and the land bridge.'), undefined);
      assert.strictEqual(un('He said that "he hasn\'t done anything" for them.', 'He said the mayor had done things for them.'), undefined);
    });
  });
});
