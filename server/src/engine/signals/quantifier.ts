/**
 * Quantifiers and exclusivity: all / some / none / only / every / a single. "all experts" against
 * "some experts"; "none" against "several"; "a single project" against "rather than a single project";
 * "only X" against "X, among others", "other Xs", "either X"; "every one of the last six years" against "five of the last six years".
 */
import type { SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { isClauseBreak, isContent, quoted } from './util';
import { knob } from '../knob';

type Q = 'all' | 'some' | 'none' | 'most' | 'few' | 'many';
const QUANT: Record<string, Q> = {
  all: 'all',
  every: 'all',
  each: 'all',
  always: 'all',
  entire: 'all',
  whole: 'all',
  some: 'some',
  several: 'some',
  certain: 'some',
  sometimes: 'some',
  a_few: 'some',
  no: 'none',
  none: 'none',
  never: 'none',
  nobody: 'none',
  nothing: 'none',
  most: 'most',
  majority: 'most',
  mostly: 'most',
  few: 'few',
  rarely: 'few',
  seldom: 'few',
  many: 'many',
  numerous: 'many',
  often: 'many',
};
/** claim quantifier -> evidence quantifiers that contradict it */
const CLASH: Record<Q, Q[]> = {
  all: ['some', 'none', 'few', 'most'],
  some: ['none'],
  none: ['some', 'all', 'most', 'many', 'few'],
  most: ['none', 'few'],
  few: ['all', 'most', 'many'],
  many: ['none', 'few'],
};
const EXCLUSIVE = new Set(['only', 'sole', 'solely', 'exclusively', 'single', 'just', 'alone', 'unique']);
// "not only X" / "more than 7" / "beyond" include X rather than exclude it: they are not contrasts
const CONTRAST: string[][] = [
  ['rather', 'than'],
  ['instead', 'of'],
  ['other', 'than'],
  ['as', 'opposed', 'to'],
];
const INCLUSIVE = new Set(['among', 'including', 'include', 'includes', 'also', 'several', 'various', 'both']);
/** Right before the source's word or in its phrase: "other occasions", "a deal with either bidder" count more than one. */
const INCLUSIVE_BEFORE = new Set(['other', 'either', 'another']);

function quantAt(tokens: Token[], i: number): Q | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  if (t.lower === 'few' && tokens[i - 1]?.lower === 'a') return 'some';
  if (t.lower === 'not' && tokens[i + 1]?.lower === 'all') return 'some';
  // "much of the last eight years": most of it, not all (not "much better", "very much")
  if (t.lower === 'much' && tokens[i + 1]?.lower === 'of') return 'most';
  return QUANT[t.lower];
}

const NUMBER_WORDS = /^(two|three|four|five|six|seven|eight|nine|ten|\d+)$/;

/** "the last two (contestant) evictions": the index of "last"/"first"/"past"/"next" before a count of head, or -1. */
function subsetBefore(tokens: Token[], head: number): number {
  for (let k = head - 1; k >= 1 && k >= head - 3; k--) {
    if (tokens[k].kind === 'punct') return -1;
    if (NUMBER_WORDS.test(tokens[k].lower) && /^(last|first|past|next|previous)$/.test(tokens[k - 1].lower)) return k - 1;
  }
  return -1;
}

/** Quantifier scoping over token `head`: within 3 tokens before it, same clause. */
function quantBefore(tokens: Token[], head: number): { q: Q; at: number } | undefined {
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    if (isClauseBreak(tokens[k])) return undefined;
    const q = quantAt(tokens, k);
    if (q) {
      if (q === 'all' && tokens[k - 1]?.lower === 'not') return { q: 'some', at: k - 1 };
      return { q, at: k };
    }
  }
  return undefined;
}

/** Start index of a contrast phrase ("rather than") ending within 3 tokens before `i`, or -1. */
function contrastBefore(tokens: Token[], i: number): number {
  for (let end = i - 1; end >= 0 && end >= i - 4; end--) {
    if (isClauseBreak(tokens[end])) return -1;
    for (const ws of CONTRAST) {
      const s = end - ws.length + 1;
      if (s < 0) continue;
      let ok = true;
      for (let k = 0; ok && k < ws.length; k++) if (tokens[s + k].lower !== ws[k]) ok = false;
      // "none other than X" names X itself: emphasis, no contrast
      if (ok && ws[0] === 'other' && /^(none|no)$/.test(tokens[s - 1]?.lower ?? '')) ok = false;
      if (ok) return s;
    }
  }
  return -1;
}

function exclusiveBefore(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    if (isClauseBreak(tokens[k])) return -1;
    // "the only politician to have called": "the only" reaches over its noun and "to have"; a bare "only" three words
    if (EXCLUSIVE.has(tokens[k].lower) && (k >= i - 3 || tokens[k - 1]?.lower === 'the')) return k;
  }
  return -1;
}

/** Adverbs of frequency, compared where they stand between the same words on both sides. */
const FREQUENCY = new Set(['never', 'always', 'rarely', 'seldom', 'often', 'sometimes', 'usually', 'occasionally', 'frequently']);

/** The quantity a frequency adverb says: the quantifier's own ("never", "often"), else "usually" / "frequently" most, "occasionally" some. */
function frequencyAt(tokens: Token[], i: number): Q | undefined {
  const w = tokens[i].lower;
  return quantAt(tokens, i) ?? (w === 'usually' || w === 'frequently' ? 'most' : w === 'occasionally' ? 'some' : undefined);
}

/**
 * "were never one-on-one" against "were rarely one-on-one": a frequency adverb of the draft against another of the
 * source between the same words (the word before and the word after alike), when their quantities clash.
 */
function frequencyClash(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 1; i + 1 < ct.length; i++) {
    if (!FREQUENCY.has(ct[i].lower)) continue;
    const cq = frequencyAt(ct, i);
    if (!cq) continue;
    for (let j = 1; j + 1 < et.length; j++) {
      if (!FREQUENCY.has(et[j].lower) || et[j].lower === ct[i].lower) continue;
      if (et[j - 1].lower !== ct[i - 1].lower || et[j + 1].lower !== ct[i + 1].lower) continue;
      const eq = frequencyAt(et, j);
      if (!eq || !CLASH[cq].includes(eq)) continue;
      return {
        kind: 'quantifier',
        effect: 'contradicts',
        message: `quantifier: the draft says ${quoted(words(input.claim.text, ct, i, i + 1))}, the source says ${quoted(words(input.evidence.text, et, j, j + 1))}`,
        claimSpan: { start: ct[i].start, end: ct[i].end },
        evidenceSpan: { start: et[j].start, end: et[j].end },
        strength: 0.7,
      };
    }
  }
  return undefined;
}

const COUNT_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'several',
  'some',
  'most',
  'many',
  'few',
  'half',
]);

/**
 * "every one of the last six years" / "all of its 12 stores" against "five of the last six years" / "nine of its 12
 * stores": the draft takes in the whole set, the source counts a part of it (the same words after "of").
 */
function partitiveClash(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 0; i + 2 < ct.length; i++) {
    if (!/^(every|each|all)$/.test(ct[i].lower)) continue;
    let of = i + 1;
    if (/^(one|single)$/.test(ct[of].lower)) of++;
    if (ct[of]?.lower !== 'of') continue;
    // the first aligned content word after "of", within four tokens, in the same clause
    for (let h = of + 1; h < ct.length && h <= of + 5; h++) {
      if (isClauseBreak(ct[h])) break;
      const e = input.alignment[h] ?? -1;
      if (e < 0 || !isContent(ct[h])) continue;
      // the source: "<count> of" right before the counterpart's phrase
      for (let k = e - 1; k >= 1 && k >= e - 5; k--) {
        if (isClauseBreak(et[k])) break;
        if (et[k].lower !== 'of') continue;
        const n = et[k - 1];
        if (!(n.kind === 'number' || COUNT_WORDS.has(n.lower))) break;
        if (/^(every|each|all)$/.test(et[k - 2]?.lower ?? '')) break;
        // the same phrase after "of" on both sides (its first word at least)
        if (et[k + 1]?.lower !== ct[of + 1]?.lower) break;
        let last = h;
        while (last + 1 < ct.length && last < h + 4 && (input.alignment[last + 1] ?? -1) >= 0 && isContent(ct[last + 1])) last++;
        const eLast = Math.max(e, input.alignment[last] ?? e);
        return {
          kind: 'quantifier',
          effect: 'contradicts',
          message: `quantifier: the draft says ${quoted(words(input.claim.text, ct, i, last))}, the source says ${quoted(words(input.evidence.text, et, k - 1, eLast))}`,
          claimSpan: { start: ct[i].start, end: ct[last].end },
          evidenceSpan: { start: et[k - 1].start, end: et[eLast].end },
          strength: 0.75,
        };
      }
      break;
    }
  }
  return undefined;
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.4, 'Coverage a candidate needs before its quantifiers (all, only, some) are compared', 'higher: fewer quantifier findings'),
};

export const quantifier: SignalDetector = {
  kind: 'quantifier',
  description: 'The statement generalises (all, never) where the source does not',
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    if (input.coverage < TUNING.minCoverage.value) return out;
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    const done = new Set<number>();
    const usedContrast = new Set<number>();
    const often = frequencyClash(input);
    if (often) {
      out.push(often);
      done.add(ct.findIndex((t) => t.start === often.claimSpan.start));
    }
    const part = partitiveClash(input);
    if (part) {
      out.push(part);
      done.add(ct.findIndex((t) => t.start === part.claimSpan.start));
    }
    for (let h = 0; h < ct.length; h++) {
      const e = input.alignment[h] ?? -1;
      if (e < 0 || !isContent(ct[h])) continue;
      // 1. quantifier against quantifier; or all of them against some of them: "every eviction" against "the last
      // two contestant evictions" (not "all four evictions": the draft counts them too)
      const cq = quantBefore(ct, h);
      const eq = quantBefore(et, e);
      let against = -1;
      if (cq && !done.has(cq.at)) {
        if (eq && CLASH[cq.q].includes(eq.q)) against = eq.at;
        else if (cq.q === 'all' && !ct.slice(cq.at + 1, h).some((t) => t.kind === 'number' || NUMBER_WORDS.test(t.lower))) against = subsetBefore(et, e);
      }
      if (cq && against >= 0) {
        done.add(cq.at);
        out.push({
          kind: 'quantifier',
          effect: 'contradicts',
          message: `quantifier: the draft says ${quoted(words(input.claim.text, ct, cq.at, h))}, the source says ${quoted(words(input.evidence.text, et, against, e))}`,
          claimSpan: { start: ct[cq.at].start, end: ct[h].end },
          evidenceSpan: { start: et[against].start, end: et[e].end },
          strength: 0.75,
        });
        continue;
      }
      // 2. the source sets this aside ("rather than a single project"); the draft asserts it
      const ec = contrastBefore(et, e);
      const ex = ec < 0 ? -1 : EXCLUSIVE.has(ct[h].lower) ? h : exclusiveBefore(ct, h);
      // the phrase the source sets aside must be the draft's: the draft's own exclusive word, or another of its words
      // there, not the head alone ("exercising hounds" is not "rather than set the hounds on them")
      // (the draft's own word: a loose synonym, "exercising" for "set", is not the phrase)
      const setAside = ec >= 0 && (ex >= 0 || input.alignment.some((x, k) => k !== h && x > ec && x < e && isContent(ct[k]) && ct[k].lemma === et[x].lemma));
      if (setAside && contrastBefore(ct, h) < 0 && !usedContrast.has(ec)) {
        usedContrast.add(ec);
        // the phrase the source sets aside: extend to the following aligned words in the same scope
        let hh = h;
        for (let k = h + 1; k < ct.length && k <= h + 3; k++) {
          const ek = input.alignment[k] ?? -1;
          if (isClauseBreak(ct[k])) break;
          if (ek >= 0 && contrastBefore(et, ek) === ec) hh = k;
        }
        const from = ex >= 0 ? (ct[ex - 1]?.lower === 'a' ? ex - 1 : ex) : h;
        if (done.has(from)) continue;
        done.add(from);
        out.push({
          kind: 'quantifier',
          effect: 'contradicts',
          message: `quantifier: the draft says ${quoted(words(input.claim.text, ct, from, hh))}, the source says ${quoted(words(input.evidence.text, et, ec, Math.max(e, input.alignment[hh] ?? e)))}`,
          claimSpan: { start: ct[from].start, end: ct[hh].end },
          evidenceSpan: { start: et[ec].start, end: et[Math.max(e, input.alignment[hh] ?? e)].end },
          strength: ex >= 0 ? 0.8 : 0.6,
        });
        continue;
      }
      // 3. "only X" in the draft, "X among others / including X" in the source
      const ox = exclusiveBefore(ct, h);
      if (ox >= 0 && exclusiveBefore(et, e) < 0 && !done.has(ox)) {
        let inc = -1;
        for (let k = Math.max(0, e - 4); k <= Math.min(et.length - 1, e + 4); k++)
          if (INCLUSIVE.has(et[k].lower)) {
            inc = k;
            break;
          }
        // ... or in the phrase it heads ("a deal with either bidder"), before the clause ends
        for (let k = e - 1; inc < 0 && k <= e + 3 && k < et.length; k++) {
          if (k > e && isClauseBreak(et[k])) break;
          if (k !== e && INCLUSIVE_BEFORE.has(et[k]?.lower ?? '')) inc = k;
        }
        // "one of five executives", "one of several": the source counts others beside it
        for (let k = Math.max(0, e - 4); inc < 0 && k + 1 < e; k++) if (et[k].lower === 'one' && et[k + 1].lower === 'of') inc = k;
        // "solely by X" against "by X and Y": the source names another beside X
        if (inc < 0) inc = coordinatedAfter(input, h, e);
        if (inc >= 0) {
          done.add(ox);
          let hx = h;
          while (hx + 1 < ct.length && hx < h + 3 && (input.alignment[hx + 1] ?? -1) >= 0 && isContent(ct[hx + 1])) hx++;
          const a = Math.min(inc, e);
          // "either bidder", not "either": the word the inclusive one qualifies ends the quotation
          const b = Math.max(inc + (INCLUSIVE_BEFORE.has(et[inc].lower) && et[inc + 1] && isContent(et[inc + 1]) ? 1 : 0), e);
          out.push({
            kind: 'quantifier',
            effect: 'contradicts',
            message: `quantifier: the draft says ${quoted(words(input.claim.text, ct, ox, hx))}, the source says ${quoted(words(input.evidence.text, et, a, b))}`,
            claimSpan: { start: ct[ox].start, end: ct[hx].end },
            evidenceSpan: { start: et[a].start, end: et[b].end },
            strength: 0.6,
          });
        }
      }
    }
    return out;
  },
};

/**
 * The evidence goes on from the phrase the claim's exclusive word scopes over (X, aligned from claim token h
 * on) to "and" / "as well as" and another name the claim does not have: "by the Board and the Commission" for
 * "solely by the Board". Returns the index of the coordinator, or -1.
 */
function coordinatedAfter(input: SignalInput, h: number, e: number): number {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  // the end of X in the evidence: the last counterpart of the claim's following aligned words (same clause)
  let last = e;
  for (let k = h + 1; k < ct.length && k <= h + 8; k++) {
    if (isClauseBreak(ct[k])) break;
    const ek = input.alignment[k] ?? -1;
    if (ek > last && ek <= last + 4) last = ek;
  }
  const claimHas = new Set(input.alignment.filter((j) => j >= 0));
  for (let k = last + 1; k < et.length && k <= last + 2; k++) {
    const t = et[k];
    if (t.lower !== 'and' && t.lower !== '&' && !(t.lower === 'as' && et[k + 1]?.lower === 'well')) continue;
    // the coordinated word: a name (or a content word) the claim does not carry
    for (let m = k + 1; m < et.length && m <= k + 4; m++) {
      if (isClauseBreak(et[m])) break;
      if (isContent(et[m]) && /^\p{Lu}/u.test(et[m].text) && !claimHas.has(m)) return k;
    }
  }
  return -1;
}

function words(text: string, tokens: Token[], i: number, j: number): string {
  return text.slice(tokens[i].start, tokens[j].end);
}
