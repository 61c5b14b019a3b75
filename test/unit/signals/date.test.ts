import * as assert from 'node:assert';
import { date, extractDates } from '../../../server/src/engine/signals/date';
import { analyze } from '../../../server/src/engine/text';
import { run, text } from './helpers';

describe('signals/date', () => {
  it('extracts years, decades, month-day-year, day-month and weekdays', () => {
    const d = extractDates(analyze('On Jan. 5, 2023, the ministers met on Monday; in the 1990s; 5 January 2020.'));
    assert.deepStrictEqual(
      d.map((x) => [x.text, x.year, x.decade, x.month, x.day, x.weekday]),
      [
        ['Jan. 5, 2023', 2023, undefined, 1, 5, undefined],
        ['Monday', undefined, undefined, undefined, undefined, 1],
        ['1990s', undefined, 1990, undefined, undefined, undefined],
        ['5 January 2020', 2020, undefined, 1, 5, undefined],
      ],
    );
  });
  it('"may" as a modal verb is no month', () => {
    assert.deepStrictEqual(
      extractDates(analyze('May I say it may rain in May 2021')).map((x) => x.text),
      ['May 2021'],
    );
  });
  it('different years clash', () => {
    const claim = 'The treaty was signed in 2021.';
    const f = run(date, claim, 'The treaty was signed in 2019.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, "date: the draft says '2021', the source says '2019'");
    assert.strictEqual(text(claim, f[0].claimSpan), '2021');
  });
  it('different days of the same month clash', () => {
    const claim = 'The ministers met on Jan. 15.';
    const f = run(date, claim, 'The ministers met on Jan. 5.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text(claim, f[0].claimSpan), 'Jan. 15');
  });
  it('a year inside the decade agrees; a month without year against a year is not compared', () => {
    assert.deepStrictEqual(run(date, 'Emissions peaked in the 1990s.', 'Emissions peaked in 1996.'), []);
    assert.deepStrictEqual(run(date, 'The ministers met in March.', 'The ministers met in 2021.'), []);
  });
  it('weekdays clash', () => {
    const f = run(date, 'The ministers met on Monday.', 'The ministers met on Tuesday.');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /'Tuesday'/);
  });
  it('a source date the draft states too, for another event, is no clash (WiCE)', () => {
    const claim = 'It aired on March 4, 2019, in Australia and launched worldwide on Netflix on March 6, 2019.';
    const ev = 'Season 2 is due out on Netflix around the world (excluding Australia) on March 6th, 2019.';
    assert.deepStrictEqual(run(date, claim, ev), []);
    assert.strictEqual(run(date, 'It launched worldwide on Netflix on March 4, 2019.', ev).length, 1);
  });
});
