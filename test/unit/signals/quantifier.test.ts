import * as assert from 'node:assert';
import { quantifier } from '../../../server/src/engine/signals/quantifier';
import { run, text } from './helpers';
import { SourceIndex } from '../../../server/src/engine/sourceIndex';
import { createChecker } from '../../../server/src/engine/defaults';

describe('signals/quantifier', () => {
  it('the phrase the source sets aside must be the draft\'s: "walking dogs" is not "rather than set the dogs on them"', () => {
    assert.deepStrictEqual(
      run(quantifier, 'Walking dogs and hunting rabbits with guns remain legal.', 'It is legal to hunt rabbits with guns rather than set the dogs on them.'),
      [],
    );
  });
  it('a loose synonym is not the draft\'s word in the phrase set aside: "exercising hounds" / "rather than set the hounds on them"', () => {
    // the checker's alignment meets "exercising" with "set" (a WordNet sense); the phrase set aside is not the draft's
    const index = new SourceIndex();
    index.addFile(
      'a.txt',
      'Under the new rules it will still be legal for hunts to flush out foxes, as long as they shoot them rather than set the hounds on them.',
    );
    const [r] = createChecker(index).checkDraft('Exercising hounds and flushing out foxes to be shot both remain legal.', 'plaintext');
    assert.notStrictEqual(r.verdict, 'contradicted', r.reason);
  });
  it('"never" against "rarely" between the same words is a clash', () => {
    const claim = 'She said meetings about the budget were never held in private.';
    const f = run(quantifier, claim, 'She said meetings about the budget were rarely held in private.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'never');
    assert.deepStrictEqual(run(quantifier, 'She said meetings were often held in private.', 'She said meetings were usually held in private.'), []);
  });
  it('"the only X to have" against "among those who have"; "only X\'s case" against "both cases"', () => {
    const f = run(quantifier, 'Ms Vane is the only councillor to have called for a recount.', 'Ms Vane is among those who have called for a recount.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    const g = run(quantifier, "Only the captain's case will go to the tribunal.", "Both players' cases will go to the tribunal.");
    assert.strictEqual(g.length, 1, JSON.stringify(g));
  });
  it('"a single project" against "rather than a single project"', () => {
    const claim = 'The emphasis is to create a single project.';
    const ev = 'The emphasis, according to those present, is to create a platform for sustained cooperation rather than a single project.';
    const f = run(quantifier, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'a single project');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'rather than a single project');
  });
  it('"every one of the last six seasons" / "all of its 12 stores" against a count of them ("four of the last six seasons")', () => {
    const claim = 'The club has finished in the top half in every one of the last six seasons.';
    const ev = 'The club has finished in the top half in four of the last six seasons.';
    const f = run(quantifier, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'every one of the last six seasons');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'four of the last six seasons');
    const g = run(quantifier, 'The chain has shut all of its 12 stores in the north.', 'The chain has shut 9 of its 12 stores in the north.');
    assert.strictEqual(g.length, 1, JSON.stringify(g));
    // the whole set on both sides, or another phrase after "of": no clash
    assert.deepStrictEqual(run(quantifier, claim, 'The club has finished in the top half in each of the last six seasons.'), []);
    assert.deepStrictEqual(run(quantifier, 'Each of the players was fined.', 'Two of the coaches and all the players were fined.'), []);
  });
  it('all against some', () => {
    const claim = 'All experts agree that temperatures rose.';
    const f = run(quantifier, claim, 'Some experts agree that temperatures rose.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'All experts');
    assert.match(f[0].message, /the source says 'Some experts'/);
  });
  it('some against all is fine', () => {
    assert.deepStrictEqual(run(quantifier, 'Some experts agree that temperatures rose.', 'All experts agree that temperatures rose.'), []);
  });
  it('only X against X among others', () => {
    const claim = 'Only jet engine technology is part of the framework.';
    const f = run(quantifier, claim, 'The framework includes jet engine technology, among other areas.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'Only jet engine technology');
  });
  it('"the only executive" against "one of five executives"', () => {
    const claim = 'The auditor named the chairman as the only director who signed the accounts.';
    const ev = 'The auditor named the chairman as one of five directors who signed the accounts.';
    const f = run(quantifier, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.match(text(claim, f[0].claimSpan) ?? '', /^only director/);
  });
  it('"solely by X" against "by X and Y"; "by X and Y" for both is fine', () => {
    const claim = 'The appeal was lodged solely by the Ramblers Association.';
    const ev = 'An appeal was lodged by the Ramblers Association and the National Trust.';
    const f = run(quantifier, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.deepStrictEqual(
      run(quantifier, 'The appeal was lodged solely by the Ramblers Association.', 'The appeal was lodged by the Ramblers Association alone.'),
      [],
    );
  });
});

describe('quantifier: "none other than"', () => {
  it('names the person itself: no contrast', () => {
    const claim = 'The new harbour design was inspired by the architect Ada Quist.';
    const evidence = 'The new harbour design was inspired by none other than the architect Ada Quist.';
    assert.deepStrictEqual(run(quantifier, claim, evidence), []);
  });
  it('"other than" alone still contrasts', () => {
    const claim = 'The new harbour design was inspired by the architect Ada Quist.';
    const evidence = 'The new harbour design was inspired by someone other than the architect Ada Quist.';
    assert.ok(run(quantifier, claim, evidence).some((f) => f.effect === 'contradicts'));
  });
});

describe('quantifier: "the only" against a source that counts more', () => {
  it('"the only previous occasion" against "other occasions"', () => {
    const claim = 'She said the only previous occasion on which such papers had been released concerned the harbour sale.';
    const ev = 'She said there had been other occasions when such papers had been released, most recently over the harbour sale.';
    const f = run(quantifier, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text(ev, f[0].evidenceSpan), 'other occasions');
  });
  it('"Only a deal with Tarrow Bank" against "a deal with either bidder", quoted to the word it qualifies', () => {
    const claim = 'Only a deal with Tarrow Bank would create the largest lender in the north.';
    const ev = 'A deal with either bidder would create the largest lender in the north.';
    const f = run(quantifier, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text(ev, f[0].evidenceSpan), 'deal with either bidder');
  });
  it('"others" as people ("damages caused to others") counts nothing more', () => {
    assert.deepEqual(run(quantifier, 'The plan only costs $40 a month and covers damages.', 'The plan covers damages caused to others.'), []);
  });
});

describe('quantifier: "much of"', () => {
  it('"all of the last eight years" against "much of the last eight years" is a clash; "much better" is no quantifier', () => {
    const f = run(quantifier, 'She has spent all of the last eight years in the top 10.', 'She has spent much of the last eight years in the top 10.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.deepStrictEqual(run(quantifier, 'All of the team played well.', 'The team played much better.'), []);
  });
});

describe('quantifier: all against a count of the last few', () => {
  it('"every round of the contest" against "the last two rounds"; not "all four rounds" against "the last four rounds"', () => {
    const f = run(
      quantifier,
      'The judges said betting on every round of the contest had raised doubts.',
      'The judges said betting on the last two rounds had raised doubts.',
    );
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /the source says 'last two rounds'/);
    assert.deepStrictEqual(run(quantifier, 'All four rounds were close.', 'The last four rounds were close.'), []);
  });
});
