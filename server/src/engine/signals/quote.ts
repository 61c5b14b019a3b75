/**
 * Quotations: words in quotation marks in the draft must stand verbatim in the source (after normalising
 * curly quotes, case, whitespace and punctuation; an ellipsis lets the quote skip words). A near match
 * (fuse.js over word windows of the evidence) is a misquote that shows the source's wording; no match is
 * unsupported.
 */
import Fuse from 'fuse.js';
import type { Span, SignalDetector, SignalFinding, SignalInput } from '../types';
import { knob } from '../knob';

export interface QuoteSpan extends Span {
  text: string;
}

const DOUBLE = /“([^“”\n]{1,600})”|"([^"\n]{1,600})"|«([^«»\n]{1,600})»/g;
const SINGLE = /(?:^|[\s([—–-])‘([^‘’\n]{1,600})’(?![\p{L}])/gu;

/** Quoted passages of a text (offsets of the words inside the marks). */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  DOUBLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOUBLE.exec(text))) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + 1;
    pushTrimmed(out, text, start, start + inner.length);
  }
  SINGLE.lastIndex = 0;
  while ((m = SINGLE.exec(text))) {
    const inner = m[1];
    if (!/\s/.test(inner.trim())) continue; // single words in ‘ ’ are too often apostrophes
    const start = m.index + m[0].indexOf('‘') + 1;
    pushTrimmed(out, text, start, start + inner.length);
  }
  return out.sort((a, b) => a.start - b.start);
}

function pushTrimmed(out: QuoteSpan[], text: string, start: number, end: number): void {
  while (start < end && /[\s,.;:!?]/.test(text[start])) start++;
  while (end > start && /[\s,.;:!?]/.test(text[end - 1])) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end, text: text.slice(start, end) });
}

interface Word {
  w: string;
  start: number;
  end: number;
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  nearMatchWords: knob(
    3,
    'A quotation of more than this many words may be a misquote (a near match); a shorter one is only found or not',
    'higher: fewer misquote findings',
  ),
  nearShare: knob(
    0.6,
    "Share of the quotation's words an evidence window must hold to be a near match (only quotations of more than nearMatchWords words are tried)",
    'higher: fewer misquote findings, more missing quotes',
  ),
  fuzzyThreshold: knob(0.4, 'fuse.js threshold of a near match (0: exact only, 1: anything)', 'lower: fewer misquote findings'),
  maxWindows: knob(
    8,
    'At most this many evidence windows (those sharing most words) go to fuse.js per quotation: speed',
    'lower: faster, may miss a near match',
  ),
};

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function wordsOf(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)))
    out.push({ w: m[0].toLowerCase().replace(/’/g, "'").replace(/'s$/, ''), start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** A text's words as quotations are compared: lower case, joined by single spaces, possessives dropped. */
export function quoteWordString(text: string): string {
  return wordsOf(text)
    .map((w) => w.w)
    .join(' ');
}

/** Split a quote at ellipses ("...", "…", "[...]") into word sequences. */
function segments(q: QuoteSpan): Word[][] {
  const parts: Word[][] = [];
  const re = /\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|(?:\.\s*){3}|…)\s*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q.text))) {
    parts.push(wordsOf(q.text.slice(last, m.index), q.start + last));
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  parts.push(wordsOf(q.text.slice(last), q.start + last));
  return parts.filter((p) => p.length > 0);
}

function indexOfSeq(hay: Word[], needle: Word[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k].w !== needle[k].w) continue outer;
    return i;
  }
  return -1;
}

/** Verbatim match of all segments, in order: the evidence word range, or undefined. */
function verbatim(ev: Word[], segs: Word[][]): [number, number] | undefined {
  let pos = 0;
  let first = -1;
  let last = -1;
  for (const s of segs) {
    const i = indexOfSeq(ev, s, pos);
    if (i < 0) return undefined;
    if (first < 0) first = i;
    last = i + s.length - 1;
    pos = i + s.length;
  }
  return first < 0 ? undefined : [first, last];
}

function overlapShare(a: string[], b: string[]): number {
  const bag = new Map<string, number>();
  for (const w of b) bag.set(w, (bag.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of a) {
    const c = bag.get(w) ?? 0;
    if (c > 0) {
      n++;
      bag.set(w, c - 1);
    }
  }
  return a.length ? n / a.length : 0;
}

/** Best near match of the quote words among evidence word windows: [first, last] word indexes. */
/**
 * The draft words of a near-matching quotation that the source's window does not have in the same order (a
 * longest common subsequence of the two word lists), from the first to the last of them, and the source's
 * words in their place: the squiggle, and what "use the source's words" puts there. Undefined when nothing
 * of the draft differs or nothing of the source stands in its place (words only left out or only added).
 */
export function differingSpan(qw: Word[], src: Word[]): { claim: Span; source: Span } | undefined {
  const n = qw.length;
  const m = src.length;
  if (!n || !m || n * m > 40_000) return undefined;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = qw[i].w === src[j].w ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const match = new Array<number>(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (qw[i].w === src[j].w) {
      match[i] = j;
      i++;
      j++;
    } else if (L[i + 1][j] >= L[i][j + 1]) i++;
    else j++;
  }
  const first = match.indexOf(-1);
  if (first < 0) return undefined;
  const last = match.lastIndexOf(-1);
  let before = -1;
  for (let i = first - 1; i >= 0 && before < 0; i--) before = match[i];
  let after = m;
  for (let i = last + 1; i < n && after === m; i++) if (match[i] >= 0) after = match[i];
  if (after - before < 2) return undefined;
  return { claim: { start: qw[first].start, end: qw[last].end }, source: { start: src[before + 1].start, end: src[after - 1].end } };
}

function nearMatch(ev: Word[], qw: Word[]): [number, number] | undefined {
  if (!ev.length || !qw.length) return undefined;
  const n = qw.length;
  const qlist = qw.map((w) => w.w);
  const minShare = TUNING.nearShare.value;
  // a window is accepted only with this much word overlap, so fuse.js (the costly part) sees only those
  if (
    overlapShare(
      qlist,
      ev.map((w) => w.w),
    ) < minShare
  )
    return undefined;
  let windows: { text: string; a: number; b: number; share: number }[] = [];
  for (const len of [n, n - 1, n + 1, n + 2]) {
    if (len < 1 || len > ev.length) continue;
    for (let i = 0; i + len <= ev.length; i++) {
      const wl = ev.slice(i, i + len).map((w) => w.w);
      const share = overlapShare(qlist, wl);
      if (share < minShare) continue;
      windows.push({ text: wl.join(' '), a: i, b: i + len - 1, share });
    }
  }
  if (!windows.length) return undefined;
  // fuse.js (the costly part) compares only the windows that share the most words with the quote
  if (windows.length > TUNING.maxWindows.value) windows = windows.sort((x, y) => y.share - x.share).slice(0, TUNING.maxWindows.value);
  const pattern = qlist.join(' ');
  const fuse = new Fuse(windows, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: TUNING.fuzzyThreshold.value, isCaseSensitive: true });
  const res = fuse.search(pattern.length > 120 ? pattern.slice(0, 120) : pattern, { limit: 5 });
  let best: [number, number] | undefined;
  let bestScore = -1;
  for (const r of res) {
    const wl = ev.slice(r.item.a, r.item.b + 1).map((w) => w.w);
    const share = Math.min(overlapShare(qlist, wl), overlapShare(wl, qlist) + 0.2);
    const score = share - (r.score ?? 1) * 0.5;
    if (share >= minShare && score > bestScore) {
      bestScore = score;
      best = [r.item.a, r.item.b];
    }
  }
  return best;
}

/** The description of the misquote findings this detector also gives. */
export const MISQUOTE_DESCRIPTION = "A quotation that differs from the source's wording";

export const quote: SignalDetector = {
  kind: 'quote',
  description: 'A quotation the sources do not contain',
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    const quotes = findQuotes(input.claim.text);
    if (!quotes.length) return out;
    const ev = wordsOf(input.evidence.text);
    for (const q of quotes) {
      const segs = segments(q);
      if (!segs.length) continue;
      const claimSpan = { start: q.start, end: q.end };
      const exact = verbatim(ev, segs);
      if (exact) {
        out.push({
          kind: 'quote',
          effect: 'supports',
          message: `quote: the source has these words verbatim`,
          claimSpan,
          evidenceSpan: { start: ev[exact[0]].start, end: ev[exact[1]].end },
          strength: 0.9,
        });
        continue;
      }
      // a near match of one to three words is as likely another name as a misquote
      const near = segs.flat().length > TUNING.nearMatchWords.value ? nearMatch(ev, segs.flat()) : undefined;
      if (near) {
        // a window shorter than the quotation that stops before the source's last differing word ("... that
        // wasn't" for "... that was wrong"): the source's words run on to the end of its clause
        const qn = segs.flat().length;
        while (near[1] - near[0] + 1 < qn && near[1] + 1 < ev.length && !/[.!?;"“”]/.test(input.evidence.text.slice(ev[near[1]].end, ev[near[1] + 1].start)))
          near[1]++;
        const src = input.evidence.text.slice(ev[near[0]].start, ev[near[1]].end);
        const diff = differingSpan(segs.flat(), ev.slice(near[0], near[1] + 1));
        out.push({
          kind: 'misquote',
          effect: 'contradicts',
          message: `misquote: the draft quotes “${q.text}”, the source says “${src}”`,
          // the squiggle on the words that differ, not the whole quotation, and the source's words in their place
          claimSpan: diff?.claim ?? claimSpan,
          evidenceSpan: diff?.source ?? { start: ev[near[0]].start, end: ev[near[1]].end },
          strength: 0.75,
        });
        continue;
      }
      out.push({
        kind: 'quote',
        effect: 'unsupported',
        message: `quote: the source does not contain “${q.text}”`,
        claimSpan,
        strength: 0.6,
      });
    }
    return out;
  },
};
