/**
 * Reported answers. A draft often gives a question and its answer in one sentence ("Asked whether he had
 * ever seen the memo, Mr Hale said he had"), where the source puts the question in one sentence and the
 * answer in the next ("... asked Mr Hale if he had seen the memo." / "'Not that I recall,' Mr Hale replied.").
 * The question sentence carries every word of the draft's sentence, so coverage alone would support it
 * whichever way the answer went. This module finds the draft's elliptical answer and its polarity, tells a
 * source sentence that reports a question, and reads the polarity of the answer that follows it. Pure: text
 * in, plain data out; the checker looks up the sentences after the question (Checker.answerClash).
 */
import type { Span } from './types';

export interface ReportedAnswer {
  /** the answer's words in the claim ("said he had") */
  span: Span;
  /** the answer is negative ("said he had not") */
  negative: boolean;
}

/** "Asked whether ...", "asked if ...", "when asked ...": the claim reports a question. */
const QUESTION_FRAME = /\b(?:asked|questioned|pressed)\b[^.?!]*?\b(?:whether|if)\b/i;

/** An elliptical answer closing the sentence: "said he had", "replied that she would not", "said it wasn't". */
const ELLIPTICAL =
  /\b(?:said|says|replied|replies|answered|answers|admitted|admits|insisted|insists|confirmed|confirms|told\s+(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*|told\s+(?:him|her|them|the\s+\w+))\s+(?:that\s+)?(?:he|she|they|it|I|we|there)\s+(?:had|did|was|were|would|could|has|have|is|are|will|can|does|do)(n['’]t|\s+not|\s+never)?\s*[.!]?["”’]?\s*$/iu;

/** The claim's reported answer to a reported question, if it gives one in elliptical form. */
export function reportedAnswer(claim: string): ReportedAnswer | undefined {
  const q = QUESTION_FRAME.exec(claim);
  if (!q) return undefined;
  const m = ELLIPTICAL.exec(claim);
  if (!m || m.index < q.index + q[0].length) return undefined;
  const text = m[0].replace(/[\s.!"”’]+$/u, '');
  return { span: { start: m.index, end: m.index + text.length }, negative: !!m[1] };
}

/** A source sentence that reports a question put to someone ("he asked Mr Hale if ...", "... ?" quoted). */
export function asksQuestion(sentence: string): boolean {
  return /\b(?:asked|questioned|pressed)\b[^.]*\b(?:whether|if)\b/i.test(sentence) || /\?["”’]/u.test(sentence) || /\?\s*$/.test(sentence.trim());
}

/**
 * The polarity of an answer sentence: a quotation that opens with "No", "Not", "Never" ("Not that I am aware
 * of," he replied) is negative, one that opens with "Yes", "I did", "Of course" positive; any other sentence,
 * or one that is itself a question, gives none.
 */
export function answerPolarity(sentence: string): { negative: boolean; words: string } | undefined {
  const s = sentence.trim();
  const quote = /^["“‘']\s*([^"”’]{1,200})["”’]/u.exec(s);
  if (!quote) return undefined;
  const words = quote[1].replace(/[,.!\s]+$/u, '');
  if (/\?\s*$/.test(words)) return undefined;
  if (/^(?:no|nope|not|never|none|no\s+one|nobody|absolutely\s+not|certainly\s+not|of\s+course\s+not)\b/i.test(words)) return { negative: true, words };
  if (/^(?:yes|yeah|yep|of\s+course|certainly|absolutely|correct|that['’]s\s+right|i\s+did|i\s+have|i\s+was|i\s+do)\b/i.test(words))
    return { negative: false, words };
  return undefined;
}
