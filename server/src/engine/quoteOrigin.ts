/**
 * Where a quotation of the draft comes from, and who the source says spoke it. A reporter quotes a source
 * sentence that often names its speaker only in the sentence before ("Robinson told the Daily Mail." then the
 * quote), or in the same sentence ("... said Ioannidis"). The checker looks the quotation up in every source
 * in scope (not only the best-matching sentence) and asks this module for its speaker; a draft that gives a
 * real quotation to another named person is contradicted. Pure: sentence texts in, speakers out.
 */
import { differentPeople, findSpeakers, isRole, surnameOf, type Speaker } from './signals/attribution';
import { isCalendarWord, isCapitalized } from './signals/util';
import { quoteWordString } from './signals/quote';
import { analyze } from './text';
import type { Analyzed, Span } from './types';
import { LOOKUPS } from './policy';

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

const SPEECH_WORDS =
  /^(said|says|say|told|tells|tell|added|adds|add|claimed|claims|warned|warns|insisted|insists|stated|states|argued|argues|explained|explains|wrote|writes|replied|replies|asked|asks)$/;

/** A person's name at token k: a title and a capitalised word, or two capitalised words. Returns [first, last]. */
/** Words that open a phrase of time or place ("On Tuesday", "In May", "Last Monday"). */
const OPENING = /^(on|in|at|by|last|this|next|since|until|from|for|during)$/;

function personAt(a: Analyzed, k: number): [number, number] | undefined {
  const toks = a.tokens;
  // "The German exchange said", "But Tory MP Michael Mates": a function word capitalised at the start is no name
  if (k === 0 && toks[k].stop && toks[k + 1]?.kind === 'word') return personAt(a, k + 1);
  if (!isCapitalized(toks[k])) return undefined;
  let last = k;
  while (last + 1 < toks.length && toks[last + 1].kind === 'word' && isCapitalized(toks[last + 1])) last++;
  // one capitalised word alone is no person's name (a title needs a name after it, too); nor is an opening
  // phrase of time or place ("On Tuesday", "In May", "Last Monday")
  if (OPENING.test(toks[k].lower)) return undefined;
  return last === k ? undefined : [k, last];
}

function speakerFrom(a: Analyzed, first: number, last: number, cue: number): Speaker {
  const words: string[] = [];
  for (let k = first; k <= last; k++) if (a.tokens[k].kind === 'word' && !a.tokens[k].stop) words.push(a.tokens[k].lemma);
  return { first, last, words, text: a.text.slice(a.tokens[first].start, a.tokens[last].end), cue };
}

/**
 * "Eva Lichtenberg, a Green member of the European Parliament, said", "High, the union's referees' manager,
 * said": a name, then a comma and a description, then the speech verb. The loose finder takes the description
 * for the speaker; the name is.
 */
export function appositionSpeakers(a: Analyzed): Speaker[] {
  const toks = a.tokens;
  const out: Speaker[] = [];
  for (let v = 2; v < toks.length; v++) {
    if (toks[v].kind !== 'word' || !SPEECH_WORDS.test(toks[v].lower)) continue;
    // back over the description to the comma that opens it (at most 10 tokens, no other clause break)
    for (let c = v - 1; c >= 1 && c >= v - 11; c--) {
      const t = toks[c];
      if (t.kind === 'punct' && t.lower !== ',' && !/^['’]$/.test(t.lower)) break;
      // the comma right before the verb closes the description; the one that opens it is further back
      if (t.lower !== ',' || c === v - 1) continue;
      // the name right before the comma: capitalised words (and a title)
      let first = c - 1;
      if (first < 0 || !isCapitalized(toks[first])) break;
      while (first - 1 >= 0 && toks[first - 1].kind === 'word' && isCapitalized(toks[first - 1]) && first - 1 >= c - 4) first--;
      const opener = toks[first - 1];
      if (opener && !(opener.kind === 'punct') && !/^(and|but|while)$/.test(opener.lower)) break;
      // "On Tuesday, the mayor said": an opening phrase of time or place, not a name with its description
      if (OPENING.test(toks[first].lower) || isCalendarWord(toks[c - 1].lower)) break;
      out.push(speakerFrom(a, first, c - 1, v));
      break;
    }
  }
  return out;
}

/** Speakers of a text that are named people (a name phrase), not pronouns, roles alone or loose stretches. */
function named(text: string): NamedSpeaker[] {
  const a = analyze(text);
  const xs = findSpeakers(a).filter((s) => isNamePhrase(s, a));
  for (const s of appositionSpeakers(a)) if (!xs.some((x) => x.first === s.first)) xs.push(s);
  return xs.map((speaker) => ({ speaker, analyzed: a }));
}

/** A pronoun speaker ("he told the court", '," she added') in the sentence. */
function pronounSpeaks(text: string): boolean {
  return (
    /(?:^|[\s,"”])(he|she)\s+(said|says|told|tells|added|adds|claimed|warned|insisted|explained|replied)\b/i.test(text) ||
    /[,"”]\s*(said|added|told)\s+(he|she)\b/i.test(text)
  );
}

/** The first person named in a sentence (its subject, as news sentences go): "Speaking in court, Mr Ebbers rejected...". */
function subjectOf(text: string): NamedSpeaker | undefined {
  const a = analyze(text);
  let relative = false;
  for (let k = 0; k < a.tokens.length; k++) {
    const t = a.tokens[k];
    // "Her director Leigh, who beat Martin Scorsese to the award, told the audience": the name before the
    // relative clause is the subject; the people inside the clause are not
    if (t.lower === ',') {
      if (relative) relative = false;
      else if (/^(who|whom|whose)$/.test(a.tokens[k + 1]?.lower ?? '')) {
        const p = k - 1;
        if (p > 0 && isCapitalized(a.tokens[p]) && !OPENING.test(a.tokens[p].lower)) return { speaker: speakerFrom(a, p, p, -1), analyzed: a };
        relative = true;
      }
      continue;
    }
    if (relative || t.kind !== 'word' || !isCapitalized(t)) continue;
    const p = personAt(a, k);
    if (p) return { speaker: speakerFrom(a, p[0], p[1], -1), analyzed: a };
  }
  return undefined;
}

/**
 * The named speaker of a quotation found in `sentence`: one named in the sentence itself; for a pronoun there
 * ("he told the court"), the person the sentence before is about; else the nearest named speaker in the
 * sentences before it (nearest first in `before`), up to LOOKUPS.speakerLookback of them.
 */
export function speakerOf(sentence: string, before: string[]): NamedSpeaker | undefined {
  const s = speakerFound(sentence, before);
  // '," said the American': a description, which any of several people named in the story may answer to
  return s && describes(s) ? undefined : s;
}

/** A speaker phrase of "the" and one capitalised word ("the American", "the Spaniard"): a description, no name. */
function describes(n: NamedSpeaker): boolean {
  const toks = n.analyzed.tokens;
  const { first, last } = n.speaker;
  return last === first + 1 && toks[first].lower === 'the' && isCapitalized(toks[last]);
}

function speakerFound(sentence: string, before: string[]): NamedSpeaker | undefined {
  const own = named(sentence);
  if (own.length === 1) return own[0];
  if (own.length > 1) return undefined; // two people speak in the sentence: no telling whose words these are
  if (pronounSpeaks(sentence)) return before.length ? (named(before[0]).at(-1) ?? subjectOf(before[0])) : undefined;
  // a person named outside the quotation marks ("X described the decision as "not unexpected""): the sentence
  // is about them; the speakers of the sentences before are not looked at
  const unquoted = sentence.replace(/“[^”]*”|"[^"]*"/g, (m) => ' '.repeat(m.length));
  if (unquoted.trim()) {
    const subject = subjectOf(unquoted);
    if (subject) return subject;
  }
  for (const b of before.slice(0, LOOKUPS.speakerLookback.value)) {
    const xs = named(b);
    if (xs.length) return xs[xs.length - 1];
  }
  return undefined;
}

/**
 * The speaker's verb is within 3 tokens after the quotation's end (or right after a name that follows it), or within
 * 8 before its start (LOOKUPS.speechCue*).
 */
function speaksQuote(a: Analyzed, s: Speaker, q: Span): boolean {
  const cue = a.tokens[s.cue];
  if (!cue) return false;
  const between = (from: number, to: number) => a.tokens.filter((t) => t.start >= from && t.end <= to).length;
  // '," Sergio Marchionne said', '," club boss Ian Davies told reporters': after the quotation the speaker's name,
  // and a title ending in a role word, may stand before the verb; nothing else may part the name from the quotation
  const name = a.tokens[s.first];
  if (cue.start >= q.end && name && name.start >= q.end && s.last < s.cue) {
    if (s.cue - s.last > 1) return false;
    const before = a.tokens[s.first - 1];
    const titled = !!before && before.start >= q.end && isRole(before);
    return otherWordsBetween(a, q.end, name.start) <= (titled ? 2 : 0);
  }
  if (cue.start >= q.end) return between(q.end, cue.start) <= LOOKUPS.speechCueAfter.value;
  if (cue.end <= q.start) return between(cue.end, q.start) <= LOOKUPS.speechCueBefore.value;
  return false;
}

/** Words between two offsets that are not a name or a title ("Fiat boss"), punctuation aside. */
function otherWordsBetween(a: Analyzed, from: number, to: number): number {
  return a.tokens.filter((t) => t.start >= from && t.end <= to && t.kind === 'word' && !isCapitalized(t) && !isRole(t)).length;
}

/** Surnames of the people the source sentences give as speakers (named, in apposition, or a pronoun's). */
function speakerSurnames(sentences: string[]): Set<string> {
  const out = new Set<string>();
  sentences.forEach((text, i) => {
    for (const n of named(text)) {
      const s = surnameOf(n.speaker, n.analyzed);
      if (s) out.add(s);
    }
    if (pronounSpeaks(text) && sentences[i + 1]) {
      const subj = subjectOf(sentences[i + 1]);
      const s = subj && surnameOf(subj.speaker, subj.analyzed);
      if (s) out.add(s);
    }
  });
  return out;
}

/**
 * The claim's named speakers that the source's speaker is not (different surnames, neither naming the other).
 * `context` is the quotation's sentence and the sentences before it, nearest first: a draft speaker the source
 * gives as a speaker there is not someone else.
 */
export function otherSpeaker(claim: Analyzed, source: NamedSpeaker, context: string[] = [], quotes: Span[] = []): Speaker | undefined {
  // a quotation whose own sentence names its speaker is that speaker's: the speakers of the sentences before it
  // are other people (those sentences count only where the speaker was looked up in them)
  const own = context.length > 0 && source.analyzed.text === context[0];
  // '"...," he told the BBC' after a sentence naming him: the pronoun is that person, and the people named
  // further back are someone else
  const byPronoun = !own && context.length > 1 && source.analyzed.text === context[1] && pronounSpeaks(context[0]);
  const speakers = speakerSurnames(own ? context.slice(0, 1) : byPronoun ? context.slice(0, 2) : context);
  const candidates = [...findSpeakers(claim).filter((s) => isNamePhrase(s, claim)), ...appositionSpeakers(claim)];
  for (const s of candidates) {
    // the speaker's verb stands next to a quotation: these words are what the draft says they said (not a
    // title in quotation marks elsewhere in the sentence)
    if (quotes.length && !quotes.some((q) => speaksQuote(claim, s, q))) continue;
    // "appeared on TV announcing ...": a participle reports no speaker of its own
    if (claim.tokens[s.cue]?.lower.endsWith('ing')) continue;
    const surname = surnameOf(s, claim);
    if (surname === undefined) continue;
    if (speakers.has(surname)) continue;
    if (differentPeople(s, claim, source.speaker, source.analyzed, true)) return s;
  }
  // only a speaker named in the quotation's own sentence: one found in the sentences before may not be the one
  return own ? pronounOfOtherSex(claim, source, quotes) : undefined;
}

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'spokesman', 'chairman']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'baroness', 'spokeswoman', 'chairwoman']);

/** 'm' or 'f' when the source's speaker phrase carries a title of one sex ("Mr Johnson", "Dame Ann Hale"). */
function sexOfSpeaker(n: NamedSpeaker): 'm' | 'f' | undefined {
  const toks = n.analyzed.tokens;
  for (let k = Math.max(0, n.speaker.first - 1); k <= n.speaker.last; k++) {
    const w = toks[k]?.lower;
    if (w && MALE_TITLES.has(w)) return 'm';
    if (w && FEMALE_TITLES.has(w)) return 'f';
  }
  return undefined;
}

/**
 * "..., she said" where the source gives the quotation to a man by title ("Mr Johnson"), or "he said" for a
 * woman ("Mrs Hale"): the pronoun cannot be the source's speaker, whoever the draft means by it.
 */
function pronounOfOtherSex(claim: Analyzed, source: NamedSpeaker, quotes: Span[]): Speaker | undefined {
  const sex = sexOfSpeaker(source);
  if (!sex || !quotes.length) return undefined;
  const toks = claim.tokens;
  for (let i = 0; i < toks.length; i++) {
    const p = toks[i].lower;
    if (p !== 'he' && p !== 'she') continue;
    if ((p === 'he') === (sex === 'm')) continue;
    const cue = SPEECH_WORDS.test(toks[i + 1]?.lower ?? '') ? i + 1 : SPEECH_WORDS.test(toks[i - 1]?.lower ?? '') ? i - 1 : -1;
    if (cue < 0) continue;
    const s: Speaker = { first: i, last: i, words: [p], text: toks[i].text, cue };
    if (quotes.some((q) => speaksQuote(claim, s, q))) return s;
  }
  return undefined;
}
