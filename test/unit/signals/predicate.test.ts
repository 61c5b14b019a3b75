import * as assert from 'node:assert';
import { posTags } from '../../../server/src/engine/pos';
import { predicateLemmas, uncarriedPredicates, TUNING } from '../../../server/src/engine/signals/predicate';
import { contentIndices } from '../../../server/src/engine/coverage';
import { SourceIndex } from '../../../server/src/engine/sourceIndex';
import { createChecker } from '../../../server/src/engine/defaults';
import { analyze } from '../../../server/src/engine/text';
import { findQuotes } from '../../../server/src/engine/signals/quote';
import { makeInput, text } from './helpers';

function tagOf(sentence: string, word: string): string {
  const a = analyze(sentence);
  const i = a.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, word);
  return posTags(a)[i];
}

function uncarried(claim: string, evidence: string) {
  const input = makeInput(claim, evidence);
  return uncarriedPredicates(input.claim, contentIndices(input.claim), input.alignment, findQuotes(claim)).map((f) => text(claim, f.claimSpan));
}

describe('predicate signal', () => {
  it('tags the main verb of a claim, not its nouns', () => {
    assert.strictEqual(tagOf('The mill closed its gates after the long strike.', 'closed'), 'VERB');
    assert.strictEqual(tagOf('The mill closed its gates after the long strike.', 'gates'), 'NOUN');
    assert.strictEqual(tagOf('Harbour fees will rise sharply in the spring.', 'will'), 'AUX');
  });

  it('names the verb the evidence does not carry, not the names that match', () => {
    assert.deepStrictEqual(
      uncarried('The Tarrow council sold the old ferry terminal in June.', 'The Tarrow council inspected the old ferry terminal in June.'),
      ['sold'],
    );
  });

  it('asks nothing when one verb of the claim is carried (the others may be paraphrase)', () => {
    assert.deepStrictEqual(uncarried('The board refused to renew the lease on the depot.', 'The lease on the depot will not be renewed by the board.'), []);
  });

  it('leaves reporting verbs, the copula and verbs inside quotations alone', () => {
    assert.deepStrictEqual(uncarried('Mrs Odell said the depot was "never going to close".', 'The depot is open, according to Mrs Odell.'), []);
    assert.deepStrictEqual(
      [...predicateLemmas(analyze('Mrs Odell said the depot was full.'), contentIndices(analyze('Mrs Odell said the depot was full.')))],
      [],
    );
  });

  it('evidence spread over several sentences must carry one of the verbs', () => {
    const src = [
      'The Tarrow ferry terminal opened in 1998.',
      'Ships from Norway call there twice a week.',
      'The Tarrow council owns the harbour car park.',
      'The council meets on Thursdays.',
    ].join('\n\n');
    const index = new SourceIndex();
    index.addFile('tarrow.txt', src);
    const claim = 'The Tarrow council demolished the ferry terminal and the harbour car park in 1998.';
    const on = createChecker(index).checkDraft(claim, 'plaintext')[0];
    assert.strictEqual(on.verdict, 'unsupported');
    assert.ok(on.signals.some((s) => s.kind === 'predicate' && claim.slice(s.start, s.end) === 'demolished'));
    // without the rule the names and nouns of two sentences carry it
    assert.strictEqual(createChecker(index, { predicates: false }).checkDraft(claim, 'plaintext')[0].verdict, 'supported');
    // the same words with verbs the sources carry are supported
    const faithful = 'The Tarrow council opened the ferry terminal and owns the harbour car park.';
    assert.strictEqual(createChecker(index).checkDraft(faithful, 'plaintext')[0].verdict, 'supported');
    assert.ok(TUNING.weightFloor.value > 1);
  });
});
