import * as assert from 'node:assert';
import { antonym } from '../../../server/src/engine/signals/antonym';
import { DIRECTION_AXES, axisOf } from '../../../server/src/engine/directions';
import { areAntonyms } from '../../../server/src/engine/lexicon';
import { makeInput, run, text } from './helpers';

/** One sentence pair per axis of the direction lexicon: the draft's word, the source's word, both in context. */
const AXIS_CASES: Record<string, [string, string, string, string]> = {
  'up/down': ['Quarterly profits at the chain slid 12% to £40m.', 'Quarterly profits at the chain jumped 12% to £40m.', 'slid', 'jumped'],
  'approve/reject': [
    'The council rejected two motions asking the leader to resign.',
    'Two motions asking the leader to resign were passed by the council.',
    'rejected',
    'passed',
  ],
  'uphold/overturn': ['The appeal court overturned the ban on the two riders.', 'The appeal court upheld the ban on the two riders.', 'overturned', 'upheld'],
  'win/lose': ['Leeds lost the cup final against Hull on Saturday.', 'Leeds won the cup final against Hull on Saturday.', 'lost', 'won'],
  'admit/deny': [
    'The former finance chief denied lying to the board about the losses.',
    'The former finance chief admitted lying to the board about the losses.',
    'denied',
    'admitted',
  ],
  'convict/acquit': [
    'A jury acquitted the driver of causing death by dangerous driving.',
    'A jury convicted the driver of causing death by dangerous driving.',
    'acquitted',
    'convicted',
  ],
  'hire/fire': ['The club sacked its head coach after the defeat.', 'The club hired its head coach after the defeat.', 'sacked', 'hired'],
  'buy/sell': ['The group sold its stake in the airline for $2bn.', 'The group bought its stake in the airline for $2bn.', 'sold', 'bought'],
  'import/export': ['The country exported 3m tonnes of grain last year.', 'The country imported 3m tonnes of grain last year.', 'exported', 'imported'],
  'open/close': ['The factory closed its doors in March after a strike.', 'The factory opened its doors in March after a strike.', 'closed', 'opened'],
  'welcome/criticise': [
    'Campaigners criticised the committee decision on the new runway.',
    'Campaigners welcomed the committee decision on the new runway.',
    'criticised',
    'welcomed',
  ],
  'favourite/outsider': [
    'The film was the outsider for the best picture award.',
    'The film was the favourite for the best picture award.',
    'outsider',
    'favourite',
  ],
  'score/miss': ['Jones landed a late penalty to seal the win for Leeds.', 'Jones missed a late penalty to seal the win for Leeds.', 'landed', 'missed'],
  'wet/dry': ['On a wet and windy day in Cardiff the visitors scored first.', 'On a dry but windy day in Cardiff the visitors scored first.', 'wet', 'dry'],
  'thriving/struggling': [
    'Investors poured money into the thriving bakery chain before its listing.',
    'Investors poured money into the struggling bakery chain before its listing.',
    'thriving',
    'struggling',
  ],
};

describe('signals/antonym', () => {
  it('the word compared against is not the draft\'s thing: "her latest approach" / "than an earlier approach"', () => {
    const ev = "Ms Vane's bid values the club at £600m ($1.1bn). Pitched at 250p per share, it relies less on debt than an earlier approach from the tycoon.";
    assert.deepStrictEqual(run(antonym, 'Her latest approach values the club at £600m.', ev), []);
  });
  it('one event told from the other side is no clash: "enough to give Ms Hale control" / "enough for Ms Hale to take control"', () => {
    const claim = 'Mr Ash said a bid at 250p would be enough to give Ms Hale control of the firm.';
    assert.deepStrictEqual(run(antonym, claim, 'Mr Ash said a bid at 250p would be enough for Ms Hale to take control of the firm.'), []);
    // the same side: still a clash
    assert.strictEqual(run(antonym, 'Mr Ash said Ms Hale would give control of the firm.', 'Mr Ash said Ms Hale would take control of the firm.').length, 1);
  });
  it('"ever" under a negation is no antonym of "never"', () => {
    assert.deepStrictEqual(
      run(antonym, 'She said she could not recall Mr Hale ever missing a council meeting.', 'She said Mr Hale never missed a council meeting.'),
      [],
    );
  });
  it('"eased" against "intensified": the up/down axis', () => {
    const claim = 'Profits at the chain eased by 4% in the second half as competition grew.';
    const f = run(antonym, claim, 'Profits at the chain intensified by 4% in the second half as competition grew.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'eased');
  });
  it('the same verb with the opposite particle: "played up" against "played down"', () => {
    const claim = 'At the hearing Ms Vane played up her links with the developer.';
    const f = run(antonym, claim, 'At the hearing Ms Vane played down her links with the developer.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].message, "antonym: the draft says 'played up', the source says 'played down'");
    assert.strictEqual(text(claim, f[0].claimSpan), 'up');
    // a direction of travel is no such pair
    assert.deepStrictEqual(run(antonym, 'The couple walked down the aisle together.', 'The couple walked up the aisle together.'), []);
  });
  it('WordNet: fell against rose in the same place', () => {
    const claim = 'Global temperatures fell sharply in the last century.';
    const ev = 'Global temperatures rose sharply in the last century.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'fell');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'rose');
    assert.strictEqual(f[0].message, "antonym: the draft says 'fell', the source says 'rose'");
  });
  it('curated: disregards against respects', () => {
    const claim = 'Any collaboration disregards national policies and export control regimes.';
    const ev = 'Any collaboration respects national policies, industrial standards, and export control regimes.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'disregards');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'respects');
  });
  it('SICK: a woman against a man', () => {
    const f = run(antonym, 'A woman is playing a guitar', 'A man is playing a guitar');
    assert.strictEqual(f.length, 1);
  });
  it('the counterpart may sit behind a few modifiers: "cutting its dividend" / "an increase in the quarterly cash dividend"', () => {
    const claim = 'Harbour Mills is decreasing its dividend to 9 cents a share.';
    const ev = 'Shareholders cheered an increase in the quarterly cash dividend to 9 cents a share.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'decreasing');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'increase');
  });
  it('"first" and "second" clash only about one thing: "first half" / "second half", not "was first held" / "second time"', () => {
    assert.strictEqual(run(antonym, 'Harland scored in the first half of the final.', 'Harland scored in the second half of the final.').length, 1);
    assert.deepStrictEqual(run(antonym, 'The Harland Cup was first held in 1921.', 'Leeds won the Harland Cup for the second time in 1921.'), []);
  });
  it('"slipped" against "jumped": the up/down axis', () => {
    const f = run(antonym, 'Harland shares slipped on Friday amid talk of a bid.', 'Harland shares jumped on Friday amid talk of a bid.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
  });
  it('negated antonym agrees: "did not rise" against "fell"', () => {
    assert.deepStrictEqual(run(antonym, 'Prices did not rise last year.', 'Prices fell last year.'), []);
  });
  it('an opposite word elsewhere in the sentence does not fire', () => {
    assert.deepStrictEqual(
      run(antonym, 'Exports fell in the first quarter of the year.', 'Imports rose while exports in the first quarter of the year were flat.'),
      [],
    );
  });
  for (const axis of DIRECTION_AXES) {
    it(`direction lexicon, ${axis.name}: the draft's word against the source's`, () => {
      const c = AXIS_CASES[axis.name];
      assert.ok(c, `a test sentence pair for ${axis.name}`);
      const [claim, ev, cw, ew] = c;
      const f = run(antonym, claim, ev);
      assert.strictEqual(f.length, 1, JSON.stringify(f));
      assert.strictEqual(f[0].effect, 'contradicts');
      assert.strictEqual(text(claim, f[0].claimSpan), cw);
      assert.strictEqual(text(ev, f[0].evidenceSpan), ew);
    });
  }
  it('every direction pair is an antonym pair, and knows its axis', () => {
    for (const axis of DIRECTION_AXES)
      for (const a of axis.one)
        for (const b of axis.other) {
          if (a === b) continue;
          assert.ok(areAntonyms(a, b), `${a}/${b}`);
          assert.strictEqual(axisOf(b, a), axisOf(a, b));
        }
  });
  it('a rise against a fall of no amount is a scene, not a clash; wet against dry sand likewise', () => {
    const f = run(antonym, 'A climber is rising out of the river', 'A climber is dipping into the river');
    assert.ok(
      f.every((x) => x.effect !== 'contradicts'),
      JSON.stringify(f),
    );
    const g = run(antonym, 'A child is walking in the wet sand', 'A child is walking in the dry sand');
    assert.ok(
      g.every((x) => x.effect !== 'contradicts'),
      JSON.stringify(g),
    );
  });
  it('needs high coverage', () => {
    const input = makeInput('Global temperatures fell sharply in the last century.', 'Global temperatures rose sharply in the last century.');
    assert.deepStrictEqual(antonym.detect({ ...input, coverage: 0.3 }), []);
  });
});

describe('antonym: a comparison against a plain degree', () => {
  it('"higher than" against "low" is no clash', () => {
    const claim = 'Tenants in Wexley pay rents 20% higher than tenants in Tarrow.';
    // low for the region, and still more than Tarrow's: no clash with "higher than"
    const evidence = 'Tenants in Wexley pay rents that are low, and tenants in Tarrow pay less.';
    assert.deepStrictEqual(
      run(antonym, claim, evidence).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
  it('"higher than" against "lower than" still clashes', () => {
    const claim = 'Tenants in Wexley pay rents 20% higher than tenants in Tarrow.';
    const evidence = 'Tenants in Wexley pay rents 20% lower than tenants in Tarrow.';
    assert.ok(run(antonym, claim, evidence).some((f) => f.effect === 'contradicts'));
  });
});

describe('antonym: one result told from one side', () => {
  it('"beaten to the prize by Lund" is "lost the prize to Lund": no clash', () => {
    const claim = 'Okafor, beaten to the best singer prize by Lund, will meet her again at the final in June.';
    const evidence = 'Okafor, who lost the best singer prize to Lund, will meet her again at the final in June.';
    assert.deepStrictEqual(run(antonym, claim, evidence), []);
    // the active verb is the winner's: "Okafor beat Lund" against "Okafor lost to Lund" still clashes
    assert.strictEqual(run(antonym, 'Okafor beat Lund to the best singer prize.', 'Okafor lost to Lund in the best singer prize.').length, 1);
  });
  it('"went home empty-handed" and "walked away empty-handed" say one thing; "at home" and "away" do not', () => {
    const evidence = 'But the favourite Ines Maro walked away empty-handed despite three nominations.';
    assert.deepStrictEqual(run(antonym, 'But the favourite Ines Maro went home empty-handed despite three nominations.', evidence), []);
    assert.strictEqual(run(antonym, 'The club won 2-0 at home on Saturday.', 'The club won 2-0 away on Saturday.').length, 1);
  });
});

describe('antonym: comparisons and stances', () => {
  it('"faster than the slowest machine" against "slower than the slowest machine" is a clash, not a scene', () => {
    const claim = 'It is far faster than the slowest machine on the list.';
    const ev = 'It is far slower than the slowest machine on the list.';
    const input = makeInput(claim, ev);
    // the evidence's "slowest" belongs to the claim's "slowest" (the checker's alignment prefers the same form)
    input.alignment = input.claim.tokens.map((t) =>
      input.evidence.tokens.findIndex((u) => u.lower === t.lower && !t.stop && t.kind === 'word' && t.lower !== 'faster'),
    );
    const f = antonym.detect(input);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0].effect, 'contradicts');
    // without a comparison the same words describe a scene
    assert.equal(run(antonym, 'A man is running quickly.', 'A man is running slowly.')[0]?.effect, 'unsupported');
  });
  it('"opposed their return" against "welcomed the return": a stance reversed', () => {
    const f = run(
      antonym,
      'The opposition leader, Jan Okafor, opposed their return, saying there were still questions.',
      'The opposition leader, Jan Okafor, welcomed the return of the four sailors.',
    );
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0].effect, 'contradicts');
  });
});

describe('antonym: more against less', () => {
  it('"relies on far more debt than his first offer" against "relies less on debt than an earlier offer"', () => {
    const claim = 'The new bid relies on far more debt than his earlier offer, which the board rejected.';
    const ev = 'It also relies less on debt than an earlier offer from the tycoon, which was rejected.';
    const f = run(antonym, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'less');
  });
  it('compared against something else, or the shared word only after "than", it is no clash', () => {
    assert.deepStrictEqual(
      run(antonym, 'The stock of gas left is much less than previously thought.', 'Sea levels will rise more than previously thought.'),
      [],
    );
  });
});
