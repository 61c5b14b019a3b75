/**
 * Negation and polarity: "is not playing" against "is playing", "does not cause" against "causes".
 * A negation cue scopes over the next content word (its head). The head must be aligned to the evidence,
 * and the evidence must lack a cue before its counterpart (or the other way round). Negation words alone
 * are a biased cue, so this only fires when the rest of the claim is well covered.
 */
import { posTags } from '../pos';
import type { Analyzed, SignalDetector, SignalFinding, SignalInput, Span, Token } from '../types';
import { areSynonyms } from '../lexicon';
import { findQuotes } from './quote';
import { isCapitalized, isClauseBreak, isContent, quoted, reverseAlignment, words } from './util';
import { knob } from '../knob';

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.5, 'Coverage a candidate needs before a negation on one side only is a clash', 'higher: fewer negation findings'),
};

const CUE_WORDS = new Set(['not', 'no', 'never', 'cannot', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'nor']);
/** verbs that negate their complement: "failed to sign", "refused to approve", "denied having" */
const CUE_VERBS = new Set(['fail', 'refuse', 'deny', 'decline']);
/** quantifier words the quantifier detector compares instead */
const QUANTIFIERS = new Set(['some', 'all', 'every', 'each', 'many', 'most', 'several', 'few', 'any']);

/**
 * A negation word: "not", "never", "no", "-n't", a negating verb ("failed to"); given the tokens around it, also
 * the "yet" of "has yet to sign", "is yet to decide" (not signed, not decided).
 */
export function isNegationCue(t: Token, tokens?: Token[], i?: number): boolean {
  if (t.kind !== 'word') return false;
  if (CUE_WORDS.has(t.lower)) return true;
  if (t.lower === 'yet' && tokens && i !== undefined && tokens[i + 1]?.lower === 'to' && /^(has|have|had|is|are|was|were|'s)$/.test(tokens[i - 1]?.lower ?? ''))
    return true;
  if (t.lower.endsWith("n't")) return true;
  return CUE_VERBS.has(t.lemma);
}

/** A cue verb negates only when it governs a verb or clause ("failed to sign", "denied that"), not as a noun ("a decline in"). */
function cueVerbGoverns(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  // "not only X but also Y", "not just", "not merely": additive, no negation
  if (t.lower === 'not' && /^(only|just|merely|simply)$/.test(tokens[i + 1]?.lower ?? '')) return false;
  // "was not popularised until the 1930s", "did not arrive until Tuesday": when it happened, not that it did not
  if (/^(not|never)$/.test(t.lower) || t.lower.endsWith("n't")) {
    for (let k = i + 1; k < tokens.length && k <= i + 8; k++) {
      if (isClauseBreak(tokens[k])) break;
      if (/^(until|till)$/.test(tokens[k].lower)) return false;
    }
  }
  // "nothing but boxer shorts", "none but the brave": only that, no negation
  if (
    /^(nothing|none|nobody|no)$/.test(t.lower) &&
    ((t.lower !== 'no' && tokens[i + 1]?.lower === 'but') || (t.lower === 'no' && tokens[i + 1]?.lower === 'one' && tokens[i + 2]?.lower === 'but'))
  )
    return false;
  // "no more than a parody", "no fewer than ten": a bound on an amount ("just", "at least"), no negation
  if (/^(no|not)$/.test(t.lower) && /^(more|less|fewer|greater|later|earlier)$/.test(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'than')
    return false;
  if (!CUE_VERBS.has(t.lemma) || CUE_WORDS.has(t.lower) || t.lower.endsWith("n't")) return true;
  // "cannot deny that", "did not refuse": a negated negative verb asserts (double negation)
  if (precededByCue(tokens, i)) return false;
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.lower === 'to' || next.lower === 'that') return true;
  if (/^(the|an|a)$/.test(next.lower) && CHANCE.has(tokens[i + 2]?.lemma ?? '') && tokens[i + 3]?.lower === 'to') return true;
  // "denied the report", "refused the offer", "denies knowing": a verb form followed by its object or a clause;
  // not "deny Smith a try", "refused him entry" (a person given something: no negation of a statement)
  if (t.lemma !== 'deny' && t.lemma !== 'refuse') return false;
  if (t.lower === t.lemma + 's' && t.lower !== 'denies' && t.lower !== 'refuses') return false;
  if (/^(in|of|for)$/.test(next.lower)) return false;
  if (isCapitalized(next) || /^(him|her|them|me|us|you)$/.test(next.lower)) return false;
  return true;
}

/** A negation cue one or two words before token i ("cannot deny", "did not fail to", "never refused"). */
function precededByCue(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const t = tokens[k];
    if (isClauseBreak(t)) return false;
    if (t.kind === 'word' && (CUE_WORDS.has(t.lower) || t.lower.endsWith("n't"))) return true;
  }
  return false;
}

/**
 * Nouns and verbs that carry a negation of their own: "a failure to respect" carries "failed to respect",
 * "lack" carries "do not have". They make a negation present for the checks below; they never raise a clash.
 */
const LEXICAL_NEGATIVES = new Set([
  'failure',
  'refusal',
  'denial',
  'lack',
  'absence',
  'unable',
  'unwilling',
  'inability',
  'reluctant',
  // verbs of refusing: "spurned TV replays" carries "declined to use TV replays"
  'spurn',
  'spurned',
  'shun',
  'shunned',
  'snub',
  'snubbed',
  'rebuff',
  'rebuffed',
  // "resisted calls to publish" carries "refused to publish"
  'resist',
  'resisted',
]);

function isNegativeWord(t: Token, tokens?: Token[], i?: number): boolean {
  return isNegationCue(t, tokens, i) || (t.kind === 'word' && (LEXICAL_NEGATIVES.has(t.lemma) || LEXICAL_NEGATIVES.has(t.lower)));
}

/**
 * Does `other` state a negation at the place where `side` has the cue at index i? True when `other` has a
 * negative word (a cue, or "failure", "lack", ...) with a content word within a few tokens of it that is
 * aligned to a content word within a few tokens of the cue: "would not harm the bid" and "would not affect
 * the bid", "decided not to make a complaint" and "decided not to complain", "a failure to respect".
 * `toOther` maps side's token indices to other's (the alignment or its reverse).
 */
export function negationNear(side: Analyzed, i: number, other: Analyzed, toOther: (k: number) => number[]): boolean {
  const st = side.tokens;
  const ot = other.tokens;
  const cues: number[] = [];
  for (let j = 0; j < ot.length; j++) {
    if (isNegativeWord(ot[j], ot, j)) cues.push(j);
    else {
      const that = rejectedClaimAt(ot, j);
      if (that >= 0) cues.push(that);
    }
  }
  if (!cues.length) return false;
  // a word after the cue must meet a word after the other's negative, a word before it one before
  for (let k = Math.max(0, i - 3); k <= Math.min(st.length - 1, i + 4); k++) {
    if (k === i || !isContent(st[k])) continue;
    const after = k > i;
    for (const j of toOther(k)) {
      if (j < 0) continue;
      if (cues.some((c) => (after ? j > c && j <= c + 5 : j < c && j >= c - 3))) return true;
    }
  }
  return false;
}

/**
 * Verbs that deny a statement put to someone: "rejects a suggestion that he had told", "dismissed claims that"
 * ("deny" is a negation cue of its own).
 */
const REJECTING = new Set(['reject', 'dismiss', 'refute', 'rebut', 'dispute']);
const PUT_TO = new Set(['suggestion', 'claim', 'allegation', 'accusation', 'report', 'idea', 'notion', 'charge', 'assertion', 'view']);

/**
 * At a verb that rejects a statement put to someone ("rejects a suggestion that he had told ..."): the index
 * of "that", where the denied clause starts, which then stands as the negation for what follows; else -1.
 * Never a clash of its own: it only makes a negation present, as "failure" and "lack" do.
 */
function rejectedClaimAt(tokens: Token[], j: number): number {
  if (tokens[j].kind !== 'word' || !REJECTING.has(tokens[j].lemma)) return -1;
  let k = j + 1;
  if (/^(a|an|the|any)$/.test(tokens[k]?.lower ?? '')) k++;
  if (!PUT_TO.has(tokens[k]?.lemma ?? '')) return -1;
  return tokens[k + 1]?.lower === 'that' ? k + 1 : -1;
}

/** A number or a count word within 4 tokens before claim token h, in its clause ("only three MEPs backing"). */
function countBefore(tokens: Token[], h: number): boolean {
  for (let k = h - 1; k >= 0 && k >= h - 4; k--) {
    const t = tokens[k];
    if (isClauseBreak(t)) return false;
    if (t.kind === 'number' || /^(two|three|four|five|six|seven|eight|nine|ten|dozen|several|few|some|only)$/.test(t.lower)) return true;
  }
  return false;
}

function sameWord(a: Token, b: Token): boolean {
  return a.lemma === b.lemma || a.lower === b.lower || areSynonyms(a.lemma, b.lemma);
}

/**
 * A synonym of another word class is no counterpart: "a feature film" is not what "failed to take the award"
 * negates, though "film" and "take" share a sense (a shot). The same word stands whatever its tag.
 */
function sameClass(claim: Analyzed, h: number, evidence: Analyzed, eh: number): boolean {
  const a = claim.tokens[h];
  const b = evidence.tokens[eh];
  if (a.lemma === b.lemma || a.lower === b.lower) return true;
  const ta = posTags(claim)[h];
  const tb = posTags(evidence)[eh];
  // a noun of the draft against a verb of the source; an "-ing" form may be either ("no one cutting")
  return !(ta === 'NOUN' && tb === 'VERB' && !a.lower.endsWith('ing'));
}

/** Claim tokens inside quotation marks: the quotation and misquote signals check those words. */
function insideQuotes(t: Token, quotes: Span[]): boolean {
  return quotes.some((q) => t.start >= q.start && t.end <= q.end);
}

/** "declined the chance to consult", "refused an offer to join": the verb after "to" is what is negated. */
const CHANCE = new Set(['chance', 'opportunity', 'offer', 'invitation']);

/** The head a cue at index i negates: the next content token within 4 tokens in the same clause. */
function headOf(tokens: Token[], i: number): number {
  if (
    CUE_VERBS.has(tokens[i].lemma) &&
    /^(the|an|a)$/.test(tokens[i + 1]?.lower ?? '') &&
    CHANCE.has(tokens[i + 2]?.lemma ?? '') &&
    tokens[i + 3]?.lower === 'to'
  ) {
    const v = tokens[i + 4];
    return v && isContent(v) ? i + 4 : -1;
  }
  // "denied that the banned substance was cocaine": the clause's subject is not what is denied
  if (CUE_VERBS.has(tokens[i].lemma) && tokens[i + 1]?.lower === 'that' && /^(the|a|an|his|her|its|their|this|these|those)$/.test(tokens[i + 2]?.lower ?? ''))
    return -1;
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    const t = tokens[k];
    if (isClauseBreak(t)) return -1;
    if (isNegationCue(t, tokens, k)) return -1; // double negation: leave alone
    if (isContent(t)) return k;
  }
  return -1;
}

/** Index of a negation cue scoping over token `head` (within 4 tokens before it, same clause), or -1. */
function cueBefore(tokens: Token[], head: number): number {
  for (let k = head - 1; k >= 0 && k >= head - 4; k--) {
    const t = tokens[k];
    if (isClauseBreak(t)) return -1;
    if (isNegationCue(t, tokens, k) && cueVerbGoverns(tokens, k)) return k;
  }
  return -1;
}

function quantifierBefore(tokens: Token[], head: number): boolean {
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    if (isClauseBreak(tokens[k])) return false;
    if (QUANTIFIERS.has(tokens[k].lower)) return true;
  }
  return false;
}

function cueCount(a: Analyzed): number {
  let n = 0;
  a.tokens.forEach((t, i) => {
    if (isNegationCue(t, a.tokens, i)) n++;
  });
  return n;
}

export const negation: SignalDetector = {
  kind: 'negation',
  description: 'The statement and the source differ by a negation',
  gate: 0.2,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    if (input.coverage < TUNING.minCoverage.value) return out;
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    if (!cueCount(input.claim) && !cueCount(input.evidence)) return out;
    const rev = reverseAlignment(input.alignment, et.length);
    const seen = new Set<number>();
    const quotes = findQuotes(input.claim.text);
    // claim tokens aligned to each evidence token (several claim words can meet one evidence word)
    const claimsOf = (j: number): number[] => {
      const xs: number[] = [];
      for (let k = 0; k < input.alignment.length; k++) if (input.alignment[k] === j) xs.push(k);
      return xs;
    };
    const toEvidence = (k: number) => [input.alignment[k] ?? -1];

    // claim negates what the evidence asserts
    for (let i = 0; i < ct.length; i++) {
      if (!isNegationCue(ct[i], ct, i) || !cueVerbGoverns(ct, i)) continue;
      if (insideQuotes(ct[i], quotes)) continue;
      const h = headOf(ct, i);
      if (h < 0) continue;
      const eh = input.alignment[h] ?? -1;
      if (eh < 0) continue;
      // the negated word must be the evidence's own word or a synonym, not a loosely related one
      if (!sameWord(ct[h], et[eh]) || !sameClass(input.claim, h, input.evidence, eh)) continue;
      if (cueBefore(et, eh) >= 0) continue;
      // the evidence negates the same word elsewhere, or states a negation at the same place
      if (et.some((t, j) => j !== eh && t.lemma === ct[h].lemma && cueBefore(et, j) >= 0)) continue;
      if (negationNear(input.claim, i, input.evidence, toEvidence)) continue;
      if ((ct[i].lower === 'no' || ct[i].lower === 'none') && quantifierBefore(et, eh)) continue;
      seen.add(h);
      out.push({
        kind: 'negation',
        effect: 'contradicts',
        message: `negation: the draft says ${quoted(words(input.claim, i, h))}, the source says ${quoted(words(input.evidence, Math.max(0, eh - leadIn(et, eh)), eh))} without a negation`,
        claimSpan: { start: ct[i].start, end: ct[h].end },
        evidenceSpan: { start: et[eh].start, end: et[eh].end },
        strength: 0.5 + 0.4 * input.coverage,
      });
    }

    // evidence negates what the claim asserts
    for (let j = 0; j < et.length; j++) {
      if (!isNegationCue(et[j], et, j) || !cueVerbGoverns(et, j)) continue;
      const eh = headOf(et, j);
      if (eh < 0) continue;
      const h = rev[eh];
      if (h < 0 || seen.has(h)) continue;
      const hs = claimsOf(eh);
      if (hs.some((x) => cueBefore(ct, x) >= 0 || insideQuotes(ct[x], quotes))) continue;
      // "only three MEPs backing" against "MEPs failed to back it": a count of them did, which the group's
      // failure does not deny (a number clash, if any, is the number signal's)
      if (CUE_VERBS.has(et[j].lemma) && countBefore(ct, h)) continue;
      if (!sameWord(ct[h], et[eh]) || !sameClass(input.claim, h, input.evidence, eh)) continue;
      // the claim states a negation at the same place ("lack" for "do not have")
      if (negationNear(input.evidence, j, input.claim, claimsOf)) continue;
      if ((et[j].lower === 'no' || et[j].lower === 'none') && quantifierBefore(ct, h)) continue;
      const from = h - leadIn(ct, h);
      const eFrom = j - leadIn(et, j);
      out.push({
        kind: 'negation',
        effect: 'contradicts',
        message: `negation: the source says ${quoted(words(input.evidence, eFrom, eh))}, the draft says ${quoted(words(input.claim, from, h))}`,
        claimSpan: { start: ct[from].start, end: ct[h].end },
        // the source's whole verb group, so it can replace the draft's ("does cause" -> "does not cause")
        evidenceSpan: { start: et[eFrom].start, end: et[eh].end },
        strength: 0.5 + 0.4 * input.coverage,
      });
    }
    return out;
  },
};

/** How many tokens before `h` belong to its verb group (auxiliaries: "is", "does", "has been"), at most 2. */
function leadIn(tokens: Token[], h: number): number {
  let n = 0;
  for (let k = h - 1; k >= 0 && n < 2; k--) {
    const l = tokens[k].lower;
    if (/^(is|are|was|were|be|been|being|do|does|did|has|have|had|will|would|can|could|should|may|might|must)$/.test(l)) n++;
    else break;
  }
  return n;
}

/**
 * Polarity carried: each negation in the claim ("cannot save", "didn't recommend", "no dedicated support")
 * must stand in the evidence that supports it, next to the counterpart of its head. A negation word is a
 * function word, so coverage alone never sees it: without this check "cannot save time" would be supported
 * by "saves time" whenever the sentence falls short of the contradiction gate. Returns the first negation
 * the evidence does not carry.
 */
export function uncarriedNegation(claim: Analyzed, evidence: Analyzed, alignment: number[], quotations: Span[] = []): SignalFinding | undefined {
  const ct = claim.tokens;
  const et = evidence.tokens;
  for (let i = 0; i < ct.length; i++) {
    if (!isNegationCue(ct[i], ct, i) || !cueVerbGoverns(ct, i)) continue;
    // words inside quotation marks are the quotation signal's to check
    if (quotations.some((q) => ct[i].start >= q.start && ct[i].end <= q.end)) continue;
    const h = headOf(ct, i);
    if (h < 0) continue;
    if ((ct[i].lower === 'no' || ct[i].lower === 'none') && quantifierBefore(ct, h)) continue;
    // "call IT if the website is not working": a condition, which the claim does not assert
    if (inCondition(ct, i)) continue;
    // "a no-fee podcast tool": one word with the noun it is joined to, which a source says as "free"
    if (ct[i].lower === 'no' && ct[i + 1]?.text === '-' && ct[i + 1].start === ct[i].end) continue;
    const eh = alignment[h] ?? -1;
    if (eh >= 0 && cueBefore(et, eh) >= 0) continue;
    if (negationNear(claim, i, evidence, (k) => [alignment[k] ?? -1])) continue;
    return {
      kind: 'negation',
      effect: 'unsupported',
      message: `negation: no source says ${quoted(words(claim, i, h))}`,
      claimSpan: { start: ct[i].start, end: ct[h].end },
      strength: 0.6,
    };
  }
  return undefined;
}

/** True when token i stands in an "if"/"unless" clause: a condition, not a statement. */
function inCondition(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (isClauseBreak(tokens[k])) return false;
    if (/^(if|unless)$/.test(tokens[k].lower)) return true;
  }
  return false;
}

/**
 * A negation clash needs the negated words of the claim to hold a predicate (a verb, an adjective, an event noun,
 * a manner): words that are all names or numbers ("without Manchester United's signing") are not what is negated.
 */
export function negatesPredicate(f: SignalFinding, claim: Analyzed, sameSlot?: (f: SignalFinding) => boolean, nameInSource?: (i: number) => boolean): boolean {
  // a lower-cased draft ("without manchester") is tagged by its source's casing where it aligned
  const tags = posTags(claim).map((t, i) => (t === 'NOUN' && nameInSource?.(i) ? 'PROPN' : t));
  let content = 0;
  let nouns = 0;
  for (let i = 0; i < claim.tokens.length; i++) {
    const t = claim.tokens[i];
    if (t.start < f.claimSpan.start || t.end > f.claimSpan.end || t.stop || (t.kind !== 'word' && t.kind !== 'number')) continue;
    content++;
    if (tags[i] === 'NOUN') nouns++;
    else if (tags[i] !== 'PROPN' && tags[i] !== 'NUM') return true;
  }
  // a thing negated ("at no cost", "without a licence") is that thing only where both sides put it in the same
  // slot: "reduce energy costs" is not "at no cost"
  if (nouns > 0) return !sameSlot || sameSlot(f);
  return content === 0;
}
