/**
 * Negation and polarity: "is not playing" against "is playing", "does not cause" against "causes".
 * A negation cue scopes over the next content word (its head). The head must be aligned to the evidence,
 * and the evidence must lack a cue before its counterpart (or the other way round). Negation words alone
 * are a biased cue, so this only fires when the rest of the claim is well covered.
 */
import type { Analyzed, SignalDetector, SignalFinding, SignalInput, Span, Token } from '../types';
import { isClauseBreak, isContent, quoted, reverseAlignment, words } from './util';

export const MIN_COVERAGE = 0.5;

const CUE_WORDS = new Set([
  'not', 'no', 'never', 'cannot', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'nor',
]);
/** verbs that negate their complement: "failed to sign", "refused to approve", "denied having" */
const CUE_VERBS = new Set(['fail', 'refuse', 'deny', 'decline']);
/** quantifier words the quantifier detector compares instead */
const QUANTIFIERS = new Set(['some', 'all', 'every', 'each', 'many', 'most', 'several', 'few', 'any']);

export function isNegationCue(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (CUE_WORDS.has(t.lower)) return true;
  if (t.lower.endsWith("n't")) return true;
  return CUE_VERBS.has(t.lemma);
}

/** A cue verb negates only when it governs a verb or clause ("failed to sign", "denied that"), not as a noun ("a decline in"). */
function cueVerbGoverns(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  // "not only X but also Y", "not just", "not merely": additive, no negation
  if (t.lower === 'not' && /^(only|just|merely|simply)$/.test(tokens[i + 1]?.lower ?? '')) return false;
  if (!CUE_VERBS.has(t.lemma) || CUE_WORDS.has(t.lower) || t.lower.endsWith("n't")) return true;
  const next = tokens[i + 1];
  if (!next) return false;
  if (next.lower === 'to' || next.lower === 'that') return true;
  // "denied the report", "refused the offer": a verb form followed by its object
  return t.lemma === 'deny' || t.lemma === 'refuse' ? !/^(in|of|for)$/.test(next.lower) && t.lower !== t.lemma + 's' : false;
}

/** The head a cue at index i negates: the next content token within 4 tokens in the same clause. */
function headOf(tokens: Token[], i: number): number {
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    const t = tokens[k];
    if (isClauseBreak(t)) return -1;
    if (isNegationCue(t)) return -1; // double negation: leave alone
    if (isContent(t)) return k;
  }
  return -1;
}

/** Index of a negation cue scoping over token `head` (within 4 tokens before it, same clause), or -1. */
function cueBefore(tokens: Token[], head: number): number {
  for (let k = head - 1; k >= 0 && k >= head - 4; k--) {
    const t = tokens[k];
    if (isClauseBreak(t)) return -1;
    if (isNegationCue(t) && cueVerbGoverns(tokens, k)) return k;
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
  for (const t of a.tokens) if (isNegationCue(t)) n++;
  return n;
}

export const negation: SignalDetector = {
  kind: 'negation',
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    try {
      if (input.coverage < MIN_COVERAGE) return out;
      const ct = input.claim.tokens;
      const et = input.evidence.tokens;
      if (!cueCount(input.claim) && !cueCount(input.evidence)) return out;
      const rev = reverseAlignment(input.alignment, et.length);
      const seen = new Set<number>();

      // claim negates what the evidence asserts
      for (let i = 0; i < ct.length; i++) {
        if (!isNegationCue(ct[i]) || !cueVerbGoverns(ct, i)) continue;
        const h = headOf(ct, i);
        if (h < 0) continue;
        const eh = input.alignment[h] ?? -1;
        if (eh < 0) continue;
        if (cueBefore(et, eh) >= 0) continue;
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
        if (!isNegationCue(et[j]) || !cueVerbGoverns(et, j)) continue;
        const eh = headOf(et, j);
        if (eh < 0) continue;
        const h = rev[eh];
        if (h < 0 || seen.has(h)) continue;
        if (cueBefore(ct, h) >= 0) continue;
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
    } catch {
      return [];
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
    if (!isNegationCue(ct[i]) || !cueVerbGoverns(ct, i)) continue;
    // words inside quotation marks are the quotation signal's to check
    if (quotations.some((q) => ct[i].start >= q.start && ct[i].end <= q.end)) continue;
    const h = headOf(ct, i);
    if (h < 0) continue;
    if ((ct[i].lower === 'no' || ct[i].lower === 'none') && quantifierBefore(ct, h)) continue;
    const eh = alignment[h] ?? -1;
    if (eh >= 0 && cueBefore(et, eh) >= 0) continue;
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
