/**
 * Coverage: how much of a claim's content an evidence text carries.
 * Each content token of the claim (a word that is not a stop word, or a number) is aligned
 * to an evidence token with the same lemma, the same light stem ("develop"/"development"),
 * or a related word (synonym or alias, from the lexicon). Tokens are weighted by rarity
 * (the index's IDF), so "propulsion" counts for more than "said".
 */
import type { Analyzed, Token } from './types';
import { placeRoots, startsUpper } from './text';
import { carriedQuantities } from './signals/number';
import { transcriptLabel } from './signals/attribution';
import { COVERAGE } from './policy';

export interface Alignment {
  /** for each claim token: the evidence token it aligned to, or -1 */
  map: number[];
  /** 0..1 weighted share of the claim's content carried by the evidence */
  coverage: number;
}

/** Does an evidence lemma carry a claim lemma beyond equality (synonym, more specific word)? From the lexicon. */
export type Relatedness = (claimLemma: string, evidenceLemma: string) => boolean;

/** Indices of the claim's content tokens. */
export function contentIndices(a: Analyzed): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i];
    if ((t.kind === 'word' && !t.stop) || t.kind === 'number') out.push(i);
  }
  return out;
}

const SUFFIXES = [
  'ability',
  'able',
  'ations',
  'ation',
  'ments',
  'ment',
  'ities',
  'ity',
  'ions',
  'ion',
  'ives',
  'ive',
  'ally',
  'ical',
  'ness',
  'ers',
  'er',
  'ings',
  'ing',
  'ed',
  'al',
  'ly',
  'es',
  's',
  'e',
  'y',
];

/** A light stem: good enough to meet "develop" and "development", "nation" and "national". */
export function lightStem(lemma: string): string {
  if (lemma.length <= 4) return lemma;
  for (const suf of SUFFIXES) {
    if (lemma.length - suf.length >= 4 && lemma.endsWith(suf)) return lemma.slice(0, -suf.length);
  }
  return lemma;
}

/**
 * The word joined to word token j by a hyphen right after it ("re" in "re-drafted": "drafted"), or undefined.
 * The two written closed ("redrafted") are the same word.
 */
export function hyphenPartner(tokens: Token[], j: number): Token | undefined {
  const t = tokens[j];
  const h = tokens[j + 1];
  const n = tokens[j + 2];
  return t.kind === 'word' && h && n && h.lower === '-' && h.start === t.end && n.start === h.end && n.kind === 'word' ? n : undefined;
}

export function align(claim: Analyzed, content: number[], evidence: Analyzed, weight: (lemma: string) => number, related?: Relatedness): Alignment {
  const map = new Array<number>(claim.tokens.length).fill(-1);
  const byLemma = new Map<string, number>();
  const byStem = new Map<string, number>();
  const evContent: number[] = [];
  for (let j = 0; j < evidence.tokens.length; j++) {
    const t = evidence.tokens[j];
    if (t.kind === 'punct' || t.kind === 'symbol') continue;
    if (!byLemma.has(t.lemma)) byLemma.set(t.lemma, j);
    if (!byLemma.has(t.lower)) byLemma.set(t.lower, j);
    // a hyphenated compound also stands for its closed form ("re-submit" for "resubmit", "co-founder")
    const n = hyphenPartner(evidence.tokens, j);
    if (n) {
      const joined = t.lower + n.lemma;
      if (!byLemma.has(joined)) byLemma.set(joined, j + 2);
    }
    if (t.kind === 'word' && !t.stop) {
      const st = lightStem(t.lemma);
      if (!byStem.has(st)) byStem.set(st, j);
      evContent.push(j);
    }
  }
  let byPlace: Map<string, number> | undefined;
  let taken: Set<number> | undefined;
  let total = 0;
  let got = 0;
  for (const i of content) {
    const t = claim.tokens[i];
    const w = tokenWeight(t.lemma, t.text, weight);
    total += w;
    let j = byLemma.get(t.lower) ?? byLemma.get(t.lemma);
    let credit = 1;
    if (j === undefined && t.kind === 'word') {
      j = byStem.get(lightStem(t.lemma));
      credit = COVERAGE.stemCredit.value;
      if (j === undefined && related) {
        // an evidence word that another claim word matches exactly is that word's counterpart, not this one's
        // ("rejected" is no synonym match for the "withdraw" the claim also says)
        if (!taken) {
          taken = new Set();
          for (const x of content) {
            const e = byLemma.get(claim.tokens[x].lemma) ?? byLemma.get(claim.tokens[x].lower);
            if (e !== undefined) taken.add(e);
          }
        }
        for (const k of evContent) {
          if (taken.has(k)) continue;
          if (related(t.lemma, evidence.tokens[k].lemma)) {
            j = k;
            break;
          }
        }
        credit = COVERAGE.relatedCredit.value;
      }
      // a place and its people: "Libyan" against "Libya"
      if (j === undefined && startsUpper(t.text)) {
        if (!byPlace) {
          byPlace = new Map();
          for (const k of evContent) {
            const e = evidence.tokens[k];
            if (!startsUpper(e.text)) continue;
            for (const r of placeRoots(e.lemma)) if (!byPlace.has(r)) byPlace.set(r, k);
          }
        }
        for (const r of placeRoots(t.lemma)) {
          const k = byPlace.get(r);
          if (k !== undefined) {
            j = k;
            credit = COVERAGE.placeCredit.value;
            break;
          }
        }
      }
    }
    if (j !== undefined) {
      map[i] = j;
      got += w * credit;
    }
  }
  // a transcript's turn ("Mike: Do we have any milk?") is its speaker saying it: "Mike asks" is carried by the label
  if (content.some((i) => map[i] < 0 && SPEECH_VERBS.has(claim.tokens[i].lemma))) {
    const labels = speakerLabels(evidence);
    if (labels.size)
      for (const i of content) {
        if (map[i] >= 0 || !SPEECH_VERBS.has(claim.tokens[i].lemma)) continue;
        const speaker = turnSpeaker(claim, map, labels, i);
        if (speaker < 0) continue;
        map[i] = speaker;
        got += tokenWeight(claim.tokens[i].lemma, claim.tokens[i].text, weight) * COVERAGE.turnCredit.value;
      }
  }
  // a quantity the evidence writes differently ("about $2.5bn" for "$2.47bn", "a third" for "33%"): carried
  if (content.some((i) => map[i] < 0 && maybeQuantity(claim.tokens[i]))) {
    const inContent = new Set(content);
    for (const [i, j] of carriedQuantities(claim, evidence)) {
      if (map[i] >= 0 || !inContent.has(i)) continue;
      map[i] = j;
      got += tokenWeight(claim.tokens[i].lemma, claim.tokens[i].text, weight) * COVERAGE.quantityCredit.value;
    }
  }
  return { map, coverage: total > 0 ? got / total : 0 };
}

/** Verbs that tell what a speaker's turn does, and that a transcript writes only as the turn itself. */
const SPEECH_VERBS = new Set([
  'say',
  'tell',
  'ask',
  'inquire',
  'enquire',
  'mention',
  'explain',
  'reply',
  'answer',
  'respond',
  'add',
  'inform',
  'confirm',
  'agree',
  'suggest',
  'propose',
  'share',
  'note',
  'state',
  'remark',
]);

/** The speaker labels of a transcript's turns in the evidence ("Mike: Ok."): the indices of the labels' words. */
function speakerLabels(evidence: Analyzed): Set<number> {
  const out = new Set<number>();
  const ts = evidence.tokens;
  for (let c = 1; c < ts.length && c <= 400; c++) {
    if (ts[c].text !== ':') continue;
    const first = transcriptLabel(ts, c);
    if (first >= 0) for (let k = first; k < c; k++) out.add(k);
  }
  return out;
}

/** The label word a claim's speech verb at i belongs to: its subject (within 3 words before it) aligned to a label, or -1. */
function turnSpeaker(claim: Analyzed, map: number[], labels: Set<number>, i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = claim.tokens[k];
    if (t.kind === 'punct') return -1;
    if (map[k] >= 0 && labels.has(map[k]) && startsUpper(t.text)) return map[k];
  }
  return -1;
}

const QUANTITY_WORDS =
  /^(half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|nearly|almost|roughly|approximately|around|estimated|least|just|some)$/;

function maybeQuantity(t: { kind: string; lemma: string }): boolean {
  return t.kind === 'number' || QUANTITY_WORDS.test(t.lemma);
}

function tokenWeight(lemma: string, surface: string, weight: (lemma: string) => number): number {
  let w = Math.min(weight(lemma), COVERAGE.maxWordWeight.value);
  if (startsUpper(surface)) w *= COVERAGE.nameWeight.value; // names carry the claim
  if (/^\p{N}/u.test(surface)) w = Math.max(w, COVERAGE.numberMinWeight.value);
  return Math.max(w, COVERAGE.minWordWeight.value);
}
