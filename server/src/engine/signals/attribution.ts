/**
 * Attribution: "X said Y", "Y, X said", "according to X, Y". When the rest of the claim matches the
 * evidence, the draft's speaker must be the source's speaker (same word, synonym or alias); a different
 * speaker contradicts, a source that names no speaker leaves the speaker unsupported.
 */
import type { Analyzed, SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { aliasKey, areSynonyms } from '../lexicon';
import { isCalendarWord, isCapitalized, isClauseBreak, isSentenceStart, quoted } from './util';
import { isVenue } from './venue';
import { knob } from '../knob';

const SPEECH = new Set([
  'say',
  'said',
  'says',
  'tell',
  'told',
  'state',
  'stated',
  'note',
  'noted',
  'add',
  'added',
  'warn',
  'warned',
  'argue',
  'argued',
  'claim',
  'claimed',
  'announce',
  'announced',
  'stress',
  'stressed',
  'explain',
  'explained',
  'insist',
  'insisted',
  'comment',
  'commented',
  'remark',
  'remarked',
  'acknowledge',
  'acknowledged',
  'emphasize',
  'emphasized',
  'emphasise',
  'emphasised',
  'write',
  'wrote',
  'contend',
  'contended',
  'assert',
  'asserted',
  'suggest',
  'suggested',
  'report',
  'reported',
  'observe',
  'observed',
]);
/** Words that cannot be part of a speaker phrase. */
const NOT_SPEAKER = new Set([
  'that',
  'it',
  'this',
  'which',
  'who',
  'also',
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'publicly',
  'previously',
  'recently',
  'later',
  'earlier',
  'then',
  'once',
  'repeatedly',
  'not',
  'never',
  // '," said Nadal afterwards': when, not who
  'afterwards',
  'afterward',
  'yesterday',
  'today',
  'tonight',
  'again',
  'last',
]);
/** A speech verb after one of these is no report of what someone said ("Mr Smith will say sorry", "to say"). */
const NOT_REPORTING = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'to',
  "'ll",
  'wo',
  'did',
  'does',
  'do',
  // a noun after a preposition or an article: "amid reports that", "the claims", "after a statement"
  'amid',
  'after',
  'despite',
  'following',
  'of',
  'the',
  'a',
  'an',
  'such',
  'these',
  'those',
]);
/** Pronouns that stand for a speaker named elsewhere. */
const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
/** Words a speaker phrase does not reach back over ("emailed Jessica and she said", "while Cassie suggests"). */
const BOUNDARY = new Set([
  'and',
  'but',
  'or',
  'while',
  'whereas',
  'although',
  'because',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'him',
  'her',
  'them',
  'us',
  'me',
]);
/** Descriptions of an organisation by its kind, as a story refers to its own subject ("the company said"). */
const ORGANISATION_SELF = new Set([
  'company',
  'firm',
  'group',
  'business',
  'insurer',
  'bank',
  'lender',
  'airline',
  'carrier',
  'retailer',
  'operator',
  'club',
  'board',
  'council',
  'government',
  'ministry',
  'department',
]);

const GENERIC = new Set(['source', 'people', 'person', 'report', 'statement']);
const PRONOUNS = new Set([
  'they',
  'he',
  'she',
  'we',
  'i',
  'it',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'after',
  'before',
  'when',
  'while',
  'but',
  'and',
  'also',
]);
/** Nouns that name a speaker by role. */
const ROLES = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'official',
  'minister',
  'president',
  'secretary',
  'analyst',
  'expert',
  'observer',
  'scientist',
  'researcher',
  'economist',
  'lawmaker',
  'senator',
  'governor',
  'mayor',
  'chief',
  'director',
  'executive',
  'ceo',
  'chairman',
  'chair',
  'leader',
  'diplomat',
  'ambassador',
  'officer',
  'author',
  'critic',
  'study',
  'ministry',
  'department',
  'agency',
  'government',
  'company',
  'court',
  'judge',
  'police',
  'witness',
  'professor',
]);

/** A noun that names a speaker by role ("spokesman", "chairman", "coach"). */
export function isRole(t: Token): boolean {
  return t.kind === 'word' && (ROLES.has(t.lemma) || ROLES.has(t.lower) || EXTRA_ROLES.has(t.lemma) || EXTRA_ROLES.has(t.lower));
}

/** Role nouns a name phrase may hold ("England coach Andy Robinson", "Green MEP Alain Lipietz"). */
const EXTRA_ROLES = new Set([
  'coach',
  'manager',
  'lawyer',
  'boss',
  'mp',
  'mep',
  'editor',
  'captain',
  'chancellor',
  'head',
  'member',
  'prosecutor',
  'attorney',
  'founder',
  'owner',
  'player',
  'striker',
  'referee',
  'wing',
  'prop',
]);

export interface Speaker {
  first: number;
  last: number;
  /** content words (lower) of the speaker phrase */
  words: string[];
  text: string;
  /** index of the speech verb or "according" */
  cue: number;
}

/** A speaker phrase that describes rather than names: "the club's owners", "The Premier League champions". */
function isDescription(s: Speaker, a: Analyzed): boolean {
  const first = a.tokens[s.first];
  const last = a.tokens[s.last];
  return !!first && !!last && first.lower === 'the' && last.kind === 'word' && !isCapitalized(last);
}

export function isSpeech(t: Token): boolean {
  // a capitalised "State" or "Report" is a name ("Secretary of State"), not a speech verb
  return t.kind === 'word' && !isCapitalized(t) && (SPEECH.has(t.lower) || SPEECH.has(t.lemma));
}

function phrase(a: Analyzed, from: number, to: number, cue: number): Speaker | undefined {
  const toks = a.tokens;
  const words: string[] = [];
  for (let k = from; k <= to; k++) {
    const t = toks[k];
    if (t.kind === 'word' && !t.stop) words.push(t.lemma);
    else if (t.kind === 'word' && /^[A-Z]{2,}$/.test(t.text)) words.push(t.lower);
  }
  if (!words.length) return undefined;
  // a stretch of clause that runs into a name ("... hurt smaller tech firms The EC says"): the name alone
  let lastLower = -1;
  for (let k = from; k <= to; k++) if (toks[k].kind === 'word' && !toks[k].stop && !isCapitalized(toks[k]) && !ROLES.has(toks[k].lemma)) lastLower = k;
  if (lastLower >= from && lastLower < to && toks.slice(lastLower + 1, to + 1).some((t) => isCapitalized(t))) {
    let f = lastLower + 1;
    while (f <= to && !isCapitalized(toks[f]) && toks[f].lower !== 'the') f++;
    // "A letter sent to Martin Mubanga said": the name after "to" is who received it, not who said it
    if (f <= to && f > from && toks[f - 1].lower === 'to') return undefined;
    if (f <= to && f > from) return phrase(a, f, to, cue);
  }
  // a speaker is a short noun phrase with a name or a role in it ("the Kremlin spokesperson", "Dr. Rao"),
  // not a stretch of clause ("They started by", "working and")
  if (to - from > 6) return undefined;
  let named = toks[cue]?.lower === 'according'; // "according to X" marks its speaker unambiguously
  for (let k = from; k <= to; k++) {
    const t = toks[k];
    if (t.kind !== 'word') continue;
    if ((isCapitalized(t) && !PRONOUNS.has(t.lower)) || ROLES.has(t.lemma)) named = true;
  }
  if (!named) return undefined;
  return { first: from, last: to, words, text: a.text.slice(toks[from].start, toks[to].end), cue };
}

/**
 * "Eva Lind, an Austrian Green member of the European Parliament, said": the name before the appositive that
 * ends at token `to` (", a|an|the ..." back to a capitalised name within a dozen words), or undefined.
 */
function appositiveHead(a: Analyzed, to: number, cue: number): Speaker | undefined {
  const toks = a.tokens;
  for (let k = to - 1; k > 0 && k >= to - 12; k--) {
    const t = toks[k];
    if (t.kind !== 'word' && t.lower !== ',') return undefined;
    if (t.lower !== ',') continue;
    if (!/^(a|an|the)$/.test(toks[k + 1]?.lower ?? '') || !isCapitalized(toks[k - 1])) return undefined;
    let f = k - 1;
    while (f > 0 && f > k - 4 && isCapitalized(toks[f - 1]) && toks[f - 1].kind === 'word') f--;
    // "On Tuesday, the mayor said": an opening phrase, not a name with its description
    const before = toks[f - 1];
    if ((before && before.kind === 'word' && before.stop) || isCalendarWord(toks[k - 1].lower)) return undefined;
    return phrase(a, f, k - 1, cue);
  }
  return undefined;
}

/** Verbs that open a reported clause after its subject ("said the council was", "told MPs the plan had"). */
/** A speech verb whose object is the one spoken to ("told the BBC"), not the speaker. */
const TOLD = /^(told|tell|tells|telling)$/;

const REPORTED_VERB = /^(was|were|is|are|had|has|have|would|will|could|should|might|must|can|did|does|do)$/;

/**
 * "Bob Hale, who leads the group, said": the speaker phrase before the relative clause that ends at the comma
 * `comma` (a "who" or "which" right after an earlier comma of the sentence), or undefined.
 */
function beforeRelativeClause(a: Analyzed, comma: number, cue: number): Speaker | undefined {
  const toks = a.tokens;
  for (let k = comma - 1; k > 0 && k > comma - 16; k--) {
    if (toks[k].lower === '.' || toks[k].lower === ';' || /^["“”]$/.test(toks[k].lower)) return undefined;
    if (toks[k].lower !== ',' || !/^(who|which)$/.test(toks[k + 1]?.lower ?? '')) continue;
    const to = k - 1;
    const from = phraseStart(toks, to);
    return from <= to ? phrase(a, from, to, cue) : undefined;
  }
  return undefined;
}

/**
 * The first token of the speaker phrase that ends at token `to` ("... the Kremlin spokesperson" before "said"):
 * back over up to six words, stopping at a clause word, a boundary or another speech verb. Past `to` (to + 1)
 * when there is none.
 */
function phraseStart(toks: Token[], to: number): number {
  let j = to;
  while (j >= 0 && j > to - 6 && toks[j].kind === 'word' && !NOT_SPEAKER.has(toks[j].lower) && !BOUNDARY.has(toks[j].lower) && !isSpeech(toks[j])) j--;
  return j + 1;
}

/** Speakers named in a text. */
/**
 * The first token of a transcript turn's speaker label ending at the colon `colon` ("Mike: Ok.", "Project
 * Manager: Yeah."): one or two capitalised words at the start of a sentence; -1 when there is none.
 */
export function transcriptLabel(toks: Token[], colon: number): number {
  let f = colon - 1;
  while (f > 0 && f > colon - 3 && isCapitalized(toks[f - 1])) f--;
  return f >= 0 && isCapitalized(toks[f]) && toks.slice(f, colon).every((x) => x.kind === 'word') && isSentenceStart(toks, f) ? f : -1;
}

export function findSpeakers(a: Analyzed): Speaker[] {
  const toks = a.tokens;
  const out: Speaker[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // a transcript's "Name: words": the name speaks the line
    if (t.lower === ':' && i >= 1) {
      const f = transcriptLabel(toks, i);
      if (f >= 0) {
        const s = phrase(a, f, i - 1, i);
        if (s) out.push(s);
      }
      continue;
    }
    // "according to X"
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      let j = i + 2;
      const from = j;
      while (j < toks.length && j < from + 6 && !isClauseBreak(toks[j]) && !NOT_SPEAKER.has(toks[j].lower)) j++;
      if (j > from) {
        const s = phrase(a, from, j - 1, i);
        if (s) out.push(s);
      }
      continue;
    }
    if (!isSpeech(t)) continue;
    // "said X" after a comma or a closing quote: inverted attribution
    const prev = toks[i - 1];
    // (not "told": '..., told the BBC' names who heard it, not who spoke)
    if (prev && (prev.lower === ',' || /^["”’]$/.test(prev.lower)) && !TOLD.test(t.lower)) {
      let j = i + 1;
      const from = j;
      while (j < toks.length && j < from + 6 && !isClauseBreak(toks[j]) && !NOT_SPEAKER.has(toks[j].lower)) j++;
      // "Bob Hale, who leads the group, said the council was in crisis": a verb after the phrase makes it the
      // subject of what was said, not the one who said it; the speaker is before the "who" clause
      const reported = j < toks.length && REPORTED_VERB.test(toks[j].lower);
      if (j > from && !reported) {
        const s = phrase(a, from, j - 1, i);
        if (s) {
          out.push(s);
          continue;
        }
      }
      if (reported) {
        const s = beforeRelativeClause(a, i - 1, i);
        if (s) out.push(s);
        continue;
      }
    }
    // "X said": the noun phrase right before the verb (skipping auxiliaries and adverbs)
    if (NOT_REPORTING.has(toks[i - 1]?.lower ?? '')) continue;
    let j = i - 1;
    while (j >= 0 && /^(has|have|had|was|were|is|are|also|publicly|previously|recently|later|earlier|repeatedly|then|once)$/.test(toks[j].lower)) j--;
    const to = j;
    // "she said", "they told": the speaker is a pronoun this sentence does not resolve
    if (to >= 0 && PERSONAL.has(toks[to].lower)) continue;
    const from = phraseStart(toks, to);
    if (from <= to) {
      const s = appositiveHead(a, to, i) ?? phrase(a, from, to, i);
      if (s) out.push(s);
    }
  }
  return out;
}

/** Words of a speaker phrase that are no name: titles and honorifics. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'prof', 'professor', 'dame', 'rev']);

/** The last capitalised word of a speaker phrase: a person's surname ("Eva Lichtenberg"), or undefined. */
export function surnameOf(s: Speaker, a: Analyzed): string | undefined {
  const t = a.tokens[s.last];
  if (!t || t.kind !== 'word' || !isCapitalized(t) || TITLES.has(t.lower) || ROLES.has(t.lemma)) return undefined;
  // a single capitalised word that is the whole phrase and not a name-like token is still a name ("Robinson")
  return t.lower.replace(/['’]s$/, '');
}

/** Two speakers who are named people with different surnames, neither phrase naming the other's. */
export function differentPeople(a: Speaker, ta: Analyzed, b: Speaker, tb: Analyzed, namePhrases = false): boolean {
  const sa = surnameOf(a, ta);
  const sb = surnameOf(b, tb);
  if (!sa || !sb || sa === sb) return false;
  // two names of one body: "the Commission" and "the EC"
  const ka = aliasKey(sa);
  if (ka && ka === aliasKey(sb)) return false;
  const inA = ta.tokens.slice(a.first, a.last + 1).some((t) => t.lower.replace(/['’]s$/, '') === sb);
  const inB = tb.tokens.slice(b.first, b.last + 1).some((t) => t.lower.replace(/['’]s$/, '') === sa);
  // at least one of them must look like a person (two capitalised words, or a title): "the IAAF" is an organisation
  const person = (s: Speaker, t: Analyzed) => {
    let caps = 0;
    for (let k = s.first; k <= s.last; k++) if (isCapitalized(t.tokens[k]) && !t.tokens[k].stop && !ROLES.has(t.tokens[k].lemma)) caps++;
    return caps >= 2 || TITLES.has(t.tokens[s.first]?.lower ?? '') || TITLES.has(t.tokens[s.last - 1]?.lower ?? '');
  };
  // two phrases already known to be names ("High", "Robinson") need no further sign of a person
  return !inA && !inB && (namePhrases || person(a, ta) || person(b, tb));
}

function sameSpeaker(a: Speaker, b: Speaker, ta?: Analyzed, tb?: Analyzed): boolean {
  if (ta && tb && differentPeople(a, ta, b, tb)) return false;
  for (const x of a.words) {
    if (GENERIC.has(x)) continue;
    for (const y of b.words) {
      if (areSynonyms(x, y)) return true;
      const ka = aliasKey(x);
      if (ka && ka === aliasKey(y)) return true;
    }
  }
  const ka = aliasKey(a.text.toLowerCase());
  if (ka && b.words.some((w) => aliasKey(w) === ka)) return true;
  return false;
}

/** Every capitalised (name) word of the claim's speaker phrase occurs in the evidence, and there is one. */
function namedIn(s: Speaker, claim: Analyzed, evidence: Analyzed): boolean {
  const names: string[] = [];
  for (let k = s.first; k <= s.last; k++) {
    const t = claim.tokens[k];
    if (t.kind === 'word' && isCapitalized(t) && !PRONOUNS.has(t.lower) && !/^(mr|mrs|ms|dr|miss|sir|lord|lady)$/.test(t.lower)) names.push(t.lower);
  }
  if (!names.length) return false;
  return names.every((n) => evidence.tokens.some((t) => t.lower === n || t.lower === n + "'s" || t.lemma === n));
}

/** The evidence speaker whose cue is nearest the evidence words aligned to claim tokens from..to. */
function nearestSpeaker(es: Speaker[], alignment: number[], from: number, to: number): Speaker {
  const aligned: number[] = [];
  for (let k = from; k <= to; k++) if ((alignment[k] ?? -1) >= 0) aligned.push(alignment[k]);
  if (!aligned.length) return es[0];
  const mid = aligned.sort((a, b) => a - b)[Math.floor(aligned.length / 2)];
  let best = es[0];
  for (const e of es) if (Math.abs(e.cue - mid) < Math.abs(best.cue - mid)) best = e;
  return best;
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.4, "Coverage a candidate needs before its speakers are compared with the draft's", 'higher: fewer attribution findings'),
};

export const attribution: SignalDetector = {
  kind: 'attribution',
  description: 'The statement attributes words to someone the source does not',
  gate: 0.15,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    if (input.coverage < TUNING.minCoverage.value) return out;
    const cs = findSpeakers(input.claim);
    if (!cs.length) return out;
    // a publication named as where the words were said ("according to the Daily Mail") attributes the report,
    // not the words: it is no speaker to clash with (venue.ts)
    const es = findSpeakers(input.evidence).filter((e) => !isVenue(input.evidence, e.first, e.last));
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    for (let n = 0; n < cs.length; n++) {
      const s = cs[n];
      if (isVenue(input.claim, s.first, s.last)) continue;
      // the content (outside the speaker phrase and verb) must be what the evidence carries; with several
      // speakers in the claim ("A suggests x, while B suggests y"), only the words this speaker says
      let from = 0;
      let to = ct.length - 1;
      if (cs.length > 1 && s.cue > s.last) {
        from = s.cue + 1;
        if (n + 1 < cs.length) to = Math.min(cs[n + 1].first, cs[n + 1].cue) - 1;
      }
      let content = 0;
      let aligned = 0;
      for (let k = from; k <= to; k++) {
        if ((k >= s.first && k <= s.last) || k === s.cue || ct[k].stop || ct[k].kind === 'punct') continue;
        content++;
        if ((input.alignment[k] ?? -1) >= 0) aligned++;
      }
      // a speaker's own few words must match closely ("contacting IT if the website is not working")
      if (!content || aligned / content < (from > 0 ? 0.67 : 0.5)) continue;
      const claimSpan = { start: ct[s.first].start, end: ct[s.last].end };
      if (es.some((e) => sameSpeaker(s, e, input.claim, input.evidence))) continue;
      // the draft's speaker is named in the evidence itself ("..., Jane Roe, a member of the council, said";
      // "Roe told the Gazette"): the sentence does not give the words to someone else
      if (namedIn(s, input.claim, input.evidence)) continue;
      if (es.length) {
        // the source's speaker of these words: the one whose verb is nearest the words the claim shares
        const e = nearestSpeaker(es, input.alignment, from, to);
        // "The Premier League champions have written to fans" for "Manchester City have written to fans": a
        // description may be the very speaker the draft names
        if (isDescription(e, input.evidence)) continue;
        out.push({
          kind: 'attribution',
          effect: 'contradicts',
          message: `attribution: the draft attributes this to ${quoted(s.text)}, the source to ${quoted(e.text)}`,
          claimSpan,
          evidenceSpan: { start: et[e.first].start, end: et[e.last].end },
          strength: 0.7,
        });
      } else if (
        // "The US company said", "the firm said": the organisation the story is about, as a source says "the
        // insurer" (not "officials said", "analysts said": people the source does not bring in)
        !ORGANISATION_SELF.has(ct[s.last].lemma) &&
        !s.words.some((w) => input.evidence.tokens.some((t) => t.lemma === w || t.lower === w))
      ) {
        out.push({
          kind: 'attribution',
          effect: 'unsupported',
          message: `attribution: the source does not say that ${quoted(s.text)} said this`,
          claimSpan,
          strength: 0.5,
        });
      }
    }
    return out;
  },
};
