import * as assert from 'node:assert';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { mentionWords, sentencesMentioning } from '../../server/src/engine/mentions';

function folder(files: Record<string, string>): SourceIndex {
  const index = new SourceIndex();
  for (const [name, text] of Object.entries(files)) index.addFile(name, text);
  return index;
}

describe('mentions: which sources in scope give a name', () => {
  const index = folder({
    'inquiry.txt': 'The head of the inquiry panel, Maria Lopes, said it had not been shown that the club broke the rules.',
    'league.txt':
      'The season opened in August.\n"We will wait for the final report," said league chairman Pedro Alves on Friday, adding that the club had been told.',
    'weather.txt': 'Rain is expected over the weekend.',
  });

  it('finds the sentence that holds the words in order, one per source, honorifics aside', () => {
    assert.strictEqual(mentionWords('Mr Pedro Alves'), 'pedro alves');
    const found = sentencesMentioning(index, 'Pedro Alves');
    assert.deepStrictEqual(
      found.map((s) => [s.source, s.line]),
      [['league.txt', 1]],
    );
    assert.deepStrictEqual(
      sentencesMentioning(index, 'Mr Alves').map((s) => s.source),
      ['league.txt'],
    );
  });
  it('finds nothing for a name no source gives, or whose words stand apart', () => {
    assert.deepStrictEqual(sentencesMentioning(index, 'Pedro Lopes'), []);
    assert.deepStrictEqual(sentencesMentioning(index, 'Joana Alves'), []);
  });
  it('keeps to the sources in scope and leaves out the sentences already cited', () => {
    assert.deepStrictEqual(sentencesMentioning(index, 'Pedro Alves', new Set(['inquiry.txt', 'weather.txt'])), []);
    const [s] = sentencesMentioning(index, 'Pedro Alves');
    assert.deepStrictEqual(sentencesMentioning(index, 'Pedro Alves', undefined, new Set([s.id])), []);
  });
});

describe('checker: no "does not mention" for a name another source gives', () => {
  const files = {
    'inquiry.txt': 'The head of the inquiry panel, Maria Lopes, said it had not been shown that the club broke the rules.',
    'league.txt': '"We will wait for the final report," said league chairman Pedro Alves on Friday, adding that the club had been told.',
  };
  const draft = 'The head of the inquiry panel, Pedro Alves, said it had not been shown that the club broke the rules.';

  it('still not supported, and every message about the name says where the name is', () => {
    const [r] = createChecker(folder(files)).checkDraft(draft, 'plaintext');
    assert.notStrictEqual(r.verdict, 'supported', r.reason);
    const about = r.signals.filter((s) => draft.slice(s.start, s.end).includes('Pedro Alves') && s.effect !== 'supports');
    assert.ok(about.length > 0, JSON.stringify(r.signals));
    for (const s of about) {
      assert.doesNotMatch(s.message, /does not mention|no source carries/, s.message);
    }
    const unsupported = about.filter((s) => s.effect === 'unsupported');
    for (const s of unsupported) assert.match(s.message, /the cited sentence does not give 'Pedro Alves'; league\.txt:1 does/);
    assert.doesNotMatch(r.reason, /no source carries 'Pedro Alves'|does not mention 'Pedro Alves'/, r.reason);
  });
  it('with the other source out of scope the message stands: no source in scope gives the name', () => {
    const [r] = createChecker(folder(files)).checkDraft(draft, 'plaintext', new Set(['inquiry.txt']));
    assert.notStrictEqual(r.verdict, 'supported');
    // the one source in scope names another head of the panel: a clash naming her, or a gap no source fills
    const about = r.signals.filter((s) => draft.slice(s.start, s.end).includes('Pedro Alves') && s.effect !== 'supports');
    assert.ok(
      about.length > 0 &&
        about.every((s) =>
          s.effect === 'contradicts'
            ? /the source says 'Maria Lopes'/.test(s.message)
            : /does not mention 'Pedro Alves'|no source carries 'Pedro Alves'/.test(s.message),
        ),
      JSON.stringify(about),
    );
  });
});

describe('checker: a publication named as where the words were said', () => {
  const files = {
    'quote.txt': 'Okafor said the bridge over the river would reopen in the spring after repairs.',
    'radio.txt': 'Okafor was speaking to BBC Radio Kent on Monday morning about the floods.',
  };
  const draft = 'Okafor told BBC Radio Kent the bridge over the river would reopen in the spring after repairs.';

  it('is carried when a source in scope names the venue: no "does not mention" and no gap on it', () => {
    const [r] = createChecker(folder(files)).checkDraft(draft, 'plaintext');
    assert.strictEqual(r.verdict, 'supported', `${r.reason} ${JSON.stringify(r.signals)}`);
  });
  it('is not carried when no source in scope names it', () => {
    const [r] = createChecker(folder(files)).checkDraft(draft, 'plaintext', new Set(['quote.txt']));
    assert.notStrictEqual(r.verdict, 'supported', r.reason);
    assert.ok(
      r.signals.some((s) => draft.slice(s.start, s.end).includes('BBC Radio Kent') && s.effect === 'unsupported'),
      JSON.stringify(r.signals),
    );
  });
});

describe('checker: a quotation another source holds', () => {
  it('is not one "the source does not contain": the message names the sentence that holds it', () => {
    const files = {
      'a.txt': 'The mayor called the harbour plan "a bold step for the town" at the meeting on Monday night, and said the vote would come in June.',
      'b.txt': 'One resident wrote that it was "a gift to the developers" in a letter to the paper.',
    };
    const draft =
      'The mayor called the harbour plan "a bold step for the town" and "a gift to the developers" at the meeting on Monday night, and said the vote would come in June.';
    const [r] = createChecker(folder(files)).checkDraft(draft, 'plaintext');
    assert.notStrictEqual(r.verdict, 'supported', r.reason);
    const q = r.signals.filter((s) => s.kind === 'quote' && s.effect === 'unsupported');
    assert.strictEqual(q.length, 1, JSON.stringify(r.signals));
    assert.strictEqual(q[0].message, 'quote: the cited sentence does not contain “a gift to the developers”; b.txt:1 does');
    // out of scope, the quotation is one no source in scope contains
    const [alone] = createChecker(folder(files)).checkDraft(draft, 'plaintext', new Set(['a.txt']));
    assert.ok(
      alone.signals.some((s) => s.kind === 'quote' && /the source does not contain “a gift to the developers”/.test(s.message)),
      JSON.stringify(alone.signals),
    );
  });
});
