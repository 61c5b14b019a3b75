/** Test helper: a SignalInput from two strings, with a simple lemma/synonym alignment. */
import { analyze } from '../../../server/src/engine/text';
import { areSynonyms } from '../../../server/src/engine/lexicon';
import type { SignalDetector, SignalFinding, SignalInput, Span } from '../../../server/src/engine/types';

export function makeInput(claim: string, evidence: string): SignalInput {
  const c = analyze(claim);
  const e = analyze(evidence);
  const used = new Set<number>();
  const alignment: number[] = c.tokens.map(() => -1);
  let content = 0;
  let aligned = 0;
  for (let i = 0; i < c.tokens.length; i++) {
    const t = c.tokens[i];
    if (t.stop || (t.kind !== 'word' && t.kind !== 'number')) continue;
    content++;
    let best = -1;
    for (let j = 0; j < e.tokens.length && best < 0; j++) {
      if (!used.has(j) && e.tokens[j].lemma === t.lemma) best = j;
    }
    for (let j = 0; j < e.tokens.length && best < 0; j++) {
      const u = e.tokens[j];
      if (!used.has(j) && !u.stop && u.kind === 'word' && areSynonyms(t.lemma, u.lemma)) best = j;
    }
    if (best >= 0) {
      used.add(best);
      alignment[i] = best;
      aligned++;
    }
  }
  return { claim: c, evidence: e, alignment, coverage: content ? aligned / content : 0 };
}

export function run(detector: SignalDetector, claim: string, evidence: string): SignalFinding[] {
  return detector.detect(makeInput(claim, evidence));
}

export function text(s: string, sp: Span | undefined): string | undefined {
  return sp ? s.slice(sp.start, sp.end) : undefined;
}
