/** The evaluation's metrics: aggregation of sentence verdicts, accuracies, P/R/F1, evidence recall. */
import * as assert from 'node:assert/strict';
import {
  accuracy3,
  aggregateVerdict,
  balancedAccuracy,
  evidenceHit,
  evidenceRecall,
  isCorrect,
  normalizeText,
  pct,
  perVerdict,
  plantedFigures,
  quoteMatches,
  type Gold,
  type Predicted,
} from '../../scripts/metrics';

const items = (pairs: [Gold, Predicted][]) => pairs.map(([gold, pred]) => ({ gold, pred }));

describe('eval metrics', () => {
  it('gives the shares of planted errors shown red and green, faithful sentences flagged, and recall per kind', () => {
    const p = plantedFigures([
      { gold: 'contradicted', pred: 'contradicted', kind: 'date' },
      { gold: 'contradicted', pred: 'supported', kind: 'date' },
      { gold: 'contradicted', pred: 'unsupported', kind: 'number' },
      { gold: 'contradicted', pred: 'contradicted', kind: 'number' },
      { gold: 'supported', pred: 'supported', kind: 'close' },
      { gold: 'supported', pred: 'contradicted', kind: 'quote' },
      { gold: 'supported', pred: 'supported', kind: 'merge' },
      { gold: 'supported', pred: 'supported', kind: 'merge' },
      { gold: 'unsupported', pred: 'unsupported', kind: 'background' },
    ]);
    assert.ok(p);
    assert.equal(p.errors, 4);
    assert.equal(p.red, 0.5);
    assert.equal(p.green, 0.25);
    assert.equal(p.faithful, 4);
    assert.equal(p.faithfulFlagged, 0.25);
    assert.deepEqual(p.kinds, [
      { kind: 'date', n: 2, red: 1, green: 1 },
      { kind: 'number', n: 2, red: 1, green: 0 },
    ]);
    assert.equal(plantedFigures([{ gold: 'supported', pred: 'supported' }]), undefined);
  });

  it('aggregates a multi-sentence claim: contradicted if any, supported only if all, skipped ignored', () => {
    assert.equal(aggregateVerdict(['supported', 'supported']), 'supported');
    assert.equal(aggregateVerdict(['supported', 'unsupported']), 'unsupported');
    assert.equal(aggregateVerdict(['supported', 'unsupported', 'contradicted']), 'contradicted');
    assert.equal(aggregateVerdict(['skipped', 'supported']), 'supported');
    assert.equal(aggregateVerdict(['skipped', 'skipped']), 'unsupported');
    assert.equal(aggregateVerdict([]), 'unsupported');
  });

  it('counts not-supported as right for unsupported or contradicted', () => {
    assert.ok(isCorrect('not-supported', 'unsupported'));
    assert.ok(isCorrect('not-supported', 'contradicted'));
    assert.ok(!isCorrect('not-supported', 'supported'));
    assert.ok(!isCorrect('unsupported', 'contradicted'));
    assert.equal(
      accuracy3(
        items([
          ['supported', 'supported'],
          ['contradicted', 'unsupported'],
          ['not-supported', 'contradicted'],
          ['unsupported', 'unsupported'],
        ]),
      ),
      0.75,
    );
    assert.ok(Number.isNaN(accuracy3([])));
  });

  it('balanced accuracy averages the recall of supported and of the rest', () => {
    // supported: 1 of 2 right; rest: 3 of 3 right -> (0.5 + 1) / 2
    const xs = items([
      ['supported', 'supported'],
      ['supported', 'unsupported'],
      ['unsupported', 'unsupported'],
      ['contradicted', 'unsupported'],
      ['not-supported', 'contradicted'],
    ]);
    assert.equal(balancedAccuracy(xs), 0.75);
    assert.ok(Number.isNaN(balancedAccuracy(items([['supported', 'supported']]))));
  });

  it('gives precision, recall and F1 per verdict', () => {
    const xs = items([
      ['contradicted', 'contradicted'],
      ['contradicted', 'unsupported'],
      ['unsupported', 'contradicted'],
      ['supported', 'supported'],
      ['unsupported', 'unsupported'],
    ]);
    const p = perVerdict(xs);
    assert.deepEqual(p.contradicted, { precision: 0.5, recall: 0.5, f1: 0.5, predicted: 2, gold: 2 });
    assert.deepEqual(p.supported, { precision: 1, recall: 1, f1: 1, predicted: 1, gold: 1 });
    assert.equal(p.unsupported!.precision, 0.5);
    assert.equal(p['not-supported']!.recall, 1);
  });

  it('leaves unsupported / contradicted undefined where the data only says not-supported', () => {
    const p = perVerdict(
      items([
        ['supported', 'supported'],
        ['not-supported', 'contradicted'],
        ['not-supported', 'supported'],
      ]),
    );
    assert.equal(p.contradicted, null);
    assert.equal(p.unsupported, null);
    assert.deepEqual(p['not-supported'], { precision: 1, recall: 0.5, f1: 2 / 3, predicted: 1, gold: 2 });
    assert.equal(p.supported!.precision, 0.5);
  });

  it('matches gold evidence against cited quotes, whitespace normalised, equal or contained', () => {
    assert.equal(normalizeText('  a \n b\t c '), 'a b c');
    assert.ok(quoteMatches('Sea levels rose.\nIce melted.', 'Ice   melted.'));
    assert.ok(quoteMatches('Ice melted.', 'Ice melted.'));
    assert.ok(!quoteMatches('Ice', 'Ice melted.'), 'a quote shorter than the gold sentence does not count');
    assert.ok(!quoteMatches('anything', ''));
    assert.equal(evidenceHit(['x', 'gold one', 'y'], ['gold one'], 1), 0);
    assert.equal(evidenceHit(['x', 'gold one', 'y'], ['gold one'], 3), 1);
    const r = [
      { cited: ['gold a'], gold: ['gold a'] },
      { cited: ['x', 'y', 'gold b'], gold: ['gold b', 'other'] },
      { cited: ['x'], gold: ['gold c'] },
      { cited: ['x'], gold: [] },
    ];
    assert.equal(evidenceRecall(r, 1), 1 / 3);
    assert.equal(evidenceRecall(r, 3), 2 / 3);
    assert.ok(Number.isNaN(evidenceRecall([{ cited: ['x'], gold: [] }], 3)));
  });

  it('formats percentages and missing figures', () => {
    assert.equal(pct(0.8123), '81.2%');
    assert.equal(pct(NaN), 'n/a');
    assert.equal(pct(null), 'n/a');
  });
});
