/**
 * Antonyms and opposing verbs (WordNet '!' pairs plus the curated list in lexicon.ts): "prices rose" against
 * "prices fell". Fires only when the opposing word sits in the same place between aligned neighbours and the
 * rest of the claim is well covered; a negation on exactly one side turns the pair into agreement.
 */
import type { SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { areAntonyms } from '../lexicon';
import { isNegationCue } from './negation';
import { isClauseBreak, quoted } from './util';

export const MIN_COVERAGE = 0.5;

/**
 * Pairs that describe a different participant or state rather than the opposite of the same event
 * ("a man" / "a woman", "black" / "white", "sitting" / "standing"): the source is about something
 * else, so the draft's word is unsupported, not contradicted (SICK's annotators judge these neutral).
 */
const CONTRAST_GROUPS = [
  ['man', 'woman', 'boy', 'girl', 'male', 'female', 'husband', 'wife', 'king', 'queen', 'father', 'mother', 'son', 'daughter', 'brother', 'sister', 'gentleman', 'lady'],
  ['black', 'white', 'red', 'blue', 'green', 'yellow', 'brown', 'gray', 'grey', 'pink', 'purple', 'orange', 'dark', 'light'],
  ['sit', 'stand', 'lie', 'run', 'walk', 'kneel', 'sitting', 'standing', 'lying', 'running', 'walking'],
  ['big', 'small', 'large', 'little', 'tall', 'short', 'huge', 'tiny'],
  ['old', 'young', 'new'],
  ['left', 'right'],
  ['inside', 'outside', 'indoors', 'outdoors'],
  ['wet', 'dry'],
  ['quickly', 'slowly', 'fast', 'slow'],
];
const CONTRAST = new Map<string, number>();
CONTRAST_GROUPS.forEach((g, i) => g.forEach((w) => CONTRAST.set(w, i)));

function contrastOnly(a: Token, b: Token): boolean {
  const ga = CONTRAST.get(a.lemma) ?? CONTRAST.get(a.lower);
  const gb = CONTRAST.get(b.lemma) ?? CONTRAST.get(b.lower);
  return ga !== undefined && ga === gb;
}

function opposite(a: Token, b: Token): boolean {
  if (a.kind !== 'word' || b.kind !== 'word') return false;
  if (a.lemma === b.lemma || a.lower === b.lower) return false;
  return areAntonyms(a.lemma, b.lemma) || areAntonyms(a.lower, b.lower) || areAntonyms(a.lemma, b.lower) || areAntonyms(a.lower, b.lemma);
}

function negated(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (isClauseBreak(tokens[k])) return false;
    if (isNegationCue(tokens[k])) return true;
  }
  return false;
}

/** Evidence window [lo, hi] where the counterpart of claim token i should be, from aligned neighbours. */
function window(input: SignalInput, i: number): [number, number] | undefined {
  const al = input.alignment;
  let before = -1;
  let after = -1;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) if ((al[k] ?? -1) >= 0) { before = al[k]; break; }
  for (let k = i + 1; k < al.length && k <= i + 4; k++) if ((al[k] ?? -1) >= 0) { after = al[k]; break; }
  if (before < 0 && after < 0) return undefined;
  if (before >= 0 && after >= 0 && after > before) return [before + 1, after - 1];
  if (before >= 0) return [before + 1, before + 4];
  return [Math.max(0, after - 4), after - 1];
}

export const antonym: SignalDetector = {
  kind: 'antonym',
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    try {
      if (input.coverage < MIN_COVERAGE) return out;
      const ct = input.claim.tokens;
      const et = input.evidence.tokens;
      for (let i = 0; i < ct.length; i++) {
        const c = ct[i];
        if (c.kind !== 'word' || (input.alignment[i] ?? -1) >= 0) continue;
        if (c.lower.length < 2 || c.stop) continue; // function words (all/some, more/less) belong to other signals
        const w = window(input, i);
        if (!w) continue;
        for (let j = Math.max(0, w[0]); j <= w[1] && j < et.length; j++) {
          const e = et[j];
          if (e.stop || !opposite(c, e)) continue;
          if (negated(ct, i) !== negated(et, j)) continue; // "did not rise" vs "fell": agreement
          const contrast = contrastOnly(c, e);
          out.push({
            kind: 'antonym',
            effect: contrast ? 'unsupported' : 'contradicts',
            message: contrast
              ? `the draft says ${quoted(c.text)} where the source says ${quoted(e.text)}`
              : `antonym: the draft says ${quoted(c.text)}, the source says ${quoted(e.text)}`,
            claimSpan: { start: c.start, end: c.end },
            evidenceSpan: { start: e.start, end: e.end },
            strength: 0.4 + 0.5 * input.coverage,
          });
          break;
        }
      }
    } catch {
      return [];
    }
    return out;
  },
};
