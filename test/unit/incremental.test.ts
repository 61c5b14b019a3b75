import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { draftStatements } from '../../server/src/engine/draft';

const REPO = path.join(__dirname, '../../..');
const SEED = path.join(REPO, 'seeds/us-india-defense-partnership.txt');
const DRAFT = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8');

function seeded() {
  const index = new SourceIndex();
  index.addFile('seeds/us-india-defense-partnership.txt', fs.readFileSync(SEED, 'utf8'));
  return index;
}

function checkable(text: string): number {
  return draftStatements(text, 'markdown').statements.filter((s) => !s.skip).length;
}

describe('incremental checking', () => {
  it('an edit re-verifies only the statement it touched, and equals a fresh full check', () => {
    const index = seeded();
    const checker = createChecker(index);
    checker.checkDraft(DRAFT, 'markdown');
    const n = checkable(DRAFT);
    assert.ok(n >= 8, String(n));
    assert.strictEqual(checker.cacheMisses, n);

    const edits: [string, string][] = [
      ['signed a binding agreement', 'signed a preliminary agreement'],
      ['jet engine technology', 'jet engine and radar technology'],
      ['a dangerous provocation', 'a welcome step'],
    ];
    let text = DRAFT;
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      const hits = checker.cacheHits;
      const misses = checker.cacheMisses;
      const incremental = checker.checkDraft(text, 'markdown');
      assert.strictEqual(checker.cacheMisses - misses, 1, `only the edited statement is verified again (${from})`);
      assert.strictEqual(checker.cacheHits - hits, checkable(text) - 1);
      const fresh = createChecker(index).checkDraft(text, 'markdown');
      assert.deepStrictEqual(incremental, fresh);
    }
  });

  it('moved statements keep their verdicts with shifted offsets (no re-verification)', () => {
    const index = seeded();
    const checker = createChecker(index);
    checker.checkDraft(DRAFT, 'markdown');
    const misses = checker.cacheMisses;
    const text = 'Is this a question?\n\n' + DRAFT.replace('## The view from Moscow', '## The view from Moscow, again');
    const incremental = checker.checkDraft(text, 'markdown');
    assert.strictEqual(checker.cacheMisses - misses, 0);
    assert.deepStrictEqual(incremental, createChecker(index).checkDraft(text, 'markdown'));
    for (const r of incremental) assert.strictEqual(text.slice(r.start, r.end), r.text);
  });

  it('a change of the index (new generation) re-verifies everything, and equals a fresh check', () => {
    const index = seeded();
    const checker = createChecker(index);
    checker.checkDraft(DRAFT, 'markdown');
    const misses = checker.cacheMisses;
    index.addFile('seeds/extra.txt', 'The United States and India signed a binding agreement in 2023.');
    const after = checker.checkDraft(DRAFT, 'markdown');
    assert.strictEqual(checker.cacheMisses - misses, checkable(DRAFT));
    assert.deepStrictEqual(after, createChecker(index).checkDraft(DRAFT, 'markdown'));
  });
});
