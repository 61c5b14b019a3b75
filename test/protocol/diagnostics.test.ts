/** The pure conversion layer of the server: verdicts to diagnostics and hovers, without a process. */
import * as assert from 'node:assert/strict';
import { LineIndex, type ClaimResult } from '../../server/src/engine';
import { toDiagnostics, type DiagnosticData } from '../../server/src/diagnostics';
import { hoverMarkdown } from '../../server/src/hover';

const DRAFT = 'Intro. The army bought 300 tanks and signed a deal.';
const claimText = 'The army bought 300 tanks and signed a deal.';
const start = DRAFT.indexOf(claimText);
const quote = 'The army bought 30 tanks and could sign a deal.';
const evidence = [
  {
    source: '/src/a.txt',
    start: 0,
    end: quote.length,
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: quote.length } },
    quote,
    score: 0.9,
    relation: 'contradicts' as const,
    sentenceIds: [7],
  },
];

function claim(signals: ClaimResult['signals']): ClaimResult {
  return {
    text: claimText,
    start,
    end: start + claimText.length,
    verdict: 'contradicted',
    score: 0.9,
    reason: 'number: the draft says 300, the source says 30',
    evidence,
    signals,
  };
}

describe('diagnostics conversion (pure)', () => {
  const at = (w: string) => ({ start: DRAFT.indexOf(w), end: DRAFT.indexOf(w) + w.length });
  it('puts one error per clash on the clashing words, with code, link, citation and a replacement', () => {
    const ds = toDiagnostics(
      [
        claim([
          { kind: 'number', effect: 'contradicts', message: 'number: the draft says 300, the source says 30', ...at('300'), evidence: 0, sourceWords: '30' },
          {
            kind: 'modality',
            effect: 'contradicts',
            message: "the draft says 'signed' as settled, the source says 'could'",
            ...at('signed a deal'),
            evidence: 0,
            sourceWords: 'could',
          },
        ]),
      ],
      new LineIndex(DRAFT),
    );
    assert.equal(ds.length, 2);
    const [num, mod] = ds;
    assert.equal(num.severity, 1);
    assert.equal(num.code, 'number');
    assert.equal(num.message, 'contradicted: number: the draft says 300, the source says 30');
    assert.deepEqual(num.range, { start: { line: 0, character: DRAFT.indexOf('300') }, end: { line: 0, character: DRAFT.indexOf('300') + 3 } });
    assert.deepEqual(num.relatedInformation, [{ location: { uri: 'file:///src/a.txt', range: evidence[0].range }, message: quote }]);
    assert.deepEqual((num.data as DiagnosticData).replace, { range: num.range, newText: '30' });
    assert.equal(mod.code, 'modality');
    assert.equal((mod.data as DiagnosticData).replace, undefined, 'modality words are no drop-in replacement');
  });

  it('hides fingerprinted findings and applies severity overrides', () => {
    const c = claim([{ kind: 'number', effect: 'contradicts', message: 'm', ...at('300'), evidence: 0, sourceWords: '30' }]);
    assert.equal(toDiagnostics([c], new LineIndex(DRAFT), { severity: { number: 'off' } }).length, 0);
    assert.equal(toDiagnostics([c], new LineIndex(DRAFT), { severity: { contradicted: 'information' } })[0].severity, 3);
    assert.equal(toDiagnostics([c], new LineIndex(DRAFT), { hidden: new Set([`number:${claimText}`]) }).length, 0);
  });

  it('hovers with the quote verbatim, a line link and the deciding signal', () => {
    const md = hoverMarkdown(
      claim([
        { kind: 'number', effect: 'contradicts', message: 'number: the draft says 300, the source says 30', ...at('300'), evidence: 0, sourceWords: '30' },
      ]),
    );
    assert.ok(md.includes(`> ${quote}`));
    assert.ok(md.includes('[a.txt:5](file:///src/a.txt#L5)'));
    assert.ok(md.includes('**number**: the draft says 300, the source says 30'));
  });
});
