/** quoteOrigin.ts: who the source says spoke a quotation. */
import * as assert from 'node:assert/strict';
import { appositionSpeakers, holdsQuotes, otherSpeaker, speakerOf } from '../../server/src/engine/quoteOrigin';
import { analyze } from '../../server/src/engine/text';
import { findQuotes } from '../../server/src/engine/signals/quote';
import { attribution } from '../../server/src/engine/signals/attribution';
import { makeInput } from './signals/helpers';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { Checker } from '../../server/src/engine/checker';
import type { SignalDetector } from '../../server/src/engine/types';

const name = (s: ReturnType<typeof speakerOf>) =>
  s ? s.analyzed.text.slice(s.analyzed.tokens[s.speaker.first].start, s.analyzed.tokens[s.speaker.last].end) : undefined;

describe('quoteOrigin', () => {
  it('an opening phrase of time before the comma is no speaker in apposition: "On Tuesday, the mayor said"', () => {
    assert.deepEqual(
      appositionSpeakers(analyze('On Tuesday, the mayor said he would reply in writing.')).map((s) => s.text),
      [],
    );
    assert.equal(
      speakerOf('The mayor said he had told the assembly about "the many intrusions".', ['On Tuesday, the mayor said he would reply in writing.']),
      undefined,
    );
  });
  it('finds quotations in a sentence, case and punctuation aside', () => {
    assert.ok(holdsQuotes('"We will be back next season," the captain said.', ['we will be back next season']));
    assert.ok(!holdsQuotes('"We will be back," the captain said.', ['we will be back next season']));
  });
  it('names the speaker in the sentence, else the nearest named one before it', () => {
    assert.equal(name(speakerOf('"The timing is surprising," said Okafor.', [])), 'Okafor');
    assert.equal(
      name(speakerOf('"We have the papers and the world should see them."', ['"The file is not complete.', '"The timing is surprising," said Okafor.'])),
      'Okafor',
    );
    // a pronoun is no name; a stretch of clause is no speaker
    assert.equal(speakerOf('"Nothing was wrong," he told the court.', ['He said it on Wednesday.']), undefined);
  });
  it('a different named person is another speaker; the same surname, or the draft speaker given as a speaker nearby, is not', () => {
    const source = speakerOf('"The timing is surprising," said Gregory Okafor.', [])!;
    assert.ok(otherSpeaker(analyze('Club spokesman Ian Davies said: "The timing is surprising."'), source));
    assert.equal(otherSpeaker(analyze('Mr Okafor said: "The timing is surprising."'), source), undefined);
    // given as a speaker in the sentences the source's speaker was looked up in: no telling it is someone else
    const before = ['"Fine," said Gregory Okafor.', '"We will appeal," Ian Davies told reporters.'];
    const lookedUp = speakerOf('"The timing is surprising."', before)!;
    assert.equal(name(lookedUp), 'Gregory Okafor');
    assert.equal(otherSpeaker(analyze('Ian Davies said: "The timing is surprising."'), lookedUp, ['"The timing is surprising."', ...before]), undefined);
    // the quotation's own sentence names its speaker: a speaker of the sentence before is someone else
    assert.ok(
      otherSpeaker(analyze('Ian Davies said: "The timing is surprising."'), source, [
        '"The timing is surprising," said Gregory Okafor.',
        '"We will appeal," Ian Davies told reporters.',
      ]),
    );
    // named in passing is not named as a speaker
    assert.ok(otherSpeaker(analyze('Ian Davies said: "The timing is surprising."'), source, ['The club hired Ian Davies last year.']));
  });
  it("a speaker named after the quotation, before the verb, speaks it: ',\" Ian Davies said', ',\" club boss Ian Davies told'", () => {
    const source = speakerOf('"The timing is surprising," said Gregory Okafor.', [])!;
    const other = (draft: string) => otherSpeaker(analyze(draft), source, [], findQuotes(draft))?.text;
    assert.equal(other('"The timing is surprising," Ian Davies said.'), 'Ian Davies');
    assert.equal(other('"The timing is surprising," club boss Ian Davies told reporters.'), 'Ian Davies');
    // a clause between the quotation and the name: the name is not the quotation's speaker
    assert.equal(other('"The timing is surprising," which Ian Davies said was fair.'), undefined);
  });
  it('a pronoun speaker is the person of the sentence before; people named further back are someone else', () => {
    const own = '"There is nothing the fans can do about it," she told the BBC.';
    const before = [
      'Ann Rook, head of equities at Vale Investments, said she believed the bid would succeed.',
      'A proposal was received by Tom Hale, the club chief, last week, pitched at 300p a share.',
    ];
    const source = speakerOf(own, before)!;
    assert.equal(name(source), 'Ann Rook');
    const draft = '"There is nothing the fans can do about it," Mr Hale told the BBC.';
    assert.equal(otherSpeaker(analyze(draft), source, [own, ...before], findQuotes(draft))?.text, 'Mr Hale');
  });
  it('the checker: "said Mr X" on another person\'s quotation is an attribution clash that names the real speaker', () => {
    const index = new SourceIndex();
    index.addFile(
      'a.txt',
      'Orbit had sold DLT a stake in 2001. "We now have the freedom to plan," said Orbit chief executive Tomas Vell.\n\n"We had to cut costs and we did that with our partner," said DLT chief executive Rhona Marsh.',
    );
    const [r] = createChecker(index).checkDraft('"We had to cut costs and we did that with our partner," said Mr Vell.', 'plaintext');
    assert.equal(r.verdict, 'contradicted', JSON.stringify(r.signals));
    assert.equal(r.signals[0].kind, 'attribution', JSON.stringify(r.signals));
    assert.match(r.signals[0].message, /the source to 'DLT chief executive Rhona Marsh'/);
    const [after] = createChecker(index).checkDraft('"We had to cut costs and we did that with our partner," Tomas Vell said.', 'plaintext');
    assert.equal(after.verdict, 'contradicted', JSON.stringify(after.signals));
  });
  it('the checker: a real quotation given to another named person is contradicted and names the real speaker', () => {
    const index = new SourceIndex();
    index.addFile(
      'a.txt',
      'The club lawyer Gregory Okafor spoke after the hearing. "The timing is extremely surprising," said Okafor.\n\n"We have the papers and it is time the fans saw them." The board will meet on Friday.',
    );
    index.addFile('b.txt', 'The league spokesman Ian Davies said the league was very surprised by the verdict.');
    const checker = createChecker(index);
    const [r] = checker.checkDraft('League spokesman Ian Davies said: "We have the papers and it is time the fans saw them."', 'plaintext');
    assert.equal(r.verdict, 'contradicted', JSON.stringify(r.signals));
    const s = r.signals.find((x) => x.kind === 'attribution');
    assert.ok(s);
    assert.match(s.message, /the source to 'Okafor'/);
    const [ok] = checker.checkDraft('Club lawyer Gregory Okafor said: "We have the papers and it is time the fans saw them."', 'plaintext');
    assert.notEqual(ok.verdict, 'contradicted', JSON.stringify(ok.signals));
  });
  it('no clash on words inside a quotation that a source holds verbatim', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'In a statement, the board said its panel will now consider whether the ruling is wrong.');
    index.addFile('b.txt', 'A statement from the board said: "The panel concluded that the ruling is wrong."');
    index.addFile('c.txt', 'The club will play its next match on Saturday at home.');
    const checker = createChecker(index);
    const [r] = checker.checkDraft('In a statement, the board said its panel "concluded that the ruling is wrong".', 'plaintext');
    assert.notEqual(r.verdict, 'contradicted', JSON.stringify(r.signals));
  });
  it('a name in apposition is the speaker: "Reid, the club\'s kit manager, said"', () => {
    const a = analyze('Reid, the club\'s kit manager, said: "We ran out of shirts."');
    assert.deepEqual(
      appositionSpeakers(a).map((x) => x.text),
      ['Reid'],
    );
  });
  it('a pronoun speaker is the person the sentence before is about', () => {
    const s = speakerOf('Ms Okafor "made the decisions," he told the tribunal, saying she had "a firm grip on the budget".', [
      'Speaking at the hearing, Mr Brandt denied that he had pressed Ms Okafor to change the figures.',
    ]);
    assert.equal(name(s), 'Mr Brandt');
  });
  it('a person named outside the quotation marks of the sentence is its speaker, not one named before it', () => {
    const s = speakerOf('The coach Sam Reid described the ruling as "not a surprise" but said he would appeal.', [
      '"We will wait," said the chairman Tom Hale.',
    ]);
    assert.equal(name(s), 'Sam Reid');
  });
  it("the draft's speaker must be the one speaking the quotation (not a title in quotation marks)", () => {
    const source = speakerOf('"It will sell well," said Ann Cole.', [])!;
    const claim = analyze('She starred in the film "Winter Roads", which Tom Hale said was a success.');
    assert.equal(otherSpeaker(claim, source, [], [{ start: claim.text.indexOf('Winter'), end: claim.text.indexOf('",') }]), undefined);
  });
});

describe('quoteOrigin decides the speaker', () => {
  it('an attribution clash from another sentence yields to the quotation found with the draft’s speaker', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'A statement from Arlen Council said: "The planning review board concluded that the decision is unsound."');
    index.addFile('b.txt', 'Spokesman Tom Reyes said: "Our planning review board will now consider the decision."');
    const draft = 'Arlen Council said its planning review board "concluded that the decision is unsound".';
    // an attribution signal that always names another speaker, on whatever sentence it is shown
    const rival: SignalDetector = {
      kind: 'attribution',
      detect: ({ claim }) => [
        {
          kind: 'attribution',
          effect: 'contradicts',
          message: "attribution: the draft attributes this to 'Arlen Council', the source to 'Tom Reyes'",
          claimSpan: { start: 0, end: claim.text.indexOf(' said') },
          strength: 0.9,
        },
      ],
    };
    const checker = new Checker(index, { detectors: [rival] });
    const [r] = checker.checkDraft(draft, 'plaintext');
    assert.notEqual(r.verdict, 'contradicted', r.reason);
    // without a quotation to decide it, the same signal stands
    const [plain] = checker.checkDraft('Arlen Council said its planning review board concluded that the decision is unsound.', 'plaintext');
    assert.equal(plain.verdict, 'contradicted', plain.reason);
  });
});

describe('quoteOrigin: a pronoun of the other sex', () => {
  const source = '"The harbour plan is a matter for the council alone," Mr Darrow said at the launch.';
  it('"she said" for words the source gives to Mr Darrow is contradicted, naming him', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', source);
    const [r] = createChecker(index).checkDraft('"The harbour plan is a matter for the council alone," she said.', 'plaintext');
    assert.equal(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /'she'.*'Mr Darrow'/);
  });
  it('"he said" is no clash', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', source);
    const [r] = createChecker(index).checkDraft('"The harbour plan is a matter for the council alone," he said.', 'plaintext');
    assert.notEqual(r.verdict, 'contradicted', r.reason);
  });
});

describe('quoteOrigin: who speaks, not who is spoken to or of', () => {
  it('"His coach Okoro, who beat Jan Brandt to the title, told the crowd:" is Okoro\'s', () => {
    const s = speakerOf('His coach Okoro, who beat Jan Brandt to the title, told the crowd: "It is a real honour."', []);
    assert.equal(s?.speaker.text, 'Okoro');
  });
  it('"The Dutch bank said" names no person: "The Dutch" is no speaker', () => {
    assert.equal(speakerOf('The Dutch bank said it had held "useful and frank" talks with the buyers.', []), undefined);
  });
  it('"..., told Radio Kent:" names who heard it; the quotation is the person named before', () => {
    const checker = createChecker(
      indexOf({ 'a.txt': 'Mr Hale, who chairs the harbour board, told Radio Kent on Monday: "That is the rule, but it is not a law."' }),
    );
    const [r] = checker.checkDraft(
      'Harbour board chairman Tom Hale, who has led it for a decade, told Radio Kent: "That is the rule, but it is not a law."',
      'plaintext',
    );
    assert.notEqual(r.verdict, 'contradicted', r.reason);
  });
  it('"A letter sent to Ann Lutz said" is the letter\'s, not Ann Lutz\'s', () => {
    const evidence =
      'A letter sent to Ann Lutz said her permit would not be renewed in the light of checks made against her by the police. These showed she was likely to break the rules again if she reopened.';
    const claim =
      'In a letter to Ann Lutz, the Licensing Office said checks made by the police showed she was likely to break the rules again if she reopened.';
    assert.deepStrictEqual(
      attribution.detect(makeInput(claim, evidence)).filter((f) => f.effect === 'contradicts'),
      [],
    );
  });
});

function indexOf(files: Record<string, string>): SourceIndex {
  const index = new SourceIndex();
  for (const [k, v] of Object.entries(files)) index.addFile(k, v);
  return index;
}

describe('quoteOrigin: the speaker after an inverted verb', () => {
  it("',\" said Okafor afterwards' is Okafor's: a word of time after the name is not part of it", () => {
    const s = speakerOf('"That was the best day of my life," said Okafor afterwards.', ['Club captain Lena Brandt said: "We were ready."']);
    assert.equal(name(s), 'Okafor');
  });
  it("',\" said the Norwegian' is a description: no named speaker, so no clash with the draft's person", () => {
    const before = ['"It was a long week," said the Norwegian.', 'Coach Lena Brandt said: "We were ready."'];
    assert.equal(speakerOf('"I had my chances and missed them."', before), undefined);
    // a name of more words than one after "the" still names someone
    assert.equal(name(speakerOf('"It was a long week," said the Home Office.', [])), 'the Home Office');
  });
});
