import * as assert from 'node:assert';
import { negatesPredicate, negation, uncarriedNegation } from '../../../server/src/engine/signals/negation';
import { analyze } from '../../../server/src/engine/text';
import { findQuotes } from '../../../server/src/engine/signals/quote';
import { makeInput, run, text } from './helpers';

describe('signals/negation', () => {
  it('"denied that the banned drug was cocaine" denies the clause, not the subject\'s words', () => {
    const f = run(negation, 'He later denied that the banned drug was cocaine.', 'It was first reported that the banned drug in question was cocaine.');
    assert.deepStrictEqual(
      f.filter((x) => x.effect === 'contradicts'),
      [],
    );
  });
  it('"declined to use TV replays" is carried by "spurned TV replays" (a verb of refusing)', () => {
    const input = makeInput('The referee declined to use TV replays in the closing minutes.', 'The referee spurned TV replays in the closing minutes.');
    assert.strictEqual(uncarriedNegation(input.claim, input.evidence, input.alignment), undefined);
    const bare = makeInput('The referee declined to use TV replays in the closing minutes.', 'The referee used TV replays in the closing minutes.');
    assert.ok(uncarriedNegation(bare.claim, bare.evidence, bare.alignment));
  });
  it('a synonym of another word class is no negated counterpart: "a feature film" against "failed to take the award"', () => {
    const f = run(negation, 'Ms Roe is working on a feature film with the director Tom Hale.', 'Tom Hale failed to take the director award this year.');
    assert.deepStrictEqual(
      f.filter((x) => x.effect === 'contradicts'),
      [],
    );
  });
  it('"was not known until the 1990s" says when, not that it was not', () => {
    const input = makeInput('The band was not widely known until the late 1990s.', 'The band became widely known in the late 1990s.');
    assert.strictEqual(uncarriedNegation(input.claim, input.evidence, input.alignment), undefined);
    assert.deepStrictEqual(
      run(negation, 'The band was not widely known until the late 1990s.', 'The band was widely known in the late 1990s.').filter(
        (f) => f.effect === 'contradicts',
      ),
      [],
    );
  });
  it('"no more than a sideshow", "no fewer than ten" bound an amount: no negation', () => {
    const input = makeInput('Ms Reyes said the new league would be no more than a sideshow.', 'Ms Reyes said the new league would just be a sideshow.');
    assert.strictEqual(uncarriedNegation(input.claim, input.evidence, input.alignment), undefined);
    assert.deepStrictEqual(run(negation, 'No fewer than ten riders finished the stage.', 'Ten riders finished the stage.'), []);
    // "no longer" still negates
    const gone = makeInput('The club no longer sells tickets at the gate.', 'The club sells tickets at the gate.');
    assert.ok(uncarriedNegation(gone.claim, gone.evidence, gone.alignment));
  });
  it('"denies having told" is carried by "rejects a suggestion that she had told"', () => {
    const claim = 'Ms Dale denies having told the auditors about the transfer.';
    assert.deepStrictEqual(run(negation, claim, 'Ms Dale rejects a suggestion that she had told the auditors about the transfer.'), []);
    assert.deepStrictEqual(run(negation, claim, 'Ms Dale dismissed claims that she had told the auditors about the transfer.'), []);
    // the same sentence without the rejection states the opposite
    assert.strictEqual(run(negation, claim, 'Ms Dale told the auditors about the transfer.').length, 1);
  });
  it('"only three members backing" is no clash with "members failed to back it" (a count of them did)', () => {
    const claim = 'The committee ordered a rewrite, with only three members backing the draft at its meeting.';
    const ev = 'The committee ordered a rewrite after members failed to back the draft at its meeting.';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });

  it('"declined the chance to consult" negates "consult": the draft\'s "consulted" clashes', () => {
    const claim = 'The goal was ruled out after the referee consulted the video official.';
    const ev = 'The referee then declined the chance to consult the video official before the goal was ruled out.';
    const f = run(negation, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'consulted');
    assert.match(f[0].message, /declined the chance to consult/);
  });

  it('no clash when the evidence negates the same word too, in another place ("could not ship it" twice)', () => {
    const claim = 'The plan was to ship the parts on Monday, but in the end we could not ship them, the supplier said.';
    const ev = 'The plan was to ship the parts on Monday, but in the end we could not ship them, the supplier said.';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });
  it("no clash on words inside the draft's quotation marks (the quotation signals check those)", () => {
    const claim = 'The driver answered: "No, I was not at the depot that night."';
    const ev = 'The court heard that the driver was at the depot that night.';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });
  it('a lexical negative carries a negation: "lack the money" against "do not have the money"', () => {
    const claim = 'Small farms lack the money and staff of larger estates when they apply for grants.';
    const ev = 'Small farms do not have the money and staff of larger estates when they apply for grants.';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });
  it('a double negation asserts: "cannot deny that we made errors" is no clash with "admitted they made errors"', () => {
    const claim = 'The coach admitted the team had made errors during the season.';
    const ev = 'The coach said: "I cannot deny that we made errors during the season."';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });
  it('"deny a player a goal" gives nothing: no negation of a statement', () => {
    const claim = 'The keeper got up again to deny Okafor a certain goal in the last minute.';
    const ev = 'The keeper got up again to stop Okafor from scoring a certain goal in the last minute.';
    assert.deepStrictEqual(run(negation, claim, ev), []);
  });
  it("the negated word must be the evidence's own word or a synonym", () => {
    const input = makeInput('The pair had not been told about the hearing in Lyon.', 'The pair withdrew from the hearing in Lyon.');
    // align "told" to "withdrew" by hand, as a loose relation would
    const told = input.claim.tokens.findIndex((t) => t.lower === 'told');
    input.alignment[told] = input.evidence.tokens.findIndex((t) => t.lower === 'withdrew');
    assert.deepStrictEqual(negation.detect(input), []);
  });
  it('a negation stated at the same place is carried: "would not harm the bid" by "would not affect the bid"', () => {
    const claim = 'The mayor said the row would not harm the city bid for the games.';
    const ev = 'The mayor said the remarks would not affect the city bid for the games.';
    const input = makeInput(claim, ev);
    assert.strictEqual(uncarriedNegation(input.claim, input.evidence, input.alignment), undefined);
    const f = run(negation, claim, ev);
    assert.deepStrictEqual(f, []);
  });
  it('"a failure to pay" carries "failed to pay"; a sentence without any negation does not', () => {
    const carried = makeInput('The firm failed to pay its suppliers on time.', 'The firm was criticised for a failure to pay its suppliers on time.');
    assert.strictEqual(uncarriedNegation(carried.claim, carried.evidence, carried.alignment), undefined);
    const bare = makeInput('The firm failed to pay its suppliers on time.', 'The firm paid its suppliers on time.');
    assert.ok(uncarriedNegation(bare.claim, bare.evidence, bare.alignment));
  });

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
    it("a claim's negation the evidence lacks", () => {
      const f = un('The robot cannot save the centre time and money.', 'The robot can save the centre time and money.');
      assert.ok(f);
      assert.strictEqual(f.effect, 'unsupported');
      assert.match(f.message, /no source says 'cannot save'/);
    });
    it('carried by the evidence: nothing', () => {
      assert.strictEqual(un('The ministry did not approve the plan.', 'The ministry has not approved the plan yet.'), undefined);
    });
    it('"not only ... but also" is no negation; a negation inside quotation marks is the quote signal\'s', () => {
      assert.strictEqual(
        un('The find supported not only the drift theory but also the land bridge.', 'The find supported the drift theory and the land bridge.'),
        undefined,
      );
      assert.strictEqual(un('He said that "he hasn\'t done anything" for them.', 'He said the mayor had done things for them.'), undefined);
    });
    it('a negation inside an "if" or "unless" clause is a condition, not a statement', () => {
      assert.strictEqual(un('Tenants should ring the depot if the lift is not working.', 'Tenants should ring the depot about the lift.'), undefined);
      assert.strictEqual(un('The mill closes unless the river does not flood.', 'The mill closes when the river floods.'), undefined);
      // a plain statement after the condition still needs its negation carried
      assert.ok(un('If it rains, the lift is not working.', 'If it rains, the lift is working.'));
    });
    it('"has yet to sign" is a negation: the source must carry it', () => {
      assert.ok(un('The club has yet to sign the new striker.', 'The club has signed the new striker.'));
      assert.strictEqual(un('The club has yet to sign the new striker.', 'The club has not signed the new striker.'), undefined);
    });
    it('"no-fee" is one word with its noun, no negation to carry', () => {
      assert.strictEqual(un('Members get a no-fee current account.', 'Members get a free current account.'), undefined);
      assert.ok(un('Members get no fee relief.', 'Members get fee relief.'));
    });
  });
});

describe('negation: only on a predicate', () => {
  const finding = (claim: string, words: string) => {
    const start = claim.indexOf(words);
    return { kind: 'negation' as const, effect: 'contradicts' as const, message: '', claimSpan: { start, end: start + words.length }, strength: 0.8 };
  };
  it('a clash on a verb or an adjective counts', () => {
    const c = 'The Harland plant has not closed after the strike.';
    assert.ok(negatesPredicate(finding(c, 'not closed'), analyze(c)));
  });
  it('a clash on a name or a number alone does not', () => {
    const c = 'Harland United scored 44 goals against Leeds.';
    assert.ok(!negatesPredicate(finding(c, 'Harland United'), analyze(c)));
    assert.ok(!negatesPredicate(finding(c, '44'), analyze(c)));
  });
  it('a thing negated counts only in the same slot on both sides', () => {
    const c = 'The new boiler can reduce heating costs by a third.';
    const f = finding(c, 'costs');
    assert.ok(!negatesPredicate(f, analyze(c), () => false));
    assert.ok(negatesPredicate(f, analyze(c), () => true));
  });
  it('a lower-cased draft word the source writes as a name is a name', () => {
    const c = 'his goals all came without manchester players touching the ball.';
    const f = finding(c, 'manchester');
    assert.ok(
      negatesPredicate(
        f,
        analyze(c),
        () => true,
        () => false,
      ),
      'tagged a noun, in the same slot: counts',
    );
    assert.ok(
      !negatesPredicate(
        f,
        analyze(c),
        () => true,
        () => true,
      ),
      'a name in the source: no negation clash',
    );
  });
});

describe('negation: implicit negatives and "nothing but"', () => {
  it('"has refused to release the report" against "has resisted calls to release the report": no clash', () => {
    const fs = run(negation, 'The council has refused to release the full report.', 'The council has resisted calls to release the full report.');
    assert.deepStrictEqual(
      fs.filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
  it('"wearing nothing but a towel" says only a towel, no negation', () => {
    const fs = run(negation, 'He was left in a cold room wearing nothing but a towel.', 'He was left in a cold room, naked except for a towel.');
    assert.deepStrictEqual(fs, []);
  });
});

describe('negation: "has yet to"', () => {
  it('"has yet to sign a letter of intent" against "said it had signed a letter of intent" is a clash', () => {
    const claim = 'The bakery did not say when the sale would happen, and has yet to sign a letter of intent.';
    const ev = 'The bakery did not say when the sale would take place, but said it had signed a letter of intent.';
    const f = negation.detect(makeInput(claim, ev));
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'yet to sign');
  });
  it('"yet" elsewhere is no negation: "not yet", "yet another", "and yet"', () => {
    assert.deepStrictEqual(negation.detect(makeInput('The club signed yet another striker.', 'The club signed another striker.')), []);
  });
});
