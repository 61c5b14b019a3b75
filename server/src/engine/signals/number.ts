/**
 * Numbers and quantities: "$12 billion", "12bn", "twelve", "a dozen", "3.5%", "1,200", with approximators
 * (about, more than, at least, nearly, over, under) turned into intervals. A claim number clashes with the
 * evidence when no comparable evidence quantity (same unit) overlaps its interval and one is paired with it
 * (same noun after it, or the only one of its unit in a well-covered sentence).
 */
import type { Analyzed, SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { areSynonyms } from '../lexicon';
import { isContent, monthAt, quoted, words } from './util';
import { knob } from '../knob';

export interface Quantity {
  /** value after scale words ("12 billion" -> 12e9) */
  value: number;
  lo: number;
  hi: number;
  /** '%', a currency symbol, or '' */
  unit: string;
  /** the content lemma right after the quantity ("soldiers"), or '' */
  noun: string;
  /** token range of the whole phrase, approximator included */
  first: number;
  last: number;
  /** the phrase as written */
  text: string;
  approx: Approx;
  /** a range ("7 to 15 inches", "between 16% and 36%"): the interval of each end */
  ends?: [[number, number], [number, number]];
  /** the scale word's factor ("million": 1e6), 1 without one */
  scale: number;
  /** the token of the number itself ("2.5" in "about $2.5bn", "third" in "a third") */
  num: number;
}

type Approx = 'eq' | 'about' | 'gt' | 'ge' | 'lt' | 'le' | 'nearly' | 'upto';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: '$',
  usd: '$',
  euro: '€',
  eur: '€',
  pound: '£',
  gbp: '£',
  yen: '¥',
  rupee: '₹',
  inr: '₹',
};
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥', '₹']);

/** Approximator phrases before a number, longest first: [words, kind]. */
const BEFORE: [string[], Approx][] = [
  [['more', 'than'], 'gt'],
  [['greater', 'than'], 'gt'],
  [['higher', 'than'], 'gt'],
  [['just', 'over'], 'gt'],
  [['in', 'excess', 'of'], 'gt'],
  [['upwards', 'of'], 'gt'],
  [['at', 'least'], 'ge'],
  [['no', 'fewer', 'than'], 'ge'],
  [['no', 'less', 'than'], 'ge'],
  [['less', 'than'], 'lt'],
  [['fewer', 'than'], 'lt'],
  [['lower', 'than'], 'lt'],
  [['just', 'under'], 'lt'],
  [['at', 'most'], 'le'],
  [['no', 'more', 'than'], 'le'],
  [['up', 'to'], 'upto'],
  [['as', 'many', 'as'], 'upto'],
  [['as', 'much', 'as'], 'upto'],
  [['close', 'to'], 'about'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['an', 'estimated'], 'about'],
  [['estimated'], 'about'],
  [['over'], 'gt'],
  [['above'], 'gt'],
  [['exceeding'], 'gt'],
  [['under'], 'lt'],
  [['below'], 'lt'],
  [['exactly'], 'eq'],
  [['approx'], 'about'],
  [['c'], 'about'],
  [['~'], 'about'],
];

/**
 * The digits of a spelled-out number ("three" -> "3", "dozen" -> "12", "thousand" -> "1000"); million and
 * above are written as words in digit texts too ("$12 million"), so they stay as they are.
 */
export function spelledNumberDigits(lower: string): string | undefined {
  const own = (table: Record<string, number>) => (Object.prototype.hasOwnProperty.call(table, lower) ? table[lower] : undefined);
  const v = own(SMALL) ?? own(TENS) ?? own(SCALES);
  if (v === undefined) return undefined;
  return v >= 1e6 ? lower : String(v);
}

function numberWord(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'word') return undefined;
  if (t.lower in SMALL) return SMALL[t.lower];
  if (t.lower in TENS) return TENS[t.lower];
  return undefined;
}

/** Decimal places written ("3.50" -> 2) and trailing zeros of an integer ("1200" -> 2). */
function precisionOf(digits: string): { decimals: number; zeros: number } {
  const dot = digits.indexOf('.');
  if (dot >= 0) return { decimals: digits.length - dot - 1, zeros: 0 };
  const m = /0+$/.exec(digits);
  return { decimals: 0, zeros: m && m[0].length < digits.length ? m[0].length : 0 };
}

/** The unit of an ordinal ("60th cap"): never compared with a count. */
const ORDINAL = 'ordinal';
/** Ordinals of these are dates or eras, not counts of a thing. */
const ORDINAL_NOT =
  /^(century|centuries|millennium|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|birthday)$/;

/** "one week", "one year": "one" counting a unit of time is a number, not the pronoun. */
const ONE_OF_UNIT = /^(minute|hour|week|month|year|decade|century)$/;

/** Ordinals written as words. */
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/**
 * The spelled ordinal at `i` with the noun it counts right after it ("third quarter", "second-half try" counts
 * the half), or undefined: no noun follows, the noun is a date's or an era's, or the pair is part of a name
 * (the noun capitalised: "First Minister", "Second World War"). "the first two months" counts the months: the count
 * word is left to be read as a number.
 */
function spelledOrdinal(a: Analyzed, i: number): Quantity | undefined {
  const toks = a.tokens;
  const t = toks[i];
  let k = i + 1;
  if (toks[k]?.lower === '-' && toks[k].start === t.end && toks[k + 1]?.start === toks[k].end) k++;
  const n = toks[k];
  if (!n || n.kind !== 'word' || !isContent(n) || numberWord(n) !== undefined || /^\p{Lu}/u.test(n.text) || ORDINAL_NOT.test(n.lower)) return undefined;
  const value = ORDINAL_WORDS[t.lower];
  return { value, lo: value, hi: value, unit: ORDINAL, noun: n.lemma, first: i, last: k, approx: 'eq', scale: 1, num: i, text: a.text.slice(t.start, n.end) };
}

/** Denominators of fractions: "a third", "two-thirds", "three quarters", "a fifth". */
const DENOMINATORS: Record<string, number> = {
  half: 2,
  halve: 2,
  third: 3,
  quarter: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
/** After "a third" / "a quarter": what makes it a share, not an ordinal ("a third term") or a coin. */
const AFTER_FRACTION = new Set(['of', 'on', 'since', 'from', 'over', 'compared', 'after', 'last', 'this', 'year', 'between']);
/** After bare "half": a share ("half of", "half the", "by half."), not "half an hour", "half-time". */
const AFTER_HALF = new Set([
  'of',
  'the',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'all',
  'these',
  'those',
  'them',
  'it',
  'on',
  'since',
  'from',
  'over',
  'compared',
  'last',
  'this',
]);
const NOT_BEFORE_HALF = new Set(['a', 'an', 'the', 'and', 'first', 'second', 'other', 'each', 'per', 'every', 'one', 'two', 'three', 'four']);
/** A time after "one in": "2 in 5 minutes" is no share. */
const TIME_UNITS = /^(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries|century|games?|matches|match|innings|rounds?)$/;

function smallValue(t: Token | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'number') return /^\d{1,4}$/.test(t.lower) ? parseInt(t.lower, 10) : undefined;
  if (t.lower === 'a' || t.lower === 'an' || t.lower === 'one') return 1;
  return numberWord(t);
}

function endsShare(t: Token | undefined, allowed: Set<string>): boolean {
  return !t || t.kind === 'punct' || allowed.has(t.lower);
}

/**
 * A share written as a fraction, as a percentage: "a third" (33.3), "half of" (50), "two-thirds" (66.7),
 * "three quarters", "one in five" (20). Returns its value and last token; undefined if there is none at i.
 */
function fractionAt(toks: Token[], i: number): { value: number; last: number; num: number } | undefined {
  const t = toks[i];
  if (t.kind !== 'word' && t.kind !== 'number') return undefined;
  const before = toks[i - 1];
  // bare "half"
  if (t.lower === 'half') {
    if (before && NOT_BEFORE_HALF.has(before.lower)) return undefined;
    const nx = toks[i + 1];
    if (nx && (nx.lower === '-' || nx.lower === 'a' || nx.lower === 'an')) return undefined;
    return before?.lower === 'by' || endsShare(nx, AFTER_HALF) ? { value: 50, last: i, num: i } : undefined;
  }
  const n = smallValue(t);
  if (n === undefined || n < 1 || n > 9) return undefined;
  if (before && (before.lower === 'and' || (before.lower === '.' && before.end === t.start))) return undefined;
  // "one in five", "3 in 10", "four out of five"
  const per = toks[i + 1]?.lower === 'in' ? 1 : toks[i + 1]?.lower === 'out' && toks[i + 2]?.lower === 'of' ? 2 : 0;
  if (per && t.lower !== 'a' && t.lower !== 'an') {
    const dt = toks[i + 1 + per];
    const d = smallValue(dt);
    const nx = toks[i + 2 + per];
    if (d !== undefined && d > n && d <= 1000 && dt.lower !== 'a' && !(nx && (TIME_UNITS.test(nx.lower) || nx.lower === '%' || nx.lower === 'percent'))) {
      return { value: (100 * n) / d, last: i + 1 + per, num: i + 1 + per };
    }
    return undefined;
  }
  // "a third", "two-thirds", "three quarters"
  let k = i + 1;
  if (toks[k]?.lower === '-' && toks[k].start === t.end) k++;
  const den = toks[k];
  if (!den || den.kind !== 'word') return undefined;
  const d = Object.prototype.hasOwnProperty.call(DENOMINATORS, den.lemma) ? DENOMINATORS[den.lemma] : undefined;
  if (d === undefined || (d === 2 && n !== 1) || n >= d) return undefined;
  // "rose by a third in a year": a change by a share
  if (before?.lower !== 'by' && !endsShare(toks[k + 1], AFTER_FRACTION)) return undefined;
  return { value: (100 * n) / d, last: k, num: k };
}

/** "dozens of", "hundreds of", "thousands of", "millions of": the counts such a phrase stands for. */
const MAGNITUDES: Record<string, number> = { dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };

/**
 * A magnitude ("hundreds of people": 200 to 999; "tens of thousands": 20,000 to 99,999; "dozens": 24 to
 * 199), from twice the unit to just under the next; undefined if there is none at i.
 */
function magnitudeAt(toks: Token[], i: number): { lo: number; hi: number; last: number } | undefined {
  const t = toks[i];
  if (t.kind !== 'word') return undefined;
  let unit: number | undefined;
  let last = i;
  let next = 10;
  if (t.lower === 'tens' && toks[i + 1]?.lower === 'of' && toks[i + 2] && MAGNITUDES[toks[i + 2].lower] >= 1e3) {
    unit = 10 * MAGNITUDES[toks[i + 2].lower];
    last = i + 2;
  } else if (t.lower === 'hundreds' && toks[i + 1]?.lower === 'of' && toks[i + 2] && MAGNITUDES[toks[i + 2].lower] >= 1e3) {
    unit = 100 * MAGNITUDES[toks[i + 2].lower];
    last = i + 2;
  } else if (Object.prototype.hasOwnProperty.call(MAGNITUDES, t.lower)) {
    unit = MAGNITUDES[t.lower];
    if (t.lower === 'dozens') next = 200 / 12;
    if (t.lower === 'scores') next = 10;
  }
  if (unit === undefined || toks[last + 1]?.lower !== 'of') return undefined;
  const before = toks[i - 1];
  // "the hundreds of", "many thousands of" stay magnitudes; "two hundreds" is not English; "1990s" is not here
  if (before && (before.kind === 'number' || numberWord(before) !== undefined)) return undefined;
  return { lo: 2 * unit, hi: next * unit - 1, last };
}

/** All quantities in a text, in order. Years, times, ordinals and day numbers of dates are left to date.ts. */
/** Words whose number names a thing rather than counting one ("Section 41", "Article 7", "Flight 93"). */
const LABEL_BEFORE =
  /^(section|sections|article|articles|clause|clauses|rule|chapter|paragraph|regulation|schedule|flight|route|room|platform|gate|terminal|channel|no|number)$/;

export function extractQuantities(a: Analyzed): Quantity[] {
  const toks = a.tokens;
  const out: Quantity[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    let value: number | undefined;
    let last = i;
    let tolerance = 0;
    const mag = magnitudeAt(toks, i);
    if (mag) {
      const q: Quantity = {
        value: mag.lo,
        lo: mag.lo,
        hi: mag.hi,
        unit: '',
        noun: nounAfter(toks, mag.last),
        first: i,
        last: mag.last,
        approx: 'about',
        scale: 1,
        num: i,
        text: a.text.slice(t.start, toks[mag.last].end),
      };
      out.push(q);
      i = mag.last;
      continue;
    }
    const share = fractionAt(toks, i);
    if (share) {
      const [lo, hi] = interval(share.value, 0.1 * share.value, 'eq');
      const q: Quantity = { value: share.value, lo, hi, unit: '%', noun: '', first: i, last: share.last, approx: 'eq', scale: 1, num: share.num, text: '' };
      approximateBefore(toks, q, 0.1 * share.value);
      q.noun = nounAfter(toks, q.last);
      q.text = a.text.slice(toks[q.first].start, toks[q.last].end);
      out.push(q);
      i = q.last;
      continue;
    }
    if (t.kind === 'number') {
      if (t.lower.includes(':')) continue; // time of day
      const digits = t.lemma.replace(/,/g, '');
      if (!/^\d+(\.\d+)?$/.test(digits)) continue;
      value = parseFloat(digits);
      const p = precisionOf(digits);
      tolerance = p.decimals ? 0.5 * 10 ** -p.decimals : p.zeros ? Math.min(0.5 * 10 ** p.zeros, 0.05 * value) : 0;
      // number word following digits ("12 dozen") is rare: ignore
    } else if (t.kind === 'word' && t.lower in ORDINAL_WORDS) {
      // "the third quarter", "a second-half try": an ordinal counting the noun after it, compared only with
      // an ordinal of the same noun; not in a name ("First Minister", "Second World War")
      const q = spelledOrdinal(a, i);
      if (q) {
        out.push(q);
        i = q.last;
      }
      continue;
    } else if (t.kind === 'word') {
      const prevA = t.lower === 'a' || t.lower === 'an';
      if (prevA && toks[i + 1] && (toks[i + 1].lower === 'dozen' || toks[i + 1].lower in SCALES) && toks[i + 1].lower.length > 2) {
        value = 1;
      } else {
        const w = numberWord(t);
        if (w === undefined) continue;
        // "one week", "the one-year anniversary"
        const unitAfter = toks[i + 1]?.lower === '-' && toks[i + 1].start === t.end ? toks[i + 2] : toks[i + 1];
        if (t.lower === 'one' && !(toks[i + 1] && toks[i + 1].lower in SCALES && toks[i + 1].lower.length > 2) && !ONE_OF_UNIT.test(unitAfter?.lower ?? ''))
          continue;
        value = w;
        // twenty-five / twenty five
        if (t.lower in TENS) {
          let k = i + 1;
          if (toks[k] && toks[k].lower === '-' && toks[k].start === t.end) k++;
          const u = numberWord(toks[k]);
          if (u !== undefined && u > 0 && u < 10) {
            value += u;
            last = k;
          }
        }
      }
    } else {
      continue;
    }
    if (value === undefined) continue;
    // part of a name: "COVID-19", "SARS-CoV-2", "F-35", "mRNA-1345"
    const dash = toks[i - 1];
    if (t.kind === 'number' && dash && dash.lower === '-' && dash.end === t.start && toks[i - 2]?.kind === 'word' && toks[i - 2].end === dash.start) continue;
    // a label, not a count: "Section 41 of the Act", "Article 7", "Flight 93"
    if (t.kind === 'number' && LABEL_BEFORE.test(toks[i - 1]?.lower ?? '')) continue;
    // ordinal "1st", "21st"
    const nx = toks[last + 1];
    if (t.kind === 'number' && nx && nx.start === toks[last].end && /^(st|nd|rd|th)$/.test(nx.lower)) {
      // "his 60th cap": compared only with an ordinal counting the same thing (dates are date.ts's)
      const noun = nounAfter(toks, last + 1);
      const pv = toks[i - 1];
      if (noun && !ORDINAL_NOT.test(noun) && !monthAt(toks, i - 1) && !(pv && pv.lower === '.' && monthAt(toks, i - 2)) && toks[last + 2]?.lower !== 'of') {
        const [lo, hi] = interval(value, 0, 'eq');
        out.push({ value, lo, hi, unit: ORDINAL, noun, first: i, last: last + 1, approx: 'eq', scale: 1, num: i, text: a.text.slice(t.start, nx.end) });
        i = last + 1;
      }
      continue;
    }
    // scale words: "12 billion", "12bn", "two hundred thousand", "a dozen"
    let scale = 1;
    for (let k = last + 1; k < toks.length && k <= last + 2; k++) {
      const s = toks[k];
      const adjacent = s.start === toks[k - 1].end;
      if (s.lower === 'dozen' && k === last + 1) {
        value *= 12;
        tolerance *= 12;
        scale *= 12;
        last = k;
        continue;
      }
      const f = SCALES[s.lower];
      // one-letter scales (m, b, k) only glued to the number: "12m", "$3b"
      if (f && (s.lower.length > 2 || adjacent)) {
        value *= f;
        tolerance *= f;
        scale *= f;
        last = k;
      } else break;
    }
    // currency before: "$12", "US$ 12", "Rs 12"
    let unit = '';
    let first = i;
    const pv = toks[i - 1];
    if (pv && CURRENCY_SYMBOLS.has(pv.lower)) {
      unit = pv.lower;
      first = i - 1;
    }
    // unit after: %, percent, per cent, percentage points, dollars, euros
    const after = toks[last + 1];
    if (after) {
      if (after.lower === '%' || after.lower === 'percent' || after.lower === 'pct') {
        unit = '%';
        last++;
      } else if (after.lower === 'per' && toks[last + 2] && toks[last + 2].lower === 'cent') {
        unit = '%';
        last += 2;
      } else if (after.lower === 'percentage' && toks[last + 2] && /^points?$/.test(toks[last + 2].lower)) {
        unit = '%';
        last += 2;
      } else if (after.kind === 'word' && CURRENCY_WORDS[after.lemma]) {
        unit = CURRENCY_WORDS[after.lemma];
        last++;
      }
    }
    // skip years and date day numbers (date.ts compares those)
    if (t.kind === 'number' && !unit && scale === 1) {
      const digits = t.lemma;
      if (/^\d{4}$/.test(t.lower) && value >= 1000 && value <= 2100) continue;
      if (/^\d{4}s$/.test(digits)) continue;
      if (monthAt(toks, i - 1) || (toks[i - 2] && toks[i - 1]?.lower === '.' && monthAt(toks, i - 2)) || monthAt(toks, i + 1)) continue;
      if (toks[i + 1] && toks[i + 1].lower === 's' && toks[i + 1].start === t.end) continue; // 1990s
    }
    // approximators before
    let approx: Approx = 'eq';
    for (const [ws, kind] of BEFORE) {
      let ok = first - ws.length >= 0;
      for (let k = 0; ok && k < ws.length; k++) if (toks[first - ws.length + k].lower !== ws[k]) ok = false;
      if (ok) {
        approx = kind;
        first -= ws.length;
        break;
      }
    }
    // "or more", "or so", "-plus"
    if (toks[last + 1]?.lower === 'or' && toks[last + 2]) {
      const w = toks[last + 2].lower;
      if (w === 'more') {
        approx = 'ge';
        last += 2;
      } else if (w === 'so') {
        approx = 'about';
        last += 2;
      } else if (w === 'less' || w === 'fewer') {
        approx = 'le';
        last += 2;
      }
    }
    // the noun it counts ("two-time", "15-year": the noun joined to it by a hyphen; not "3-based", "5-fold")
    let noun = '';
    const hy = toks[last + 1];
    const joined = toks[last + 2];
    if (hy?.lower === '-' && joined?.kind === 'word' && hy.start === toks[last].end && joined.start === hy.end && !/(?:ed|ing|fold)$/.test(joined.lower))
      noun = joined.lemma;
    for (let k = last + 1; !noun && k < toks.length && k <= last + 3; k++) {
      const tk = toks[k];
      if (tk.kind !== 'word') break;
      if (tk.stop && tk.lower !== 'of' && tk.lower !== 'the') break;
      if (isContent(tk)) {
        noun = tk.lemma;
        break;
      }
    }
    const [lo, hi] = interval(value, tolerance, approx);
    out.push({
      value,
      lo,
      hi,
      unit,
      noun,
      first,
      last,
      approx,
      scale,
      num: i,
      text: a.text.slice(toks[first].start, toks[last].end),
    });
    i = last;
  }
  return joinRanges(a, out);
}

/** The approximator before a share ("nearly a third", "more than half"): widens q's interval and its span. */
function approximateBefore(toks: Token[], q: Quantity, tolerance: number): void {
  for (const [ws, kind] of BEFORE) {
    let ok = q.first - ws.length >= 0;
    for (let k = 0; ok && k < ws.length; k++) if (toks[q.first - ws.length + k].lower !== ws[k]) ok = false;
    if (ok) {
      q.approx = kind;
      q.first -= ws.length;
      [q.lo, q.hi] = interval(q.value, tolerance, kind);
      return;
    }
  }
}

/** The content word a quantity counts: within three words after it, across "of" and "the". */
function nounAfter(toks: Token[], last: number): string {
  for (let k = last + 1; k < toks.length && k <= last + 3; k++) {
    const tk = toks[k];
    if (tk.kind !== 'word') break;
    if (tk.stop && tk.lower !== 'of' && tk.lower !== 'the') break;
    if (isContent(tk)) return tk.lemma;
  }
  return '';
}

const RANGE_WORDS = new Set(['to', '-', '–', '—', 'and', 'through']);

/**
 * Joins "7 to 15 inches", "200-270 cm", "between 16% and 36%", "2 to 3 million" into one quantity whose
 * interval spans both ends: the first end takes the second's unit, scale and counted noun when it has none.
 * "and" joins only after "between" ("3 dogs and 4 cats" are two counts).
 */
function joinRanges(a: Analyzed, qs: Quantity[]): Quantity[] {
  const toks = a.tokens;
  const out: Quantity[] = [];
  for (let k = 0; k < qs.length; k++) {
    const x = qs[k];
    const y = qs[k + 1];
    const sep = toks[x.last + 1];
    if (!y || y.first !== x.last + 2 || !sep || !RANGE_WORDS.has(sep.lower) || x.approx !== 'eq' || y.approx !== 'eq') {
      out.push(x);
      continue;
    }
    const between = toks[x.first - 1]?.lower === 'between' || toks[x.first - 1]?.lower === 'from';
    if (sep.lower === 'and' && !between) {
      out.push(x);
      continue;
    }
    // "rose 3.5% to 1,200 units": a change and a level; "16 to 36%" is a range
    if (x.unit && x.unit !== y.unit) {
      out.push(x);
      continue;
    }
    const f = x.scale === 1 && y.scale !== 1 ? y.scale : 1;
    const lo1 = x.lo * f;
    const hi1 = x.hi * f;
    // a range runs upwards ("7 to 15"); "6-0" and "3-2" are scores or tallies, not ranges
    if (lo1 > y.lo) {
      out.push(x);
      continue;
    }
    const first = between ? x.first - 1 : x.first;
    out.push({
      value: x.value * f,
      lo: Math.min(lo1, y.lo),
      hi: Math.max(hi1, y.hi),
      unit: y.unit || x.unit,
      noun: y.noun || x.noun,
      first,
      last: y.last,
      approx: 'eq',
      scale: y.scale,
      num: x.num,
      ends: [
        [lo1, hi1],
        [y.lo, y.hi],
      ],
      text: a.text.slice(toks[first].start, toks[y.last].end),
    });
    k++;
  }
  return out;
}

function interval(v: number, tol: number, approx: Approx): [number, number] {
  const eps = Math.max(Math.abs(v) * 1e-9, 1e-9);
  switch (approx) {
    case 'eq':
      return [v - tol - eps, v + tol + eps];
    case 'about':
      return [Math.min(v * 0.85, v - tol), Math.max(v * 1.15, v + tol)];
    case 'gt':
      return [v + eps, Infinity];
    // a bound is exact: "at least 30" is not 29, "nearly 20" is under 20
    case 'ge':
      return [v - eps, Infinity];
    case 'lt':
      return [-Infinity, v - eps];
    case 'le':
      return [-Infinity, v + eps];
    case 'nearly':
      return [v * 0.85, v];
    case 'upto':
      return [v * 0.5, v + eps];
  }
}

/** Two quantities agree: intervals overlap; two ranges must agree at both ends ("$100m to $120m" is not "$90m to $100m"). */
export function overlaps(a: Quantity, b: Quantity): boolean {
  if (a.ends && b.ends) return a.ends.every(([lo, hi], k) => lo <= b.ends![k][1] && b.ends![k][0] <= hi);
  return a.lo <= b.hi && b.lo <= a.hi;
}

/**
 * What a draft quantity claims, for support: the values it stands for, no looser than a writer means them.
 * "more than 20" is carried by 25 but not by 200, "up to 30" by 27 but not by 18 (the contradiction intervals
 * above are wider: "up to 30" against 18 is no clash, but no support either).
 */
function claimedRange(q: Quantity): [number, number] {
  const v = q.value;
  switch (q.approx) {
    case 'gt':
    case 'ge':
      return [q.lo, Math.max(v * 2, q.lo)];
    case 'lt':
    case 'le':
    case 'upto':
      return [Math.min(v * 0.7, q.hi), q.hi];
    default:
      return [q.lo, q.hi];
  }
}

/** The values an evidence quantity states: its number for an approximate one ("about 2.5bn": 2.5bn). */
function statedRange(e: Quantity): [number, number] {
  if (e.approx === 'about' && !e.ends) return [e.value, e.value];
  return [e.lo, e.hi];
}

/** The evidence quantity carries the draft's: same unit, and every value the evidence states is one the draft claims. */
export function carries(q: Quantity, e: Quantity): boolean {
  if (q.unit !== e.unit) return false;
  if (q.noun && e.noun && !sameNoun(q.noun, e.noun)) return false;
  // a range is carried by the same range, end by end, not by a value inside it
  if (q.ends || e.ends) return !!q.ends && !!e.ends && overlaps(q, e);
  const [lo, hi] = claimedRange(q);
  const [elo, ehi] = statedRange(e);
  return lo <= elo && ehi <= hi;
}

const quantityCache = new WeakMap<Analyzed, Quantity[]>();

function quantitiesOf(a: Analyzed): Quantity[] {
  let qs = quantityCache.get(a);
  if (!qs) {
    try {
      qs = extractQuantities(a);
    } catch {
      qs = [];
    }
    quantityCache.set(a, qs);
  }
  return qs;
}

/**
 * Draft tokens carried by an evidence quantity written differently: claim token index -> the evidence's number
 * token ("about $2.5bn" by "$2.47bn", "a third" by "33%", "more than 20" by "25", "eighteen" by "18").
 * Coverage aligns them, so an approximation the source bears out does not keep a claim from support.
 */
export function carriedQuantities(claim: Analyzed, evidence: Analyzed): [number, number][] {
  const out: [number, number][] = [];
  const cq = quantitiesOf(claim);
  if (!cq.length) return out;
  const eq = quantitiesOf(evidence);
  if (!eq.length) return out;
  for (const q of cq) {
    // a number spelled out ("seventeen") against its digits is the lexicon's business, not an approximation
    if (q.approx === 'eq' && !q.ends && q.unit !== '%' && claim.tokens[q.num].kind === 'word') continue;
    const cands = eq.filter((e) => carries(q, e));
    if (!cands.length) continue;
    const e = cands.find((x) => sameNoun(q.noun, x.noun)) ?? cands[0];
    for (let k = q.first; k <= q.last; k++) out.push([k, e.num]);
  }
  return out;
}

function sameNoun(a: string, b: string): boolean {
  return !!a && !!b && areSynonyms(a, b);
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.5, 'Coverage a candidate needs before a number not counting the same noun is compared', 'higher: fewer number findings'),
  loneNumberCoverage: knob(
    0.8,
    'Coverage at which a lone number on each side, neither anchored nor counting the same thing, is compared',
    'higher: fewer number findings',
  ),
};

export const number: SignalDetector = {
  kind: 'number',
  description: 'The statement and the source give different numbers',
  gate: 0.1,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    const cq = extractQuantities(input.claim);
    if (!cq.length) return out;
    // a headline the source quotes ("Biktarvy Sales Cross $10bn Mark") is a title, not what the source states
    const eq = extractQuantities(input.evidence).filter((e) => !inHeadline(input.evidence.tokens, e));
    if (!eq.length) return out;
    for (const q of cq) {
      const cands = eq.filter((e) => e.unit === q.unit);
      if (!cands.length) continue;
      let pair: Quantity | undefined;
      // an evidence number the draft gives elsewhere as it is ("for 29 years ... for 30 years" against "for 29 years
      // ... for 40 years") is that other number's counterpart: the draft's round 30 is not an approximation of it
      const claimedElsewhere = (e: Quantity) =>
        cq.some((o) => o !== q && o.value !== q.value && o.unit === e.unit && o.value === e.value && sameNoun(o.noun, e.noun));
      const byNoun = q.noun ? cands.filter((e) => sameNoun(q.noun, e.noun)) : [];
      if (byNoun.length) {
        if (byNoun.some((e) => overlaps(q, e) && !claimedElsewhere(e))) continue;
        // the evidence states the draft's number too (same unit), beside another one counting the same noun:
        // which of them the draft means is not certain enough for red ("5 per cent of those in Tyneside ...
        // 3.4 per cent of residents in Knowsley")
        if (cands.some((e) => overlaps(q, e) && !claimedElsewhere(e))) continue;
        pair = byNoun.find((e) => !claimedElsewhere(e)) ?? byNoun[0];
      } else {
        if (q.unit === ORDINAL) continue;
        if (cands.some((e) => overlaps(q, e))) continue;
        if (input.coverage < TUNING.minCoverage.value) continue;
        const anchored = anchoredCandidate(input, q, cands);
        // "300 soldiers" and "30 tanks" count different things
        if (anchored && !(q.noun && anchored.noun)) pair = anchored;
        // a lone number on each side, neither anchored nor counting the same thing: only when all else matches
        // ("all four were released" names a group the draft has already counted: against "Five British
        // detainees" it may be another group, so it is compared only with another bare number)
        else if (
          cands.length === 1 &&
          (!q.noun || !cands[0].noun) &&
          !(groupReference(input.claim.tokens, q) && cands[0].noun) &&
          input.coverage >= TUNING.loneNumberCoverage.value
        )
          pair = cands[0];
      }
      if (!pair) continue;
      // the draft states the source's number too, apart from this one (not as the other end of a range):
      // the two numbers count different things
      const other = pair;
      if (
        cq.some(
          (o) =>
            o !== q &&
            o.unit === other.unit &&
            o.value === other.value &&
            (o.first > q.last + 3 || q.first > o.last + 3 || partitive(input.claim.tokens, o, q) || partitive(input.claim.tokens, q, o)),
        )
      )
        continue;
      const ct = input.claim.tokens;
      const et = input.evidence.tokens;
      out.push({
        kind: 'number',
        effect: 'contradicts',
        message: `number: the draft says ${q.text}, the source says ${pair.text}`,
        claimSpan: { start: ct[q.first].start, end: ct[q.last].end },
        evidenceSpan: { start: et[pair.first].start, end: et[pair.last].end },
        strength: pair.noun && sameNoun(q.noun, pair.noun) ? 0.9 : 0.7,
      });
    }
    out.push(...durationClashes(input, cq, eq));
    return out;
  },
};

const TIME_NOUNS = /^(second|minute|hour|day|week|fortnight|month|year|decade|century)$/;

/**
 * The same count of another unit of time: "a 10-month sentence" against "a 10-year sentence", "the one-month
 * anniversary" against "the one-year anniversary". The draft's number is aligned to the source's, the source
 * says the draft's unit with that number nowhere, and the two units differ. Contradicted, on the draft's amount.
 */
function durationClashes(input: SignalInput, cq: Quantity[], eq: Quantity[]): SignalFinding[] {
  const out: SignalFinding[] = [];
  if (input.coverage < TUNING.minCoverage.value) return out;
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (const q of cq) {
    if (!TIME_NOUNS.test(q.noun)) continue;
    if (eq.some((e) => e.noun === q.noun && overlaps(q, e))) continue;
    const last = nounEnd(ct, q);
    // the same place: the number aligned to the source's, or the word after the unit to the word after the source's
    const rival = eq.find(
      (e) =>
        e.unit === q.unit &&
        TIME_NOUNS.test(e.noun) &&
        e.noun !== q.noun &&
        overlaps(q, e) &&
        (input.alignment[q.num] === e.num || (last + 1 < ct.length && !ct[last + 1].stop && input.alignment[last + 1] === nounEnd(et, e) + 1)),
    );
    if (!rival) continue;
    const eLast = nounEnd(et, rival);
    out.push({
      kind: 'number',
      effect: 'contradicts',
      message: `number: the draft says ${quoted(words(input.claim, q.first, last))}, the source says ${quoted(words(input.evidence, rival.first, eLast))}`,
      claimSpan: { start: ct[q.first].start, end: ct[last].end },
      evidenceSpan: { start: et[rival.first].start, end: et[eLast].end },
      strength: 0.8,
    });
  }
  return out;
}

/** The index of the unit noun that follows a quantity ("10-year", "three weeks"), else the quantity's last token. */
function nounEnd(tokens: Token[], q: Quantity): number {
  for (let k = q.last + 1; k < tokens.length && k <= q.last + 2; k++) if (tokens[k].lemma === q.noun) return k;
  return q.last;
}

/** An amount (money, a share) between capitalised words inside a sentence ("Sales Cross $10bn Mark"): a title's words. */
function inHeadline(tokens: Token[], q: Quantity): boolean {
  const before = tokens[q.first - 1];
  const after = tokens[q.last + 1];
  const cap = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text);
  return q.unit !== '' && q.first - 2 > 0 && cap(tokens[q.first - 2]) && cap(before) && cap(after);
}

/** A bare number standing for a group ("all four were", "the four were arrested"): no noun, after all/the/both. */
function groupReference(tokens: Token[], q: Quantity): boolean {
  return !q.noun && /^(all|the|both|those|these)$/.test(tokens[q.first - 1]?.lower ?? '');
}

/** "two of the four men": part of a whole, the one number right before "of (the)" the other (no range). */
function partitive(tokens: Token[], part: Quantity, whole: Quantity): boolean {
  const k = part.last + 1;
  if (tokens[k]?.lower !== 'of') return false;
  return whole.first === k + 1 || (whole.first === k + 2 && /^(the|its|their|his|her|our)$/.test(tokens[k + 1]?.lower ?? ''));
}

/** The evidence quantity right after the evidence counterpart of the claim word before `q` ("rose by 3%"). */
function anchoredCandidate(input: SignalInput, q: Quantity, cands: Quantity[]): Quantity | undefined {
  for (let k = q.first - 1; k >= 0 && k >= q.first - 3; k--) {
    const p = input.alignment[k] ?? -1;
    if (p < 0) continue;
    return cands.find((e) => e.first > p && e.first <= p + 4);
  }
  return undefined;
}
