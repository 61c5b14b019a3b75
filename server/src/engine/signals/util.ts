/** Small helpers shared by the signal detectors. */
import type { Analyzed, Span, Token } from '../types';
import { startsUpper } from '../text';

export function span(tokens: Token[], i: number, j: number): Span {
  return { start: tokens[i].start, end: tokens[j].end };
}

export function slice(a: Analyzed, s: Span): string {
  return a.text.slice(s.start, s.end);
}

/** The text of tokens i..j (inclusive) as written. */
export function words(a: Analyzed, i: number, j: number): string {
  return a.text.slice(a.tokens[i].start, a.tokens[j].end);
}

export function quoted(s: string): string {
  return `'${s.replace(/\s+/g, ' ').trim()}'`;
}

export function isContent(t: Token): boolean {
  return !t.stop && (t.kind === 'word' || t.kind === 'number');
}

/** Tokens that end a clause for short look-behind/look-ahead windows. */
export function isClauseBreak(t: Token): boolean {
  return t.kind === 'punct' && /^[.;:!?,()[\]“”"]$/.test(t.lower);
}

export function isCapitalized(t: Token): boolean {
  return t.kind === 'word' && startsUpper(t.text);
}

/** True when token i starts a sentence (first word, or after . ! ? or an opening quote at a start). */
export function isSentenceStart(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' && /^["“‘'([]$/.test(t.lower)) continue;
    return t.kind === 'punct' && /^[.!?:]$/.test(t.lower) && !isAbbreviationDot(tokens, k);
  }
  return true;
}

function isAbbreviationDot(tokens: Token[], k: number): boolean {
  // "U.S." / "Jan." / "Mr." : a dot right after a short capitalised word or a single letter
  const prev = tokens[k - 1];
  if (!prev || prev.end !== tokens[k].start || prev.kind !== 'word') return false;
  return (
    prev.text.length === 1 ||
    /^(Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Prof|Jr|Sr|Inc|Corp|Co|No)$/.test(prev.text)
  );
}

/** Reverse of input.alignment: evidence token index -> claim token index (first), or -1. */
export function reverseAlignment(alignment: number[], evidenceLength: number): number[] {
  const rev = new Array<number>(evidenceLength).fill(-1);
  for (let i = 0; i < alignment.length; i++) {
    const e = alignment[i];
    if (e >= 0 && e < evidenceLength && rev[e] < 0) rev[e] = i;
  }
  return rev;
}

/** Index of the nearest content token at or after i within `max` tokens, not crossing a clause break. */
export function nextContent(tokens: Token[], i: number, max: number): number {
  for (let k = i; k < tokens.length && k <= i + max; k++) {
    if (k > i && isClauseBreak(tokens[k])) return -1;
    if (isContent(tokens[k])) return k;
  }
  return -1;
}

export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A weekday or a month written out ("tuesday", "may"): the lower-case word of a date, not of a name. */
export function isCalendarWord(lower: string): boolean {
  return CALENDAR_WORDS.has(lower);
}
const CALENDAR_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  // the months' full names, not their abbreviations ("jan", "sept")
  ...Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july'),
]);

/** Month number of token i when it is a month name (capitalised; "May" only in a date-like context). */
export function monthAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !isCapitalized(t)) return 0;
  const m = MONTHS[t.lower];
  if (!m) return 0;
  const full = t.lower.length > 4 || t.lower === 'june' || t.lower === 'july';
  const next = tokens[i + 1];
  const dotted = next && next.lower === '.' && next.start === t.end;
  if (!full && !dotted) {
    // bare abbreviations: only right before a number ("Jan 5")
    const n = tokens[i + 1];
    if (!n || n.kind !== 'number') return 0;
  }
  if (t.lower === 'may' || t.lower === 'march') {
    const prev = tokens[i - 1];
    const n = tokens[i + 1];
    const dateLike =
      (n && n.kind === 'number') ||
      (prev && (prev.kind === 'number' || /^(in|of|since|until|by|early|late|mid|last|next|this|from|through)$/.test(prev.lower)));
    if (!dateLike) return 0;
  }
  return m;
}

const CHAR_REF = /^(?:&#\d{1,7};|&#x[0-9a-f]{1,6};|&[a-z]{2,8};)[\p{L}\p{M}]*/iu;

/**
 * The end of the word at text[.., end) when a character reference written into a plain-text source cuts it
 * ("Jos&#233; Manuel": the tokenizer stops at "&"): the message quotes the whole word, never a half.
 */
export function wordEnd(text: string, end: number): number {
  let e = end;
  let m: RegExpExecArray | null;
  while ((m = CHAR_REF.exec(text.slice(e, e + 40)))) e += m[0].length;
  return e;
}

/** Numeric character references decoded for display ("Jos&#233;" -> "José"). */
export function decodeCharRefs(s: string): string {
  return s.replace(/&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi, (m, d: string | undefined, h: string | undefined) => {
    const n = d !== undefined ? Number(d) : parseInt(h ?? '', 16);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}
