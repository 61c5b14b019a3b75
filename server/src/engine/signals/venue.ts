/**
 * Venues: a publication or broadcaster named as where something was said or reported ("told Reuters",
 * "according to the Daily Mail", "told BBC Sport", "in an interview with the Guardian", "writing in the
 * Spectator"). It attributes the report, not the words: it is no rival speaker to the person quoted, and it is
 * no unsupported name when a source in scope names it.
 */
import type { Analyzed, Span, Token } from '../types';
import { isCapitalized } from './util';

/** Words that make a capitalised name a publication, broadcaster or news agency. */
const MEDIA_WORDS = new Set([
  'bbc',
  'reuters',
  'afp',
  'ap',
  'bloomberg',
  'cnn',
  'sky',
  'itv',
  'nbc',
  'abc',
  'cbs',
  'fox',
  'npr',
  'pbs',
  'rte',
  'times',
  'post',
  'guardian',
  'mail',
  'telegraph',
  'express',
  'herald',
  'mirror',
  'sun',
  'observer',
  'independent',
  'standard',
  'gazette',
  'journal',
  'tribune',
  'chronicle',
  'economist',
  'spectator',
  'newsweek',
  'magazine',
  'news',
  'press',
  'radio',
  'television',
  'tv',
  'channel',
  'sport',
  'agency',
  'newspaper',
  'daily',
  'weekly',
  'programme',
  'program',
  'show',
  'podcast',
  'today',
  'associated',
  'agence',
  'france-presse',
  'presse',
  'wire',
  'record',
  'scotsman',
  'examiner',
  'inquirer',
  'bulletin',
  'review',
  'week',
]);

/** Cues (lower-case word sequences) right before a venue; "the", "a", "an" may stand between. */
const CUES: string[][] = [
  ['told'],
  ['tells'],
  ['telling'],
  ['tell'],
  ['according', 'to'],
  ['interview', 'with'],
  ['interviewed', 'by'],
  ['speaking', 'to'],
  ['spoke', 'to'],
  ['speak', 'to'],
  ['talking', 'to'],
  ['writing', 'in'],
  ['wrote', 'in'],
  ['written', 'in'],
  ['quoted', 'by'],
  ['quoted', 'in'],
  ['reported', 'by'],
  ['reported', 'in'],
  ['published', 'in'],
  ['published', 'by'],
  ['statement', 'to'],
  ['article', 'in'],
  ['column', 'in'],
  ['letter', 'to'],
  ['broadcast', 'on'],
  ['appearing', 'on'],
  ['appeared', 'on'],
  ['speaking', 'on'],
  ['interview', 'on'],
  ['said', 'on'],
];
const DETERMINERS = new Set(['the', 'a', 'an']);

/**
 * A name (tokens first..last) that reads as a publication: one of its words is a media word ("BBC Sport",
 * "the Daily Mail"), or a lower-case one follows it ("the Reuters news agency", "the BBC's Politics Show").
 */
export function isMediaName(tokens: Token[], first: number, last: number): boolean {
  const media = (t: Token | undefined) => !!t && t.kind === 'word' && MEDIA_WORDS.has(t.lower.replace(/['’]s$/, ''));
  for (let k = first; k <= last; k++) if (media(tokens[k])) return true;
  const next = tokens[last + 1];
  return !!next && !isCapitalized(next) && media(next) && next.start - tokens[last].end <= 1;
}

/** Is the name at tokens first..last named as where the words were said or reported (a cue before it)? */
export function isVenue(a: Analyzed, first: number, last: number): boolean {
  const toks = a.tokens;
  while (first < last && toks[first].kind === 'word' && DETERMINERS.has(toks[first].lower)) first++;
  if (!isCapitalized(toks[first]) || !isMediaName(toks, first, last)) return false;
  let k = first - 1;
  while (k >= 0 && toks[k].kind === 'word' && DETERMINERS.has(toks[k].lower)) k--;
  for (const cue of CUES) {
    const start = k - cue.length + 1;
    if (start < 0) continue;
    let ok = true;
    for (let c = 0; c < cue.length && ok; c++) ok = toks[start + c].lower === cue[c];
    if (ok) return true;
  }
  return false;
}

/** The same test for a span of the text (a signal's claimSpan): the tokens it covers. */
export function isVenueSpan(a: Analyzed, span: Span): boolean {
  let first = -1;
  let last = -1;
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i];
    if (t.start >= span.start && t.end <= span.end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first >= 0 && isVenue(a, first, last);
}
