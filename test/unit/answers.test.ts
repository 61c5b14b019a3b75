import * as assert from 'node:assert';
import { answerPolarity, asksQuestion, reportedAnswer } from '../../server/src/engine/answers';
import { applyPolicyOverrides } from '../../server/src/engine/policy';
import { checkerAmongNews } from './checkerOver';

describe('answers: a reported question and its answer', () => {
  it("finds the draft's elliptical answer after a reported question, and its polarity", () => {
    const claim = 'Asked by counsel whether he had ever seen the memo, Mr Hale said he had.';
    const a = reportedAnswer(claim)!;
    assert.strictEqual(claim.slice(a.span.start, a.span.end), 'said he had');
    assert.strictEqual(a.negative, false);
    assert.strictEqual(reportedAnswer('Asked if the plant would close, the manager said it would not.')!.negative, true);
    assert.strictEqual(reportedAnswer("Asked if she had signed it, Ms Orr told the BBC she hadn't.")!.negative, true);
    // no question, or no elliptical answer: nothing to compare
    assert.strictEqual(reportedAnswer('Mr Hale said he had seen the memo.'), undefined);
    assert.strictEqual(reportedAnswer('Asked whether he had seen the memo, Mr Hale said he had seen it in May.'), undefined);
  });
  it('tells a question sentence, and reads an answer that opens with its polarity', () => {
    assert.ok(asksQuestion('Counsel asked Mr Hale if he had ever seen the memo.'));
    assert.ok(asksQuestion('"Did you ever see the memo?" counsel pressed.'));
    assert.ok(!asksQuestion('Mr Hale saw the memo in May.'));
    assert.deepStrictEqual(answerPolarity('"Not that I recall," Mr Hale replied.'), { negative: true, words: 'Not that I recall' });
    assert.deepStrictEqual(answerPolarity('"Yes, twice," he said.'), { negative: false, words: 'Yes, twice' });
    assert.strictEqual(answerPolarity('"I will look into it," he said.'), undefined);
    assert.strictEqual(answerPolarity('He did not answer.'), undefined);
  });

  const source =
    'At the inquiry on Tuesday, counsel for the families asked Mr Hale if he had ever seen the safety memo before the fire. ' +
    '"Not that I recall," Mr Hale replied. The inquiry continues next week.';
  const check = (text: string) => checkerAmongNews({ 'inquiry.txt': source }).checkDraft(text, 'plaintext')[0];
  const claim = 'Asked by counsel whether he had ever seen the safety memo before the fire, Mr Hale said he had.';
  it("an answer reversed is contradicted, squiggled on the answer, and the message quotes the source's", () => {
    const r = check(claim);
    assert.strictEqual(r.verdict, 'contradicted', r.reason);
    assert.strictEqual(r.reason, "negation: the draft says 'said he had', the source's answer is 'Not that I recall'");
    const s = r.signals.find((x) => x.effect === 'contradicts')!;
    assert.strictEqual(claim.slice(s.start - r.start, s.end - r.start), 'said he had');
    assert.match(r.evidence[0].quote, /Not that I recall/);
  });
  it('the answer as the source gives it is no clash', () => {
    assert.notStrictEqual(check(claim.replace('said he had.', 'said he had not.')).verdict, 'contradicted');
  });
  it('with checker.reportedAnswers off, the question sentence alone supports the reversed answer', () => {
    applyPolicyOverrides({ 'checker.reportedAnswers': false });
    try {
      assert.strictEqual(check(claim).verdict, 'supported');
    } finally {
      applyPolicyOverrides({ 'checker.reportedAnswers': true });
    }
  });
});
