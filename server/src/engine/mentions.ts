/**
 * Which sources in scope mention a name, number or phrase: so that no message says "the source does not
 * mention 'X'" or "no source carries 'X'" when a source of the folder does. The checker asks this for the
 * entity signal's "does not mention" findings and for the coverage gaps of an unsupported claim, and words the
 * message by the answer ("the cited sentence does not give 'X'; <file>:<line> does").
 */
import { extractEntities, HONORIFICS } from './signals/entity';
import { isVenue } from './signals/venue';
import { quoteWordString } from './signals/quote';
import type { SourceIndex } from './sourceIndex';
import type { Analyzed, Signal, SourceSentence } from './types';
import { LOOKUPS } from './policy';

/** The phrase's words as they are compared: lower case, punctuation and possessives aside, no leading honorific. */
export function mentionWords(phrase: string): string {
  const words = quoteWordString(phrase).split(' ').filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0])) words.shift();
  return words.join(' ');
}

/**
 * Source sentences in scope (`onlySources`, else every source) that hold the phrase's words in order
 * ("Mr Ioannidis" is held by "said Ioannidis"), at most one per source, best-ranked first; `except` (the
 * sentence already cited) is left out. Empty when the phrase has no index key or no sentence holds it.
 */
export function sentencesMentioning(index: SourceIndex, phrase: string, onlySources?: Set<string>, except?: Set<number>): SourceSentence[] {
  const words = mentionWords(phrase);
  if (!words) return [];
  // the rarest words find the sentence (a long gap's every word would only slow the search down)
  const keys = [...new Set(index.keysOf(words))].sort((a, b) => index.idf(b) - index.idf(a)).slice(0, LOOKUPS.mentionKeys.value);
  if (!keys.length) return [];
  const out: SourceSentence[] = [];
  const seen = new Set<string>();
  for (const h of index.search(keys, LOOKUPS.mentionSentences.value, onlySources)) {
    const s = h.sentence;
    if (seen.has(s.source) || except?.has(s.id)) continue;
    if ((' ' + quoteWordString(s.text) + ' ').includes(' ' + words + ' ')) {
      out.push(s);
      seen.add(s.source);
    }
  }
  return out;
}

/** How a source sentence is named in a message: the file's name and its 1-based line. */
export function placeOf(s: SourceSentence): string {
  const name = s.source.split(/[\\/]/).pop() || s.source;
  return `${name}:${s.line + 1}`;
}

/** The true message for a phrase the cited sentence lacks but another source sentence has. */
export function elsewhereMessage(kind: string, phrase: string, s: SourceSentence): string {
  return `${kind}: the cited sentence does not give '${phrase.replace(/\s+/g, ' ').trim()}'; ${placeOf(s)} does`;
}

/**
 * The entity signal's "does not mention 'X'" for a name another source sentence in scope gives: `undefined` when
 * no sentence in scope holds the name (the message stands as it is), else the true message; `cited` tells
 * whether the claim cites the sentence that lacks the name.
 */
export function entityElsewhere(
  index: SourceIndex,
  name: string,
  onlySources: Set<string> | undefined,
  except: Set<number>,
  cited: boolean,
): string | undefined {
  const found = sentencesMentioning(index, name, onlySources, except);
  if (!found.length) return undefined;
  if (cited) return elsewhereMessage('entity', name, found[0]);
  return `entity: ${placeOf(found[0])} gives '${name.replace(/\s+/g, ' ').trim()}', but no sentence that carries this statement does`;
}

/**
 * The quote signal's "the source does not contain “X”" for a quotation another source sentence in scope holds
 * word for word: the true message, else `undefined`.
 */
export function quoteElsewhere(index: SourceIndex, quote: string, onlySources: Set<string> | undefined, except: Set<number>): string | undefined {
  const found = sentencesMentioning(index, quote, onlySources, except);
  if (!found.length) return undefined;
  const text = quote.replace(/^[\s"“”‘’']+|[\s"“”‘’']+$/g, '').replace(/\s+/g, ' ');
  return `quote: the cited sentence does not contain “${text}”; ${placeOf(found[0])} does`;
}

/** A gap message rewritten by trueGapMessages, to rebuild a claim's reason from. */
export function gapReason(signals: Signal[]): string | undefined {
  const gaps = signals.filter((s) => s.kind === 'coverage' && s.effect === 'unsupported');
  if (!gaps.some((s) => s.message.startsWith('the cited sentence does not give '))) return undefined;
  const absent = gaps.filter((s) => s.message.startsWith('no source carries ')).map((s) => s.message.slice('no source carries '.length));
  const parts = absent.length ? [`no source carries ${absent.join(', ')}`] : [];
  for (const s of gaps) if (!s.message.startsWith('no source carries ')) parts.push(s.message);
  return parts.join('; ');
}

/**
 * Rewords the coverage gaps of an unsupported claim ("no source carries 'X'") that some source sentence in
 * scope does carry. `claimText` is the text the signals' offsets refer to; `cited` the ids of the sentences
 * already cited for the claim. Returns the signals (the same objects where nothing changed).
 */
export function trueGapMessages(index: SourceIndex, claimText: string, signals: Signal[], onlySources: Set<string> | undefined, cited: Set<number>): Signal[] {
  return signals.map((s) => {
    if (s.kind !== 'coverage' || s.effect !== 'unsupported' || !s.message.startsWith('no source carries ')) return s;
    const phrase = claimText.slice(s.start, s.end);
    const found = sentencesMentioning(index, phrase, onlySources, cited);
    return found.length ? { ...s, message: elsewhereMessage('coverage', phrase, found[0]).replace(/^coverage: /, '') } : s;
  });
}

/**
 * Claim tokens of publications named as where the words were said or reported ("told BBC Sport", "according
 * to the Daily Mail") that some source sentence in scope names: the report's venue, carried by that source.
 */
export function venueTokensNamed(index: SourceIndex, claim: Analyzed, onlySources?: Set<string>): Set<number> {
  const out = new Set<number>();
  for (const m of extractEntities(claim)) {
    if (!isVenue(claim, m.first, m.last)) continue;
    if (!sentencesMentioning(index, m.text, onlySources).length) continue;
    for (let k = m.first; k <= m.last; k++) out.add(k);
  }
  return out;
}
