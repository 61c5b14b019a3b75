/**
 * Certainty and modality: a source that is hedged, proposed, exploratory, under discussion or expected,
 * stated in the draft as signed, agreed, finalized or done, contradicts ("exploratory talks" against
 * "signed a binding agreement"); so does a deed the source only plans, hopes or is thought to have done
 * ("has appealed" against "was planning to appeal"). The reverse (a hedged draft over a certain source) is fine.
 */
import type { SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { isCapitalized, isClauseBreak, isSentenceStart, quoted } from './util';
import { knob } from '../knob';
import { posTags } from '../pos';

/** Lemmas (or lower forms) that state something as settled or done. */
const CERTAIN = new Set([
  // not "will" (a prediction, not a settled fact), nor "done"/"establish" (too common to mean "settled")
  'sign',
  'signed',
  'agree',
  'agreed',
  'finalize',
  'finalise',
  'finalized',
  'finalised',
  'completed',
  'conclude',
  'concluded',
  'approve',
  'approved',
  'ratify',
  'ratified',
  'seal',
  'sealed',
  'binding',
  'confirm',
  'confirmed',
  'launched',
  'finish',
  'finished',
  'definitely',
  'certainly',
  'formalize',
  'formalise',
  'formalized',
  'formalised',
  'enact',
  'enacted',
  'settle',
  'settled',
  'officially',
  'secured',
  'clinch',
  'clinched',
  'decide',
  'decided',
  // an allegation or a recommendation stated as proven or binding
  'prove',
  'proved',
  'proven',
  'oblige',
  'obliged',
  'obliges',
  'lodge',
  'lodged',
]);
/** Words that state something as settled only before a clause: "have established that", "showed that". */
const CERTAIN_BEFORE_THAT = new Set(['establish', 'established', 'show', 'showed', 'shown', 'demonstrate', 'demonstrated', 'emerged']);
/** Single hedge words in the source. */
const HEDGE = new Set([
  // a wish: "wants to train with Dinamo" is not "will train" (not "wanted": "I wanted to introduce our product")
  'wants',
  'propose',
  'proposed',
  'proposal',
  'exploratory',
  'explore',
  'exploring',
  'expect',
  'expected',
  'could',
  'may',
  'might',
  'would',
  'plan',
  'planned',
  'planning',
  'consider',
  'considering',
  'potential',
  'potentially',
  'possible',
  'possibly',
  'if',
  'envision',
  'envisions',
  'envisage',
  'aim',
  'seek',
  'intend',
  'tentative',
  'preliminary',
  'likely',
  'probably',
  'perhaps',
  'draft',
  'mull',
  'weigh',
  'hope',
  'hoped',
  'prospective',
  'push',
  'pushed',
  'suggest',
  'suggested',
  'anticipate',
  'anticipated',
  'unconfirmed',
  'speculate',
  'speculation',
  'reportedly',
  'pending',
  'negotiate',
  'negotiating',
  'negotiation',
  'discuss',
  'discussing',
  // allegations, suspicions, beliefs and recommendations
  'allege',
  'alleged',
  'allegedly',
  'allegation',
  'accuse',
  'accused',
  'suspect',
  'suspected',
  'should',
  'believe',
  'believed',
  'rumoured',
  'rumored',
]);
/** Hedges only the draft uses to keep a statement conditional ("once ministers agree"). */
const CLAIM_ONLY_HEDGE = new Set(['once', 'unless', 'whether', 'when', 'would', 'will']);
/** Multiword hedges: [words, label]. */
const HEDGE_PHRASES: string[][] = [
  ['under', 'discussion'],
  ['under', 'consideration'],
  ['under', 'negotiation'],
  ['under', 'review'],
  ['in', 'talks'],
  ['not', 'yet'],
  ['yet', 'to'],
  ['in', 'the', 'works'],
  ['on', 'the', 'table'],
  ['pushed', 'for'],
  ['remain', 'open'],
  ['being', 'discussed'],
  ['being', 'considered'],
  ['no', 'guarantee'],
  ['claim', 'that'],
  ['claims', 'that'],
  ['claimed', 'that'],
  ['not', 'guarantee'],
  ['in', 'talks'],
];

function isCertain(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'word') return false;
  // a capitalised word mid-sentence is a name ("the Politics Show that...")
  if (i > 0 && isCapitalized(t)) return false;
  // a certainty verb used as a noun after an article ("a sign that it wants", "the deal") states nothing settled
  if ((CERTAIN.has(t.lemma) || CERTAIN.has(t.lower)) && !(t.lower === 'sign' && /^(a|an|the|another)$/.test(tokens[i - 1]?.lower ?? ''))) return true;
  return (CERTAIN_BEFORE_THAT.has(t.lower) || CERTAIN_BEFORE_THAT.has(t.lemma)) && tokens[i + 1]?.lower === 'that';
}

function isHedgeWord(t: Token): boolean {
  return t.kind === 'word' && (HEDGE.has(t.lower) || HEDGE.has(t.lemma));
}

interface Hedge {
  first: number;
  last: number;
}

function findHedges(tokens: Token[]): Hedge[] {
  const out: Hedge[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let matched = false;
    for (const ws of HEDGE_PHRASES) {
      let ok = i + ws.length <= tokens.length;
      for (let k = 0; ok && k < ws.length; k++) if (tokens[i + k].lower !== ws[k] && tokens[i + k].lemma !== ws[k]) ok = false;
      if (ok) {
        out.push({ first: i, last: i + ws.length - 1 });
        i += ws.length - 1;
        matched = true;
        break;
      }
    }
    // a capitalised hedge word inside a sentence is a name or a month ("last May", "Hope Street")
    if (!matched && isHedgeWord(tokens[i]) && !(isCapitalized(tokens[i]) && !isSentenceStart(tokens, i))) out.push({ first: i, last: i });
  }
  return out;
}

/** True when token i is inside a hedge's scope (a hedge within 5 tokens before it, same clause, or right after). */
function hedged(tokens: Token[], i: number, hedges: Hedge[]): boolean {
  for (const h of hedges) {
    if (h.last < i && i - h.last <= 5) {
      let broken = false;
      for (let k = h.last + 1; k < i; k++) if (isClauseBreak(tokens[k])) broken = true;
      if (!broken) return true;
    }
    if (h.first > i && h.first - i <= 2) return true; // "agreement ... under discussion" / "signing is expected"
  }
  return false;
}

/** Hedges that govern the clause after them ("amid speculation he has his sights set on the seat"). */
const CLAUSE_HEDGES = new Set(['speculation', 'speculate', 'speculated']);

/**
 * The hedge scoping over token i (as `hedged` decides, except that a clause hedge reaches twelve words on, not
 * five), or undefined.
 */
function hedgeOf(tokens: Token[], i: number, hedges: Hedge[]): Hedge | undefined {
  for (const h of hedges) {
    // "wants Roddick and the rest of his team to play": a wish over its object reaches the verb after the first "to"
    const overObject =
      OBJECT_HEDGES.has(tokens[h.last].lower) &&
      tokens[i - 1]?.lower === 'to' &&
      !tokens.slice(h.last + 1, i - 1).some((t) => t.lower === 'to' || t.lower === 'but');
    const reach = CLAUSE_HEDGES.has(tokens[h.last].lower) ? 12 : overObject ? 10 : 5;
    if (h.last < i && i - h.last <= reach) {
      let broken = false;
      for (let k = h.last + 1; k < i; k++) if (isClauseBreak(tokens[k])) broken = true;
      if (!broken) return h;
    }
    if (h.first > i && h.first - i <= 2) return h;
  }
  return undefined;
}

/** Hedges that take an object before their "to": "wants the team to play", "expects the board to approve". */
const OBJECT_HEDGES = new Set(['wants', 'expect', 'expects', 'expected']);

/** Hedges that describe a noun ("the draft directive", "a potential buyer"), not the verb of their clause. */
const NOUN_HEDGES = new Set(['draft', 'proposal', 'potential', 'prospective', 'preliminary', 'tentative', 'pending', 'proposed']);

/** Hedges a plain "will" may stand for: intentions and reported futures ("said it would", "plans to open"). */
const WILL_OK = new Set([
  'would',
  'plan',
  'planned',
  'planning',
  'aim',
  'intend',
  'seek',
  'hope',
  'hoped',
  'push',
  'pushed',
  'envision',
  'envisions',
  'envisage',
]);

/** Nouns whose "is to" states an aim, not a fixed plan ("the aim is to cut costs"). */
const PLAN_NOUNS = new Set([
  'aim',
  'goal',
  'plan',
  'idea',
  'hope',
  'intention',
  'task',
  'job',
  'priority',
  'objective',
  'target',
  'challenge',
  'problem',
  'answer',
  'solution',
]);

/**
 * "will become law" (or "is to become law") where the source says "no guarantee that it will become law", "could
 * become law", "is likely to": a prediction stated as certain. The words "will" governs (to the end of its clause,
 * across "and") are looked up in the evidence; one of them hedged there by anything but an intention makes the clash.
 */
function willClash(input: SignalInput, ch: Hedge[], eh: Hedge[]): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 0; i < ct.length; i++) {
    // "will fight", and "is to fight" (a fixed plan): both state what the source may only expect
    const fixed =
      /^(is|are)$/.test(ct[i].lower) && ct[i + 1]?.lower === 'to' && !/^(be|have)$/.test(ct[i + 2]?.lemma ?? '') && !PLAN_NOUNS.has(ct[i - 1]?.lemma ?? '');
    if (ct[i].lower !== 'will' && ct[i].lower !== "'ll" && !fixed && !reportedWould(ct, i)) continue;
    if (/^(not|never)$/.test(ct[i + 1]?.lower ?? '') || hedged(ct, i, ch)) continue;
    // the draft's other hedges, not this "will" (listed among them to keep a settled word after it conditional)
    const others = ch.filter((h) => !(h.first === i && h.last === i));
    for (let k = i + 1; k < ct.length && k <= i + 12; k++) {
      const t = ct[k];
      if (isClauseBreak(t)) break;
      if (t.stop || t.kind !== 'word' || hedged(ct, k, others)) continue;
      const e = input.alignment[k] ?? -1;
      if (e < 0 || (et[e].lemma !== t.lemma && et[e].lower !== t.lower)) continue;
      // a hedge before the source's word, in its clause ("no guarantee that the directive will become law")
      const h = hedgeOf(et, e, eh);
      if (!h || h.last >= e) continue;
      // a hedge the draft says too ("agreed the draft"), or one that only describes a noun ("the draft
      // directive", "a potential buyer"), does not hedge the verb after it
      if (input.alignment.includes(h.first) || (h.first === h.last && NOUN_HEDGES.has(et[h.first].lower))) continue;
      const words = input.evidence.text.slice(et[h.first].start, et[h.last].end);
      if (h.first === h.last && WILL_OK.has(et[h.first].lower)) continue;
      // "it will be seeking damages": the source's hedge stands under a "will" of its own
      if (et[h.first - 1]?.lower === 'be' && et[h.first - 2]?.lower === 'will' && et[h.first].lower.endsWith('ing')) continue;
      // the draft's verb group ("will fight", "is to fight") when its verb is not the source's word
      const verb = fixed ? i + 2 : i + 1;
      const own = verb < k && ct[verb]?.kind === 'word' && !ct[verb].stop && !isCapitalized(ct[verb]) && (input.alignment[verb] ?? -1) < 0;
      const said = own
        ? quoted(input.claim.text.slice(ct[i].start, ct[verb].end))
        : k === verb
          ? quoted(input.claim.text.slice(ct[i].start, t.end))
          : `${quoted(ct[i].text)} … ${quoted(t.text)}`;
      return {
        kind: 'modality',
        effect: 'contradicts',
        message: `modality: the draft says ${said} as certain, the source says ${quoted(words)}`,
        claimSpan: own ? { start: ct[i].start, end: ct[verb].end } : { start: t.start, end: t.end },
        evidenceSpan: { start: et[h.first].start, end: et[h.last].end },
        strength: 0.5 + 0.4 * Math.min(1, input.coverage),
        anchored: true,
      };
    }
  }
  return undefined;
}

/**
 * "Walker said the row would undermine the campaign": a reported "will" (a verb of saying before it in the
 * sentence, no "have" after it, which would make it what might have been).
 */
function reportedWould(ct: Token[], i: number): boolean {
  if (ct[i].lower !== 'would' || /^(have|not|never)$/.test(ct[i + 1]?.lower ?? '')) return false;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (/^[.;:!?]$/.test(ct[k].lower)) return false;
    if (/^(said|says|told|tells|warned|predicted|insisted|added|stated)$/.test(ct[k].lower)) return true;
  }
  return false;
}

/** Hedges of intent or expectation that take "to" and a verb: "planning to appeal", "hoping to meet". */
const INTENT_BEFORE_TO = new Set([
  'plan',
  'planned',
  'planning',
  'plans',
  'hope',
  'hoped',
  'hoping',
  'hopes',
  'expect',
  'expected',
  'intend',
  'intends',
  'intended',
  'intending',
  'aim',
  'aims',
  'aiming',
  'seek',
  'seeks',
  'seeking',
  'propose',
  'proposed',
  'proposes',
  'likely',
  'set',
  'due',
  'poised',
  'thought',
  'believed',
  'understood',
  'said',
  'reported',
]);

/**
 * What the source has someone plan, hope, or be expected or thought to do, stated as done: "The group has
 * appealed" against "the group was planning to appeal"; "met them" against "was hoping to meet them"; "failed to
 * raise" against "is thought to have failed to raise". The draft's verb is the source's own (same lemma, aligned)
 * in a past form, no hedge of the draft's own before it.
 */
function doneAsPlanned(input: SignalInput, ch: Hedge[]): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 1; i < ct.length; i++) {
    const t = ct[i];
    const e = input.alignment[i] ?? -1;
    if (e < 2 || t.kind !== 'word' || t.stop || isCapitalized(t) || et[e].lemma !== t.lemma) continue;
    // a past form of the draft's own ("appealed", "gave"), not a plain form after "to" or a modal; or the plain
    // form after "got to" / "managed to" ("got to meet them" against "was hoping to meet them")
    const achieved = i >= 2 && ct[i - 1].lower === 'to' && /^(got|managed|succeeded)$/.test(ct[i - 2].lower);
    if (!achieved && (t.lower === t.lemma || t.lower.endsWith('ing') || /^(to|will|would|could|may|might|can|should|must)$/.test(ct[i - 1].lower))) continue;
    if (t.lower === t.lemma + 's' || t.lower === t.lemma + 'es') continue; // "offers": the present, no report of a deed
    if (hedged(ct, i, ch)) continue;
    // the source's verb right after "<hedge> to" ("planning to appeal"), or "<hedge> to have" ("thought to have failed")
    let k = e - 1;
    if (et[k]?.lower === 'have') k--;
    if (et[k]?.lower !== 'to') continue;
    const h = et[k - 1];
    if (!h || !INTENT_BEFORE_TO.has(h.lower)) continue;
    // "said to have" / "reported to have" / "thought to have" are reports only with "have"; "said to" alone is not
    if (/^(said|reported|thought|believed|understood)$/.test(h.lower) && et[e - 1]?.lower !== 'have') continue;
    // "set to" and "due to" hedge a verb only as a plan ("is set to appeal"), after a form of "be"
    if (/^(set|due|poised|likely)$/.test(h.lower) && !/^(is|are|was|were|be|been|'s)$/.test(et[k - 2]?.lower ?? '')) continue;
    // the hedge is a verb or an adjective ("was planning to", "is likely to"), not a noun ("insurance plans to offer")
    if (posTags(input.claim)[i] !== 'VERB' || !/^(VERB|ADJ|AUX)$/.test(posTags(input.evidence)[k - 1])) continue;
    return {
      kind: 'modality',
      effect: 'contradicts',
      message: `modality: the draft says ${quoted(input.claim.text.slice(achieved ? ct[i - 2].start : t.start, t.end))} as done, the source says ${quoted(input.evidence.text.slice(h.start, et[e].end))}`,
      claimSpan: { start: achieved ? ct[i - 2].start : t.start, end: t.end },
      evidenceSpan: { start: h.start, end: et[e].end },
      strength: 0.5 + 0.4 * Math.min(1, input.coverage),
      anchored: true,
    };
  }
  return undefined;
}

/** Adverbs that make what follows an allegation or a report: "for allegedly avoiding the test". */
const ALLEGEDLY = new Set(['allegedly', 'reportedly', 'supposedly', 'purportedly']);
/** Words that keep a draft's verb an allegation of its own ("charged with", "accused of", "denies"). */
const CHARGED = new Set(['charge', 'charged', 'accuse', 'accused', 'deny', 'denied', 'denies', 'allegation', 'allege', 'alleged', 'claim', 'claimed']);

/**
 * "who avoided the test" where the source says "for allegedly avoiding the test": what the source reports as
 * alleged, stated as fact. The draft's word is the source's own (same lemma), the source's "allegedly" stands
 * right before it, and no hedge or charge of the draft's own stands within a few words before it.
 */
function allegationStated(input: SignalInput, ch: Hedge[]): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 0; i < ct.length; i++) {
    const t = ct[i];
    if (t.kind !== 'word' || t.stop) continue;
    const j = input.alignment[i] ?? -1;
    if (j < 1 || et[j].lemma !== t.lemma) continue;
    const h = ALLEGEDLY.has(et[j - 1].lower) ? j - 1 : j >= 2 && ALLEGEDLY.has(et[j - 2].lower) && et[j - 1].kind === 'word' ? j - 2 : -1;
    if (h < 0 || hedged(ct, i, ch)) continue;
    let own = false;
    for (let k = Math.max(0, i - 4); k < i; k++) if (CHARGED.has(ct[k].lower) || CHARGED.has(ct[k].lemma) || ALLEGEDLY.has(ct[k].lower)) own = true;
    // "allegedly posted drawings ... online" / "allegedly posted online drawings": the draft's own "allegedly"
    // covers the source's phrase, told in another order
    for (let k = Math.max(0, i - 20); k < i - 1; k++) {
      const after = input.alignment[k + 1] ?? -1;
      if (ALLEGEDLY.has(ct[k].lower) && after > h && after <= j) own = true;
    }
    if (own) continue;
    return {
      kind: 'modality',
      effect: 'contradicts',
      message: `modality: the draft states ${quoted(t.text)} as fact, the source says ${quoted(input.evidence.text.slice(et[h].start, et[j].end))}`,
      claimSpan: { start: t.start, end: t.end },
      evidenceSpan: { start: et[h].start, end: et[j].end },
      strength: 0.5 + 0.4 * Math.min(1, input.coverage),
      anchored: true,
    };
  }
  return undefined;
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.15, 'Coverage a candidate needs before its hedges are compared (modality words are rarely shared)', 'higher: fewer modality findings', {
    step: 0.05,
  }),
  nearClaimWords: knob(
    5,
    "Tokens either side of the draft's settled phrase whose evidence counterparts place the source's hedge",
    'lower: fewer modality findings (a hedge must stand closer to the settled words)',
    { step: 1 },
  ),
};

export const modality: SignalDetector = {
  kind: 'modality',
  description: 'The statement is more (or less) certain than the source',
  gate: -0.2,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    // modality words are rarely shared, so coverage is low by nature; require some shared content instead
    if (input.coverage < TUNING.minCoverage.value || !input.alignment.some((e) => e >= 0)) return out;
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    const ch = findHedges(ct);
    for (let i = 0; i < ct.length; i++)
      if (ct[i].kind === 'word' && CLAIM_ONLY_HEDGE.has(ct[i].lower) && !ch.some((h) => h.first === i)) ch.push({ first: i, last: i });
    // "received a detailed proposal", "definitive proposals": a proposal with nothing proposed after it hedges no verb
    const eh = findHedges(et).filter(
      (h) => !(h.first === h.last && et[h.first].lemma === 'proposal' && !/^(to|for|that|of)$/.test(et[h.first + 1]?.lower ?? '')),
    );
    if (!eh.length) {
      // "is thought to have failed": a report the hedge list does not hold, for doneAsPlanned alone
      const d = doneAsPlanned(input, ch);
      return d ? [d] : out;
    }
    let first = -1;
    let last = -1;
    for (let i = 0; i < ct.length; i++) {
      if (!isCertain(ct, i)) continue;
      if (hedged(ct, i, ch)) continue; // the draft hedges too
      const e = input.alignment[i] ?? -1;
      // the source states it plainly too (its own word: a loose synonym is no statement of it)
      if (e >= 0 && (et[e].lemma === ct[i].lemma || et[e].lower === ct[i].lower) && !hedged(et, e, eh)) continue;
      if (first < 0) first = i;
      else if (i - last > 4) break;
      last = i;
    }
    if (first < 0) {
      const w = willClash(input, ch, eh) ?? allegationStated(input, ch) ?? doneAsPlanned(input, ch);
      return w ? [w] : out;
    }
    // the clashing phrase: certainty words through the next content word ("signed a binding agreement")
    let end = last;
    for (let k = last + 1; k < ct.length && k <= last + 2; k++) {
      if (isClauseBreak(ct[k]) || isCapitalized(ct[k])) break; // not into a name ("confirmed that Mr")
      if (!ct[k].stop && ct[k].kind === 'word') {
        end = k;
        break;
      }
    }
    // the hedge to cite: the one nearest an aligned word, else the first
    let best = eh[0];
    let bestDist = Infinity;
    // ... among the claim's words around the settled phrase: a hedge beside another part of the claim
    // ("he would now take the case to the Supreme Court") is about another event
    const near0 = Math.max(0, first - TUNING.nearClaimWords.value);
    const near1 = Math.min(input.alignment.length - 1, end + TUNING.nearClaimWords.value);
    for (const h of eh) {
      for (let i = near0; i <= near1; i++) {
        const e = input.alignment[i];
        // a name is met everywhere in a story: it places no hedge ("Glazer ... could lead to a bid")
        if (e === undefined || e < 0 || isCapitalized(ct[i])) continue;
        const d = Math.min(Math.abs(e - h.first), Math.abs(e - h.last));
        if (d < bestDist) {
          bestDist = d;
          best = h;
        }
      }
    }
    if (bestDist > 8) return out; // the hedge is about something else in a long evidence text
    // the draft says the hedge too, before its settled word ("had considered a buyout but decided not to"): it
    // keeps the source's hedge
    if (input.alignment.some((e, k) => k < first && first - k <= 12 && e >= best.first && e <= best.last && ct[k].lemma === et[e].lemma)) return out;
    const hedgeText = input.evidence.text.slice(et[best.first].start, et[best.last].end);
    const claimText = input.claim.text.slice(ct[first].start, ct[end].end);
    out.push({
      kind: 'modality',
      effect: 'contradicts',
      message: `modality: the draft says ${quoted(claimText)} as settled, the source says ${quoted(hedgeText)}`,
      claimSpan: { start: ct[first].start, end: ct[end].end },
      evidenceSpan: { start: et[best.first].start, end: et[best.last].end },
      strength: 0.5 + 0.4 * Math.min(1, input.coverage),
    });
    return out;
  },
};
