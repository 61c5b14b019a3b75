/**
 * Word order and roles: "The kangaroo is picking up the woman" against "The woman is picking up a baby
 * kangaroo". Every word is carried, so coverage sees a match; but who does what to whom is reversed. A
 * tight run of three aligned claim words (x ... verb ... y, one clause) whose counterparts stand in the
 * opposite order in one clause of the evidence (y ... verb ... x) makes the claim unsupported. A passive on
 * either side ("is picked up by the kangaroo", "the frog is being held") reverses the order legitimately
 * and cancels it; so do a compound unfolded ("air quality control" / "control of air quality"), coordinated
 * clauses ("and", "or") and a word the evidence repeats (its alignment may point at the wrong occurrence).
 * Around one verb, a name the draft makes the doer (subject, or a passive's agent) that the source makes the
 * verb's object ("Okafor accused the player" / "he accused Okafor") is contradicted (argumentSwap).
 */
import type { SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { isCapitalized, isClauseBreak, isContent, isSentenceStart, quoted, words } from './util';
import { knob } from '../knob';
import { posTags } from '../pos';
import { isRole, isSpeech } from './attribution';

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.5, 'Coverage a candidate needs before the order of its words is compared', 'higher: fewer order findings'),
  claimWindow: knob(8, 'The three claim words (x ... verb ... y) lie within this many tokens', 'lower: fewer order findings'),
  evidenceWindow: knob(10, 'Their counterparts in the evidence lie within this many tokens', 'lower: fewer order findings'),
};

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", 'get', 'gets', 'got', 'getting']);

/** A reduced passive: "England poured forward, spurred on by Matt Dawson"; "a kick blocked by Ellis". */
function reducedPassive(tokens: Token[], v: number): boolean {
  const t = tokens[v];
  if (t.kind !== 'word' || t.lower.endsWith('ing') || t.lower === t.lemma) return false;
  return tokens[v + 1]?.lower === 'by' || (/^(on|up|off|out|in)$/.test(tokens[v + 1]?.lower ?? '') && tokens[v + 2]?.lower === 'by');
}

/** A passive verb: a form of "be" (or "get") just before it, the verb itself not an -ing form: "is being held". */
function passiveAt(tokens: Token[], v: number): boolean {
  const t = tokens[v];
  if (t.lower.endsWith('ing') || t.lower === t.lemma) return false;
  if (reducedPassive(tokens, v)) return true;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (BE.has(tokens[k].lower)) return true;
    if (isContent(tokens[k]) && !tokens[k].lower.endsWith('ly')) return false;
  }
  return false;
}

/** How many content tokens of the evidence carry this lemma. */
function occurrences(tokens: Token[], lemma: string): number {
  let n = 0;
  for (const t of tokens) if (t.lemma === lemma && isContent(t)) n++;
  return n;
}

/** A content token of this lemma at an index from..to. */
function occursBetween(tokens: Token[], lemma: string, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k <= to && k < tokens.length; k++) if (tokens[k].lemma === lemma && isContent(tokens[k])) return true;
  return false;
}

/**
 * An aside set off by commas: an age or a description ("63", "the chair", "a lawyer"), not a clause ("England
 * poured forward"): it opens with a number or a determiner and holds no verb form in -ed or -ing.
 */
function isAside(tokens: Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (!(first.kind === 'number' || /^(a|an|the|his|her|its|their|our|my)$/.test(first.lower))) return false;
  for (let k = from; k <= to; k++) if (tokens[k].kind === 'word' && /(ed|ing)$/.test(tokens[k].lower)) return false;
  return true;
}

/**
 * The index of the `mark` that closes the aside opened at token k (within four tokens, before `to`), or -1; a
 * clause break on the way ends the search unless `throughBreaks`.
 */
function closing(tokens: Token[], k: number, to: number, mark: string, throughBreaks: boolean): number {
  for (let m = k + 1; m < to && m <= k + 4; m++) {
    if (tokens[m].lower === mark) return m;
    if (!throughBreaks && isClauseBreak(tokens[m])) return -1;
  }
  return -1;
}

/**
 * A clause break strictly between from and to, an aside between two commas aside ("Mr Ebbers, 63, directed";
 * "Ann Lee, the chair, asked") or in a parenthesis ("the committee (JURI) said"): at most three words set off
 * inside the stretch do not end the clause.
 */
function breaksBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    if (!isClauseBreak(tokens[k])) continue;
    // "The Legal Affairs Committee (JURI) said": a parenthesis of at most three words
    const paren = tokens[k].lower === '(' ? closing(tokens, k, to, ')', true) : -1;
    if (paren > k + 1) {
      k = paren;
      continue;
    }
    const comma = tokens[k].lower === ',' ? closing(tokens, k, to, ',', false) : -1;
    if (comma > k + 1 && isAside(tokens, k + 1, comma - 1)) {
      k = comma;
      continue;
    }
    return true;
  }
  return false;
}

/** A person named (a capitalised word inside the sentence) or given by a role ("the mayor"): a party, not a common noun. */
function isParty(ct: Token[], k: number): boolean {
  return (isCapitalized(ct[k]) && !isSentenceStart(ct, k)) || (isRole(ct[k]) && /^(the|his|her|its|their)$/.test(ct[k - 1]?.lower ?? ''));
}

/** Some token strictly between from and to passes the test. */
function between(tokens: Token[], from: number, to: number, test: (t: Token) => boolean): boolean {
  for (let k = from + 1; k < to; k++) if (test(tokens[k])) return true;
  return false;
}

const isBy = (t: Token) => t.lower === 'by';
const isCoordinator = (t: Token) => t.lower === 'and' || t.lower === 'or' || t.lower === 'but' || t.lower === '&';
const isOf = (t: Token) => t.lower === 'of';
const isFrom = (t: Token) => t.lower === 'from';
const isTo = (t: Token) => t.lower === 'to';

const COMPARATORS = new Set(['over', 'than']);

/**
 * A comparison reversed: "favour small firms over large ones" against "favour large firms over small ones",
 * "more to the north than the south" against "more to the south than the north". The words either side of
 * "over" / "than" in the claim stand on the other sides of it in the evidence.
 */
function comparison(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  const al = input.alignment;
  for (let o = 1; o < ct.length - 1; o++) {
    if (!COMPARATORS.has(ct[o].lower)) continue;
    // the evidence's own "over" / "than", between the counterparts of the claim's words around it
    const eos: number[] = [];
    for (let k = 0; k < et.length; k++) if (et[k].lower === ct[o].lower) eos.push(k);
    for (const eo of eos) {
      let left = -1; // a claim word before "over" whose counterpart stands after the evidence's "over"
      let right = -1; // and one after it whose counterpart stands before
      for (let k = o - 1; k >= 0 && k >= o - 3; k--) {
        if (isClauseBreak(ct[k])) break;
        const e = al[k] ?? -1;
        if (isContent(ct[k]) && e > eo && e <= eo + 3 && !between(et, eo, e, isClauseBreak)) left = k;
      }
      for (let k = o + 1; k < ct.length && k <= o + 3; k++) {
        if (isClauseBreak(ct[k])) break;
        const e = al[k] ?? -1;
        if (isContent(ct[k]) && e >= 0 && e < eo && e >= eo - 3 && !between(et, e, eo, isClauseBreak)) right = k;
      }
      if (left < 0 || right < 0 || ct[left].lemma === ct[right].lemma) continue;
      return {
        kind: 'order',
        effect: 'contradicts',
        message: `order: the draft has ${quoted(words(input.claim, left, right))}, the source has it the other way round: ${quoted(words(input.evidence, al[right], al[left]))}`,
        claimSpan: { start: ct[left].start, end: ct[right].end },
        evidenceSpan: { start: et[al[right]].start, end: et[al[left]].end },
        strength: 0.7,
      };
    }
  }
  return undefined;
}

/** A name: a capitalised word not at the start of the sentence. */
function isName(tokens: Token[], i: number): boolean {
  return i >= 0 && isCapitalized(tokens[i]) && !isSentenceStart(tokens, i);
}

/**
 * The agent in a relative clause: the claim has "A hit B" (two names around a verb), the source "B who hit
 * him": B is the one who did it. Contradicted, on the claim's three words.
 */
function relativeAgent(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  const al = input.alignment;
  for (let v = 1; v + 1 < ct.length; v++) {
    if (!isContent(ct[v]) || isCapitalized(ct[v]) || (al[v] ?? -1) < 0) continue;
    // the claim's subject name right before the verb, its object name right after
    let a = v - 1;
    while (a >= 0 && ct[a].kind === 'word' && !isContent(ct[a])) a--;
    // the object: the name right after the verb, to its last word ("Paul O'Connell")
    let c = v + 1;
    if (!isName(ct, c)) continue;
    while (c + 1 < ct.length && isCapitalized(ct[c + 1])) c++;
    if (!isName(ct, a) || (al[c] ?? -1) < 0) continue;
    const ev = al[v];
    const ec = al[c];
    // the object's counterpart, then "who" and the verb: "O'Connell who hit him"
    if (!(et[ec + 1]?.lower === 'who' && ev > ec + 1 && ev <= ec + 3)) continue;
    if ((al[a] ?? -1) >= 0 && al[a] > ec && al[a] < ev) continue; // "B, whom A ... hit": no reversal
    return {
      kind: 'order',
      effect: 'contradicts',
      message: `order: the draft has ${quoted(words(input.claim, a, c))}, the source has ${quoted(words(input.evidence, ec, ev))}`,
      claimSpan: { start: ct[a].start, end: ct[c].end },
      evidenceSpan: { start: et[ec].start, end: et[ev].end },
      strength: 0.7,
    };
  }
  return undefined;
}

/** Nouns of asking and ordering whose possessor is the one who asked ("at Smith's request"). */
const ASKING = new Set(['request', 'demand', 'behest', 'instruction', 'order', 'invitation', 'urging', 'insistence']);

/**
 * The one who asked, swapped: the claim's "at Myers' request" against the source's "at the request of ...
 * Scott Sullivan", while the claim names Sullivan too (as the one who acted). Contradicted.
 */
function possessorSwap(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  const al = input.alignment;
  for (let n = 1; n < ct.length; n++) {
    if (!ASKING.has(ct[n].lemma) || (al[n] ?? -1) < 0) continue;
    // the claim's possessor: "Myers'" / "Myers's" right before the noun
    let p = n - 1;
    if (ct[p]?.kind === 'punct' && /^['’]s?$/.test(ct[p].lower)) p--;
    if (!isName(ct, p)) continue;
    const owner = ct[p].lower.replace(/['’]s?$/, '');
    // the source's "the request of <name phrase>": its last capitalised word
    const en = al[n];
    if (et[en + 1]?.lower !== 'of') continue;
    let last = -1;
    for (let k = en + 2; k < et.length && k <= en + 9; k++) {
      if (isClauseBreak(et[k]) || /^(and|who|which|to|that)$/.test(et[k].lower)) break;
      if (isCapitalized(et[k])) last = k;
    }
    if (last < 0) continue;
    const sourceOwner = et[last].lower;
    if (sourceOwner === owner) continue;
    // the source's asker is someone else the claim names: the roles are swapped, not a stranger brought in
    if (!ct.some((t, k) => k !== p && t.lower === sourceOwner)) continue;
    return {
      kind: 'order',
      effect: 'contradicts',
      message: `order: the draft has ${quoted(words(input.claim, p, n))}, the source has ${quoted(words(input.evidence, en - 1 >= 0 && et[en - 1].lower === 'the' ? en - 1 : en, last))}`,
      claimSpan: { start: ct[p].start, end: ct[n].end },
      evidenceSpan: { start: et[en].start, end: et[last].end },
      strength: 0.7,
    };
  }
  return undefined;
}

/** Words between a subject and its verb that leave the subject in place ("Mr Hale has also said"). */
const AUXILIARY =
  /^(has|have|had|was|were|is|are|will|would|could|should|may|might|must|also|then|later|once|repeatedly|publicly|previously|recently|himself|herself|itself|did|does|do)$/;

/** The name right before verb v (over auxiliaries and adverbs): its last token, or -1. */
function subjectNameBefore(tokens: Token[], v: number): number {
  let k = v - 1;
  // "SBC agreed to buy": the subject of a verb that takes "to" and this one
  if (tokens[k]?.lower === 'to' && k >= 1 && CATENATIVE.has(tokens[k - 1].lemma)) k -= 2;
  while (k >= 0 && (AUXILIARY.test(tokens[k].lower) || (tokens[k].lower.endsWith('ly') && !isCapitalized(tokens[k])))) k--;
  return k >= 0 && isName(tokens, k) ? k : -1;
}

/** Verbs whose subject does the verb after their "to" ("agreed to buy", "plans to sue"). */
const CATENATIVE = new Set(['agree', 'plan', 'want', 'decide', 'offer', 'try', 'seek', 'hope', 'aim', 'threaten', 'move', 'vote']);

/** The name right after verb v (over an article): its first token, or -1; not a name that opens a passive's agent. */
function objectNameAfter(tokens: Token[], v: number): number {
  let k = v + 1;
  if (tokens[k]?.lower === 'the') k++;
  // "buy its former subsidiary SBC": a possessive and up to two words naming what the name is
  else if (/^(its|his|her|their)$/.test(tokens[k]?.lower ?? '')) {
    k++;
    for (let m = 0; m < 2 && tokens[k] && tokens[k].kind === 'word' && !tokens[k].stop && !isCapitalized(tokens[k]); m++) k++;
  }
  if (!(k < tokens.length && isName(tokens, k))) return -1;
  // a name that describes the noun after it ("want an SNP vote") is no object of the verb
  const next = tokens[nameEnd(tokens, k) + 1];
  if (next && next.kind === 'word' && !next.stop && !isCapitalized(next)) return -1;
  return k;
}

/** The agent of a passive at v ("has been contacted by the Tarrow Agency"): the first name after "by", or -1. */
function passiveAgent(tokens: Token[], v: number): number {
  if (!passiveAt(tokens, v)) return -1;
  let k = v + 1;
  if (tokens[k]?.lower !== 'by') return -1;
  k++;
  if (/^(the|a|an)$/.test(tokens[k]?.lower ?? '')) k++;
  return k < tokens.length && isName(tokens, k) ? k : -1;
}

/** The last token of the name that starts at k: capitalised words, over a possessive mark ("Footballers' Association"). */
function nameEnd(tokens: Token[], k: number): number {
  let end = k;
  for (;;) {
    if (end + 1 < tokens.length && isCapitalized(tokens[end + 1])) end++;
    else if (/^['’]$/.test(tokens[end + 1]?.lower ?? '') && isCapitalized(tokens[end + 2])) end += 2;
    else return end;
  }
}

/** The first token of the name that ends at k, back over a possessive mark, not into the sentence's first word. */
function nameStart(tokens: Token[], k: number): number {
  let from = k;
  for (;;) {
    if (from - 1 >= 0 && isCapitalized(tokens[from - 1]) && !isSentenceStart(tokens, from - 1)) from--;
    else if (from - 2 >= 0 && /^['’]$/.test(tokens[from - 1].lower) && isCapitalized(tokens[from - 2]) && !isSentenceStart(tokens, from - 2)) from -= 2;
    else return from;
  }
}

/** An argument swap found: the draft's words claimFrom..claimTo against the source's evidenceFrom..evidenceTo. */
function swapFinding(input: SignalInput, claimFrom: number, claimTo: number, evidenceFrom: number, evidenceTo: number): SignalFinding {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  return {
    kind: 'order',
    effect: 'contradicts',
    message: `order: the draft has ${quoted(words(input.claim, claimFrom, claimTo))}, the source has ${quoted(words(input.evidence, evidenceFrom, evidenceTo))}: the roles the other way round`,
    claimSpan: { start: ct[claimFrom].start, end: ct[claimTo].end },
    evidenceSpan: { start: et[evidenceFrom].start, end: et[evidenceTo].end },
    strength: 0.7,
  };
}

/**
 * The doer and the one done to, swapped around one verb: the draft's "Souness accused the player" against the
 * source's "he accused Souness"; the draft's "it has been contacted by the Tarrow Agency" against "contacted the
 * Tarrow Agency". The verb is aligned to the source's (its own word or a synonym, active in the source); the name is the
 * draft's subject or passive agent and stands as the source verb's object.
 */
function argumentSwap(input: SignalInput): SignalFinding | undefined {
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  const al = input.alignment;
  for (let v = 1; v < ct.length; v++) {
    const ev = al[v] ?? -1;
    if (ev < 0 || ct[v].kind !== 'word' || ct[v].stop || isCapitalized(ct[v]) || et[ev].kind !== 'word') continue;
    // '"...," said Mr Pound' puts the speaker after the verb: no object
    if (isSpeech(ct[v])) continue;
    if (passiveAt(et, ev) || reducedPassive(et, ev)) continue;
    const claimPassive = passiveAt(ct, v) || reducedPassive(ct, v);
    // the one the draft does it to, who the source makes the doer: "Chelsea have accused the Players' Union" /
    // "the Players' Union accusing the club" (the heads of the two names meet)
    if (!claimPassive) {
      const done = objectNameAfter(ct, v);
      const sourceDoer = subjectNameBefore(et, ev);
      if (done >= 0 && sourceDoer >= 0) {
        const doneEnd = nameEnd(ct, done);
        const sourceObject = objectNameAfter(et, ev);
        const same = ct[doneEnd].lower === et[sourceDoer].lower;
        const alsoObject = sourceObject >= 0 && et.slice(sourceObject, sourceObject + 4).some((t) => t.lower === ct[doneEnd].lower);
        if (same && !alsoObject && posTags(input.claim)[v] === 'VERB' && posTags(input.evidence)[ev] === 'VERB')
          return swapFinding(input, v, doneEnd, nameStart(et, sourceDoer), ev);
      }
    }
    // the draft's doer: its passive agent, or the name right before its active verb
    const doer = claimPassive ? passiveAgent(ct, v) : subjectNameBefore(ct, v);
    if (doer < 0) continue;
    // the source names that one as the object of its verb, and not as its subject
    const object = objectNameAfter(et, ev);
    if (object < 0 || ct[doer].lower !== et[object].lower) continue;
    const subject = subjectNameBefore(et, ev);
    if (subject >= 0 && et[subject].lower === ct[doer].lower) continue;
    // a verb on both sides ("Fahrenheit degrees" / "degrees Fahrenheit" is a noun phrase turned round)
    if (posTags(input.claim)[v] !== 'VERB' || posTags(input.evidence)[ev] !== 'VERB') continue;
    let doerEnd = doer;
    while (doerEnd + 1 < ct.length && isCapitalized(ct[doerEnd + 1])) doerEnd++;
    let objectEnd = object;
    while (objectEnd + 1 < et.length && isCapitalized(et[objectEnd + 1])) objectEnd++;
    return swapFinding(input, Math.min(v, doer), Math.max(v, doerEnd), ev, objectEnd);
  }
  return undefined;
}

/** Words skipped between a name and the word that places it: articles and possessives ("from the", "to its"). */
const DETERMINER = /^(the|a|an|its|his|her|their|our|this|that)$/;

interface NameSlot {
  first: number;
  last: number;
  /** the name's last word, lower-cased: what it is matched by */
  head: string;
  /** the word that places the name ("from" in "a quote from Chubb", "provider" in "the provider, AIG"), lower-cased */
  anchor: string;
  at: number;
}

/**
 * The names of a text with the word before each that places it: a lower-case word (not "and", "or"), back over
 * articles and one comma. Names at the start of a sentence or without such a word are left out.
 */
function nameSlots(tokens: Token[]): NameSlot[] {
  const out: NameSlot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens, i) || isCapitalized(tokens[i - 1])) continue;
    const last = nameEnd(tokens, i);
    let k = i - 1;
    while (k >= 0 && tokens[k].kind === 'word' && DETERMINER.test(tokens[k].lower)) k--;
    if (k >= 0 && tokens[k].lower === ',') k--;
    const t = tokens[k];
    if (t && t.kind === 'word' && !isCapitalized(t) && !isCoordinator(t) && !DETERMINER.test(t.lower))
      out.push({ first: i, last, head: tokens[last].lower, anchor: t.lemma, at: k });
    i = last;
  }
  return out;
}

/**
 * Two names in each other's place: "a quote from Chubb ... the existing provider, AIG" against "a quote from AIG
 * ... the present provider Chubb". Each of the draft's two names stands after a word that, in the source, places
 * the other name, and the source never puts either name after its own word of the draft. Contradicted, on the
 * draft's first name and the word placing it.
 */
function nameSwap(input: SignalInput): SignalFinding | undefined {
  const cs = nameSlots(input.claim.tokens);
  if (cs.length < 2) return undefined;
  const es = nameSlots(input.evidence.tokens);
  const placed = (anchor: string, head: string) => es.find((e) => e.anchor === anchor && e.head === head);
  for (const a of cs)
    for (const b of cs) {
      if (a.first >= b.first || a.head === b.head || a.anchor === b.anchor) continue;
      // two prepositions ("in Ukraine", "of London") place names in too many phrases: one word must be a content word
      if (input.claim.tokens[a.at].stop && input.claim.tokens[b.at].stop) continue;
      const bInA = placed(a.anchor, b.head);
      const aInB = placed(b.anchor, a.head);
      if (!bInA || !aInB || placed(a.anchor, a.head) || placed(b.anchor, b.head)) continue;
      const ct = input.claim.tokens;
      const et = input.evidence.tokens;
      return {
        kind: 'order',
        effect: 'contradicts',
        message: `order: the draft has ${quoted(words(input.claim, a.at, a.last))} and ${quoted(words(input.claim, b.at, b.last))}, the source has ${quoted(words(input.evidence, bInA.at, bInA.last))} and ${quoted(words(input.evidence, aInB.at, aInB.last))}: the two names the other way round`,
        claimSpan: { start: ct[a.at].start, end: ct[a.last].end },
        evidenceSpan: { start: et[bInA.at].start, end: et[bInA.last].end },
        strength: 0.7,
      };
    }
  return undefined;
}

export const order: SignalDetector = {
  kind: 'order',
  description: 'The statement reverses who does what to whom in the source',
  detect(input: SignalInput): SignalFinding[] {
    if (input.coverage < TUNING.minCoverage.value) return [];
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    const al = input.alignment;
    const compared = comparison(input) ?? relativeAgent(input) ?? possessorSwap(input) ?? argumentSwap(input) ?? nameSwap(input);
    if (compared) return [compared];
    const aligned: number[] = [];
    for (let i = 0; i < ct.length; i++) if ((al[i] ?? -1) >= 0 && isContent(ct[i])) aligned.push(i);
    for (let p = 0; p + 2 < aligned.length; p++) {
      const a = aligned[p];
      for (let q = p + 1; q + 1 < aligned.length; q++) {
        const b = aligned[q];
        if (b - a > TUNING.claimWindow.value) break;
        for (let r = q + 1; r < aligned.length; r++) {
          const c = aligned[r];
          if (c - a > TUNING.claimWindow.value) break;
          const ea = al[a];
          const eb = al[b];
          const ec = al[c];
          if (!(ec < eb && eb < ea) || ea - ec > TUNING.evidenceWindow.value) continue;
          if (ct[a].lemma === ct[c].lemma || ct[a].lemma === ct[b].lemma || ct[b].lemma === ct[c].lemma) continue;
          if (between(ct, a, c, isClauseBreak) || breaksBetween(et, ec, ea)) continue;
          if (between(ct, a, c, isBy) || between(et, ec, ea, isBy)) continue;
          if (passiveAt(ct, b) || passiveAt(et, eb) || reducedPassive(et, ea) || reducedPassive(et, ec)) continue;
          // coordinated clauses ("optimize their energy use and reduce their footprint with X") each have their own roles
          if (between(ct, a, c, isCoordinator) || between(et, ec, ea, isCoordinator)) continue;
          // "from 34 cents to 17 cents" / "to 17 cents from 34": one change, either way round
          const [ca, ee] = [Math.max(-1, a - 2), Math.max(-1, ec - 2)];
          if (between(ct, ca, c, isFrom) && between(ct, ca, c, isTo) && between(et, ee, ea, isFrom) && between(et, ee, ea, isTo)) continue;
          const named = isParty(ct, a) && isParty(ct, c) && (isCapitalized(ct[a]) || isCapitalized(ct[c]));
          // a compound unfolded ("air quality control" / "control of air quality"); a modifier next to its head
          // in the source ("accelerated decline" for "falling at an accelerated rate")
          if (between(et, ec, ea, isOf) || (!named && (eb === ec + 1 || ea === eb + 1))) continue;
          // a word the evidence repeats may have been aligned to the wrong one of its occurrences: the reversal
          // stands only when no occurrence of it stands where the claim's order puts it
          if (occurrences(et, et[eb].lemma) > 1) continue;
          if (occurrences(et, et[ec].lemma) > 1 && occursBetween(et, et[ec].lemma, eb + 1, eb + TUNING.evidenceWindow.value)) continue;
          if (occurrences(et, et[ea].lemma) > 1 && occursBetween(et, et[ea].lemma, eb - TUNING.evidenceWindow.value, eb - 1)) continue;
          // two named parties in each other's place ("the IOC's demand that the IAAF investigate" / "the IAAF's
          // demand that the IOC investigate") is a source saying otherwise; common nouns describe another scene
          return [
            {
              kind: 'order',
              effect: named ? 'contradicts' : 'unsupported',
              message: `order: the draft has ${quoted(words(input.claim, a, c))}, the source has the roles the other way round: ${quoted(words(input.evidence, ec, ea))}`,
              claimSpan: { start: ct[a].start, end: ct[c].end },
              evidenceSpan: { start: et[ec].start, end: et[ea].end },
              strength: 0.6,
            },
          ];
        }
      }
    }
    return [];
  },
};
