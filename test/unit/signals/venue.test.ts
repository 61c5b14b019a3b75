import * as assert from 'node:assert';
import { attribution } from '../../../server/src/engine/signals/attribution';
import { extractEntities } from '../../../server/src/engine/signals/entity';
import { isVenue } from '../../../server/src/engine/signals/venue';
import { analyze } from '../../../server/src/engine/text';
import { run } from './helpers';

/** Is the entity mention with this text, in this sentence, a venue? */
function venue(sentence: string, name: string): boolean {
  const a = analyze(sentence);
  const m = extractEntities(a).find((x) => x.text === name);
  assert.ok(m, `no mention '${name}' in: ${JSON.stringify(extractEntities(a).map((x) => x.text))}`);
  return isVenue(a, m.first, m.last);
}

describe('signals/venue', () => {
  it('a publication named as where something was said or reported is a venue', () => {
    assert.ok(venue('The striker told Reuters he would stay at the club.', 'Reuters'));
    assert.ok(venue('The deal is worth far less, according to the Daily Courier.', 'Daily Courier'));
    assert.ok(venue('Okafor told BBC Sport that the team had been unlucky.', 'BBC Sport'));
    assert.ok(venue('In an interview with the Guardian, she said the plan had failed.', 'Guardian'));
    assert.ok(venue('"We could not put it on," an official told the Reuters news agency.', 'Reuters'));
    assert.ok(venue('Writing in the Spectator, he called the plan a mistake.', 'Spectator'));
  });
  it('a person after the same cues is no venue, and neither is a publication without a cue', () => {
    assert.ok(!venue('According to Mr Okafor, the file is incomplete.', 'Mr Okafor'));
    assert.ok(!venue('The witness told Mr Brennan that the entries were false.', 'Mr Brennan'));
    assert.ok(!venue('The Daily Courier was sold to a rival group last year.', 'Daily Courier'));
  });
  it('"according to the Daily Courier" is no rival speaker to the person the source quotes', () => {
    const claim = 'According to the Evening Herald, the council will appeal against the ruling on the harbour.';
    const ev = 'The council will appeal against the ruling on the harbour, its leader Ann Jones said.';
    assert.deepStrictEqual(
      run(attribution, claim, ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
    // a person in the same place is still compared with the source's speaker
    const person = 'According to Tom Reed, the council will appeal against the ruling on the harbour.';
    assert.strictEqual(run(attribution, person, ev).filter((f) => f.effect === 'contradicts').length, 1);
  });
  it('a source that gives a venue as its speaker does not clash with the person the draft names', () => {
    const claim = 'The council will appeal against the ruling on the harbour, its leader Ann Jones said.';
    const ev = 'The council will appeal against the ruling on the harbour, according to the Evening Herald.';
    assert.deepStrictEqual(
      run(attribution, claim, ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
});
