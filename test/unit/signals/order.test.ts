import * as assert from 'node:assert';
import { order } from '../../../server/src/engine/signals/order';
import { run, text } from './helpers';

describe('signals/order', () => {
  it('a clause between commas is no aside, and a reduced passive ("spurred on by Ann Lee") is no swap', () => {
    assert.deepStrictEqual(
      run(
        order,
        'Scrum-half Ann Lee spurred England forward in the last ten minutes.',
        'Inside the last ten minutes, England poured forward, spurred on by scrum-half Ann Lee.',
      ),
      [],
    );
  });
  it('a short parenthesis ("the Assembly (AS) said") does not hide a swap', () => {
    const f = run(order, 'The Senate said the Assembly should vote on the bill again.', 'The Assembly (AS) said the Senate should vote on the bill again.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
  });
  it('a named person and a role ("the mayor") in each other\'s place is contradicted', () => {
    const claim = 'Ms Vane has accused the mayor of misleading the council.';
    const f = run(order, claim, 'The mayor accused Ms Vane of misleading the council.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.deepStrictEqual(run(order, 'The mayor has accused Ms Vane of misleading the council.', 'The mayor accused Ms Vane of misleading the council.'), []);
  });
  it('two named people swapped around a verb, past an aside between commas ("Mr Hale, 58, directed")', () => {
    const claim = 'Auditors say that Mr Tate directed Mr Hale to move the funds offshore.';
    const f = run(order, claim, 'Auditors say that Mr Hale, 58, directed Mr Tate to move the funds offshore.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.deepStrictEqual(run(order, claim, 'Auditors say that Mr Tate, 58, directed Mr Hale to move the funds offshore.'), []);
  });
  it("a name the source repeats: reversed when no occurrence of it stands on the draft's side", () => {
    const claim = 'Members said the Senate would reject the Assembly version of the bill.';
    const f = run(order, claim, 'Assembly members said the Assembly would reject the Senate version of the bill.');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    // the same order, the name repeated: no finding
    assert.deepStrictEqual(run(order, claim, 'Assembly members said the Senate would reject the Assembly version of the bill.'), []);
  });
  it('who does what to whom reversed is unsupported, on the words that swap (SICK)', () => {
    const claim = 'The kangaroo is picking up the woman';
    const ev = 'The woman is picking up a baby kangaroo';
    const f = run(order, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'unsupported');
    assert.strictEqual(text(claim, f[0].claimSpan), 'kangaroo is picking up the woman');
    assert.strictEqual(text(ev, f[0].evidenceSpan!), 'woman is picking up a baby kangaroo');
    assert.match(f[0].message, /^order: the draft has 'kangaroo is picking up the woman', the source has the roles the other way round/);
    assert.strictEqual(run(order, 'A bull dog is brushing the monkey', 'The monkey is brushing a bull dog').length, 1);
  });
  it('the same order is no finding', () => {
    assert.deepStrictEqual(run(order, 'The woman is picking up a kangaroo', 'The woman is picking up a baby kangaroo'), []);
  });
  it('a passive on either side reverses the order legitimately', () => {
    assert.deepStrictEqual(run(order, 'The kangaroo is picking up the woman', 'The woman is being picked up by the kangaroo'), []);
    assert.deepStrictEqual(run(order, 'A man is carelessly holding a frog', 'The frog is being held carelessly'), []);
    assert.deepStrictEqual(run(order, 'The boy kicked the ball away', 'The ball was kicked away from the boy'), []);
    assert.deepStrictEqual(run(order, 'The frog is held carelessly by a man', 'A man is carelessly holding a frog'), []);
  });
  it('an unfolded compound, coordinated clauses and repeated words are not role swaps', () => {
    assert.deepStrictEqual(
      run(order, 'The counties elect boards for air quality control regulation.', 'The counties elect boards for regulations for the control of air quality.'),
      [],
    );
    assert.deepStrictEqual(
      run(
        order,
        'EcoGenius offers building solutions that reduce energy consumption.',
        'We help companies optimize their energy consumption and reduce their carbon footprint with our building solutions.',
      ),
      [],
    );
  });
  it("two named parties in each other's place contradict: the message gives the source's order", () => {
    const claim = "It was the Treasury's demand that the Bundesbank review the scheme that started the inquiry.";
    const ev = "It was the Bundesbank's demand that the Treasury review the scheme that started the inquiry.";
    const f = run(order, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
  });
  it('a comparison reversed contradicts: "small firms over large ones" against "large firms over small ones"', () => {
    const claim = 'Opponents say the tax would favour small firms over large ones in rural areas.';
    const ev = 'Opponents say the tax would favour large firms over small ones in rural areas.';
    const f = run(order, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'small firms over large');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'large firms over small');
    assert.deepStrictEqual(run(order, ev, ev), []);
  });
  it('the agent of a relative clause: "Lopez tackled Jo Park" against "he ran into Park who tackled him"', () => {
    const claim = 'Late on, the home captain Ana Lopez tackled Jo Park hard and took the ball away.';
    const ev = 'Late on, the home captain Ana Lopez ran into Park who tackled her hard and took the ball away.';
    const f = run(order, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'Lopez tackled Jo Park');
    assert.deepStrictEqual(run(order, 'Late on, Jo Park tackled Ana Lopez hard.', 'Late on, Lopez ran into Park who tackled her hard.'), []);
  });
  it('the one who asked, swapped: "at Reid\'s request" against "at the request of ... Tom Hale"', () => {
    const claim = "She told the court that Mr Hale had moved the money at Mr Reid's request.";
    const ev = 'Mr Reid has admitted that he moved the money at the request of the former finance director Tom Hale.';
    const f = run(order, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.match(f[0].message, /the draft has 'Reid's request', the source has 'the request of the former finance director Tom Hale'/);
    assert.deepStrictEqual(run(order, "Mr Reid moved the money at Mr Hale's request.", ev), []);
  });
});

describe('order: the doer and the one done to, swapped around one verb', () => {
  it('"Harwell agreed to buy its former subsidiary Ostrava" against "Ostrava agreed to buy its former parent, Harwell"', () => {
    const claim = 'Last month, Harwell agreed to buy its former subsidiary Ostrava for about $2bn.';
    const ev = 'Last month, Ostrava agreed to buy its former parent and long-time rival Harwell for about $2bn.';
    const f = run(order, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0].effect, 'contradicts');
    // the same deal told the same way round is no swap
    assert.deepEqual(run(order, claim, 'Last month, Harwell agreed to buy its former subsidiary Ostrava for about $2bn.'), []);
  });
  it('"in which Okafor accused the player of cheating" against "in which he accused Okafor of cheating"', () => {
    const claim = 'The fine followed a radio interview in which Okafor accused the player of cheating.';
    const ev = 'Lund was fined after a radio interview in which he accused Okafor of cheating.';
    const f = run(order, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0].effect, 'contradicts');
    assert.equal(text(claim, f[0].claimSpan), 'Okafor accused');
  });
  it('a passive agent that is the source\'s object: "it has been contacted by the Tarrow Agency" against "contacted the Tarrow Agency"', () => {
    const claim = 'The league is taking a careful approach to the claims, though it has been contacted by the Tarrow Agency.';
    const ev = 'The league is taking a careful approach to the claims but contacted the Tarrow Agency.';
    const f = run(order, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0].effect, 'contradicts');
  });
  it('the verb may be the source\'s synonym: "Tarrow handed over a stake" against "Lund gave Tarrow a stake"', () => {
    const f = run(
      order,
      'Under the deal, Tarrow handed over a stake in itself in return for a share of Lund.',
      'Under the deal, Lund gave Tarrow a stake in itself in return for a share of Tarrow.',
    );
    assert.equal(f.length, 1, JSON.stringify(f));
  });
  it('the one done to, who the source makes the doer: "Tarrow have accused the Riders\' Union" against "the Riders\' Union accusing the club"', () => {
    const claim = "Tarrow have accused the Riders' Union of failing in its duty to the player.";
    const ev = "Tarrow have been criticised, with the Riders' Union accusing the club of failing in its duty to the player.";
    const f = run(order, claim, ev);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(text(ev, f[0].evidenceSpan), "Riders' Union accusing");
  });
  it('the same roles stay quiet: a name as modifier, an inverted speaker, a noun phrase turned round', () => {
    assert.deepEqual(run(order, 'The SNP want a vote on the date.', 'The nationalists want an SNP vote on the date.'), []);
    assert.deepEqual(run(order, 'Mr Lund has said the ban should stand.', '"The ban should stand," said Lund.'), []);
    assert.deepEqual(run(order, 'It rose by 10 Fahrenheit degrees at the coast.', 'It rose by 10 degrees Fahrenheit at the coast.'), []);
    assert.deepEqual(run(order, 'Okafor accused the player of cheating.', 'Okafor accused the player of cheating.'), []);
  });
});

describe("order: two names in each other's place", () => {
  it('"a bid from Harwell ... the current supplier, Ostrava" against "a bid from Ostrava ... the current supplier Harwell"', () => {
    const claim = 'A memo asked staff to seek a rigged bid from Harwell, so the contract would stay with the current supplier, Ostrava.';
    const ev = 'A memo asked staff to seek a rigged bid from Ostrava, so the contract would stay with the current supplier Harwell.';
    const f = run(order, claim, ev);
    assert.equal(f.length, 1);
    assert.equal(f[0].effect, 'contradicts');
    assert.equal(text(claim, f[0].claimSpan), 'from Harwell');
    assert.match(f[0].message, /the source has 'from Ostrava' and 'supplier Harwell'/);
  });
  it('no swap for a list or a pair told in another order, nor for a passive', () => {
    assert.deepEqual(run(order, 'Bids came from Harwell and Ostrava this week.', 'Bids came from Ostrava and Harwell this week.'), []);
    assert.deepEqual(run(order, 'In May, Harwell was bought by Ostrava.', 'In May, Ostrava bought Harwell.'), []);
    // the source puts a name after the draft's own word too: it says what the draft says
    assert.deepEqual(
      run(
        order,
        'A bid from Harwell beat the supplier, Ostrava.',
        'A bid from Harwell beat the supplier, Ostrava; a bid from Ostrava lost to the supplier Harwell.',
      ),
      [],
    );
  });
});

describe('order: a change told either way round', () => {
  it('"from 40 cents a share to 20 cents" against "to 20 cents a share from 40 cents" is one change', () => {
    const claim = 'The bakery is halving its dividend, from 40 cents a share to 20 cents, to save $90m.';
    const ev = 'The bakery said it was halving its dividend to 20 cents a share from 40 cents, to save $90m.';
    assert.deepStrictEqual(run(order, claim, ev), []);
  });
});
