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

  it('reads a single line break inside a paragraph as a space (hard-wrapped and extracted text)', () => {
    const text =
      'The harbour board kept the old tariff in force under the\n' +
      'Northern Shipping Accord until the spring, when the two\n' +
      'ports agreed on a new schedule. The pilots were not\n' +
      'consulted.\n\nA second paragraph starts here.';
    assert.deepStrictEqual(sentences(text), [
      'The harbour board kept the old tariff in force under the\nNorthern Shipping Accord until the spring, when the two\nports agreed on a new schedule.',
      'The pilots were not\nconsulted.',
      'A second paragraph starts here.',
    ]);
  });

  it('still ends a sentence at a headline line, a list item and a Markdown heading', () => {
    assert.deepStrictEqual(sentences('Harbour Fees Rise Again\nThe board voted on Tuesday.'), ['Harbour Fees Rise Again', 'The board voted on Tuesday.']);
    // a sentence-case headline: the next line is long enough that its first word would have fitted
    assert.deepStrictEqual(sentences('Pilots object to new fees\nThe harbour board voted on Tuesday to raise the fees by a third.'), [
      'Pilots object to new fees',
      'The harbour board voted on Tuesday to raise the fees by a third.',
    ]);
    assert.deepStrictEqual(sentences('The board listed three changes\n- Fees rise by a third\n- Pilots pay less\n1. Start in May'), [
      'The board listed three changes',
      '- Fees rise by a third',
      '- Pilots pay less',
      '1. Start in May',
    ]);
    assert.deepStrictEqual(sentences('# Harbour fees\nThe board voted.'), ['# Harbour fees', 'The board voted.']);
  });

  it('ends a wrapped sentence whose line ends in a period or a closing quote', () => {
    assert.deepStrictEqual(sentences('The pilot said "we will strike."\nThe board met later.'), ['The pilot said "we will strike."', 'The board met later.']);
    // ... but not at an abbreviation at the end of the line
    assert.deepStrictEqual(sentences('The talks were led by Dr.\nMorrow of the port authority.'), ['The talks were led by Dr.\nMorrow of the port authority.']);
  });

  it('does not end a sentence at Co., Corp., Inc. or Ltd. before a name or a lower-case word, but does before a sentence opener', () => {
    assert.deepStrictEqual(sentences('An analyst at Hollis Brothers and Co. said the fees would rise.'), [
      'An analyst at Hollis Brothers and Co. said the fees would rise.',
    ]);
    assert.deepStrictEqual(sentences('Marlow Freight Corp. Chairman Ada Quist spoke first.'), ['Marlow Freight Corp. Chairman Ada Quist spoke first.']);
    assert.deepStrictEqual(sentences('The port was sold to Marlow Freight Ltd.\nsaid a spokesman.'), [
      'The port was sold to Marlow Freight Ltd.\nsaid a spokesman.',
    ]);
    assert.deepStrictEqual(sentences('The port was sold to Marlow Freight Inc. The deal closed in May.'), [
      'The port was sold to Marlow Freight Inc.',
      'The deal closed in May.',
    ]);
  });
});

describe('segment: tokenised text', () => {
  it('a stop with a space before it ends a sentence whatever case follows', () => {
    const text = 'the ferry left at noon . the crew said the sea was calm .';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end).trim());
    assert.deepStrictEqual(spans, ['the ferry left at noon .', 'the crew said the sea was calm .']);
  });
  it('an abbreviation before a lower-case word still does not', () => {
    const text = 'Kidder Peabody and Co. said on Monday it would close.';
    assert.strictEqual(splitSentences(text).length, 1);
  });
});
