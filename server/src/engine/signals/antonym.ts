/**
 * Antonyms and opposing verbs (WordNet '!' pairs plus the curated list in lexicon.ts): "prices rose" against
 * "prices fell". Fires only when the opposing word sits in the same place between aligned neighbours and the
 * rest of the claim is well covered; a negation on exactly one side turns the pair into agreement.
 */
import type { SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { areAntonyms } from '../lexicon';
import { axisOf } from '../directions';
import { isNegationCue } from './negation';
import { isClauseBreak, quoted } from './util';
import { knob } from '../knob';

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.5, 'Coverage a candidate needs before opposing words in it are compared', 'higher: fewer antonym findings'),
};

/**
 * Pairs that describe a different participant or state rather than the opposite of the same event
 * ("a man" / "a woman", "black" / "white", "sitting" / "standing"): the source is about something
 * else, so the draft's word is unsupported, not contradicted (SICK's annotators judge these neutral).
 */
const CONTRAST_GROUPS = [
  [
    'man',
    'woman',
    'boy',
    'girl',
    'male',
    'female',
    'husband',
    'wife',
    'king',
    'queen',
    'father',
    'mother',
    'son',
    'daughter',
    'brother',
    'sister',
    'gentleman',
    'lady',
  ],
  ['black', 'white', 'red', 'blue', 'green', 'yellow', 'brown', 'gray', 'grey', 'pink', 'purple', 'orange', 'dark', 'light'],
  ['sit', 'stand', 'lie', 'run', 'walk', 'kneel', 'sitting', 'standing', 'lying', 'running', 'walking'],
  ['big', 'small', 'large', 'little', 'tall', 'short', 'huge', 'tiny'],
  ['old', 'young', 'new'],
  ['left', 'right'],
  ['inside', 'outside', 'indoors', 'outdoors'],
  ['quickly', 'slowly', 'fast', 'slow'],
];
const CONTRAST = new Map<string, number>();
CONTRAST_GROUPS.forEach((g, i) => g.forEach((w) => CONTRAST.set(w, i)));

function contrastOnly(a: Token, b: Token): boolean {
  const ga = CONTRAST.get(a.lemma) ?? CONTRAST.get(a.lower);
  const gb = CONTRAST.get(b.lemma) ?? CONTRAST.get(b.lower);
  return ga !== undefined && ga === gb;
}

/** Words whose sense the clause's polarity sets ("ever" under "not" is "never"): no antonym of their own. */
const POLARITY_ITEMS = new Set(['ever', 'never']);

function opposite(a: Token, b: Token): boolean {
  if (a.kind !== 'word' || b.kind !== 'word') return false;
  if (a.lemma === b.lemma || a.lower === b.lower) return false;
  // "ever" stands in questions and under a negation ("not aware of him ever ..."): it means what "never" says
  if (POLARITY_ITEMS.has(a.lower) || POLARITY_ITEMS.has(b.lower)) return false;
  return areAntonyms(a.lemma, b.lemma) || areAntonyms(a.lower, b.lower) || areAntonyms(a.lemma, b.lower) || areAntonyms(a.lower, b.lemma);
}

function negated(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (isClauseBreak(tokens[k])) return false;
    if (isNegationCue(tokens[k], tokens, k)) return true;
  }
  return false;
}

/** Evidence window [lo, hi] where the counterpart of claim token i should be, from aligned neighbours. */
function window(input: SignalInput, i: number): [number, number] | undefined {
  const al = input.alignment;
  let before = -1;
  let after = -1;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--)
    if ((al[k] ?? -1) >= 0) {
      before = al[k];
      break;
    }
  for (let k = i + 1; k < al.length && k <= i + 4; k++)
    if ((al[k] ?? -1) >= 0) {
      after = al[k];
      break;
    }
  if (before < 0 && after < 0) return undefined;
  if (before >= 0 && after >= 0 && after > before) return [before + 1, after - 1];
  // the neighbours come in the other order (a passive: "rejected the motions" / "the motions were passed by"):
  // the counterpart sits near either of them
  if (before >= 0) return [before + 1, before + 6];
  return [Math.max(0, after - 6), after - 1];
}

/**
 * Evidence windows beside the counterparts of the claim's aligned words within 3 tokens of i, on the same side as
 * in the claim ("profits slid" / "profits jumped": after the subject); the other side only for a passive in the
 * evidence ("rejected two motions" / "two motions were passed").
 */
function nearWindows(input: SignalInput, i: number): { lo: number; hi: number; passive: boolean }[] {
  const out: { lo: number; hi: number; passive: boolean }[] = [];
  const ct = input.claim.tokens;
  for (let k = Math.max(0, i - 3); k <= Math.min(ct.length - 1, i + 3); k++) {
    if (k === i || ct[k].stop) continue;
    const j = input.alignment[k] ?? -1;
    if (j < 0) continue;
    if (k < i) {
      out.push({ lo: j + 1, hi: j + 3, passive: false });
      out.push({ lo: j - 3, hi: j - 1, passive: true });
    } else {
      out.push({ lo: j - 3, hi: j - 1, passive: false });
      out.push({ lo: j + 1, hi: j + 3, passive: true });
    }
  }
  return out;
}

/** A passive around token j: a form of "be" right before it, or "by" right before it ("handled by the woman"). */
function isPassive(tokens: Token[], j: number): boolean {
  for (let k = j - 1; k >= 0 && k >= j - 2; k--) if (/^(is|are|was|were|be|been|being|by)$/.test(tokens[k].lower)) return true;
  return false;
}

/** Nouns whose amount goes up or down: a rise against a fall of these is a clash, of a person or a ball a scene. */
const QUANTITY_NOUNS = new Set([
  'price',
  'profit',
  'sale',
  'share',
  'stock',
  'rate',
  'number',
  'figure',
  'cost',
  'value',
  'revenue',
  'income',
  'growth',
  'output',
  'demand',
  'supply',
  'index',
  'market',
  'earnings',
  'turnover',
  'unemployment',
  'inflation',
  'economy',
  'export',
  'import',
  'level',
  'total',
  'debt',
  'deficit',
  'spending',
  'wage',
  'pay',
  'salary',
  'rent',
  'fare',
  'fee',
  'tax',
  'dividend',
  'yield',
  'margin',
  'vote',
  'support',
  'membership',
  'attendance',
  'audience',
  'population',
  'production',
  'investment',
  'borrowing',
  'pound',
  'dollar',
  'euro',
  'currency',
  'bond',
  'subscriber',
  'customer',
  'user',
  'visitor',
  'passenger',
  'crime',
  'case',
  'death',
  'temperature',
  'poll',
  'rating',
]);
/** Nouns of weather and conditions: "a wet day" against "a dry day" is a clash, "wet sand" against "dry sand" a scene. */
const WEATHER_NOUNS = new Set([
  'day',
  'weather',
  'condition',
  'afternoon',
  'morning',
  'evening',
  'night',
  'summer',
  'winter',
  'spring',
  'autumn',
  'spell',
  'month',
  'week',
  'season',
  'year',
]);

/**
 * Is the pair a clash in this context? Directions of amount ("rose" / "fell") need an amount nearby (a number,
 * or a noun such as profit, price, sales); wet / dry needs weather; the other pairs stand on their own.
 */
function inContext(input: SignalInput, c: Token, e: Token, i: number, j: number): boolean {
  const axis = axisOf(c.lemma, e.lemma) ?? axisOf(c.lower, e.lower);
  if (axis !== 'up/down' && axis !== 'wet/dry') return true;
  const nouns = axis === 'up/down' ? QUANTITY_NOUNS : WEATHER_NOUNS;
  const around = (tokens: Token[], at: number) => {
    for (let k = Math.max(0, at - 5); k <= Math.min(tokens.length - 1, at + 5); k++) {
      const t = tokens[k];
      if (axis === 'up/down' && (t.kind === 'number' || t.lower === '%')) return true;
      if (nouns.has(t.lemma) || nouns.has(t.lower)) return true;
    }
    return false;
  };
  return around(input.claim.tokens, i) || around(input.evidence.tokens, j);
}

/** The word stands in the "than" phrase of a comparison ("than an earlier approach"). */
function comparedAgainst(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (tokens[k].lower === 'than') return true;
    if (isClauseBreak(tokens[k])) break;
  }
  return false;
}

/** Words of order: opposites only about one thing. */
const ORDERS = new Set(['first', 'second', 'third', 'last', 'final', 'next', 'previous', 'former', 'latter']);

/** The words right after claim token i and evidence token j are one word (aligned, or the same lemma). */
function sameNext(input: SignalInput, i: number, j: number): boolean {
  const c = input.claim.tokens[i + 1];
  const e = input.evidence.tokens[j + 1];
  if (!c || !e || c.kind !== 'word' || e.kind !== 'word') return false;
  return input.alignment[i + 1] === j + 1 || c.lemma === e.lemma;
}

/** Verbs that tell one event from either party's side ("A gives B control" = "B takes control"). */
const CONVERSES = new Set(['give\ttake', 'give\treceive', 'receive\tsend', 'borrow\tlend', 'buy\tsell', 'learn\tteach']);

/** "home" / "away" right after a verb ("went home", "walked away"), not in a phrase ("at home", "the away side"). */
function motionAdverb(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return (tokens[i].lower === 'home' || tokens[i].lower === 'away') && !!prev && prev.kind === 'word' && !prev.stop;
}

/** Winning told in the passive is losing: "DiCaprio, beaten to the prize by Foxx" = "DiCaprio lost out to Foxx". */
const BEATING = new Set(['beat', 'defeat', 'overcome', 'outvote', 'outplay', 'trounce', 'thrash', 'edge']);

/** A past participle in the passive at i: "was beaten", "beaten to the prize by Foxx" (a "by" before the clause ends). */
function passiveParticiple(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!/(en|ed)$/.test(t.lower) || t.lower === t.lemma) return false;
  if (isPassive(tokens, i) && tokens[i - 1]?.lower !== 'by') return true;
  for (let k = i + 1; k < tokens.length && k <= i + 8; k++) {
    if (tokens[k].lower === 'by') return true;
    if (isClauseBreak(tokens[k])) break;
  }
  return false;
}

function converse(input: SignalInput, c: Token, e: Token, i: number, j: number): boolean {
  // "beaten by X" against "lost to X": one result, told from the loser's side both times
  if (BEATING.has(c.lemma) && e.lemma === 'lose' && passiveParticiple(input.claim.tokens, i)) return true;
  if (BEATING.has(e.lemma) && c.lemma === 'lose' && passiveParticiple(input.evidence.tokens, j)) return true;
  const pair = [c.lemma, e.lemma].sort().join('\t');
  if (!CONVERSES.has(pair)) return false;
  for (let k = i + 1; k < input.claim.tokens.length && k <= i + 3; k++) {
    const ek = input.alignment[k] ?? -1;
    if (ek >= 0 && !input.claim.tokens[k].stop && ek < j && ek >= j - 4) return true;
  }
  return false;
}

/** A comparative degree at i: "-er/more/less ... than" within three words ("higher than", "more costly than"). */
function comparative(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    if (tokens[k].lower === 'than') return true;
    if (isClauseBreak(tokens[k])) break;
  }
  return false;
}

export const antonym: SignalDetector = {
  kind: 'antonym',
  description: "The statement uses the opposite of the source's word",
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    if (input.coverage < TUNING.minCoverage.value) return out;
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    for (let i = 0; i < ct.length; i++) {
      const c = ct[i];
      if (c.kind !== 'word' || (input.alignment[i] ?? -1) >= 0) continue;
      if (c.lower.length < 2 || c.stop) continue; // function words (all/some, more/less) belong to other signals
      // where the counterpart should be: between the evidence words the claim's neighbours aligned to, else
      // near any of them (the clause in another order: "rejected two motions" / "two motions were passed")
      const w = window(input, i);
      const near = nearWindows(input, i);
      if (!w && !near.length) continue;
      const places = w ? [{ lo: w[0], hi: w[1], passive: false }, ...near] : near;
      let found = -1;
      for (const { lo, hi, passive } of places) {
        for (let j = Math.max(0, lo); j <= hi && j < et.length && found < 0; j++) {
          const e = et[j];
          if (e.stop || input.alignment.includes(j) || !opposite(c, e)) continue;
          if (passive && !isPassive(et, j) && !isPassive(ct, i)) continue;
          if (negated(ct, i) !== negated(et, j)) continue; // "did not rise" vs "fell": agreement
          // "an income 13% higher than those divorced" against "divorced people on low incomes": a comparison
          // against a plain degree is no clash
          if (comparative(ct, i) !== comparative(et, j)) continue;
          // "than an earlier approach": the source's word describes what is compared against, not the draft's thing
          if (comparedAgainst(et, j) && !comparedAgainst(ct, i)) continue;
          // "enough to give Mr Glazer control" / "enough for Mr Glazer to take control": one event told from the
          // other side (the draft's word after its verb stands before the source's)
          if (converse(input, c, e, i, j)) continue;
          // "went home empty-handed" / "walked away empty-handed": "home" and "away" after two different verbs
          // say where the going went, each phrase whole, not two sides of one game
          if (motionAdverb(ct, i) && motionAdverb(et, j) && ct[i - 1].lemma !== et[j - 1].lemma) continue;
          // "was first contested" against "for the second time": an order compares only the same thing ("first
          // half" / "second half"), the word after it on both sides
          if ((ORDERS.has(c.lower) || ORDERS.has(e.lower)) && !sameNext(input, i, j)) continue;
          found = j;
        }
        if (found >= 0) break;
      }
      if (found >= 0) {
        const j = found;
        const e = et[j];
        // a scene's contrast ("a man running quickly" / "slowly") is a clash once both sides compare against one
        // thing: "faster than the slowest machine" / "slower than the slowest computer"
        const compared = comparative(ct, i) && comparative(et, j);
        const contrast = (contrastOnly(c, e) && !compared) || !inContext(input, c, e, i, j);
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
      }
    }
    out.push(...particleClashes(input));
    const ml = moreOrLess(input);
    if (ml) out.push(ml);
    return out;
  },
};

const MORE = new Set(['more', 'greater']);
const LESS = new Set(['less', 'fewer']);

/**
 * A comparison turned round: "relies on far more debt than his earlier offer" against "relies less on debt than
 * an earlier approach". "more" on one side, "less" / "fewer" on the other, each before a "than" in its clause and
 * compared against the same word, with a claim word aligned near both (the thing compared). Neither side negated.
 */
function moreOrLess(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  // the "than" that follows i in its clause, and the first content word after it (what is compared against, or -1)
  const thanAfter = (tokens: Token[], i: number): { than: number; against: number } | undefined => {
    for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
      if (tokens[k].lower === 'than') {
        for (let m = k + 1; m < tokens.length && m <= k + 4; m++) if (isContentWord(tokens[m])) return { than: k, against: m };
        return { than: k, against: -1 };
      }
      if (isClauseBreak(tokens[k])) return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < ct.length; i++) {
    const c = ct[i].lower;
    const claimMore = MORE.has(c);
    if (!claimMore && !LESS.has(c)) continue;
    const compared = thanAfter(ct, i);
    if (!compared || compared.against < 0 || negated(ct, i)) continue;
    const { than, against } = compared;
    // the thing compared: a claim word before the "than", aligned near the source's word
    for (let k = Math.max(0, i - 3); k <= Math.min(than - 1, i + 3); k++) {
      const j = input.alignment[k] ?? -1;
      if (k === i || j < 0 || !isContentWord(ct[k])) continue;
      for (let m = Math.max(0, j - 3); m <= Math.min(et.length - 1, j + 3); m++) {
        const e = et[m].lower;
        if (!(claimMore ? LESS.has(e) : MORE.has(e)) || negated(et, m)) continue;
        // compared against the same thing: "than his earlier offer" / "than an earlier approach"
        const sourceAgainst = thanAfter(et, m)?.against ?? -1;
        if (sourceAgainst < 0 || !(input.alignment[against] === sourceAgainst || ct[against].lemma === et[sourceAgainst].lemma)) continue;
        return {
          kind: 'antonym',
          effect: 'contradicts',
          message: `antonym: the draft says ${quoted(ct[i].text)}, the source says ${quoted(et[m].text)}`,
          claimSpan: { start: ct[i].start, end: ct[i].end },
          evidenceSpan: { start: et[m].start, end: et[m].end },
          strength: 0.4 + 0.5 * input.coverage,
        };
      }
    }
  }
  return undefined;
}

function isContentWord(t: Token): boolean {
  return t.kind === 'word' && !t.stop;
}

/** Particles that turn a verb the other way: "played up" / "played down", "ruled in" / "ruled out". */
const OPPOSITE_PARTICLES: Record<string, string> = { up: 'down', down: 'up', in: 'out', out: 'in', on: 'off', off: 'on' };

/** Verbs that a particle turns one way or the other ("play up" a fact, "play down" a fact). */
const PHRASAL = new Set(['play', 'step', 'rule', 'scale', 'ramp', 'talk', 'opt', 'switch', 'tone', 'gear', 'power', 'log', 'wind', 'dial', 'water']);

/**
 * The same verb with the opposite particle: "Mr Ebbers played up his role" against "played down his role",
 * "stepped up" / "stepped down", "switched on" / "switched off". The verb is aligned to the very same word of the
 * source; the particle right after it is the other one. Contradicted, on the draft's particle.
 */
function particleClashes(input: SignalInput): SignalFinding[] {
  const out: SignalFinding[] = [];
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let i = 0; i + 1 < ct.length; i++) {
    const j = input.alignment[i] ?? -1;
    if (j < 0 || j + 1 >= et.length || ct[i].kind !== 'word' || ct[i].stop || et[j].lemma !== ct[i].lemma) continue;
    const p = ct[i + 1];
    const q = et[j + 1];
    if (OPPOSITE_PARTICLES[p.lower] !== q.lower) continue;
    // only verbs whose particle turns them ("walking down the aisle" / "up the aisle" is a direction of travel)
    if (!PHRASAL.has(ct[i].lemma)) continue;
    out.push({
      kind: 'antonym',
      effect: 'contradicts',
      message: `antonym: the draft says ${quoted(`${ct[i].text} ${p.text}`)}, the source says ${quoted(`${et[j].text} ${q.text}`)}`,
      claimSpan: { start: p.start, end: p.end },
      evidenceSpan: { start: q.start, end: q.end },
      strength: 0.4 + 0.5 * input.coverage,
    });
  }
  return out;
}
