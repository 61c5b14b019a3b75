/** coverage.ts: aligning a claim's content words to an evidence text. */
import * as assert from 'node:assert/strict';
import { align, contentIndices, lightStem } from '../../server/src/engine/coverage';
import { carries } from '../../server/src/engine/lexicon';
import { analyze } from '../../server/src/engine/text';

function alignment(claim: string, evidence: string) {
  const c = analyze(claim);
  const e = analyze(evidence);
  const a = align(c, contentIndices(c), e, () => 1, carries);
  const of = (w: string) => {
    const i = c.tokens.findIndex((t) => t.lower === w);
    return a.map[i] >= 0 ? e.tokens[a.map[i]].lower : undefined;
  };
  return { a, of };
}

describe('coverage', () => {
  it('a light stem meets "-able" words with their verb: "patentable" and "patented"', () => {
    assert.equal(lightStem('patentable'), lightStem('patent'));
    assert.equal(lightStem('readability'), 'read');
    // too short a stem is left whole
    assert.notEqual(lightStem('capable'), 'cap');
    assert.notEqual(lightStem('notable'), 'not');
  });
  it('aligns words by lemma', () => {
    const { a, of } = alignment('The ministers signed the treaty', 'The treaty was signed by ministers');
    assert.equal(of('signed'), 'signed');
    assert.equal(of('ministers'), 'ministers');
    assert.equal(a.coverage, 1);
  });
  it('an evidence word that another claim word matches exactly is not also a synonym match', () => {
    // "rejected" and "withdraw" share a WordNet sense; the evidence's "withdraw" belongs to the claim's "withdraw"
    const { of } = alignment(
      'The council rejected two motions asking her to withdraw her remarks.',
      'Two motions asking her to withdraw her remarks were passed by the council.',
    );
    assert.equal(of('withdraw'), 'withdraw');
    assert.equal(of('rejected'), undefined);
  });
  it('a hyphenated compound in the evidence carries its closed form ("re-submit" for "resubmit")', () => {
    const { of } = alignment('The board will resubmit the plan.', 'The board will re-submit the plan.');
    assert.equal(of('resubmit'), 'submit');
  });
});

describe('coverage: the right counterpart', () => {
  it('an opposite is no counterpart ("falling" is not carried by "climbing" or "jumped"), so the antonym signal sees it', () => {
    assert.equal(carries('fall', 'jump'), false);
    const claim = analyze('Tarrow shares slumped in Leeds, falling as much as 30% before trading stopped.');
    const ev = analyze('Tarrow shares jumped in Leeds, climbing as much as 30% before trading stopped.');
    const a = align(claim, contentIndices(claim), ev, () => 1, carries);
    const at = (w: string) => a.map[claim.tokens.findIndex((t) => t.lower === w)];
    assert.equal(at('falling'), -1);
    assert.equal(at('slumped'), -1);
  });
  it('the same word form is preferred to another form of its lemma: "slowest" meets "slowest", not "slower"', () => {
    const claim = analyze('It is far faster than the slowest machine on the list.');
    const ev = analyze('It is far slower than the slowest machine on the list.');
    const a = align(claim, contentIndices(claim), ev, () => 1, carries);
    const i = claim.tokens.findIndex((t) => t.lower === 'slowest');
    assert.equal(ev.tokens[a.map[i]].lower, 'slowest');
  });
});

describe('coverage: verbs of saying', () => {
  it('a neutral verb of saying carries another ("warned" / "said"), not one that judges the words ("denied")', () => {
    assert.equal(carries('warn', 'say'), true);
    assert.equal(carries('concede', 'say'), true);
    assert.equal(carries('deny', 'say'), false);
    assert.equal(carries('say', 'deny'), false);
    const claim = analyze('In a letter to the two men, Ms Ward warned: "We could take legal action."');
    const ev = analyze('She said: "We could take legal action."');
    const a = align(claim, contentIndices(claim), ev, () => 1, carries);
    assert.equal(ev.tokens[a.map[claim.tokens.findIndex((t) => t.lower === 'warned')]].lower, 'said');
  });
});

describe('coverage: a transcript turn is its speaker speaking', () => {
  it('"Rosa asks" is carried, in part, by the label of Rosa\'s turn; a speaker whose turn it is not gets nothing', () => {
    const { a, of } = alignment('Rosa asks whether the ferry leaves at noon.', 'Rosa: Does the ferry leave at noon?');
    assert.equal(of('asks'), 'rosa');
    assert.ok(a.coverage < 1, 'a turn carries a verb of speaking only in part');
    assert.equal(alignment('Rosa asks whether the ferry leaves at noon.', 'Tomas: Rosa, does the ferry leave at noon?').of('asks'), undefined);
  });
  it('a two-word label on a later line counts; a colon inside a sentence is no label', () => {
    const ev = 'Chair: We start.\nSite Manager: The crane arrives on Monday.';
    assert.equal(alignment('The Site Manager confirms the crane arrives on Monday.', ev).of('confirms'), 'manager');
    assert.equal(alignment('Tomas asks whether the crane arrives on Monday.', 'The agenda for Tomas: the crane arrives on Monday.').of('asks'), undefined);
  });
});
