/**
 * Dates: years ("2023", "the 1990s"), months ("March 2021", "Jan. 5", "5 January"), weekdays.
 * A claim date clashes when the evidence states a date of the same granularity and none agrees with it.
 */
import type { Analyzed, SignalDetector, SignalFinding, SignalInput } from '../types';
import { monthAt, quoted } from './util';
import { knob } from '../knob';

export interface DateMention {
  year?: number;
  /** decade start for "1990s" */
  decade?: number;
  month?: number;
  day?: number;
  weekday?: number;
  first: number;
  last: number;
  text: string;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

function yearAt(a: Analyzed, i: number): number {
  const t = a.tokens[i];
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.lower)) return 0;
  const v = +t.lower;
  if (v < 1000 || v > 2100) return 0;
  // not a quantity: "$2023", "2023 people" are rare; "2023%" excluded
  const n = a.tokens[i + 1];
  const p = a.tokens[i - 1];
  if (n && (n.lower === '%' || n.lower === 'percent')) return 0;
  if (p && /^[$€£¥₹]$/.test(p.lower)) return 0;
  return v;
}

function dayAt(a: Analyzed, i: number): number {
  const t = a.tokens[i];
  if (!t || t.kind !== 'number' || !/^\d{1,2}$/.test(t.lower)) return 0;
  const v = +t.lower;
  return v >= 1 && v <= 31 ? v : 0;
}

export function extractDates(a: Analyzed): DateMention[] {
  const toks = a.tokens;
  const out: DateMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const wd = t.kind === 'word' && /^[A-Z]/.test(t.text) ? WEEKDAYS[t.lower] : undefined;
    if (wd) {
      out.push({ weekday: wd, first: i, last: i, text: t.text });
      continue;
    }
    const m = monthAt(toks, i);
    if (m) {
      const d: DateMention = { month: m, first: i, last: i, text: '' };
      let k = i + 1;
      if (toks[k] && toks[k].lower === '.' && toks[k].start === t.end) {
        d.last = k;
        k++;
      }
      // day before the month: "5 January"
      const before = dayAt(a, i - 1);
      if (before && !(toks[i - 2] && /^[$€£¥₹]$/.test(toks[i - 2].lower))) {
        d.day = before;
        d.first = i - 1;
      } else if (dayAt(a, k) && !yearAt(a, k)) {
        d.day = dayAt(a, k);
        d.last = k;
        k++;
        if (toks[k] && /^(st|nd|rd|th)$/.test(toks[k].lower)) {
          d.last = k;
          k++;
        }
      }
      if (toks[k] && toks[k].lower === ',') k++;
      const y = yearAt(a, k);
      if (y) {
        d.year = y;
        d.last = k;
      }
      d.text = a.text.slice(toks[d.first].start, toks[d.last].end);
      out.push(d);
      i = d.last;
      continue;
    }
    const y = yearAt(a, i);
    if (y) {
      const s = toks[i + 1];
      if (s && s.lower === 's' && s.start === t.end) {
        out.push({ decade: y - (y % 10), first: i, last: i + 1, text: a.text.slice(t.start, s.end) });
        i++;
      } else {
        out.push({ year: y, first: i, last: i, text: t.text });
      }
    }
  }
  return out;
}

function yearsAgree(a: DateMention, b: DateMention): boolean | undefined {
  const ya = a.year ?? a.decade;
  const yb = b.year ?? b.decade;
  if (ya === undefined || yb === undefined) return undefined;
  if (a.decade !== undefined && b.year !== undefined) return b.year - a.decade < 10 && b.year >= a.decade;
  if (b.decade !== undefined && a.year !== undefined) return a.year - b.decade < 10 && a.year >= b.decade;
  return ya === yb;
}

/** Compare two mentions on the fields both state: true agree, false clash, undefined not comparable. */
export function compareDates(a: DateMention, b: DateMention): boolean | undefined {
  let compared = false;
  const y = yearsAgree(a, b);
  if (y === false) return false;
  if (y === true) compared = true;
  if (a.month && b.month) {
    if (a.month !== b.month) return false;
    compared = true;
    if (a.day && b.day) {
      if (a.day !== b.day) return false;
    }
  }
  if (a.weekday && b.weekday) {
    if (a.weekday !== b.weekday) return false;
    compared = true;
  }
  return compared ? true : undefined;
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  minCoverage: knob(0.4, "Coverage a candidate needs before its dates are compared with the draft's", 'higher: fewer date findings'),
};

export const date: SignalDetector = {
  kind: 'date',
  description: 'The statement and the source give different dates',
  gate: 0.25,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    if (input.coverage < TUNING.minCoverage.value) return out;
    const cd = extractDates(input.claim);
    if (!cd.length) return out;
    const ed = extractDates(input.evidence);
    if (!ed.length) return out;
    for (const c of cd) {
      let agree = false;
      let clash: DateMention | undefined;
      for (const e of ed) {
        const r = compareDates(c, e);
        if (r === true) agree = true;
        else if (r === false && !clash) clash = e;
      }
      if (agree || !clash) continue;
      // the draft states the source's date too ("aired on March 4 ... launched on March 6"): the two
      // dates are about different events, not a clash
      const other = clash;
      if (cd.some((o) => o !== c && compareDates(o, other) === true)) continue;
      const ct = input.claim.tokens;
      const et = input.evidence.tokens;
      out.push({
        kind: 'date',
        effect: 'contradicts',
        message: `date: the draft says ${quoted(c.text)}, the source says ${quoted(clash.text)}`,
        claimSpan: { start: ct[c.first].start, end: ct[c.last].end },
        evidenceSpan: { start: et[clash.first].start, end: et[clash.last].end },
        strength: ed.length === 1 ? 0.85 : 0.7,
      });
    }
    return out;
  },
};
