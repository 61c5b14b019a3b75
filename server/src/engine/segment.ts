/**
 * Sentence segmentation with exact offsets. A single linear scan (no backtracking
 * regular expressions), so pathological input stays linear.
 *
 * A sentence ends at . ! ? (or an ellipsis) followed by closing quotes/brackets,
 * white space and a plausible sentence start, except after abbreviations (U.S.,
 * Dr., Jan.), initials (J. R. R.), and inside numbers (3.5). A blank line always
 * ends a sentence. A single line break inside a paragraph (hard-wrapped text,
 * text extracted from a PDF) counts as a space, except before a list item or a
 * Markdown heading, quote or table row, and after a line that looks like a
 * headline (title case, or shorter than its wrapped neighbour would allow).
 */
import type { Span } from './types';
import { STOPWORDS } from './text';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp llc plc bros dept univ assn est approx no nos vol vols fig figs pp ed eds ' +
    'v vs etc al cf ie eg i.e e.g a.m p.m u.s u.k u.n e.u u.s.a d.c n.y l.a ph.d b.a m.a ' +
    'ave blvd rd hwy mass calif fla ill penn wash conn tenn ariz colo'
  ).split(/\s+/),
);

/** Company suffixes: an abbreviation before a name or a lower-case word, a sentence end before a sentence opener ("Acme Corp. The deal..."). */
const COMPANY_SUFFIXES = new Set(['inc', 'ltd', 'co', 'corp', 'llc', 'plc']);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_']);

/** The characters the scan below acts on; every other character only moves it along. */
const SCAN_STOPS = /[\n\r"\u201c\u201d.!?\u2026]/g;

/** White space as String.prototype.trim and \s know it. */
function isTrimSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** /^#{1,6}\s/ on text[s, e) (a Markdown heading line). */
function isHeadingLine(text: string, s: number, e: number): boolean {
  let r = s;
  while (r < e && text.charCodeAt(r) === 35) r++;
  return r > s && r - s <= 6 && r < e && isTrimSpace(text.charCodeAt(r));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029 || c === 12 || c === 11;
}

function isUpperStart(ch: string): boolean {
  if (ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (c < 128) return ch === '"' || ch === "'" || ch === '(' || ch === '[' || ch === '*' || ch === '_';
  if (ch === '“' || ch === '‘' || ch === '«' || ch === '¿' || ch === '¡') return true;
  return ch !== ch.toLowerCase() || !/\p{Ll}/u.test(ch);
}

/** The word (letters and inner dots) that ends right before `dot`, lower-cased. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  const stop = Math.max(0, dot - 24);
  while (i >= stop) {
    const c = text.charCodeAt(i);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c > 127;
    if (!isLetter || isSpace(c)) break;
    i--;
  }
  return text.slice(i + 1, dot).toLowerCase();
}

function endsHeadlineLike(text: string, lineStart: number, lineEnd: number): boolean {
  // a short line without terminal punctuation (a headline or list item) followed by a line break
  const len = lineEnd - lineStart;
  return len > 0 && len < 120 && !/[,;\-–—(]$/.test(text.slice(lineStart, lineEnd).trimEnd());
}

/** A list item starts at text[k]: "- ", "* ", "+ ", "• ", "1. ", "2) ". */
function isListItemStart(text: string, k: number, to: number): boolean {
  const c = text.charCodeAt(k);
  if ((c === 45 || c === 42 || c === 43 || c === 0x2022) && k + 1 < to && isSpace(text.charCodeAt(k + 1))) return true;
  let d = k;
  while (d < to && d - k < 3 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
  return d > k && d + 1 < to && (text.charCodeAt(d) === 46 || text.charCodeAt(d) === 41) && isSpace(text.charCodeAt(d + 1));
}

const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*|\p{N}+/gu;

/**
 * Is the trimmed line text[ps, pe) (no terminal punctuation, followed by a line starting at k) a
 * headline rather than one line of a wrapped paragraph? Title case or capitals ("Markets Rally On
 * Rate Hopes"), or short on purpose: the next line is long enough that its first word would have
 * fitted on this one, had the text been wrapped. A line ending in a lower-case function word ("under
 * the") is never a headline.
 */
function looksLikeHeadline(text: string, ps: number, pe: number, k: number, to: number): boolean {
  const words = text.slice(ps, pe).match(WORD_RE);
  if (!words) return true; // only symbols or numbers: a label of its own
  const lastWord = words[words.length - 1];
  if (STOPWORDS.has(lastWord) && lastWord === lastWord.toLowerCase()) return false;
  let capitalised = 0;
  let long = 0;
  for (const w of words) {
    if (w.length < 4 && STOPWORDS.has(w.toLowerCase())) continue; // "of", "the", "On" may go either way
    long++;
    if (w[0] !== w[0].toLowerCase()) capitalised++;
  }
  if (long > 0 && capitalised === long) return true;
  // the next line, to its end or the text's
  let e = k;
  while (e < to && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  while (e > k && isTrimSpace(text.charCodeAt(e - 1))) e--;
  let w = k;
  while (w < e && !isSpace(text.charCodeAt(w))) w++;
  return e - k >= pe - ps + 1 + (w - k);
}

/**
 * Sentence spans of text[from, to), trimmed of surrounding white space.
 * `lineBreaks`: 'paragraph' (only blank lines and terminal punctuation end
 * sentences: wrapped prose) or 'smart' (also headline-like lines).
 */
export function splitSentences(text: string, from = 0, to = text.length, lineBreaks: 'smart' | 'paragraph' = 'smart'): Span[] {
  const spans: Span[] = [];
  let start = from;
  let lineStart = from;

  let inQuote = false;
  let quoteStart = 0;
  const push = (end: number) => {
    inQuote = false;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };

  // to the end of the text: straight from one character the scan acts on to the next (a
  // regular expression finds them faster); within a range, char by char (a search past the
  // range's end, once per call, could make many small ranges quadratic)
  const stops = SCAN_STOPS;
  const jump = to === text.length;
  for (let i = from; i < to; i++) {
    if (jump) {
      stops.lastIndex = i;
      if (!stops.test(text)) break;
      i = stops.lastIndex - 1;
    }
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // line break
      const lineEnd = i;
      let j = i + 1;
      if (c === 13 && text.charCodeAt(j) === 10) j++;
      // blank line?
      let k = j;
      while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      const blank = k >= to || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13;
      if (blank) {
        push(lineEnd);
      } else if (lineBreaks === 'smart') {
        // the previous line, trimmed, as text[ps, pe)
        let ps = lineStart;
        let pe = lineEnd;
        while (ps < pe && isTrimSpace(text.charCodeAt(ps))) ps++;
        while (pe > ps && isTrimSpace(text.charCodeAt(pe - 1))) pe--;
        if (pe === ps) {
          i = j - 1;
          lineStart = j;
          continue;
        }
        const nextCh = text[k] ?? '';
        const prevIsHeading = isHeadingLine(text, ps, pe);
        // the line's terminal punctuation, before any closing quotes and brackets
        let q = pe;
        while (q > ps && CLOSERS.has(text[q - 1])) q--;
        const last = q > ps ? text[q - 1] : '';
        const terminal = last === '.' || last === '!' || last === '?' || last === '…';
        if (nextCh === '#' || prevIsHeading || nextCh === '|' || nextCh === '>' || isListItemStart(text, k, to)) {
          push(lineEnd);
        } else if (terminal) {
          // decided as if the line break were a space (the closing quotes are part of the sentence)
          if (
            (isUpperStart(nextCh) || !/\p{Ll}/u.test(nextCh)) &&
            !(last === '.' && (q - 2 < ps || !/[.!?…]/.test(text[q - 2])) && isAbbreviationEnd(text, q - 1, k))
          )
            push(pe);
        } else if (isUpperStart(nextCh) && startsLine(text, start, lineStart) && endsHeadlineLike(text, ps, pe) && looksLikeHeadline(text, ps, pe, k, to)) {
          push(lineEnd);
        }
      }
      i = j - 1;
      lineStart = j;
      continue;
    }
    if (c === 0x201c /* “ */) {
      inQuote = true;
      quoteStart = i;
      continue;
    }
    if (c === 0x201d /* ” */) {
      inQuote = false;
      continue;
    }
    if (c === 34 /* " */) {
      const prev = i > from ? text.charCodeAt(i - 1) : 32;
      if (isSpace(prev) || prev === 40 || prev === 91 || prev === 8212) {
        inQuote = true;
        quoteStart = i;
      } else inQuote = false;
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026 /* … */) continue;

    // run of terminal punctuation: "?!", "...", "…"
    let j = i + 1;
    while (j < to) {
      const d = text.charCodeAt(j);
      if (d === 46 || d === 33 || d === 63 || d === 0x2026) j++;
      else break;
    }
    // closing quotes and brackets
    const afterPunct = j;
    while (j < to && CLOSERS.has(text[j])) j++;
    // inside a quotation opened less than 600 characters ago (an unclosed quote does not swallow the paragraph)
    if (inQuote && i - quoteStart < 600) {
      const closed = /["”]/.test(text.slice(afterPunct, j));
      if (!closed) {
        i = j - 1;
        continue; // a sentence inside a quotation does not end the outer sentence
      }
      inQuote = false;
    }
    if (j < to && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue; // "3.5", "U.S.A", "example.com"
    }
    // next non-space char
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
    if (k < to && (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13)) {
      // a line break follows: handled by the line-break rule (which checks abbreviations too)
      if (lineBreaks === 'paragraph') {
        // wrapped prose: decide as if it were a space
        let m = k;
        while (m < to && isSpace(text.charCodeAt(m))) m++;
        if (m < to && isUpperStart(text[m]) && !(c === 46 && j - i === 1 && isAbbreviationEnd(text, i, m))) push(j);
      }
      i = j - 1;
      continue;
    }
    const next = text[k] ?? '';
    if (k >= to) {
      i = j - 1;
      continue;
    }
    // a stop standing apart, with a space before it ("... his career . he said"): tokenised text, where no
    // abbreviation has a space before its dot, so a sentence ends whatever case follows
    const detached = i > start && isSpace(text.charCodeAt(i - 1)) && j - i === 1 && /\p{L}/u.test(next);
    if (!isUpperStart(next) && !detached) {
      i = j - 1;
      continue;
    }
    if (c === 46 && j - i === 1 && (isAbbreviationEnd(text, i, k) || isListNumber(text, start, i))) {
      i = j - 1;
      continue;
    }
    push(j);
    i = j - 1;
  }
  push(to);
  return spans;
}

/** text[start, dot) is, trimmed, one to three digits: the "1." of a numbered list item. */
function isListNumber(text: string, start: number, dot: number): boolean {
  let s = start;
  while (s < dot && isSpace(text.charCodeAt(s))) s++;
  if (dot - s < 1 || dot - s > 3) return false;
  for (let i = s; i < dot; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
}

function startsLine(text: string, sentenceStart: number, lineStart: number): boolean {
  // the sentence under way began on this line (so the line is a unit of its own)
  for (let i = sentenceStart; i < lineStart; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Is the '.' at `dot` the end of an abbreviation or an initial? */
export function isAbbreviationEnd(text: string, dot: number, next = -1): boolean {
  const w = wordBefore(text, dot);
  if (w === '') return false;
  const bare = w.replace(/^\.+/, '');
  if (COMPANY_SUFFIXES.has(bare) && next >= 0 && opensSentence(text, next)) return false;
  if (ABBREVIATIONS.has(bare)) {
    // "U.S." at the very end of a sentence is ambiguous: an abbreviation never ends a sentence here
    return true;
  }
  // single capital initial: "J. Smith"
  if (bare.length === 1 && /\p{Lu}/u.test(text[dot - 1])) return true;
  // dotted acronyms: "U.S.A", "e.g"
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return true;
  return false;
}

/** A capitalised function word at text[at] ("The", "It", "But"): a sentence opener rather than a name. */
function opensSentence(text: string, at: number): boolean {
  let e = at;
  while (e < text.length && e - at < 12 && /\p{L}/u.test(text[e])) e++;
  if (e === at || e - at >= 12) return false;
  const word = text.slice(at, e);
  if (word[0] === word[0].toLowerCase() || word.slice(1) !== word.slice(1).toLowerCase()) return false;
  return STOPWORDS.has(word.toLowerCase()) && word !== 'A' && word !== 'I';
}
