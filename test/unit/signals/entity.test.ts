import * as assert from 'node:assert';
import { entity, extractEntities, spellingVariant } from '../../../server/src/engine/signals/entity';
import { analyze } from '../../../server/src/engine/text';
import { samePlace } from '../../../server/src/engine/text';
import { decodeCharRefs, wordEnd } from '../../../server/src/engine/signals/util';
import { run, text } from './helpers';

const SEED = 'The outreach coincided with a high-level meeting between the United States Deputy Secretary of Defense and India’s defense leadership.';

describe('signals/entity', () => {
  it('an event known by two names is one: "the Academy Awards" and "the Oscars" do not clash', () => {
    assert.deepStrictEqual(
      run(entity, 'The film won four prizes at the Academy Awards on Sunday.', 'The film won four prizes at the Oscars on Sunday.').filter(
        (f) => f.effect === 'contradicts',
      ),
      [],
    );
  });
  it('a name the source writes with a character reference ("Jos&#233;") is the same name; another person still clashes', () => {
    const ev = 'In a letter, Commission President Jos&#233; Manuel Barroso told the assembly the plan would stand.';
    assert.deepStrictEqual(run(entity, 'In a letter, Commission President José Manuel Barroso told the assembly the plan would stand.', ev), []);
    assert.strictEqual(run(entity, 'In a letter, Commission President Romano Prodi told the assembly the plan would stand.', ev).length, 1);
  });
  it('a name spelled another way is the same person, not a rival: "Andreas Papadakis" / "Andrea Papadakis"', () => {
    assert.strictEqual(spellingVariant('Andreas Papadakis', 'Andrea Papadakis'), true);
    assert.strictEqual(spellingVariant('Nikos Papadakis', 'Andreas Papadakis'), false);
    assert.strictEqual(spellingVariant('Ann Lee', 'Ann Lee'), true);
    assert.strictEqual(spellingVariant('Papadakis', 'Papadakos'), false);
    const ev = 'Federation president Andrea Papadakis told the committee the inquiry was over.';
    assert.deepStrictEqual(run(entity, 'Federation president Andreas Papadakis told the committee the inquiry was over.', ev), []);
    const f = run(entity, 'Federation president Nikos Papadakis told the committee the inquiry was over.', ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
  });
  it('extracts multiword names, titles and dotted abbreviations', () => {
    const m = extractEntities(analyze('The U.S. Deputy Secretary of Defense met India’s defense leadership in New Delhi.'));
    assert.deepStrictEqual(
      m.map((x) => x.text),
      ['U.S.', 'Deputy Secretary of Defense', 'India', 'New Delhi'],
    );
    assert.strictEqual(m[0].alias, 'united states');
    assert.strictEqual(m[1].title, true);
    assert.strictEqual(m[3].alias, 'india');
  });
  it('skips sentence-initial common words', () => {
    assert.deepStrictEqual(extractEntities(analyze('Officials said the talks went well.')), []);
  });
  it('a different office holder in the same role contradicts', () => {
    const claim = 'The outreach coincided with a meeting between the US Secretary of State and India’s defense leadership.';
    const f = run(entity, claim, SEED);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'Secretary of State');
    assert.strictEqual(text(SEED, f[0].evidenceSpan), 'United States Deputy Secretary of Defense');
    assert.match(f[0].message, /the source says 'United States Deputy Secretary of Defense'/);
  });
  it('aliases match: Washington = United States, New Delhi = India', () => {
    assert.deepStrictEqual(run(entity, 'The outreach coincided with a meeting between Washington and New Delhi.', SEED), []);
  });
  it('a name the source does not mention is unsupported', () => {
    const claim = 'Japan joined the talks with India.';
    const f = run(entity, claim, 'The United States has pushed for a closer defense partnership with India.');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'unsupported');
    assert.strictEqual(text(claim, f[0].claimSpan), 'Japan');
  });
  it('a different country in the same slot contradicts', () => {
    const claim = 'The United States has pushed for a closer defense partnership with Pakistan.';
    const ev = 'The United States has pushed for a closer defense partnership with India.';
    const f = run(entity, claim, ev);
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].effect, 'contradicts');
    assert.strictEqual(text(claim, f[0].claimSpan), 'Pakistan');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'India');
  });
  it('a demonym meets its place: "Libyan" in the draft, "Libya" in the source (and "Jordanians" / "Jordan")', () => {
    assert.ok(samePlace('libyan', 'libya') && samePlace('canadian', 'canada') && samePlace('chinese', 'china') && samePlace('jordanian', 'jordan'));
    assert.ok(!samePlace('austria', 'australia') && !samePlace('india', 'indonesia'));
    const ev = 'Hetherington was killed in Misrata, Libya, while covering the civil war.';
    assert.deepStrictEqual(run(entity, 'Hetherington was killed in Misrata during the Libyan civil war.', ev), []);
    assert.strictEqual(run(entity, 'Hetherington was killed in Misrata during the Syrian civil war.', ev).length, 1);
  });
  it('a name and its plural or possessive form meet: "Olympics" / "Olympic Games", "Presidents\' Trophy" / "President\'s Trophy"', () => {
    assert.deepStrictEqual(
      run(
        entity,
        'He was Chef de Mission of Team GB at the 2016 Olympics.',
        'Mark England will be Chef de Mission of Team GB at the 2016 Olympic Games in Rio.',
      ),
      [],
    );
    assert.deepStrictEqual(run(entity, "The academy won the Presidents' Trophy in 2016.", "The academy won the President's Trophy in 2016."), []);
  });
  it('a person with another organisation\'s role: "former Acme chief Jo Park" against "former Globex chief Jo Park"', () => {
    const claim = 'The hearing follows the trial of former Acme chief Jo Park, who is accused of fraud.';
    const ev = 'The hearing follows the trial of former Globex Systems chief Jo Park, who is accused of fraud.';
    const f = run(entity, claim, ev).filter((x) => x.effect === 'contradicts');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'Acme');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'Globex Systems');
    assert.ok(f[0].anchored);
    assert.deepStrictEqual(
      run(entity, ev, ev).filter((x) => x.effect === 'contradicts'),
      [],
    );
  });
  it('the role given later in the source sentence: "Leeds winger Ito" against "... Ito ..., but the Hull winger"', () => {
    const claim = 'A long pass found Leeds winger Ito on the left, but he was ruled offside.';
    const ev = 'The Leeds captain cleared and a long pass found Sam Ito on the left, but the Hull winger was ruled offside.';
    const f = run(entity, claim, ev).filter((x) => x.effect === 'contradicts');
    assert.strictEqual(f.length, 1, JSON.stringify(f));
    assert.strictEqual(text(claim, f[0].claimSpan), 'Leeds');
    assert.strictEqual(text(ev, f[0].evidenceSpan), 'Hull');
    // the source giving the draft's own "Leeds winger" somewhere is no clash
    assert.deepStrictEqual(
      run(entity, claim, 'A long pass found Sam Ito, the Leeds winger, on the left, but the Hull winger was ruled offside.').filter(
        (x) => x.effect === 'contradicts',
      ),
      [],
    );
  });
  describe('second and descriptive references', () => {
    it('"Mr Okafor" is the "Daniel Okafor" or the "said Okafor" of the source: honorifics are not needed there', () => {
      assert.deepStrictEqual(run(entity, 'Mr Okafor said the bridge would reopen in spring.', '"The bridge will reopen in spring," said Okafor.'), []);
      assert.deepStrictEqual(
        run(entity, 'Ms Lindqvist told the committee the budget was sound.', 'Karin Lindqvist told the committee the budget was sound.'),
        [],
      );
      assert.deepStrictEqual(run(entity, 'Dr. Haddad expects a second trial.', 'The lead researcher, Samir Haddad, expects a second trial.'), []);
      assert.deepStrictEqual(run(entity, 'Sir Alan Pryce opened the new wing.', 'Alan Pryce opened the new wing on Tuesday.'), []);
    });
    it('the honorific stays in the mention\'s text, not in its parts; a dotted "Mr." joins the name', () => {
      const [m] = extractEntities(analyze('The board heard from Mr. Okafor on Monday.'));
      assert.strictEqual(m.text, 'Mr. Okafor');
      assert.deepStrictEqual(m.parts, ['okafor']);
    });
    it('a second reference to a person the source does not name at all is still unsupported', () => {
      const claim = 'Mr Brennan said the bridge would reopen in spring.';
      const f = run(entity, claim, '"The bridge will reopen in spring," said Okafor.');
      assert.strictEqual(f.length, 1, JSON.stringify(f));
      assert.notStrictEqual(f[0].effect, 'supports');
      assert.strictEqual(text(claim, f[0].claimSpan), 'Mr Brennan');
    });
    it('a shared honorific is no shared role: "Mr Okafor" and "Mr Brennan" in different slots do not clash', () => {
      const claim = 'Mr Okafor chaired the meeting about the harbour.';
      const f = run(entity, claim, 'The meeting about the harbour was chaired by the mayor, and Mr Brennan spoke first.');
      assert.ok(!f.some((x) => x.effect === 'contradicts'), JSON.stringify(f));
    });
    it('titles and parties written short: "MEP", "MP", "Green", "U.S."', () => {
      assert.deepStrictEqual(run(entity, 'She is a Dutch Green MEP.', 'She is a Dutch Green member of the European Parliament.'), []);
      assert.deepStrictEqual(run(entity, 'The Labour MP resigned on Friday.', 'The Labour member of parliament resigned on Friday.'), []);
      assert.deepStrictEqual(run(entity, 'The Greens voted against the bill.', 'The Green party voted against the bill.'), []);
      assert.deepStrictEqual(run(entity, 'The Green candidate came second.', "The Greens' candidate came second."), []);
      assert.deepStrictEqual(run(entity, 'The U.S. embassy was closed.', 'The United States embassy was closed.'), []);
      // the alias groups are no licence: an MEP is not an MP
      assert.strictEqual(run(entity, 'She is a Dutch MP.', 'She is a Dutch member of the European Parliament.').length, 1);
    });
  });
});

describe('entity: a character reference in a plain-text source', () => {
  it('the message quotes the whole word, decoded, never the half before "&"', () => {
    const claim = 'In a letter to the mayor, Council President Ana Ruiz said the quay would close in May.';
    const evidence = 'In a letter to the mayor, Council President Jos&#233; Ortega said the quay would close in May.';
    const clash = run(entity, claim, evidence).find((f) => f.effect === 'contradicts');
    assert.ok(clash, 'a clash');
    assert.match(clash.message, /José/);
    assert.doesNotMatch(clash.message, /Jos'|Jos&/);
  });
  it('wordEnd and decodeCharRefs', () => {
    const t = 'Jos&#233; Manuel';
    assert.strictEqual(wordEnd(t, 3), 9);
    assert.strictEqual(wordEnd('plain text', 5), 5);
    assert.strictEqual(decodeCharRefs('Jos&#233; and Zo&#xeb;'), 'José and Zoë');
  });
});
