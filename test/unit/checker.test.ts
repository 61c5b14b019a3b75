import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { number } from '../../server/src/engine/signals/number';
import type { SignalDetector } from '../../server/src/engine/types';
import { applyPolicyOverrides } from '../../server/src/engine/policy';
import { checkerAmongNews } from './checkerOver';

const SEED = path.join(__dirname, '../../../seeds/us-india-defense-partnership.txt');

/** One source file with this text, and a checker over it. */
function checkerOver(name: string, text: string, options: object = {}) {
  const index = new SourceIndex();
  index.addFile(name, text);
  return createChecker(index, options);
}

function seeded() {
  const index = new SourceIndex();
  index.addFile('seeds/us-india-defense-partnership.txt', fs.readFileSync(SEED, 'utf8'));
  return { index, checker: createChecker(index) };
}

describe('retrieval and verdicts on the seed corpus', () => {
  it('indexes the seed document into sentences with exact offsets', () => {
    const { index } = seeded();
    assert.strictEqual(index.fileCount, 1);
    assert.ok(index.sentenceCount >= 20, String(index.sentenceCount));
    const text = index.file('seeds/us-india-defense-partnership.txt')!.text;
    for (let id = 0; id < index.sentenceCount; id++) {
      const s = index.sentence(id)!;
      assert.strictEqual(text.slice(s.start, s.end), s.text);
    }
  });

  it('retrieves the right sentence first with BM25 over lemmas', () => {
    const { index } = seeded();
    const hits = index.search(['kremlin', 'spokesperson', 'upheaval'], 3);
    assert.ok(hits[0].sentence.text.startsWith('Meanwhile, a Kremlin spokesperson'), hits[0].sentence.text);
    const morph = index.search(['develop', 'technology', 'military'], 3);
    assert.ok(morph[0].sentence.text.includes('jointly develop core military technologies'));
  });

  it('supports a paraphrased sentence and cites the source verbatim', () => {
    const { checker } = seeded();
    const [r] = checker.checkDraft('The United States pushed for a closer defense partnership with India.', 'plaintext');
    assert.strictEqual(r.verdict, 'supported', r.reason);
    assert.ok(r.evidence[0].quote.startsWith('The United States has pushed for a closer defense partnership with India'));
    assert.strictEqual(r.evidence[0].relation, 'supports');
    assert.strictEqual(r.evidence[0].range.start.line, 0);
  });

  it('marks only the words no source carries as unsupported', () => {
    const { checker } = seeded();
    const draft = 'The framework envisions joint work on jet engine technology and nuclear submarines.';
    const [r] = checker.checkDraft(draft, 'plaintext');
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
    const spans = r.signals.filter((s) => s.effect === 'unsupported').map((s) => draft.slice(s.start, s.end));
    assert.deepStrictEqual(spans, ['nuclear submarines']);
  });

  it('says plainly when nothing in the sources is about the statement', () => {
    const { checker } = seeded();
    const [r] = checker.checkDraft('Penguins migrate across Antarctica every winter.', 'plaintext');
    assert.strictEqual(r.verdict, 'unsupported');
    assert.strictEqual(r.evidence.length, 0);
  });

  it('reports every statement, skipped ones with the reason', () => {
    const { checker } = seeded();
    const rs = checker.checkDraft('# Defense ties\n\nWhat comes next?\n\nThe conversations are exploratory in nature.', 'markdown');
    assert.deepStrictEqual(
      rs.map((r) => r.verdict),
      ['skipped', 'skipped', 'supported'],
    );
    assert.deepStrictEqual(
      rs.slice(0, 2).map((r) => r.reason),
      ['heading', 'question'],
    );
  });

  it('re-verifies only statements whose text changed (cache keyed on text and index generation)', () => {
    const { checker, index } = seeded();
    const a = 'The talks are exploratory in nature. Analysts warn about budgets.';
    checker.checkDraft(a, 'plaintext');
    const misses = checker.cacheMisses;
    checker.checkDraft(a + ' Experts emphasize local manufacturing.', 'plaintext');
    assert.strictEqual(checker.cacheMisses - misses, 1);
    index.addFile('other.txt', 'Something else entirely happened in Paris.');
    checker.checkDraft(a, 'plaintext');
    assert.strictEqual(checker.cacheMisses - misses, 3, 'a new index generation invalidates the cache');
  });
});

describe('names the source document mentions elsewhere', () => {
  const award =
    'The port authority awarded the dredging contract for the northern harbour basin to Halvorsen Marine on Monday after a six-month public tender.';
  const claim =
    'The port authority awarded the dredging contract for the northern harbour basin to Brightwater Systems on Monday after a six-month public tender.';
  // in a one-sentence index the unknown name outweighs every other word, so the topicality gate is lowered:
  // these tests are about which clashes count, not about the gate
  function check(text: string) {
    return checkerOver('port.txt', text, { contradictionGate: 0.2 })
      .checkDraft(claim, 'plaintext')
      .filter((r) => r.verdict !== 'skipped');
  }
  it("a name in the same slot as another name contradicts when the document never mentions the draft's name", () => {
    const [r] = check(award);
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
    assert.ok(r.signals.some((s) => s.kind === 'entity'));
  });
  it('is no clash when the document names it in another sentence', () => {
    const [r] = check(`${award}\nBrightwater Systems and two other firms had also bid.`);
    assert.notStrictEqual(r.verdict, 'contradicted', r.reason);
  });
});

describe('a sentence that states the claim outweighs a clash from another', () => {
  const source =
    'Marta Ilves has scored 12 goals for Tallinn Rovers this season and could soon join a bigger club. ' +
    'Years earlier, on loan at Parnu, Marta Ilves managed just three goals for Tallinn Rovers in 20 games.';
  const checker = () => checkerAmongNews({ 'ilves.txt': source });
  const claim = 'Marta Ilves has scored 12 goals for Tallinn Rovers this season.';
  it('supports the claim the first sentence states, whatever the older count in the second', () => {
    const r = checker().checkDraft(claim, 'plaintext')[0];
    assert.strictEqual(r.verdict, 'supported', r.reason);
  });
  it('still contradicts a count no sentence states', () => {
    const r = checker().checkDraft(claim.replace('12', '15'), 'plaintext')[0];
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /the source says 12/);
  });
  it('the clash speaks with checker.carrierOverridesClash off', () => {
    applyPolicyOverrides({ 'checker.carrierOverridesClash': false });
    try {
      const r = checker().checkDraft(claim, 'plaintext')[0];
      assert.strictEqual(r.verdict, 'contradicted', r.reason);
    } finally {
      applyPolicyOverrides({ 'checker.carrierOverridesClash': true });
    }
  });
});

describe('a long statement: each clause is checked for a count of its own', () => {
  const source =
    'The planning committee of Harrow Vale council ordered a full redesign of the Kestrel Moor bypass scheme and its Ashby roundabout on Tuesday. ' +
    'The scheme had been due to open next spring. Residents had campaigned against it for years. ' +
    'Only two councillors backed the original plan at the committee meeting, with one voting to abstain.';
  const claim =
    'The planning committee of Harrow Vale council then ordered a full redesign of the Kestrel Moor bypass scheme and its Ashby roundabout, with only three councillors backing the original plan at the meeting.';
  const check = (text: string) => checkerAmongNews({ 'vale.txt': source }).checkDraft(text, 'plaintext')[0];
  it('a count one clause gets wrong is contradicted, squiggled on the count, though the sentence giving it carries little of the whole', () => {
    const r = check(claim);
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
    assert.strictEqual(r.reason, 'number: the draft says three, the source says two');
    const s = r.signals.find((x) => x.effect === 'contradicts')!;
    assert.strictEqual(claim.slice(s.start - r.start, s.end - r.start), 'three');
  });
  it('the right count is supported', () => {
    assert.strictEqual(check(claim.replace('three', 'two')).verdict, 'supported');
  });
  it('with checker.clauseClashes off, the wrong count is only unsupported', () => {
    applyPolicyOverrides({ 'checker.clauseClashes': false });
    try {
      assert.strictEqual(check(claim).verdict, 'unsupported');
    } finally {
      applyPolicyOverrides({ 'checker.clauseClashes': true });
    }
  });
});

describe('rare words the source never gives', () => {
  const source =
    'The Harbour Trust appointed a new chief executive, Ellen Marsh, on Monday after a six-month search across the port authorities of the north-east coast.';
  const faithful =
    'the harbour trust appointed a new chief executive, ellen marsh, on monday after a six-month search across the port authorities of the north-east coast.';
  const renamed = faithful.replace('marsh', 'tennant');
  it('a word outside the English lexicon that the document never uses keeps a lower-cased claim from support', () => {
    const checker = checkerOver('trust.txt', source);
    const verdict = (d: string) => checker.checkDraft(d, 'plaintext')[0];
    assert.strictEqual(verdict(faithful).verdict, 'supported');
    // "tennant" is a name no dictionary holds; "chosen" is a common word the lexicon knows
    const r = verdict(renamed);
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
    assert.match(r.reason, /tennant/);
  });
  it('in a lower-cased claim, two words the document never uses keep it from support; cased, they are paraphrase', () => {
    const checker = checkerOver('trust.txt', source);
    const verdict = (d: string) => checker.checkDraft(d, 'plaintext')[0];
    const twoNew = faithful.replace('search', 'tour').replace('coast', 'valley');
    const r = verdict(twoNew);
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
    assert.strictEqual(r.reason, "no source carries 'tour', 'valley'");
    // one such word is paraphrase enough
    assert.strictEqual(verdict(faithful.replace('search', 'tour')).verdict, 'supported');
    // the same words in a cased claim: the capitals tell the names, the rest is paraphrase
    const cased = twoNew
      .replace(/(^|[.] )t/, 'T')
      .replace(/harbour trust/, 'Harbour Trust')
      .replace('ellen marsh', 'Ellen Marsh')
      .replace('monday', 'Monday');
    assert.strictEqual(verdict(cased).verdict, 'supported');
  });
  it('is off with strictRareWords false', () => {
    const checker = checkerOver('trust.txt', source, { strictRareWords: false });
    const r = checker.checkDraft(renamed, 'plaintext')[0];
    assert.strictEqual(r.verdict, 'supported', r.reason);
  });
});

describe('a question in the source', () => {
  const claim = 'Mr Tate told the court he had never known Mr Hale to sign a cheque for the charity.';
  const asked =
    'On Monday the defence lawyer questioned Mr Tate about the accounts. "Did you ever know Mr Hale to sign a cheque for the charity?" the lawyer pressed. "No," replied the witness.';
  it('states nothing to clash with: "Did you ever know him to sign a cheque?" is no negation clash', () => {
    const r = checkerAmongNews({ 'trial.txt': asked }).checkDraft(claim, 'plaintext')[0];
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
  });
  it('a quotation is compared as quoted, and a tag question asks nothing: "…, aren\'t you?"', () => {
    const source =
      'The exchange was recorded outside the town hall. "You are only doing this because you are paid to, aren\'t you?" the mayor asked the reporter.';
    const r = checkerAmongNews({ 'hall.txt': source }).checkDraft(
      'The mayor asked the reporter whether "you are only doing this because you are ordered to".',
      'plaintext',
    )[0];
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
  });
  it('the same words stated, not asked, do clash', () => {
    const stated =
      'On Monday the defence lawyer questioned Mr Tate about the accounts. Mr Tate knew Mr Hale to sign a cheque for the charity, the lawyer said.';
    const r = checkerAmongNews({ 'trial.txt': stated }).checkDraft(claim, 'plaintext')[0];
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
  });
});

describe('quotations on evidence spread over several sentences', () => {
  it('a quotation no source holds is never green, however many of its words other sentences carry', () => {
    const checker = checkerAmongNews({
      'trial.txt':
        'Mr Hale told the fraud trial in Leeds on Tuesday that his former finance director Ann Bright ran the accounts. At the fraud trial in Leeds, Mr Hale said his former finance director Ann Bright reported to him. Mr Hale rejected claims at the Leeds fraud trial that his former finance director Ann Bright had warned him.',
      'call.txt': 'The court heard a recording of the call. "She never told me she signed a payment that was not approved."',
    });
    const r = checker.checkDraft(
      '"She never told me she signed a payment that was wrong," Mr Hale said of his former finance director Ann Bright at the fraud trial in Leeds on Tuesday.',
      'plaintext',
    )[0];
    assert.notStrictEqual(r.verdict, 'supported', r.reason);
    assert.match(r.reason, /quote/);
  });
});

describe('hyphenated words in the source', () => {
  it('"re-drafted" in the document is the draft\'s "redrafted", never a word it does not use', () => {
    const source = 'Under the deal the harbour charter could be substantially re-drafted or even scrapped by the council next year.';
    const r = checkerAmongNews({ 'charter.txt': source }).checkDraft(
      'The harbour charter could be substantially redrafted or even scrapped by the council next year.',
      'plaintext',
    )[0];
    assert.strictEqual(r.verdict, 'supported', r.reason);
  });
});

describe('colours the source never gives', () => {
  const source = 'Protesters poured red and white paint across the steps of the finance ministry in Vilnius on Tuesday morning.';
  const faithful = 'Protesters poured red and white paint across the steps of the finance ministry in Vilnius on Tuesday.';
  const recoloured = faithful.replace('red and white', 'green and white');
  it('a colour the document never uses keeps the statement from support, and the reason names it', () => {
    const checker = checkerOver('paint.txt', source);
    assert.strictEqual(checker.checkDraft(faithful, 'plaintext')[0].verdict, 'supported');
    const r = checker.checkDraft(recoloured, 'plaintext')[0];
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
    assert.match(r.reason, /'green'/);
  });
  it('with checker.absentColours off, one wrong colour among many carried words is paraphrase', () => {
    applyPolicyOverrides({ 'checker.absentColours': false });
    try {
      assert.strictEqual(checkerOver('paint.txt', source).checkDraft(recoloured, 'plaintext')[0].verdict, 'supported');
    } finally {
      applyPolicyOverrides({ 'checker.absentColours': true });
    }
  });
});

describe('counts the source never gives', () => {
  it('a count in words is as exact as in digits: a source without it does not back the claim', () => {
    const checker = checkerOver('a.txt', 'The regional carrier opened new routes from Dublin to Lisbon, Porto and Faro last spring.');
    const verdict = (d: string) => checker.checkDraft(d, 'plaintext')[0];
    assert.strictEqual(verdict('The regional carrier opened new routes from Dublin last spring.').verdict, 'supported');
    // the source's count in digits backs the draft's count in words
    const digits = checkerOver('b.txt', 'The regional carrier opened new routes from Dublin last spring. It now flies 3 routes a day.');
    assert.strictEqual(
      digits.checkDraft('The regional carrier opened new routes from Dublin last spring, three of them.', 'plaintext')[0].verdict,
      'supported',
    );
    for (const d of [
      'The regional carrier opened five new routes from Dublin last spring.',
      'The regional carrier opened 5 new routes from Dublin last spring.',
    ]) {
      const r = verdict(d);
      assert.strictEqual(r.verdict, 'unsupported', d);
      assert.match(r.reason, /'(five|5)'/);
    }
  });
});

describe('evidence spread over several sentences of one source', () => {
  const source = [
    'The harbour authority approved a new container terminal for refrigerated cargo on Monday.',
    'The weather was mild for the season.',
    'Halvorsen Marine will build it.',
    'Ferries kept to their timetable.',
    'The refrigerated cargo for the terminal will come from Iceland.',
  ].join(' ');
  const claim = 'The harbour authority approved a container terminal for refrigerated cargo from Iceland, built by Halvorsen Marine.';
  function check(options: object) {
    return checkerOver('harbour.txt', source, { contextCredit: 0, ...options }).checkDraft(claim, 'plaintext')[0];
  }
  it('three sentences that each carry a part support the claim together, each cited, the best first', () => {
    const r = check({});
    assert.strictEqual(r.verdict, 'supported', r.reason);
    assert.deepStrictEqual(
      r.evidence.map((e) => e.quote.split(' ')[0]),
      ['The', 'Halvorsen', 'The'],
    );
    assert.ok(r.evidence[0].quote.startsWith('The harbour authority'));
    assert.ok(r.evidence.some((e) => e.quote.includes('Iceland')));
  });
  it('one sentence alone does not: the claim names what only the others carry', () => {
    assert.strictEqual(check({ spread: 1 }).verdict, 'unsupported');
  });
});

describe('a negation the evidence does not carry', () => {
  // the sentence with "save" carries too little of the claim for the contradiction gate; the document
  // carries the rest: without the polarity check "cannot save" was supported by "can save"
  const source = [
    'Dear Ms. Ortega, I am writing from Brightwater Systems about our pool cleaning robot.',
    'Lakeside Aquatic Centre would like the robot, we hope.',
    'It can save time.',
    'It combines an advanced cleaning system with smart navigation.',
    'Energy efficiency and easy maintenance keep running costs low.',
  ].join(' ');
  const tail = 'save Lakeside Aquatic Centre time and money with its advanced cleaning system, smart navigation, energy efficiency and easy maintenance.';
  function check(draft: string) {
    return checkerOver('email.txt', source).checkDraft(draft, 'plaintext')[0];
  }
  it('keeps the claim from being supported and names the negation', () => {
    const draft = `The Brightwater robot cannot ${tail}`;
    const r = check(draft);
    assert.strictEqual(r.verdict, 'unsupported', r.reason);
    assert.match(r.reason, /no source says 'cannot save'/);
    assert.ok(r.signals.some((s) => s.kind === 'negation' && draft.slice(s.start, s.end) === 'cannot save'));
  });
  it('the same claim without the negation is supported', () => {
    assert.strictEqual(check(`The Brightwater robot can ${tail}`).verdict, 'supported');
  });
  it('a sentence drawn from two sources is supported by the two together, citing both', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The charges against the former mayor include bribery, fraud and misconduct in public office. The trial is due to last six weeks.');
    index.addFile('b.txt', 'The council leader spoke to reporters on Monday. The former mayor pleads not guilty to all of the charges.');
    index.addFile('c.txt', 'Parking charges in the town centre will rise in April.');
    const checker = createChecker(index);
    const [r] = checker.checkDraft(
      'The charges against the former mayor include bribery, fraud and misconduct in public office, and he has pleaded not guilty.',
      'plaintext',
    );
    assert.equal(r.verdict, 'supported', r.reason);
    assert.deepEqual([...new Set(r.evidence.map((e) => e.source))].sort(), ['a.txt', 'b.txt']);
    // without the other source the plea is not carried
    const one = new SourceIndex();
    one.addFile('a.txt', 'The charges against the former mayor include bribery, fraud and misconduct in public office. The trial is due to last six weeks.');
    assert.notEqual(
      createChecker(one).checkDraft(
        'The charges against the former mayor include bribery, fraud and misconduct in public office, and he has pleaded not guilty.',
        'plaintext',
      )[0].verdict,
      'supported',
    );
  });
  it('a name taken from another source must stand there in the same context', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The head of the inquiry panel, Maria Lopes, said it had not been shown that the club broke the rules.');
    index.addFile('b.txt', '"We will wait for the final report," said league chairman Pedro Alves on Friday, adding that the club had been told.');
    const checker = createChecker(index);
    const [r] = checker.checkDraft('The head of the inquiry panel, Pedro Alves, said it had not been shown that the club broke the rules.', 'plaintext');
    assert.notEqual(r.verdict, 'supported', JSON.stringify(r.evidence.map((e) => e.quote)));
  });
  it('a date in the same slot is contradicted even where the rest of the claim is reworded', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The airline came out of bankruptcy protection in 2011, and is now owned by a Dutch group.');
    index.addFile('b.txt', 'The bank reported higher profits in 2010. A new chief executive was named in the spring. The group owns two hotels.');
    index.addFile('c.txt', 'Trains to the coast were cancelled on Monday. Passengers were told to travel by bus.');
    const checker = createChecker(index);
    const [r] = checker.checkDraft('The airline came out of bankruptcy protection in 2012 and is now owned by a Dutch investor.', 'plaintext');
    assert.equal(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /2012.*2011/);
  });
  it('a date whose anchors stand four or five words away is in the same slot: "having first won for Lights in 2009"', () => {
    const index = new SourceIndex();
    index.addFile(
      'a.txt',
      'Instead, Marlow took her second title for best singer after winning for Lights in 2007. The show ran late and the hall was full. ' +
        'Critics said the night was long. The host thanked the band and the crew. Tickets sold out in a day. A new venue opens next year.',
    );
    const [r] = createChecker(index).checkDraft('Marlow took her second title as top singer, having first won for Lights in 2009.', 'plaintext');
    assert.equal(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /2009.*2007/);
  });
  it('an honorific before a name the evidence carries is no gap: never "no source carries \'Ms\'"', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The party chairman Petra Lomax hoped the new group would fail within a year. The vote was held in May.');
    index.addFile('b.txt', 'Trains to the coast were cancelled on Monday. Passengers were told to travel by bus.');
    const [r] = createChecker(index).checkDraft('Ms Lomax has predicted that the breakaway group will fail within a year.', 'plaintext');
    assert.equal(r.verdict, 'unsupported', r.reason);
    assert.ok(!r.signals.some((s) => /'Ms'/.test(s.message)), JSON.stringify(r.signals));
    assert.ok(
      r.signals.some((s) => /breakaway/.test(s.message)),
      JSON.stringify(r.signals),
    );
  });
  it('a negation of the act of a name both sides give right before it is red at the plain gate: "Orbix will not continue to supply"', () => {
    const index = new SourceIndex();
    index.addFile(
      'a.txt',
      'The two firms will unwind their joint ventures, but Orbix will keep supplying gearboxes and the money will cut its debt. ' +
        'Shares rose 4% in early trading. The deal was signed in Turin on Sunday. Analysts said the price was fair.',
    );
    const checker = createChecker(index);
    const [r] = checker.checkDraft('However, Orbix will not continue to supply gearboxes once the partnership is formally dissolved next spring.', 'plaintext');
    assert.equal(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /negation/);
    // no name right before the act: the plain gate holds
    const [n] = checker.checkDraft(
      'However, the firm will not continue to supply gearboxes once the partnership is formally dissolved next spring.',
      'plaintext',
    );
    assert.notEqual(n.verdict, 'contradicted', n.reason);
  });
  it('one clash, one finding: two signals on the same words give one', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The former chief executive denied he frequently met the finance director to discuss the accounts.');
    index.addFile('b.txt', 'The trial is expected to last two months. The jury was selected on Monday.');
    const [r] = createChecker(index).checkDraft(
      'The former chief executive admitted he frequently met the finance director to discuss the accounts.',
      'plaintext',
    );
    assert.equal(r.verdict, 'contradicted', r.reason);
    const spans = r.signals.filter((s) => s.effect === 'contradicts').map((s) => [s.start, s.end]);
    for (let i = 0; i < spans.length; i++)
      for (let j = i + 1; j < spans.length; j++) assert.ok(spans[i][1] <= spans[j][0] || spans[j][1] <= spans[i][0], JSON.stringify(r.signals));
  });
});

describe('a detector that throws', () => {
  const thrower: SignalDetector = {
    kind: 'date',
    description: 'throws on every input',
    detect() {
      throw new Error('boom');
    },
  };
  const source = 'The city council approved 12 new schools for the northern district in March.';
  const claim = 'The city council approved 15 new schools for the northern district in March.';
  // in a one-sentence index the number outweighs every other word: the gate is lowered, as above

  it('costs its own findings only: the check goes on, and the result notes the failure', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', source);
    const checker = createChecker(index, { detectors: [thrower, number], contradictionGate: 0.2 });
    const [r] = checker.checkDraft(claim, 'plaintext');
    assert.strictEqual(r.verdict, 'contradicted');
    assert.ok(r.signals.some((s) => s.kind === 'number'));
    assert.deepStrictEqual(r.notes, ['signal date failed: boom']);
    // a cached result keeps its note
    assert.deepStrictEqual(checker.checkDraft(claim, 'plaintext')[0].notes, ['signal date failed: boom']);
  });

  it('leaves no note when every detector runs', () => {
    const index = new SourceIndex();
    index.addFile('a.txt', source);
    const [r] = createChecker(index, { detectors: [number], contradictionGate: 0.2 }).checkDraft(claim, 'plaintext');
    assert.strictEqual(r.verdict, 'contradicted');
    assert.strictEqual(r.notes, undefined);
  });
});

describe('checker: a negation another source carries', () => {
  it('joins the other source’s sentence that itself carries the negation, before any other', () => {
    const index = new SourceIndex();
    index.addFile(
      'indictment.txt',
      'Her indictment lists charges of bribery, fraud and obstructing officials. If found guilty, Ms Kaur could face ten years in jail.',
    );
    index.addFile(
      'trial.txt',
      'Ms Kaur is on trial in Leeds for bribery. A council witness, Mr Boyd, has already pleaded guilty to bribery and fraud charges. She pleads not guilty.',
    );
    const [r] = createChecker(index).checkDraft(
      'Her indictment lists charges of bribery, fraud and obstructing officials, and she has pleaded not guilty.',
      'plaintext',
    );
    assert.strictEqual(r.verdict, 'supported', r.reason);
    assert.ok(
      r.evidence.some((e) => e.quote === 'She pleads not guilty.'),
      JSON.stringify(r.evidence.map((e) => e.quote)),
    );
  });
});
