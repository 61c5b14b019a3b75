import * as assert from 'node:assert';
import { createChecker, SourceIndex } from '../../server/src/engine';

/** Verdicts of approximate numbers against sources that give exact ones: the checker end to end. */
describe('approximations, end to end', () => {
  const index = new SourceIndex();
  index.addFile(
    'ferry.txt',
    [
      'The shipping line reported a loss of $2.47bn for the year, its largest since it was founded.',
      'Ticket sales fell by 33% on the island routes after the strike.',
      'Some 25 lifeboats were sent to the stricken ferry.',
      'The charity said 19.6 tonnes of food had been collected at the harbour fair.',
      'The harbour master opened a new pier on the east side of the bay.',
    ].join(' '),
  );
  index.addFile(
    'bakery.txt',
    'Teachers in the county voted to strike over pay. The bakery sold 18 cakes at the village market. The bus company cut three routes.',
  );
  const checker = createChecker(index);
  const verdict = (s: string) => checker.checkDraft(s, 'plaintext')[0].verdict;

  it('an approximation the source bears out is supported', () => {
    assert.strictEqual(verdict('The shipping line reported a loss of about $2.5bn for the year.'), 'supported');
    assert.strictEqual(verdict('Ticket sales fell by a third on the island routes after the strike.'), 'supported');
    assert.strictEqual(verdict('More than 20 lifeboats were sent to the stricken ferry.'), 'supported');
    assert.strictEqual(verdict('Nearly 20 tonnes of food had been collected at the harbour fair, the charity said.'), 'supported');
  });

  it('an approximation the source rules out is contradicted', () => {
    assert.strictEqual(verdict('The shipping line reported a loss of about $3.5bn for the year.'), 'contradicted');
    assert.strictEqual(verdict('Ticket sales fell by half on the island routes after the strike.'), 'contradicted');
    assert.strictEqual(verdict('More than 30 lifeboats were sent to the stricken ferry.'), 'contradicted');
    assert.strictEqual(verdict('Nearly 15 tonnes of food had been collected at the harbour fair, the charity said.'), 'contradicted');
    assert.strictEqual(verdict('The bakery sold more than 20 cakes at the village market.'), 'contradicted');
  });

  it('a bound the source does not settle is neither red nor green', () => {
    assert.strictEqual(verdict('The bakery sold up to 30 cakes at the village market.'), 'unsupported');
  });
});
