import * as assert from 'node:assert';
import { splitSentences } from '../../server/src/engine/segment';
import { LineIndex } from '../../server/src/engine/positions';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('sentence segmentation', () => {
  it('does not break after abbreviations, titles, months or initials', () => {
    assert.deepStrictEqual(sentences('Dr. Smith met the U.S. ambassador on Jan. 5. J. R. R. Tolkien wrote books.'), [
      'Dr. Smith met the U.S. ambassador on Jan. 5.',
      'J. R. R. Tolkien wrote books.',
    ]);
  });

  it('does not break a case name after "v."', () => {
    assert.deepStrictEqual(sentences('Brown v. Board of Education of Topeka was a landmark case. It was decided in 1954.'), [
      'Brown v. Board of Education of Topeka was a landmark case.',
      'It was decided in 1954.',
    ]);
  });
  it('keeps decimals and quotations inside one sentence', () => {
    assert.deepStrictEqual(sentences('Prices rose 3.5% in May. He said "Stop. Now." and left. Then it ended.'), [
      'Prices rose 3.5% in May.',
      'He said "Stop. Now." and left.',
      'Then it ended.',
    ]);
  });

  it('ends a sentence at ! and ? and a closing quote', () => {
    assert.deepStrictEqual(sentences('“We will win.” She said it twice! Did they?'), ['“We will win.”', 'She said it twice!', 'Did they?']);
  });

  it('gives exact offsets with CRLF, emoji and astral characters', () => {
    const text = 'First 😀 line here.\r\nSecond 𝒳 sentence.\r\n\r\nThird one';
    const spans = splitSentences(text);
    assert.deepStrictEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['First 😀 line here.', 'Second 𝒳 sentence.', 'Third one'],
    );
    const li = new LineIndex(text);
    assert.deepStrictEqual(li.position(spans[1].start), { line: 1, character: 0 });
    assert.deepStrictEqual(li.position(spans[2].start), { line: 3, character: 0 });
    // the emoji is two UTF-16 code units, as LSP counts
    assert.deepStrictEqual(li.position(text.indexOf('line')), { line: 0, character: 9 });
  });

  it('treats a headline line and a blank line as boundaries', () => {
    assert.deepStrictEqual(sentences('Markets Rally On Rate Hopes\n\nShares rose on Monday. Bonds fell'), [
      'Markets Rally On Rate Hopes',
      'Shares rose on Monday.',
      'Bonds fell',
    ]);
  });

  it('stays linear on pathological punctuation', () => {
    const text = '.'.repeat(20000) + ' ' + '('.repeat(10000) + ' "never closed ' + 'word '.repeat(20000);
    const t0 = Date.now();
    const spans = splitSentences(text);
    assert.ok(Date.now() - t0 < 1000);
    for (const s of spans) assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
  });
});
