/** Ranges of an extracted text mapped back to the original file through its SourceOrigin spans (types.ts). */
import type { LineRange, Position, SourceOrigin } from './types';

const SPAN = 5;

/** The last span whose extracted start is <= offset (or < offset when `strict`), -1 if none. */
function spanAt(o: SourceOrigin, offset: number, strict: boolean): number {
  let lo = 0;
  let hi = o.length / SPAN - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = o[mid * SPAN];
    if (s < offset || (!strict && s === offset)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The original range of extracted [start, end): its start moved on to the first mapped character, its
 * end back to the last one's end; undefined when no mapped character lies inside, or the origin is invalid.
 */
export function originRange(o: SourceOrigin | undefined, start: number, end: number): LineRange | undefined {
  if (!o || o.length < SPAN || o.length % SPAN !== 0 || end <= start) return undefined;
  let i = spanAt(o, start, false);
  let from: Position;
  if (i >= 0 && start < o[i * SPAN] + o[i * SPAN + 1]) {
    const [ext, len, line, ch, rawLen] = o.slice(i * SPAN, i * SPAN + SPAN);
    from = { line, character: len === rawLen ? ch + (start - ext) : ch };
  } else {
    i++;
    if (i * SPAN >= o.length || o[i * SPAN] >= end) return undefined;
    from = { line: o[i * SPAN + 2], character: o[i * SPAN + 3] };
  }
  const j = spanAt(o, end, true);
  if (j < i) return undefined;
  const [ext, len, line, ch, rawLen] = o.slice(j * SPAN, j * SPAN + SPAN);
  let to: Position;
  if (end < ext + len) to = { line, character: len === rawLen ? ch + (end - ext) : ch };
  else to = { line, character: ch + rawLen };
  return { start: from, end: to };
}

/** Does `o` hold well-formed spans for a text of `chars` characters (what a persisted index is checked for)? */
export function validOrigin(o: unknown, chars: number): o is SourceOrigin {
  if (!Array.isArray(o) || o.length % SPAN !== 0) return false;
  let prevEnd = 0;
  for (let i = 0; i < o.length; i += SPAN) {
    for (let k = 0; k < SPAN; k++) if (!Number.isInteger(o[i + k]) || o[i + k] < 0) return false;
    if (o[i] < prevEnd || o[i + 1] < 1 || o[i] + o[i + 1] > chars || o[i + 4] < 1) return false;
    prevEnd = o[i] + o[i + 1];
  }
  return true;
}
