/**
 * Predicate: the claim's main verbs must be carried by the evidence. A claim whose names and nouns all match
 * but whose verb the evidence does not carry ("Smith won the final" against "Smith lost the final", "the
 * board will sell the plant" against "the board inspected the plant") is not supported, however rare the
 * matching names are: under IDF a common verb weighs a few per cent of the claim, so without this check "sales
 * fell" against "sales jumped" reads as mostly carried.
 *
 * The verbs come from part-of-speech tags (engine/pos.ts). Reporting verbs ("said", "told"), the copula and
 * light verbs ("be", "have", "make") carry no event of their own and are not required; nor verbs inside a
 * quotation (the quote signals speak for those). A verb is carried when coverage aligned it (same lemma,
 * stem or a lexicon relation).
 *
 * Replaceable: any tagger that marks verbs gives the same interface; the check runs on the best evidence only
 * and never contradicts (a reversal is the antonym signal's, a hedge the modality signal's).
 */
import type { Analyzed, SignalFinding, Span } from '../types';
import { posTags } from '../pos';
import { quoted } from './util';
import { knob } from '../knob';

export const kind = 'predicate';

export const description = 'The source sentences found do not carry any of the statement’s main verbs';

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  /**
   * Measured on the dev sets (npm run eval), 1.5 against 1 and 2: begin balanced 85.5 / 86.2 / 86.0, WiCE 75.4 /
   * 75.8 / 75.8, SummEdits 61.5 / 60.2 / 60.2, Climate-FEVER 3-way 47.6 / 46.4 / 45.9.
   */
  weightFloor: knob(1.5, "A main verb weighs at least this many times the claim's mean content word (IDF) in coverage", 'higher: fewer supported', {
    step: 0.25,
  }),
};

/** Verbs that carry no event of their own: reporting, the copula, auxiliaries used as main verbs, light verbs. */
const NOT_PREDICATES = new Set([
  'be',
  'have',
  'do',
  'say',
  'tell',
  'add',
  'report',
  'state',
  'note',
  'according',
  'accord',
  'write',
  'ask',
  'think',
  'believe',
  'expect',
  'get',
  'make',
  'let',
  'seem',
  'appear',
  'become',
  'mean',
  'include',
  'go',
]);

/** The claim's content verbs that count as predicates (not reporting verbs, the copula or light verbs). */
function predicateIndices(claim: Analyzed, content: number[]): number[] {
  const tags = posTags(claim);
  return content.filter((i) => tags[i] === 'VERB' && !NOT_PREDICATES.has(claim.tokens[i].lemma) && !NOT_PREDICATES.has(claim.tokens[i].lower));
}

/**
 * The claim's content verbs when the evidence carries none of them, each as an 'unsupported' finding on the
 * verb (none when one is carried). The checker asks this of evidence spread over several sentences, where
 * names and nouns gathered from all over a document can reach the support gate without the event itself.
 * `content` are the claim's content token indices, `map` the alignment to the evidence, `quotes` the claim's
 * quotations (verbs inside are left to the quote signals), `carried` claim tokens counted as carried otherwise.
 */
export function uncarriedPredicates(claim: Analyzed, content: number[], map: number[], quotes: Span[], carried?: Set<number>): SignalFinding[] {
  const verbs = predicateIndices(claim, content).filter((i) => !quotes.some((q) => claim.tokens[i].start >= q.start && claim.tokens[i].end <= q.end));
  // one of its verbs carried, the claim's event is in the evidence: the others may be paraphrase
  // ("refused to redraft" for "will not be re-drafted")
  if (verbs.some((i) => map[i] >= 0 || carried?.has(i))) return [];
  return verbs.map((i) => {
    const t = claim.tokens[i];
    return {
      kind: 'predicate',
      effect: 'unsupported',
      message: `predicate: none of the source sentences found carries ${quoted(t.text)}`,
      claimSpan: { start: t.start, end: t.end },
      strength: 0.6,
    };
  });
}

/** Lemmas of the claim's content verbs that count as predicates (those inside quotations too): they weigh more in coverage. */
export function predicateLemmas(claim: Analyzed, content: number[]): Set<string> {
  return new Set(predicateIndices(claim, content).map((i) => claim.tokens[i].lemma));
}
