/**
 * The confidence per verdict (engine/confidence.ts) and what corroborate.minConfidence does with it:
 * findings below it are held back, and the hover, the report and the CLI's outputs say so.
 */
import * as assert from 'node:assert';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';
import { LineIndex } from '../../server/src/engine/positions';
import {
  confidenceModel,
  FEATURE_KINDS,
  confidenceFeatures,
  confidenceOf,
  confidenceWord,
  contributions,
  resultConfidence,
  withConfidence,
  type ConfidenceModel,
} from '../../server/src/engine/confidence';
import { draftFindings, findingsOf, HELD_BACK, shownResults } from '../../server/src/engine/findings';
import type { ClaimResult } from '../../server/src/engine/types';
import { hoverMarkdown } from '../../server/src/hover';
import { reportMarkdown } from '../../server/src/report';
import { normalizeSettings } from '../../server/src/workspace/config';
import { withProjectFile } from '../../server/src/workspace/projectFile';
import { parseArgs } from '../../server/src/cli';
import { formatText } from '../../server/src/format/text';
import { formatSarif } from '../../server/src/format/sarif';
import { toJsonReport } from '../../server/src/format/report';
import { calibration, fitLogistic, fitMapping, precisionAt, type Example } from '../../scripts/calibration';

const SOURCE =
  'The council will spend 12 million pounds on the new buses, a spokesman said. The first buses arrive in 2027. ' +
  'The city council approved 40 new buses for the northern district in May. The mayor said the buses would run on electricity.';
const NUMBER = 'The council will spend 21 million pounds on the new buses, a spokesman said.';
const SAME = 'The city council approved 40 new buses for the northern district in May.';
const NEGATED = 'The mayor did not say the buses would run on electricity.';
const STRAY = 'A famous painter opened a gallery beside the harbour.';
const TRAMS = 'The mayor said the new trams would carry bicycles on weekends and holidays.';
const DRAFT = `${NUMBER} ${SAME}\n\n${NEGATED}\n\n${STRAY} ${TRAMS}\n`;

function check(text = DRAFT): { results: ClaimResult[]; lines: LineIndex } {
  const index = new SourceIndex();
  index.addFile('council.txt', SOURCE);
  return { results: createChecker(index).checkDraft(text, 'plaintext'), lines: new LineIndex(text) };
}

const byText = (rs: ClaimResult[], t: string) => rs.find((r) => r.text === t)!;

describe('confidence per verdict', () => {
  it('every checked statement has a confidence in 0..1 and named features; the verdicts are as before', () => {
    const { results } = check();
    assert.strictEqual(byText(results, NUMBER).verdict, 'contradicted');
    assert.strictEqual(byText(results, SAME).verdict, 'supported');
    assert.strictEqual(byText(results, NEGATED).verdict, 'contradicted');
    assert.strictEqual(byText(results, TRAMS).verdict, 'unsupported');
    for (const r of results) {
      if (r.verdict === 'skipped') {
        assert.strictEqual(r.confidence, undefined);
        continue;
      }
      // the statement no source sentence shares words with is decided before the end of verify: its confidence is read off the result
      if (r.text === STRAY) {
        assert.strictEqual(r.confidence, undefined);
        const c = resultConfidence(r)!;
        assert.ok(c >= 0 && c <= 1, String(c));
        continue;
      }
      assert.ok(typeof r.confidence === 'number' && r.confidence >= 0 && r.confidence <= 1, `${r.text}: ${r.confidence}`);
      const f = r.confidenceFeatures!;
      assert.ok(
        Object.keys(f).some((k) => k.startsWith('kind:')),
        Object.keys(f).join(','),
      );
      for (const [k, v] of Object.entries(f)) assert.ok(Number.isFinite(v) && v >= -1 && v <= 1, `${k}=${v}`);
    }
    const num = byText(results, NUMBER).confidenceFeatures!;
    assert.strictEqual(num['kind:number'], 1);
    assert.strictEqual(num.number, 1);
    assert.ok(num.strength > 0.5, String(num.strength));
  });

  it('the model: sigmoid of bias plus weighted features; the mapping per kind; the constant for any other kind', () => {
    const logistic: ConfidenceModel = { type: 'logistic', logistic: { contradicted: { bias: 0, weights: { strength: 2, quote: -1 } } } };
    assert.ok(Math.abs(confidenceOf('contradicted', { strength: 1, quote: 1 }, logistic) - 1 / (1 + Math.exp(-1))) < 1e-9);
    assert.strictEqual(confidenceOf('contradicted', {}, logistic), 0.5);
    const mapping: ConfidenceModel = { type: 'mapping', mapping: { unsupported: { coverage: 0.55, '*': 0.8 } } };
    assert.strictEqual(confidenceOf('unsupported', { 'kind:coverage': 1 }, mapping), 0.55);
    assert.strictEqual(confidenceOf('unsupported', { 'kind:entity': 1 }, mapping), 0.8);
    assert.deepStrictEqual(
      contributions('contradicted', { strength: 1, quote: 1, length: 0.5 }, logistic).map((c) => c.name),
      ['strength', 'quote'],
    );
    assert.deepStrictEqual([confidenceWord(0.9), confidenceWord(0.7), confidenceWord(0.3)], ['high', 'medium', 'low']);
  });

  it('with a model that weighs clash strength and margin, a verbatim number clash rates above a narrow coverage-only unsupported', () => {
    const { results } = check();
    const num = byText(results, NUMBER);
    const narrow: ClaimResult = {
      text: 'The mayor said the buses would run on electricity and carry bicycles.',
      start: 0,
      end: 69,
      verdict: 'unsupported',
      score: 0.7,
      reason: '',
      evidence: [],
      signals: [{ kind: 'coverage', effect: 'unsupported', message: "no source carries 'bicycles'", start: 60, end: 68 }],
    };
    const model: ConfidenceModel = {
      type: 'logistic',
      logistic: { contradicted: { bias: 0, weights: { strength: 2, sourceWords: 1 } }, unsupported: { bias: 1, weights: { margin: -2 } } },
    };
    const a = withConfidence({ ...num, confidence: undefined }, { strength: num.confidenceFeatures!.strength }, model).confidence!;
    const b = withConfidence(narrow, { support: 0.7, supportGate: 0.72 }, model).confidence!;
    assert.ok(a > b, `${a} > ${b}`);
    // and the features read off the result alone: the narrow one's margin is just below the gate
    assert.ok(confidenceFeatures(narrow, { support: 0.7, supportGate: 0.72 }).margin > -0.1);
  });
});

describe('corroborate.minConfidence', () => {
  it('0 (the default) shows every finding, each with its confidence', () => {
    const { results, lines } = check();
    const all = draftFindings(results, lines);
    assert.deepStrictEqual(draftFindings(results, lines, { minConfidence: 0 }), all);
    assert.ok(all.some((f) => f.code === 'number') && all.some((f) => f.code === 'negation'), all.map((f) => f.code).join(','));
    for (const f of all) assert.ok(f.confidence !== undefined && f.confidence >= 0 && f.confidence <= 1);
  });

  it('hides the findings of a statement below it; the statement shows as held back, with the verdict it had', () => {
    // a model that tells the two contradictions apart (the shipped one may give every contradiction one share)
    const model: ConfidenceModel = { type: 'logistic', logistic: { contradicted: { bias: -1, weights: { strength: 3, sourceWords: 0.5, coverage: 1 } } } };
    const checked = check();
    const lines = checked.lines;
    const results = checked.results.map((r) =>
      r.verdict === 'contradicted' ? withConfidence({ ...r, confidence: undefined }, { strength: r.confidenceFeatures?.strength }, model) : r,
    );
    const neg = byText(results, NEGATED);
    const num = byText(results, NUMBER);
    const between = (Math.min(neg.confidence!, num.confidence!) + Math.max(neg.confidence!, num.confidence!)) / 2;
    assert.ok(neg.confidence !== num.confidence, 'the two contradictions have different confidences');
    const low = neg.confidence! < num.confidence! ? neg : num;
    const high = low === neg ? num : neg;
    const kept = draftFindings(results, lines, { minConfidence: between });
    assert.ok(!kept.some((f) => f.claim.text === low.text), 'the less confident one is held back');
    assert.ok(
      kept.some((f) => f.claim.text === high.text),
      'the more confident one stays',
    );
    assert.deepStrictEqual(findingsOf(low, lines, { minConfidence: between }), []);
    const shown = shownResults(results, lines, { minConfidence: between });
    const held = byText(shown, low.text);
    assert.strictEqual(held.verdict, 'skipped');
    assert.ok(held.reason.startsWith(`${HELD_BACK}: confidence ${low.confidence!.toFixed(2)} is below minConfidence`), held.reason);
    assert.ok(held.reason.includes(`was contradicted`), held.reason);
    assert.strictEqual(byText(shown, high.text).verdict, 'contradicted');
    // 1 holds back every finding
    assert.deepStrictEqual(draftFindings(results, lines, { minConfidence: 1 }), []);
  });

  it('the hover gives the confidence and its weightiest features, and says when a finding is held back', () => {
    const { results } = check();
    const neg = byText(results, NEGATED);
    const md = hoverMarkdown(neg);
    assert.match(md, /^\*\*Corroborate: ✗ contradicted, (high|medium|low) confidence \(0\.\d\d\)\*\*/);
    // what the confidence rests on, as the shipped model has it: its weightiest features, or the measured share
    assert.match(
      md,
      confidenceModel().logistic?.contradicted ? /_Confidence 0\.\d\d; weighing most: / : /_Confidence 0\.\d\d: the share of contradicted verdicts/,
    );
    assert.ok(!md.includes('Held back'));
    const held = hoverMarkdown(neg, { minConfidence: 1 });
    assert.ok(held.includes(`Held back: its confidence ${neg.confidence!.toFixed(2)} is below corroborate.minConfidence (1)`), held);
    assert.ok(hoverMarkdown(neg, { minConfidence: neg.confidence! / 2 }).includes('Held back') === false);
    // every checked statement's hover says what its confidence rests on
    for (const r of results) {
      if (r.verdict === 'skipped' || !r.confidenceFeatures) continue;
      assert.match(
        hoverMarkdown(r),
        /_Confidence 0\.\d\d(; weighing most: .+|: the share of \w+ verdicts( decided by \w+)? that were right on the development sets)\._/,
        r.text,
      );
    }
  });

  it('the report rates each statement and counts the held-back ones', () => {
    const { results, lines } = check();
    const opts = { minConfidence: 1 };
    const md = reportMarkdown('draft', shownResults(results, lines, opts), {
      lineOf: (o) => lines.position(o).line,
      findings: draftFindings(results, lines, opts),
    });
    const held = results.filter((r) => r.verdict === 'contradicted' || r.verdict === 'unsupported').length;
    assert.ok(md.includes(`${held} statements held back`), md);
    assert.match(md, /## \d+\. supported, (high|medium|low) confidence \(0\.\d\d\)/);
    assert.ok(md.includes('held back: confidence'), md);
  });

  it('the CLI outputs: JSON confidence and heldBack, SARIF properties and rank, a text line for the held back', () => {
    const { results, lines } = check();
    const file = { path: 'draft.txt', text: DRAFT, results };
    const json = toJsonReport([file]);
    const neg = json.files[0].claims.find((c) => c.text === NEGATED)!;
    assert.strictEqual(neg.confidence, byText(results, NEGATED).confidence);
    assert.strictEqual(neg.heldBack, undefined);
    const shown = { ...file, results: shownResults(results, lines, { minConfidence: 1 }) };
    const heldJson = toJsonReport([shown], { minConfidence: 1 }).files[0].claims.find((c) => c.text === NEGATED)!;
    assert.strictEqual(heldJson.verdict, 'skipped');
    assert.strictEqual(heldJson.heldBack, true);
    const sarif = JSON.parse(formatSarif([file]));
    for (const r of sarif.runs[0].results) {
      assert.ok(r.properties.confidence >= 0 && r.properties.confidence <= 1);
      assert.ok(r.rank >= 0 && r.rank <= 100);
    }
    assert.ok(!formatText([file]).includes('held back'), 'no line about it by default');
    assert.match(formatText([shown], { minConfidence: 1 }), /\n\d+ of the skipped statements were held back: verdict confidence below minConfidence 1 /);
  });

  it('is read from the settings, .corroborate.json and --min-confidence, 0..1 only', () => {
    assert.strictEqual(normalizeSettings({}).minConfidence, 0);
    assert.strictEqual(normalizeSettings({ minConfidence: 0.7 }).minConfidence, 0.7);
    for (const bad of [1.5, -0.1, 'high', null, Number.NaN]) assert.strictEqual(normalizeSettings({ minConfidence: bad }).minConfidence, 0, String(bad));
    assert.strictEqual(withProjectFile(normalizeSettings({ minConfidence: 0.2 }), { minConfidence: 0.6 }).minConfidence, 0.6);
    const parsed = parseArgs(['check', 'draft.md', '--min-confidence', '0.75']);
    assert.ok(parsed.kind === 'check' && parsed.options.minConfidence === 0.75);
    const eq = parseArgs(['check', 'draft.md', '--min-confidence=1']);
    assert.ok(eq.kind === 'check' && eq.options.minConfidence === 1);
    for (const bad of ['2', 'x', '-0.5', ''])
      assert.throws(() => parseArgs(['check', 'draft.md', `--min-confidence=${bad}`]), /--min-confidence needs a number from 0 to 1/);
  });
});

describe('the committed weights (confidence-weights.json)', () => {
  it('name only features the engine computes, with finite weights and shares in 0..1', () => {
    const m = confidenceModel();
    assert.ok(m.type === 'logistic' || m.type === 'mapping');
    const known = new Set<string>([
      'coverage',
      'signals',
      'specificSignals',
      'evidence',
      'evidenceScore2',
      'strength',
      'margin',
      'sourceWords',
      'quote',
      'number',
      'name',
      'length',
      'gapShare',
      'aboveGate',
    ]);
    for (const k of [...FEATURE_KINDS, 'none', 'other']) known.add(`kind:${k}`);
    const { results } = check();
    for (const r of results) for (const k of Object.keys(r.confidenceFeatures ?? {})) assert.ok(known.has(k), `feature ${k} is listed here`);
    for (const [v, lm] of Object.entries(m.logistic ?? {}) as [string, { bias: number; weights: Record<string, number> }][]) {
      assert.ok(Number.isFinite(lm.bias), v);
      for (const [k, w] of Object.entries(lm.weights)) assert.ok(known.has(k) && Number.isFinite(w), `${v}: ${k}=${w}`);
    }
    for (const [v, table] of Object.entries(m.mapping ?? {})) {
      for (const [k, p] of Object.entries(table!))
        assert.ok((k === '*' || FEATURE_KINDS.includes(k as never) || k === 'none') && p >= 0 && p <= 1, `${v}: ${k}=${p}`);
    }
    assert.ok(m.trainedOn && m.trainedOn.length > 1, 'written by npm run train, naming its sets');
  });
});

describe('npm run train: fitting and measuring', () => {
  const ex = (set: string, x: number, correct: boolean): Example => ({
    set,
    verdict: 'contradicted',
    features: { strength: x },
    correct,
    kind: x > 0.5 ? 'number' : 'negation',
  });
  // strength 1: right 9 times in 10; strength 0: right 1 time in 10 (two sets)
  const xs: Example[] = [];
  for (const set of ['a', 'b']) for (let i = 0; i < 10; i++) xs.push(ex(set, 1, i < 9), ex(set, 0, i < 1));

  it('a logistic regression learns that the feature predicts a right verdict', () => {
    const m = fitLogistic(xs, { steps: 3000, rate: 1, l2: 0 });
    assert.ok(m.weights.strength > 2, JSON.stringify(m));
    const p1 = 1 / (1 + Math.exp(-(m.bias + m.weights.strength)));
    const p0 = 1 / (1 + Math.exp(-m.bias));
    assert.ok(Math.abs(p1 - 0.9) < 0.03 && Math.abs(p0 - 0.1) < 0.03, `${p1} ${p0}`);
  });

  it('the mapping is the smoothed share right per kind', () => {
    const m = fitMapping(xs);
    assert.strictEqual(m.number, Math.round(((18 + 1) / (20 + 2)) * 1000) / 1000);
    assert.strictEqual(m.negation, Math.round(((2 + 1) / (20 + 2)) * 1000) / 1000);
  });

  it('Brier score, calibration error and precision at thresholds', () => {
    const c = calibration([1, 0, 0.5, 0.5], [true, false, true, false]);
    assert.ok(Math.abs(c.brier - 0.125) < 1e-9, String(c.brier));
    assert.strictEqual(c.ece, 0);
    assert.strictEqual(c.buckets[5].n, 2);
    const at = precisionAt([0.9, 0.8, 0.3], [true, false, true], [0, 0.5, 0.85]);
    assert.deepStrictEqual(
      at.map((a) => [a.kept, a.precision, a.rightKept]),
      [
        [3, 2 / 3, 1],
        [2, 0.5, 0.5],
        [1, 1, 0.5],
      ],
    );
  });
});
