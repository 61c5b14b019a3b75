import * as assert from 'node:assert';
import { carries, carriedQuantities, extractQuantities, number } from '../../../server/src/engine/signals/number';
import { analyze } from '../../../server/src/engine/text';
import { run, text } from './helpers';

function q(s: string) {
  return extractQuantities(analyze(s)).map((x) => [x.text, x.value, x.unit]);
}

describe('signals/number', () => {
  it('parses money, scale words, number words, percentages and thousands', () => {
    assert.deepStrictEqual(q('The deal is worth $12 billion.'), [['$12 billion', 12e9, '$']]);
    assert.deepStrictEqual(q('It cost 12bn dollars.'), [['12bn dollars', 12e9, '$']]);
    assert.deepStrictEqual(q('twelve soldiers and a dozen tanks'), [
      ['twelve', 12, ''],
      ['a dozen', 12, ''],
    ]);
    assert.deepStrictEqual(q('rose 3.5% to 1,200 units'), [
      ['3.5%', 3.5, '%'],
      ['1,200', 1200, ''],
    ]);
    assert.deepStrictEqual(q('twenty-five percent'), [['twenty-five percent', 25, '%']]);
  });
  it('a number joined to a noun by a hyphen counts that noun: "two-time" and "15-year" count different things', () => {
    assert.deepStrictEqual(
      run(
        number,
        'The two-time national champion from Tartu faces a lengthy ban from the Riga Open chess tournament.',
        'The national champion from Tartu faces a lengthy 15-year ban from the Riga Open chess tournament.',
      ),
      [],
    );
    const f = run(number, 'Customers get a 15-day free trial of the Riga app.', 'Customers get a 30-day free trial of the Riga app.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'number: the draft says 15, the source says 30');
  });
  it('leaves years and days of dates to the date signal', () => {
    assert.deepStrictEqual(q('In 2023, on Jan. 5, they met.'), []);
  });
  it('"300" against "30" clashes, with the source number in the message', () => {
    const claim = '300 people were injured in the blast.';
    const ev = '30 people were injured in the blast.';
    const f = run(number, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].kind, 'number');
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(f[0].message, 'number: the draft says 300, the source says 30');
    assert.strictEqual(text(claim, f[0].claimSpan), '300');
    assert.strictEqual(text(ev, f[0].evidenceSpan), '30');
  });
  it('respects approximators: "more than 10" is fine against 12, not against 8', () => {
    assert.deepStrictEqual(run(number, 'More than 10 people were injured in the blast.', '12 people were injured in the blast.'), []);
    const f = run(number, 'More than 10 people were injured in the blast.', '8 people were injured in the blast.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'number: the draft says More than 10, the source says 8');
  });
  it('"about 300" tolerates 320 but not 30', () => {
    assert.deepStrictEqual(run(number, 'About 300 people attended the rally.', '320 people attended the rally.'), []);
    assert.strictEqual(run(number, 'About 300 people attended the rally.', '30 people attended the rally.').length, 1);
  });
  it('equal amounts written differently agree: $12bn = twelve billion dollars', () => {
    assert.deepStrictEqual(run(number, 'The program costs $12bn.', 'The program costs twelve billion dollars.'), []);
  });
  it('scale mismatch: $12 billion against $1.2 billion', () => {
    const claim = 'The program costs $12 billion.';
    const f = run(number, claim, 'The program costs $1.2 billion.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), '$12 billion');
    assert.match(f[0].message, /the source says \$1\.2 billion/);
  });
  it('Climate-style percentages', () => {
    const claim = 'Arctic sea ice extent has declined by about 40% since 1979.';
    assert.deepStrictEqual(run(number, claim, 'Arctic sea ice extent has declined by 40 percent since 1979.'), []);
    const f = run(number, claim, 'Arctic sea ice extent has declined by 13% since 1979.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'about 40%');
  });
  it('does not pair numbers counting different things', () => {
    assert.deepStrictEqual(run(number, 'The army deployed 300 soldiers.', 'The army deployed 30 tanks.'), []);
  });
  it('a source number the draft states too, apart from this one, is no clash; the other end of a range still is', () => {
    const ev = 'The company reported 12 new stores this year, after 9 last year.';
    assert.deepStrictEqual(
      run(number, 'The company opened 9 stores last year and reported 12 new stores this year.', ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
    const range = run(
      number,
      'We anticipate capital expenditures in the range of $100 million to $120 million.',
      'We anticipate that capital expenditures will be in the range of $90 million to $100 million.',
    );
    assert.ok(range.some((f) => f.effect === 'contradicts'));
  });
  it('a number glued to a name by a hyphen is part of the name ("COVID-19", "SARS-CoV-2", "F-35")', () => {
    assert.deepStrictEqual(
      extractQuantities(analyze('Sales of SARS-CoV-2 and COVID-19 vaccines fell; the F-35 order stands.')).map((q) => q.text),
      [],
    );
    assert.deepStrictEqual(
      run(number, 'The company reported a decline in SARS-CoV-2 vaccine sales.', 'Revenues from its COVID-19 vaccines have begun a decline.'),
      [],
    );
    assert.deepStrictEqual(extractQuantities(analyze('Prices rose 5-10 percent.')).length > 0, true);
  });
  it('a range is one quantity: a number inside "7 to 15 inches" agrees with it, two ranges must agree at both ends', () => {
    assert.deepStrictEqual(q('Sea level rise likely range 7 to 15 inches, or between 16% and 36% of it, 2 to 3 million people.'), [
      ['7 to 15', 7, ''],
      ['between 16% and 36%', 16, '%'],
      ['2 to 3 million', 2e6, ''],
    ]);
    const ev = 'Sea level rise likely range (7 to 15 inches) in the last century.';
    assert.deepStrictEqual(run(number, 'Global sea level rose about 8 inches in the last century.', ev), []);
    const f = run(number, 'Global sea level rose about 20 inches in the last century.', ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'number: the draft says about 20, the source says 7 to 15');
    // "six degrees" is not paired with a range counting centimetres
    assert.deepStrictEqual(
      run(
        number,
        'Models forecast a total rise of six degrees by the end of this century.',
        'Studies found a rise of 200 to 270 cm this century is physically plausible.',
      ),
      [],
    );
  });
  it('scores and tallies are not ranges: "6-0", "3 and 4"', () => {
    assert.deepStrictEqual(
      q('He took the first set 6-0.').map((x) => x[0]),
      ['first set', '6', '0'],
    );
    assert.deepStrictEqual(
      q('They bought 3 dogs and 4 cats.').map((x) => x[0]),
      ['3', '4'],
    );
  });
  describe('shares written as fractions', () => {
    it('parses "a third", "half of", "two-thirds", "three quarters", "one in five", "four out of five" as percentages', () => {
      const shares = (s: string) => extractQuantities(analyze(s)).map((x) => [x.text, Math.round(x.value * 10) / 10, x.unit]);
      assert.deepStrictEqual(shares('Nearly a third of the orchards failed.'), [['Nearly a third', 33.3, '%']]);
      assert.deepStrictEqual(shares('She said that half of the wards were shut.'), [['half', 50, '%']]);
      assert.deepStrictEqual(shares('Two-thirds of the members voted.'), [['Two-thirds', 66.7, '%']]);
      assert.deepStrictEqual(shares('About three quarters of the crop was lost.'), [['About three quarters', 75, '%']]);
      assert.deepStrictEqual(shares('One in five drivers was fined.'), [['One in five', 20, '%']]);
      assert.deepStrictEqual(shares('Four out of five vets agreed.'), [['Four out of five', 80, '%']]);
      assert.deepStrictEqual(shares('Fares rose by a quarter in a year.'), [['a quarter', 25, '%']]);
    });
    it('leaves ordinals, times and halves of other things alone (an ordinal is an ordinal, not a share)', () => {
      const texts = (s: string) => extractQuantities(analyze(s)).map((x) => `${x.text}:${x.unit}`);
      assert.deepStrictEqual(texts('She won a third term in office.'), ['third term:ordinal']);
      assert.deepStrictEqual(texts('The meeting lasted half an hour.'), []);
      assert.deepStrictEqual(texts('He scored early in the second half.'), ['second half:ordinal']);
      assert.deepStrictEqual(texts('The score was level at half-time.'), []);
      assert.deepStrictEqual(texts('They scored 2 in 5 minutes.'), ['2:', '5:']);
      assert.deepStrictEqual(texts('Output grew in the third quarter.'), ['third quarter:ordinal']);
    });
    it('"a third" agrees with 33% and 35%, and clashes with 50%; "half" clashes with "a quarter"', () => {
      const ev33 = 'A survey of the ward found that 33% of patients waited more than a week.';
      assert.deepStrictEqual(run(number, 'A survey of the ward found that a third of patients waited more than a week.', ev33), []);
      assert.deepStrictEqual(run(number, 'A survey of the ward found that a third of patients waited more than a week.', ev33.replace('33%', '35%')), []);
      const claim = 'A survey of the ward found that a third of patients waited more than a week.';
      const f = run(number, claim, ev33.replace('33%', '50%'));
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].message, 'number: the draft says a third, the source says 50%');
      assert.strictEqual(text(claim, f[0].claimSpan), 'a third');
      const g = run(number, 'Half of the cottages were flooded.', 'A quarter of the cottages were flooded.');
      assert.strictEqual(g.length, 1);
      assert.strictEqual(g[0].message, 'number: the draft says Half, the source says A quarter');
    });
  });

  describe('approximators both ways', () => {
    const ev = (n: string) => `Rescuers pulled ${n} people from the collapsed building.`;
    const clash = (claim: string, n: string) => run(number, claim, ev(n)).filter((f) => f.effect === 'contradicts').length;
    it('"more than 20": fine against 25, a clash against 18', () => {
      assert.strictEqual(clash('Rescuers pulled more than 20 people from the collapsed building.', '25'), 0);
      assert.strictEqual(clash('Rescuers pulled more than 20 people from the collapsed building.', '18'), 1);
    });
    it('"nearly 20": fine against 19.6, a clash against 25; "almost" the same', () => {
      assert.strictEqual(clash('Rescuers pulled nearly 20 people from the collapsed building.', '19.6'), 0);
      assert.strictEqual(clash('Rescuers pulled nearly 20 people from the collapsed building.', '25'), 1);
      assert.strictEqual(clash('Rescuers pulled almost 20 people from the collapsed building.', '21'), 1);
    });
    it('"up to", "at least", "over", "around", "roughly", "some"', () => {
      assert.strictEqual(clash('Rescuers pulled up to 30 people from the collapsed building.', '28'), 0);
      assert.strictEqual(clash('Rescuers pulled up to 30 people from the collapsed building.', '40'), 1);
      assert.strictEqual(clash('Rescuers pulled at least 30 people from the collapsed building.', '30'), 0);
      assert.strictEqual(clash('Rescuers pulled at least 30 people from the collapsed building.', '29'), 1);
      assert.strictEqual(clash('Rescuers pulled over 30 people from the collapsed building.', '28'), 1);
      // a round source number may itself be rounded: "over 30" against "30" is no red
      assert.strictEqual(clash('Rescuers pulled over 30 people from the collapsed building.', '30'), 0);
      for (const a of ['around', 'roughly', 'some', 'about']) {
        assert.strictEqual(clash(`Rescuers pulled ${a} 40 people from the collapsed building.`, '43'), 0, a);
        assert.strictEqual(clash(`Rescuers pulled ${a} 40 people from the collapsed building.`, '60'), 1, a);
      }
    });
    it('an approximation in the source: "more than 20" there and 18 in the draft clash; "nearly 20" there and "more than 20" here clash', () => {
      assert.strictEqual(run(number, ev('18'), ev('more than 20')).length, 1);
      assert.strictEqual(run(number, ev('more than 20'), ev('nearly 20')).length, 1);
      assert.deepStrictEqual(run(number, ev('22'), ev('more than 20')), []);
    });
  });

  describe('what a source number carries, for support', () => {
    const one = (s: string) => extractQuantities(analyze(s))[0];
    it('"about $2.5bn" is carried by $2.47bn; $2.47bn is not carried by "about $2.5bn"', () => {
      assert.ok(carries(one('about $2.5bn'), one('$2.47bn')));
      assert.ok(!carries(one('$2.47bn'), one('about $2.5bn')));
    });
    it('"more than 20" by 25 but not by 200 or 18; "up to 30" by 27 but not by 18; "nearly 20" by 19.6', () => {
      assert.ok(carries(one('more than 20 boats'), one('25 boats')));
      assert.ok(!carries(one('more than 20 boats'), one('200 boats')));
      assert.ok(!carries(one('more than 20 boats'), one('18 boats')));
      assert.ok(carries(one('up to 30 boats'), one('27 boats')));
      assert.ok(!carries(one('up to 30 boats'), one('18 boats')));
      assert.ok(carries(one('nearly 20 tonnes'), one('19.6 tonnes')));
      assert.ok(!carries(one('25 boats'), one('more than 20 boats')), 'the draft is more precise than the source');
    });
    it('"a third" by 33%, not by 50%; a range only by the same range; nothing across units or counted things', () => {
      assert.ok(carries(one('a third of voters'), one('33% of voters')));
      assert.ok(!carries(one('a third of voters'), one('50% of voters')));
      assert.ok(!carries(one('between 10 and 20 boats'), one('15 boats')));
      assert.ok(carries(one('between 10 and 20 boats'), one('10 to 20 boats')));
      assert.ok(!carries(one('about $30'), one('£30')));
      assert.ok(!carries(one('about 30 boats'), one('31 cars')));
    });
    it('maps the draft tokens of a carried quantity to the source number', () => {
      const c = analyze('The firm lost about $2.5bn.');
      const e = analyze('The firm lost $2.47bn last year.');
      const pairs = carriedQuantities(c, e).map(([i, j]) => `${c.tokens[i].text}->${e.tokens[j].text}`);
      assert.ok(pairs.includes('2.5->2.47'), pairs.join(' '));
      assert.deepStrictEqual(carriedQuantities(analyze('The firm lost $3.5bn.'), e), []);
    });
  });
  describe('ordinals', () => {
    it('"his 40th match" against "his 30th match" clashes; other ordinals do not pair', () => {
      const claim = 'The striker, playing his 40th match for the club, scored twice.';
      const f = run(number, claim, 'The striker, playing his 30th match for the club, scored twice.');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].message, 'number: the draft says 40th, the source says 30th');
      assert.strictEqual(text(claim, f[0].claimSpan), '40th');
      assert.deepStrictEqual(run(number, claim, 'The striker, playing his 40th match for the club, scored twice.'), []);
      assert.deepStrictEqual(
        run(number, 'The striker, in his 40th season, scored twice.', 'The striker, playing his 30th match for the club, scored twice.'),
        [],
      );
      assert.deepStrictEqual(run(number, 'The club won 40 matches for the first time.', 'The club played its 40th match of the season.'), []);
    });
    it('a spelled ordinal counts the noun after it: "the second quarter" clashes with "the third quarter"', () => {
      const claim = 'Brightwell Foods made a profit of £40m in the second quarter.';
      const f = run(number, claim, 'Brightwell Foods made a profit of £40m in the third quarter.');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].message, 'number: the draft says second quarter, the source says third quarter');
      assert.strictEqual(text(claim, f[0].claimSpan), 'second quarter');
      assert.deepStrictEqual(run(number, claim, 'Brightwell Foods made a profit of £40m in its 2nd quarter.'), []);
      // the hyphenated form counts the same noun; a different noun is no pair
      assert.strictEqual(run(number, 'Ada Moss scored a first-half try for Leeds.', 'Ada Moss scored a second-half try for Leeds.').length, 1);
      assert.deepStrictEqual(run(number, 'Ada Moss scored her second try for Leeds.', 'Ada Moss scored a first-half try for Leeds.'), []);
    });
    it('"one" counting a unit of time is a number: "for one week" clashes with "for two weeks"', () => {
      const claim = 'The Corran ferry will run a reduced timetable for one week from Monday.';
      const f = run(number, claim, 'The Corran ferry will run a reduced timetable for two weeks from Monday.');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].message, 'number: the draft says one, the source says two');
      // "one" as a pronoun is still no number
      assert.deepStrictEqual(q('One of the ferries was late.'), []);
    });
    it('spelled ordinals in names and before a count are no ordinal quantities', () => {
      assert.deepStrictEqual(
        extractQuantities(analyze('The First Minister met the Second World War veterans.')).map((x) => x.text),
        [],
      );
      assert.deepStrictEqual(
        extractQuantities(analyze('a 10% discount for the first two months')).map((x) => [x.text, x.unit]),
        [
          ['10%', '%'],
          ['two', ''],
        ],
      );
    });
    it('dates and centuries stay with the date signal', () => {
      assert.deepStrictEqual(
        extractQuantities(analyze('On the 18th of May, in the 19th century, on 3rd June.')).map((x) => x.text),
        [],
      );
    });
  });
  describe('magnitudes', () => {
    it('"hundreds of", "tens of thousands of", "dozens of" are ranges of counts', () => {
      const m = (s: string) => extractQuantities(analyze(s)).map((x) => [x.text, x.lo, x.hi]);
      assert.deepStrictEqual(m('Hundreds of walkers joined in.'), [['Hundreds', 200, 999]]);
      assert.deepStrictEqual(m('Tens of thousands of fans watched.'), [['Tens of thousands', 20000, 99999]]);
      assert.deepStrictEqual(m('Dozens of boats sailed.'), [['Dozens', 24, 199]]);
      assert.deepStrictEqual(
        m('Two hundred walkers joined in.').map((x) => x[0]),
        ['Two hundred'],
      );
    });
    it('"hundreds of walkers" agrees with 300 walkers and clashes with 30', () => {
      assert.deepStrictEqual(run(number, 'Hundreds of walkers joined the protest in the park.', 'About 300 walkers joined the protest in the park.'), []);
      const f = run(number, 'Hundreds of walkers joined the protest in the park.', '30 walkers joined the protest in the park.');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(f[0].message, 'number: the draft says Hundreds, the source says 30');
    });
  });
});

describe('number: the draft number stated in the evidence too', () => {
  it('no clash when the evidence gives the same number beside another of the same noun', () => {
    const claim = 'Five per cent of residents in Tarrow reported damp last winter.';
    const evidence = 'In Tarrow 5 per cent of households reported damp, against 3.4 per cent of residents in Wexley.';
    assert.deepStrictEqual(
      run(number, claim, evidence).map((f) => f.message),
      [],
    );
  });
  it('still a clash when the evidence gives only another number for that noun', () => {
    const claim = 'Five per cent of residents in Tarrow reported damp last winter.';
    const evidence = 'In Tarrow 3.4 per cent of residents reported damp last winter.';
    assert.strictEqual(run(number, claim, evidence).length, 1);
  });
});

describe('number: labels, parts and groups', () => {
  it('"Section 12 of the Act" labels a section: no count to compare with "the three men"', () => {
    const claim = 'The three men were held under the Public Order Act 1986 when they reached the port.';
    const evidence = 'The men were held under Section 12 of the Public Order Act 1986 when they reached the port.';
    assert.deepStrictEqual(run(number, claim, evidence), []);
    assert.deepStrictEqual(q('under Section 12 of the Act'), []);
  });
  it('"two of the five drivers" gives the whole and its part: the source\'s "two of the drivers" is the part', () => {
    const claim = 'Two of the five drivers stopped at the depot have been told they may not work again.';
    const evidence = 'Two of the drivers stopped at the depot have been told they may not work again.';
    assert.deepStrictEqual(run(number, claim, evidence), []);
  });
  it('"all three were freed" is a group the draft counted already, not "Four sailors" of another report', () => {
    const claim = 'In the end, all three were freed without charge by the harbour police.';
    const evidence = 'Four sailors seized in May last year were freed without charge by the harbour police.';
    assert.deepStrictEqual(run(number, claim, evidence), []);
    // a number with its own noun still clashes with the source's
    assert.strictEqual(run(number, 'In the end, three sailors were freed without charge by the harbour police.', evidence).length, 1);
  });
});

describe('number: a quoted headline', () => {
  it('"Sales Cross $9bn Mark" in a headline the source cites is a title, not what it says of the draft\'s sales', () => {
    const claim = 'The firm reported lower vaccine sales and forecast sales of $4bn in 2024.';
    const ev = '(See also "Rival Drug Sales Cross $9bn Mark" - Pharma Weekly, 2024.) The firm reported lower vaccine sales.';
    assert.deepStrictEqual(run(number, claim, ev), []);
    // the same amount stated in running text clashes
    assert.strictEqual(run(number, claim, 'The firm reported lower vaccine sales and forecast sales of $9bn in 2024.').length, 1);
  });
});

describe('number: the same count of another unit of time', () => {
  it('"a 10-month sentence" against "a 10-year sentence" clashes, on the amount and its unit', () => {
    const claim = 'The judge at Leeds Crown Court handed Mr Pike a 10-month sentence.';
    const ev = 'The judge at Leeds Crown Court handed Mr Pike a 10-year sentence.';
    const f = run(number, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), '10-month');
    assert.strictEqual(text(ev, f[0].evidenceSpan), '10-year');
    assert.strictEqual(f[0].message, "number: the draft says '10-month', the source says '10-year'");
  });
  it('"the one-week anniversary" against "the one-year anniversary" (a "one" that is not aligned)', () => {
    const f = run(number, 'Crowds gathered for the one-week anniversary of the flood.', 'Crowds gathered for the one-year anniversary of the flood.');
    assert.strictEqual(f.length, 1);
  });
  it("no clash when the source also gives the draft's unit with that number", () => {
    const ev = 'The strike lasted three weeks; talks took three days.';
    assert.deepStrictEqual(run(number, 'The strike lasted three weeks.', ev), []);
    assert.deepStrictEqual(run(number, 'Talks over the strike took three weeks.', ev), []);
  });
});

describe("number: a round number beside the source's own", () => {
  it('"for 29 years ... for 30 years" against "for 29 years ... for 40 years": the 30 is no rounding of the 29', () => {
    const claim = 'The town has its lowest crime for 29 years and its lowest rents for 30 years.';
    const ev = 'The town has the lowest crime for 29 years and the lowest rents for 40 years.';
    const f = run(number, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].message, 'number: the draft says 30, the source says 40');
  });
  it('the same number twice in the draft still blocks a pairing ("third set ... third match point")', () => {
    const claim = 'The second and third sets went to tie-breaks, and he won on his third match point.';
    const ev = 'He took the first set, and won on his third match point after two tie-breaks.';
    assert.deepStrictEqual(run(number, claim, ev), []);
  });
});
