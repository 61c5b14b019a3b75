import * as assert from 'node:assert';
import { draftStatements } from '../../server/src/engine/draft';
import { worthiness } from '../../server/src/engine/worthiness';
import { hoverMarkdown } from '../../server/src/hover';
import { createChecker, SourceIndex } from '../../server/src/engine';

/** The skip reason of the one statement of a plain-text draft (undefined: checked). */
function skipOf(sentence: string): string | undefined {
  const { statements } = draftStatements(sentence, 'plaintext');
  assert.strictEqual(statements.length, 1, `one statement: ${statements.map((s) => s.text).join(' | ')}`);
  return statements[0].skip;
}

/** What is checked of the one statement: its prose with masked spans dropped. */
function checkedOf(sentence: string): string {
  const { statements } = draftStatements(sentence, 'plaintext');
  assert.strictEqual(statements.length, 1);
  assert.strictEqual(statements[0].skip, undefined, `checked: ${sentence}`);
  assert.strictEqual(statements[0].prose.length, statements[0].text.length, 'masking keeps offsets');
  return statements[0].prose.replace(/\s+/g, ' ').trim();
}

describe('Check-worthiness', () => {
  describe('bylines', () => {
    it('skips bylines with a name and a role, a desk or a place', () => {
      for (const s of [
        'By Petra Lindqvist, BBC News',
        'By Tomasz Wrona, health correspondent',
        'By Maeve O’Connell, rugby league correspondent, Headingley',
        'By Ana de la Cruz and Colm Byrne',
        'By our political staff',
        'By our correspondent in Lisbon',
        'By a staff reporter',
        'Additional reporting by Hamid Rahimi',
      ]) {
        assert.strictEqual(skipOf(s), 'byline', s);
      }
    });

    it('skips a Markdown byline in emphasis, and checks the sentence after it', () => {
      const md = '# A headline for the story\n\n*By Petra Lindqvist, science reporter*\n\nThe museum reopened on Monday after a two-year refit.';
      const st = draftStatements(md, 'markdown').statements;
      assert.deepStrictEqual(
        st.map((s) => [s.text, s.skip]),
        [
          ['A headline for the story', 'heading'],
          ['By Petra Lindqvist, science reporter', 'byline'],
          ['The museum reopened on Monday after a two-year refit.', undefined],
        ],
      );
    });

    it('checks sentences that begin with "By" and a time or a name doing something', () => {
      for (const s of [
        'By Tuesday, the council had spent £3m on the scheme.',
        'By March 2021 the waiting list had doubled.',
        'By Christmas Eve, more than 400 families had been rehoused.',
        'By the end of the year the factory employed 1,200 people.',
        'By Friday the ferry operator had cancelled 30 sailings.',
      ]) {
        assert.strictEqual(skipOf(s), undefined, s);
      }
    });
  });

  describe('datelines', () => {
    it('skips a dateline on its own', () => {
      assert.strictEqual(skipOf('OSLO (Reuters) -'), 'dateline');
      assert.strictEqual(worthiness('Cork, 14 June -').skip, 'dateline');
    });

    it('masks a dateline before a sentence and checks the rest', () => {
      assert.strictEqual(checkedOf('OSLO (Reuters) - The central bank raised its main rate to 4.5%.'), 'The central bank raised its main rate to 4.5%.');
      assert.strictEqual(checkedOf('Cork, 14 June - The harbour board approved the new terminal.'), 'The harbour board approved the new terminal.');
      assert.strictEqual(checkedOf('NEW YORK, June 3 (AP) — Shares in the retailer fell sharply.'), 'Shares in the retailer fell sharply.');
      assert.strictEqual(checkedOf('MADRID — Thousands of teachers marched through the capital.'), 'Thousands of teachers marched through the capital.');
    });

    it('an all-capitals headline with a dash is no dateline', () => {
      const { statements } = draftStatements('BARLEY EXPORTS SEEN LOWER - MINISTRY', 'plaintext');
      assert.notStrictEqual(statements[0].skip, 'dateline');
      assert.strictEqual(statements[0].prose, statements[0].text, 'nothing masked');
    });

    it('leaves an acronym before a dash alone', () => {
      assert.strictEqual(checkedOf('NATO - The alliance said it would send 300 more troops.'), 'NATO - The alliance said it would send 300 more troops.');
    });
  });

  describe('questions', () => {
    it('skips a question, and a quoted question nobody is said to have asked', () => {
      assert.strictEqual(skipOf('Will the bridge reopen before winter?'), 'question');
      assert.strictEqual(skipOf('"Will the bridge reopen before winter?"'), 'question');
      assert.strictEqual(skipOf('Why, she asks, did nobody "check the cables"?'), 'question');
    });
    it('checks a question the statement reports someone asking: a claim about what was said', () => {
      assert.strictEqual(skipOf('The engineer then asked the inspector: "Why were the cables never replaced?"'), undefined);
      assert.strictEqual(skipOf('“Who signed this off?” the chairman demanded at the hearing.'), undefined);
    });
  });

  describe('opinion and evaluation', () => {
    it('skips first-person opinion with no checkable fact, naming the frame', () => {
      assert.strictEqual(skipOf('I doubt the truce will last.'), 'opinion ("I doubt")');
      assert.strictEqual(skipOf('I think the plan is deeply flawed.'), 'opinion ("I think")');
      assert.strictEqual(skipOf('In my view, the decision was a mistake.'), 'opinion ("In my view")');
      assert.strictEqual(skipOf('We believe it could still go either way.'), 'opinion ("We believe")');
      assert.strictEqual(skipOf('The ruling was, in my view, a disgrace.'), 'opinion ("in my view")');
      assert.strictEqual(skipOf('I hope the players enjoy it.'), 'opinion ("I hope")');
      assert.strictEqual(skipOf('I would love to see Harlow Town promoted next season.'), 'opinion ("I would love")');
    });

    it('skips a stated preference, whatever it names, and checks a first-person fact', () => {
      assert.strictEqual(skipOf('I love the old tram depot on Mill Lane.'), 'opinion ("I love")');
      assert.strictEqual(skipOf('Yeah, I really enjoy the Saturday market in Corbridge.'), 'opinion ("Yeah, I really enjoy")');
      assert.strictEqual(skipOf('I visited the depot on Tuesday.'), undefined);
    });

    it('skips evaluations and rhetorical sentences with nothing to check', () => {
      assert.strictEqual(skipOf('It was a shameful decision.'), 'evaluation with no checkable fact ("shameful")');
      assert.strictEqual(skipOf('This is simply nonsense.'), 'evaluation with no checkable fact ("nonsense")');
      assert.strictEqual(skipOf('Only time will tell.'), 'rhetorical ("Only time will tell")');
      assert.strictEqual(skipOf('What a comeback that was!'), 'rhetorical ("What a")');
      assert.strictEqual(skipOf('How lovely it was to be back!'), 'rhetorical ("How lovely it")');
    });

    it('checks the fact inside an opinion frame, without the frame', () => {
      assert.strictEqual(checkedOf('I think the council spent £3m on consultants.'), 'the council spent £3m on consultants.');
      assert.strictEqual(checkedOf('In my view, Harlow Town sold the stadium in 2019.'), 'Harlow Town sold the stadium in 2019.');
      assert.strictEqual(checkedOf('I believe the library has closed its doors for good.'), 'the library has closed its doors for good.');
      assert.strictEqual(checkedOf('The trust, in my view, cut 40 posts last year.'), 'The trust cut 40 posts last year.');
    });

    it('checks reported opinion and quoted opinion: they are claims about what someone said', () => {
      for (const s of [
        'Ms Okafor said she thought the plan was deeply flawed.',
        '"I think the plan is deeply flawed," Ms Okafor said.',
        '“I doubt it will last,” the union leader told reporters.',
        'The minister said it was a shameful decision.',
        'Mr Varga believes the deal will collapse.',
        'It was the first time the club had been relegated.',
        'This was the third recall of the model in 2024.',
        'I think about the 300 families who lost their homes in the flood every day.',
        'We believe the merger will create value for shareholders, the company said.',
        'It was a shameful decision, the opposition leader told the chamber.',
        'This was the best result since records began.',
        'By Monday the mayor had resigned.',
        'How much it will cost the county is open to question.',
        'Reporting by the agency shows that 40 vessels were seized.',
        'Research by Dr Okafor shows that tenants are moving out.',
        'I think those rules slowed the runners, and in fact Ms Adeyemi told her coach she could not breathe.',
      ]) {
        const { statements } = draftStatements(s, 'plaintext');
        assert.strictEqual(statements.length, 1, s);
        assert.strictEqual(statements[0].skip, undefined, s);
        assert.strictEqual(statements[0].prose, statements[0].text, `nothing masked: ${s}`);
      }
    });

    it('the hover of a skipped statement gives the reason, and the checker checks the fact', () => {
      const index = new SourceIndex();
      index.addFile(
        'a.txt',
        'The council spent £3m on consultants last year, its accounts show. The library on the high street closed in June. The council cut 25 jobs in its planning department. The mayor opened a new swimming pool.',
      );
      index.addFile('b.txt', 'Teachers in the county voted to strike over pay. The bus company cut three routes.');
      const checker = createChecker(index);
      const [opinion, fact, byline] = checker.checkDraft(
        'I doubt the truce will last.\n\nI think the council spent £3m on consultants.\n\nBy Petra Lindqvist, BBC News',
        'markdown',
      );
      assert.strictEqual(opinion.verdict, 'skipped');
      assert.match(hoverMarkdown(opinion), /skipped\*\*: opinion \("I doubt"\)/);
      assert.strictEqual(fact.verdict, 'supported', fact.reason);
      assert.match(hoverMarkdown(fact), /_Checked without "I think": not part of the claim\._/);
      assert.doesNotMatch(hoverMarkdown(opinion), /Checked without/);
      assert.strictEqual(byline.verdict, 'skipped');
      assert.match(hoverMarkdown(byline), /Not checked: byline\./);
      const [clash] = checker.checkDraft('I think the council cut 40 jobs in its planning department.', 'markdown');
      assert.strictEqual(clash.verdict, 'contradicted', clash.reason);
    });
  });
});
