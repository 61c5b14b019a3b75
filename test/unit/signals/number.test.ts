import * as assert from 'node:assert';
import { extractQuantities, number } from '../../../server/src/engine/signals/number';
import { analyze } from '../../../server/src/engine/text';
import { run, text } from './helpers';

function q(s: string) {
  return extractQuantities(analyze(s)).map((x) => [x.text, x.value, x.unit]);
}

describe('signals/number', () => {
  it('parses money, scale words, number words, percentages and thousands', () => {
    assert.deepStrictEqual(q('The deal is worth $12 billion.'), [['$12 billion', 12e9, '$']]);
    assert.deepStrictEqual(q('It cost 12bn dollars.'), [['12bn dollars', 12e9, '$']]);
    assert.deepStrictEqual(q('twelve soldiers and a dozen tanks'), [['twelve', 12, ''], ['a dozen', 12, '']]);
    assert.deepStrictEqual(q('rose 3.5% to 1,200 units'), [['3.5%', 3.5, '%'], ['1,200', 1200, '']]);
    assert.deepStrictEqual(q('twenty-five percent'), [['twenty-five percent', 25, '%']]);
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
    assert.deepStrictEqual(run(number, 'The company opened 9 stores last year and reported 12 new stores this year.', ev).filter((f) => f.effect === 'contradicts'), []);
    const range = run(number, 'We anticipate capital expenditures in the range of $100 million to $120 million.', 'We anticipate that capital expenditures will be in the range of $90 million to $100 million.');
    assert.ok(range.some((f) => f.effect === 'contradicts'));
  });
  it('a number glued to a name by a hyphen is part of the name ("COVID-19", "SARS-CoV-2", "F-35")', () => {
    assert.deepStrictEqual(extractQuantities(analyze('Sales of SARS-CoV-2 and COVID-19 vaccines fell; the F-35 order stands.')).map((q) => q.text), []);
    assert.deepStrictEqual(run(number, 'The company reported a decline in SARS-CoV-2 vaccine sales.', 'Revenues from its COVID-19 vaccines have begun a decline.'), []);
    assert.deepStrictEqual(extractQuantities(analyze('Prices rose 5-10 percent.')).length > 0, true);
  });
  it('a range is one quantity: a number inside "7 to 15 inches" agrees with it, two ranges must agree at both ends', () => {
    assert.deepStrictEqual(q('Sea level rise likely range 7 to 15 inches, or between 16% and 36% of it, 2 to 3 million people.'), [
      ['7 to 15', 7, ''], ['between 16% and 36%', 16, '%'], ['2 to 3 million', 2e6, ''],
    ]);
    const ev = 'Sea level rise likely range (7 to 15 inches) in the last century.';
    assert.deepStrictEqual(run(number, 'Global sea level rose about 8 inches in the last century.', ev), []);
    const f = run(number, 'Global sea level rose about 20 inches in the last century.', ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'number: the draft says about 20, the source says 7 to 15');
    // "six degrees" is not paired with a range counting centimetres
    assert.deepStrictEqual(run(number, 'Models forecast a total rise of six degrees by the end of this century.', 'Studies found a rise of 200 to 270 cm this century is physically plausible.'), []);
  });
  it('scores and tallies are not ranges: "6-0", "3 and 4"', () => {
    assert.deepStrictEqual(q('He took the first set 6-0.').map((x) => x[0]), ['6', '0']);
    assert.deepStrictEqual(q('They bought 3 dogs and 4 cats.').map((x) => x[0]), ['3', '4']);
  });
});
