/**
 * Where a quotation of the draft comes from, and who the source says spoke it. A reporter quotes a source
 * sentence that often names its speaker only in the sentence before ("Robinson told the Daily Mail." then the
 * quote), or in the same sentence ("... said Ioannidis"). The checker looks the quotation up in every source
 * in scope (not only the best-matching sentence) and asks this module for its speaker; a draft that gives a
 * real quotation to another named person is contradicted. Pure: sentence texts in, speakers out.
 */
import { differentPeople, findSpeakers, isRole, surnameOf, type Speaker } from './signals/attribution';
import { isCapitalized } from './signals/util';
import { quoteWordString } from './signals/quote';
import { analyze } from './text';
import type { Analyzed } from './types';

/** How many sentences before the quotation's own are searched for its speaker. */
export const SPEAKER_LOOKBACK = 3;

export interface NamedSpeaker {
  speaker: Speaker;
  analyzed: Analyzed;
}

/** Does the sentence hold every quotation's words, in order (case, punctuation and possessives aside)? */
export function holdsQuotes(sentence: string, quotes: string[]): boolean {
  const words = ' ' + quoteWordString(sentence) + ' ';
  return quotes.every((q) => {
    const w = quoteWordString(q);
    return w.length > 0 && words.includes(' ' + w + ' ');
  });
}

const LINKS = new Set(['the', 'of', "'s", '’s', '-', 'de', 'van', 'von', 'al']);

/**
 * A speaker phrase that is a name and nothing else: capitalised words, titles and role nouns ("England coach
 * Andy Robinson", "Mr Ebbers", "Segas chairman Vassilis Sevastis"), ending in a capitalised word. Not a stretch
 * of clause the loose finder takes for one ("him about changes made to WorldCom's", "on Wednesday").
 */
function isNamePhrase(s: Speaker, a: Analyzed): boolean {
  if (surnameOf(s, a) === undefined) return false;
  for (let k = s.first; k <= s.last; k++) {
    const t = a.tokens[k];
    if (t.kind === 'word' && (isCapitalized(t) || isRole(t) || LINKS.has(t.lower))) continue;
    if (t.kind === 'punct' && /^['’]$/.test(t.lower)) continue;
    return false;
  }
  return true;
}

/** Speakers of a text that are named people (a name phrase), not pronouns, roles alone or loose stretches. */
function named(text: string): NamedSpeaker[] {
  const a = analyze(text);
  return findSpeakers(a)
    .filter((s) => isNamePhrase(s, a))
    .map((speaker) => ({ speaker, analyzed: a }));
}

/**
 * The named speaker of a quotation found in `sentence`: one named in the sentence itself, else the nearest
 * named one in the sentences before it (nearest first in `before`), up to SPEAKER_LOOKBACK of them.
 */
export function speakerOf(sentence: string, before: string[]): NamedSpeaker | undefined {
  const own = named(sentence);
  if (own.length === 1) return own[0];
  if (own.length > 1) return undefined; // two people speak in the sentence: no telling whose words these are
  for (const b of before.slice(0, SPEAKER_LOOKBACK)) {
    const xs = named(b);
    if (xs.length) return xs[xs.length - 1];
  }
  return undefined;
}

/** The claim's named speakers that the source's speaker is not (different surnames, neither naming the other). */
export function otherSpeaker(claim: Analyzed, source: NamedSpeaker, context: string[] = []): Speaker | undefined {
  const around = ' ' + context.map((c) => quoteWordString(c)).join(' ') + ' ';
  for (const s of findSpeakers(claim)) {
    const surname = surnameOf(s, claim);
    if (surname === undefined || !isNamePhrase(s, claim)) continue;
    // the draft's speaker is named where the source quotes these words: no telling it is someone else
    if (around.includes(' ' + quoteWordString(surname) + ' ')) continue;
    if (differentPeople(s, claim, source.speaker, source.analyzed)) return s;
  }
  return undefined;
}
