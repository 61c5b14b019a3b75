/**
 * Words: tokenisation with exact offsets, lower-casing, lemmas and stopwords.
 * Lemmas come from wink-lemmatizer (WordNet exception lists + rules), cached per word.
 */
import * as lemmatizer from 'wink-lemmatizer';
import type { Analyzed, Token, TokenKind } from './types';

// A word (letters, marks, digits, inner apostrophes), a number (1,234.5 / 3:30), or any other single char.
export const TOKEN_RE = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;

export const STOPWORDS = new Set(
  (
    'a an the and or but if then else of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further once here there when where why how ' +
    'all any both each few more most other some such no nor not only own same so than too very can will just ' +
    'should now i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her ' +
    'hers herself it its itself they them their theirs themselves what which who whom this that these those am is ' +
    'are was were be been being have has had having do does did doing would could might must shall may also as ' +
    'while because until although though whether either neither yet however s t d ll m re ve o y ' +
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't cannot couldn't " +
    "shouldn't mustn't it's that's there's he's she's they're we're i'm you're i've we've they've " +
    "one there's per via upon onto within without among amongst whose"
  ).split(/\s+/),
);

/** Content words that the lemmatizer gets wrong or that need one key across forms. */
const LEMMA_OVERRIDES: Record<string, string> = {
  data: 'data',
  media: 'media',
  news: 'news',
  us: 'us',
  has: 'have',
  was: 'be',
  is: 'be',
  co: 'co',
  // short irregular past forms: the lemmatizer leaves words of three letters or fewer alone
  does: 'do',
  did: 'do',
  had: 'have',
  won: 'win',
  led: 'lead',
  ran: 'run',
  met: 'meet',
  got: 'get',
  sat: 'sit',
  fed: 'feed',
  hid: 'hide',
  dug: 'dig',
};

const lemmaCache = new Map<string, string>();

/**
 * A copy of `s` that shares no storage with the string it was cut from. A slice of a long string (V8 keeps
 * slices of 13 characters or more as views) holds the whole string alive: a block of a draft kept as a cache
 * key would keep that version of the draft in memory, one per edit. For what a long-lived cache keeps.
 */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}

export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'");
}

/** Dictionary form of a lower-cased word. */
export function lemma(lower: string): string {
  let l = lemmaCache.get(lower);
  if (l !== undefined) return l;
  l = computeLemma(lower);
  if (lemmaCache.size < 500_000) lemmaCache.set(lower, l);
  return l;
}

function computeLemma(w: string): string {
  if (LEMMA_OVERRIDES[w]) return LEMMA_OVERRIDES[w];
  let base = w;
  if (base.endsWith("'s")) base = base.slice(0, -2);
  else if (base.endsWith("s'")) base = base.slice(0, -1);
  if (base.length <= 3 || /\d/.test(base)) return base;
  const n = lemmatizer.noun(base);
  if (n !== base) return n;
  const v = lemmatizer.verb(base);
  if (v !== base) return silentE(base, v);
  const a = lemmatizer.adjective(base);
  if (a !== base) return a;
  return base;
}

/**
 * "riding" is ride, not rid; "hoping" is hope, "rated" is rate: the lemmatizer strips -ing / -ed and takes
 * the first verb it finds. A one-syllable stem ending in one vowel and one consonant doubles it before
 * -ing and -ed ("ridding", "hopping", "ratted"), so when it did not double, the stem ends in a silent e,
 * if that is a verb too.
 */
function silentE(word: string, stem: string): string {
  if (!(word === stem + 'ing' || word === stem + 'ed')) return stem;
  if (!/^[^aeiouy]*[aeiouy][bcdfgklmnprstvz]$/.test(stem)) return stem;
  const e = stem + 'e';
  return lemmatizer.verb(e + 's') === e ? e : stem;
}

function kindOf(t: string): TokenKind {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'number';
  if (/\p{N}/u.test(t[0])) return 'number';
  if (/\p{L}/u.test(t[0])) return 'word';
  if (/[$€£¥%]/.test(t)) return 'symbol';
  return 'punct';
}

interface TokenInfo {
  lower: string;
  lemma: string;
  kind: TokenKind;
  stop: boolean;
}

/** What a token's text alone decides (its kind, lower case, lemma, stop word or not), cached per token text. */
const tokenInfoCache = new Map<string, TokenInfo>();

function tokenInfo(t: string): TokenInfo {
  let info = tokenInfoCache.get(t);
  if (info !== undefined) return info;
  const kind = kindOf(t);
  const lower = kind === 'word' ? normalizeWord(t) : t;
  let lem: string;
  if (kind === 'word') lem = lemma(lower);
  else if (kind === 'number') lem = lower.replace(/,(?=\d{3}\b)/g, '');
  else lem = lower;
  info = { lower, lemma: lem, kind, stop: kind === 'word' ? STOPWORDS.has(lower) || lower.length < 2 : kind !== 'number' };
  if (tokenInfoCache.size >= 500_000) tokenInfoCache.clear();
  tokenInfoCache.set(t, info);
  return info;
}

/** TOKEN_RE's own instance for tokenize (TOKEN_RE itself is shared by the helpers below). */
const TOKENIZE_RE = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * End of the ASCII token that starts at `i` (a letter or a digit there), scanning no further than `len`:
 * TOKEN_RE's rules for a word, letter [letters digits]* ('letters+)*, and for a number, digits
 * ([.,:] digits)*. -2 when a non-ASCII character could belong to the token: the regular expression decides.
 * Shared by tokenize and the index's term scanner (tokenTerms.ts), so the two cannot drift apart.
 */
export function asciiTokenEnd(s: string, i: number, len: number): number {
  let j = i + 1;
  if (isAsciiLetter(s.charCodeAt(i))) {
    let apos = false;
    for (;;) {
      const d = j < len ? s.charCodeAt(j) : -1;
      if (isAsciiLetter(d)) j++;
      else if (d >= 48 && d <= 57) {
        if (apos) return j;
        j++;
      } else if (d === 39) {
        const e = j + 1 < len ? s.charCodeAt(j + 1) : -1;
        if (isAsciiLetter(e)) {
          j += 2;
          apos = true;
        } else return e >= 128 ? -2 : j;
      } else return d >= 128 ? -2 : j;
    }
  }
  for (;;) {
    const d = j < len ? s.charCodeAt(j) : -1;
    if (d >= 48 && d <= 57) j++;
    else if (d === 46 || d === 44 || d === 58) {
      const e = j + 1 < len ? s.charCodeAt(j + 1) : -1;
      if (e >= 48 && e <= 57) j += 2;
      else return e >= 128 ? -2 : j;
    } else return d >= 128 ? -2 : j;
  }
}

/**
 * Tokens of `text` with offsets relative to it: TOKEN_RE's matches. ASCII tokens are found
 * by hand (as tokenTerms.ts does); at a non-ASCII character that could belong to a token
 * the regular expression itself takes over from the token's start.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    let j: number; // end of an ASCII-scanned token; -2: hand over to the regex
    if (c >= 128) j = -2;
    else if (isAsciiLetter(c) || (c >= 48 && c <= 57)) j = asciiTokenEnd(text, i, len);
    else if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    } else j = i + 1; // any other ASCII character is a token of its own (\S)
    let a = i;
    let b = j;
    if (j === -2) {
      const re = TOKENIZE_RE;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) break;
      a = m.index;
      b = a + m[0].length;
    }
    const t = text.slice(a, b);
    const info = tokenInfo(t);
    out.push({ text: t, start: a, end: b, lower: info.lower, lemma: info.lemma, kind: info.kind, stop: info.stop });
    i = b;
  }
  return out;
}

/** tokenize as TOKEN_RE's matches one by one (the reference the fast path is tested against). */
export function tokenizeByRegExp(text: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    const info = tokenInfo(t);
    out.push({ text: t, start: m.index, end: m.index + t.length, lower: info.lower, lemma: info.lemma, kind: info.kind, stop: info.stop });
  }
  return out;
}

export function analyze(text: string): Analyzed {
  return { text, tokens: tokenize(text) };
}

/**
 * The index key of one token as TOKEN_RE matches it, or null if the token is not indexed
 * (stop words, punctuation, one-letter words).
 */
export function contentKeyOf(t: string): string | null {
  const c = t.charCodeAt(0);
  if (c < 128) {
    if (c >= 48 && c <= 57) return t.indexOf(',') < 0 ? t : t.replace(/,(?=\d{3}\b)/g, '');
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return null;
  } else if (!/\p{L}|\p{N}/u.test(t[0])) return null;
  const lower = normalizeWord(t);
  if (lower.length < 2 || STOPWORDS.has(lower)) return null;
  return lemma(lower);
}

/**
 * Calls `each` with every token of `text` (the tokens contentKeys and tokenize see).
 * A single shared regular expression: not re-entrant.
 */
export function forEachToken(text: string, each: (token: string) => void): void {
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) each(m[0]);
}

/** Index keys of a text: lemmas of content words and numbers. */
export function contentKeys(text: string): string[] {
  const keys: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const k = contentKeyOf(m[0]);
    if (k !== null) keys.push(k);
  }
  return keys;
}

/** The text starts with an upper-case letter ("Libya", "Élysée"): a name, or a sentence's first word. */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(text));
}

const DEMONYM_SUFFIXES = ['ian', 'an', 'ese', 'ish', 'n', 'i'];

/**
 * Roots a place name and its demonym share ("Libya" / "Libyan", "Canada" / "Canadian", "China" /
 * "Chinese", "Jordan" / "Jordanian"): the lower-case word, without a final vowel, and without a demonym
 * suffix. Two capitalised words name the same place when their roots meet.
 */
export function placeRoots(lower: string): string[] {
  const out = [lower];
  const last = lower.charCodeAt(lower.length - 1);
  if ((last === 97 || last === 101 || last === 111 || last === 121) && lower.length - 1 >= 4) out.push(lower.slice(0, -1));
  for (const suf of DEMONYM_SUFFIXES) {
    if (lower.endsWith(suf) && lower.length - suf.length >= 4) out.push(lower.slice(0, -suf.length));
  }
  return out;
}

export function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = placeRoots(a);
  return placeRoots(b).some((r) => ra.includes(r));
}
