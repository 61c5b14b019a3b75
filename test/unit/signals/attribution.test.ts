import * as assert from 'node:assert';
import { attribution, findSpeakers } from '../../../server/src/engine/signals/attribution';
import { analyze } from '../../../server/src/engine/text';
import { run, text } from './helpers';

describe('signals/attribution', () => {
  it('"X, who ..., said the Y was": the speaker is X, not the subject of what was said', () => {
    const s = (t: string) => findSpeakers(analyze(t)).map((x) => x.text);
    assert.deepStrictEqual(s("Rob Hale, who leads the Greens on the council, said the mayor's office was now in chaos."), ['Rob Hale']);
    // the inverted form still names its speaker
    assert.deepStrictEqual(s('The plan is dead, said the mayor.'), ['the mayor']);
  });
  it('"Ann Lind, a member of the city council said": the name before the description speaks', () => {
    const s = (t: string) => findSpeakers(analyze(t)).map((x) => x.text);
    assert.deepStrictEqual(s('"We cannot wait," Ann Lind, a Swedish member of the city council said on Monday.'), ['Ann Lind']);
    // an opening phrase before the comma is no name
    assert.deepStrictEqual(s('On Tuesday, the mayor said he would reply in writing.'), ['the mayor']);
    const claim = 'Ann Lind said the council could not wait any longer for the grant.';
    const ev = '"The council cannot wait any longer for the grant," Ann Lind, a Swedish member of the city council said on Monday.';
    assert.deepStrictEqual(run(attribution, claim, ev), []);
  });
  it('finds speakers of "X said", "Y, X said" and "according to X"', () => {
    const s = (t: string) => findSpeakers(analyze(t)).map((x) => x.text);
    assert.deepStrictEqual(s('Analysts warn that translating proposals will require alignment.'), ['Analysts']);
    assert.deepStrictEqual(s('The talks were useful, a senior official said.'), ['a senior official']);
    assert.deepStrictEqual(s('According to those present, the aim is a platform.'), ['those present']);
  });
  it('no clash when the evidence names the draft\'s speaker (apposition, "told the paper")', () => {
    const claim = '"Rents will keep rising," said Maria Okafor, a housing campaigner.';
    const ev = '"Rents will keep rising," Maria Okafor, a campaigner with the Tenants Union said in a statement.';
    assert.deepStrictEqual(
      run(attribution, claim, ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
    const claim2 = 'According to the Daily Courier, the coach has asked two former referees to review the match.';
    const ev2 = 'The coach has asked two former referees to review the match, Okafor told the Daily Courier.';
    assert.deepStrictEqual(
      run(attribution, claim2, ev2).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
  it('a different speaker contradicts', () => {
    const claim = 'Analysts said the proposed joint production initiatives could signal a new phase.';
    const ev =
      'Observers say that the proposed joint production initiatives, if they reach a tangible agreement, could signal a new phase in defense industrial collaboration.';
    const f = run(attribution, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'Analysts');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'Observers');
  });
  it('the same speaker (lemma or synonym) is fine', () => {
    const ev = 'A Kremlin spokesperson noted that the participation of aligned states does not cause upheaval.';
    assert.deepStrictEqual(run(attribution, 'The Kremlin spokesman said the participation of aligned states does not cause upheaval.', ev), []);
  });
  it('a speaker the source never names is unsupported', () => {
    const claim = 'The conversations are exploratory in nature, officials said.';
    const f = run(attribution, claim, 'The conversations are described as exploratory in nature.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'unsupported');
    assert.strictEqual(text(claim, f[0].claimSpan), 'officials');
  });
  it('"The US company said" is no speaker the source must name: the story\'s subject may be it', () => {
    const ev = 'The cuts were part of a cost-cutting drive, aimed at saving millions of dollars.';
    const claim = 'The US company said the job losses were part of a cost-cutting programme intended to save it millions of dollars.';
    assert.deepStrictEqual(run(attribution, claim, ev), []);
    // people the source does not bring in still are: "analysts said"
    assert.strictEqual(run(attribution, 'The cuts were part of a cost-cutting drive aimed at saving millions of dollars, analysts said.', ev).length, 1);
  });
  it('a speaker phrase stops at a pronoun or a conjunction: "emailed Jessica and she said" names nobody', () => {
    const s = (t: string) => findSpeakers(analyze(t)).map((x) => x.text);
    assert.deepStrictEqual(s('I emailed Jessica from HR and she said you can submit via their website.'), []);
    assert.deepStrictEqual(s('Pat suggests emailing HR, while Cassie suggests contacting IT.'), ['Pat', 'Cassie']);
  });
  it('a transcript line "Name: words" is spoken by the name', () => {
    const s = (t: string) => findSpeakers(analyze(t)).map((x) => x.text);
    assert.deepStrictEqual(s('Cassie: which one are you talking about? Pat: I emailed Jessica from HR.'), ['Cassie', 'Pat']);
    const claim = 'Pat suggests emailing Jessica from HR.';
    assert.deepStrictEqual(
      run(attribution, claim, 'Pat: I emailed Jessica from HR and she said you can either submit via their website or send an email to her.'),
      [],
    );
    const f = run(attribution, claim, 'Cassie: I emailed Jessica from HR and she said you can either submit via their website or send an email to her.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
  });
  it('with two speakers in the draft, each is judged on its own words', () => {
    const claim = 'Pat suggests emailing Jessica from HR or submitting via their website, while Cassie suggests contacting IT if the website is not working.';
    const ev = 'Pat: I emailed Jessica from HR and she said you can either submit via their website or send an email to her.';
    assert.deepStrictEqual(
      run(attribution, claim, ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
    // a second speaker whose own words the source does carry, under another name, still clashes
    const swapped = 'Pat suggests contacting IT, while Cassie suggests emailing Jessica from HR or submitting via their website.';
    assert.ok(run(attribution, swapped, ev).some((f) => f.effect === 'contradicts' && swapped.slice(f.claimSpan.start, f.claimSpan.end) === 'Cassie'));
  });
  it('a capitalised "State" is part of a name, not a speech verb', () => {
    assert.deepStrictEqual(findSpeakers(analyze('The outreach coincided with a meeting between the United States Secretary of State and India.')), []);
  });
  it('two named people who share a party or role word are different speakers', () => {
    const claim = 'Welsh Labour MS Sian Evans has warned that if the board ignored the request it would be an "affront" to the town.';
    const ev = 'Scottish Labour MS Alan Reid warned last week that if the board ignored the request it would be an "affront" to the town.';
    const f = run(attribution, claim, ev);
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'Scottish Labour MS Alan Reid');
  });
  it('"will say sorry" reports nobody: no speaker phrase before a speech verb after a modal', () => {
    const s = findSpeakers(analyze('The deputy has confirmed that Mr Reid will say sorry on Tuesday.')).map((x) => x.text);
    assert.ok(!s.some((t) => /Reid/.test(t)), JSON.stringify(s));
  });
  it('a source speaker phrase that runs over a clause into a name is the name; two names of one body are one speaker', () => {
    const claim = 'The Commission says the council will adopt the draft agreed in May.';
    const ev = 'Critics say the plan could hurt smaller tech firms The EC says the council will adopt the draft agreed in May.';
    assert.deepStrictEqual(
      run(attribution, claim, ev).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
});

describe('attribution: descriptions and nouns are no rival speakers', () => {
  it('a description in the source may be the speaker the draft names', () => {
    const claim = 'Harland United have written to 300 fans who took up the offer of free coaches to the match.';
    const evidence = 'The Wexley League champions have written to 300 fans who took up the offer of free coaches to the match.';
    assert.deepStrictEqual(
      run(attribution, claim, evidence).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
  it('a named rival speaker still clashes', () => {
    const claim = 'Harland United have written to 300 fans who took up the offer of free coaches to the match.';
    const evidence = 'Wexley Rovers have written to 300 fans who took up the offer of free coaches to the match.';
    assert.ok(run(attribution, claim, evidence).some((f) => f.effect === 'contradicts'));
  });
  it('"amid reports that" names no speaker', () => {
    const claim = 'Police closed the Tarrow campus at 8 pm on Thursday amid reports that a gunman was inside.';
    assert.ok(!findSpeakers(analyze(claim)).some((s) => /Thursday|pm/.test(s.text)));
  });
});
