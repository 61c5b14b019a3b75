import * as assert from 'node:assert';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { aliasesResolved, roleReferences } from '../../server/src/engine/roles';
import { analyze } from '../../server/src/engine/text';

function folder(files: Record<string, string>): SourceIndex {
  const index = new SourceIndex();
  for (const [name, text] of Object.entries(files)) index.addFile(name, text);
  return index;
}

const APPOSITION = 'Labour leader Ann Jones opened the debate on the housing plan on Tuesday evening.';
const STATEMENT = 'Ms Jones said the council would build 400 homes on the old airfield by 2030.';
const DRAFT = 'The Labour leader said the council would build 400 homes on the old airfield by 2030.';

describe("roles: descriptive references resolved by the sources' appositions", () => {
  it('"the Labour leader" is the person a source calls "Labour leader Ann Jones"', () => {
    const refs = roleReferences(folder({ 'a.txt': APPOSITION }), analyze(DRAFT));
    assert.deepStrictEqual(
      refs.map((r) => r.surname),
      ['jones'],
    );
    const t = analyze(DRAFT).tokens;
    assert.deepStrictEqual(
      refs[0].tokens.map((k) => t[k].text),
      ['Labour', 'leader'],
    );
  });
  it('reads "Ann Jones, the Labour leader," too', () => {
    const refs = roleReferences(folder({ 'a.txt': 'The debate was opened by Ann Jones, the Labour leader, on Tuesday.' }), analyze(DRAFT));
    assert.deepStrictEqual(
      refs.map((r) => r.surname),
      ['jones'],
    );
  });
  it('a role the sources give to two people, or a named role, resolves to no one', () => {
    const two = folder({ 'a.txt': APPOSITION, 'c.txt': 'Former Labour leader Tom Reed backed the housing plan at the meeting.' });
    assert.deepStrictEqual(roleReferences(two, analyze(DRAFT)), []);
    assert.deepStrictEqual(roleReferences(folder({ 'a.txt': APPOSITION }), analyze('Labour leader Ann Jones spoke first.')), []);
  });
  it('a sentence that names Ms Jones carries "the Labour leader" when a source gives her that role', () => {
    const [r] = createChecker(folder({ 'a.txt': APPOSITION, 'b.txt': STATEMENT })).checkDraft(DRAFT, 'plaintext');
    assert.strictEqual(r.verdict, 'supported', `${r.reason} ${JSON.stringify(r.signals)}`);
    assert.strictEqual(r.evidence[0].source, 'b.txt');
  });
  it('without the apposition in scope, or with the role given to someone else, it is not carried', () => {
    const alone = createChecker(folder({ 'a.txt': APPOSITION, 'b.txt': STATEMENT })).checkDraft(DRAFT, 'plaintext', new Set(['b.txt']))[0];
    assert.notStrictEqual(alone.verdict, 'supported', alone.reason);
    const other = folder({ 'a.txt': 'Labour leader Tom Reed opened the debate on the housing plan on Tuesday evening.', 'b.txt': STATEMENT });
    const [r] = createChecker(other).checkDraft(DRAFT, 'plaintext');
    assert.notStrictEqual(r.verdict, 'supported', r.reason);
  });
  it("the Labour leader's words given by the source to another person still clash", () => {
    const index = folder({ 'a.txt': APPOSITION, 'b.txt': 'Mr Reed said the council would build 400 homes on the old airfield by 2030.' });
    const [r] = createChecker(index).checkDraft(DRAFT, 'plaintext');
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
    assert.match(r.reason, /Mr Reed/);
  });
  describe('a full name against a surname', () => {
    const FULL = 'Ann Jones, who chairs the planning committee, opened the debate on Tuesday.';
    const NAMED = 'Ann Jones said the council would build 400 homes on the old airfield by 2030.';
    it('"Ann Jones" is carried by "Ms Jones said" when the sources name one Jones, in full', () => {
      const [r] = createChecker(folder({ 'a.txt': FULL, 'b.txt': STATEMENT })).checkDraft(NAMED, 'plaintext');
      assert.strictEqual(r.verdict, 'supported', `${r.reason} ${JSON.stringify(r.signals)}`);
    });
    it('not when the sources name two people called Jones, or never give her first name', () => {
      const two = folder({ 'a.txt': FULL, 'b.txt': STATEMENT, 'c.txt': 'Peter Jones, a farmer, objected to the plan at the meeting.' });
      assert.notStrictEqual(createChecker(two).checkDraft(NAMED, 'plaintext')[0].verdict, 'supported');
      const never = folder({ 'b.txt': STATEMENT, 'd.txt': 'The planning committee met on Tuesday.' });
      assert.notStrictEqual(createChecker(never).checkDraft(NAMED, 'plaintext')[0].verdict, 'supported');
    });
  });
  it('an honorific the source does not write is neither missing nor absent: "Mr Okafor" against "said Okafor"', () => {
    const index = folder({ 'a.txt': 'The council has not yet received the full survey of the old bridge, said Okafor, the county engineer.' });
    const [r] = createChecker(index).checkDraft('Mr Okafor said the council has not yet received the full survey of the old bridge.', 'plaintext');
    assert.strictEqual(r.verdict, 'supported', `${r.reason} ${JSON.stringify(r.signals)}`);
    // the name itself is still needed
    const [other] = createChecker(index).checkDraft('Mr Brennan said the council has not yet received the full survey of the old bridge.', 'plaintext');
    assert.notStrictEqual(other.verdict, 'supported', other.reason);
  });
  it('"According to Mr Okafor, ..." is carried by "..., said Okafor": the same attribution in house style', () => {
    const index = folder({ 'a.txt': 'The council has not yet received the full survey of the old bridge, said Okafor, the county engineer.' });
    const [r] = createChecker(index).checkDraft('According to Mr Okafor, the council has not yet received the full survey of the old bridge.', 'plaintext');
    assert.strictEqual(r.verdict, 'supported', `${r.reason} ${JSON.stringify(r.signals)}`);
    const [other] = createChecker(index).checkDraft(
      'According to Mr Brennan, the council has not yet received the full survey of the old bridge.',
      'plaintext',
    );
    assert.notStrictEqual(other.verdict, 'supported', other.reason);
  });
});

describe('roles: a name under another alias', () => {
  it('"the Academy Awards" is carried by "the Oscars"; one-word names ("Moscow" / "Russia") are not taken for each other', () => {
    const claim = analyze("The film beat its rival to the top prizes at Sunday's Academy Awards.");
    const ev = analyze('The film beat its rival to the top awards at the Oscars on Sunday.');
    const got = [...aliasesResolved(claim, ev)].map((k) => claim.tokens[k].text);
    assert.deepEqual(got, ['Academy', 'Awards']);
    assert.deepEqual([...aliasesResolved(analyze('They met outside the Moscow embassy.'), analyze('They met outside the Russia embassy.'))], []);
  });
});
