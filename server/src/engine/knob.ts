/**
 * One tuned number of the verdict policy: its value and what it trades. Knobs are declared beside the code
 * that reads them only for the signals (signals/<kind>.ts, so that tuning a signal touches one file); every
 * other one is in policy.ts, which lists them all (`npm run policy` writes docs/TUNING.md from it).
 *
 * Code reads `knob.value` where it decides, never a copy made at load time: the eval's policy overrides
 * (CORROBORATE_POLICY_OVERRIDES, scripts/eval.ts) set the value in place.
 */
export interface Knob<T extends number | boolean = number> {
  value: T;
  /** one line: what the number decides and what it trades */
  doc: string;
  /** which direction is stricter, and stricter about what ("higher: fewer supported") */
  stricter: string;
  /** the nudge `npm run knobs` tries either way (default: 10% of the value, 1 for a count) */
  step?: number;
}

export function knob(value: number, doc: string, stricter: string, more: Pick<Knob, 'step'> = {}): Knob {
  return { value, doc, stricter, ...more };
}

export function flag(value: boolean, doc: string, stricter: string): Knob<boolean> {
  return { value, doc, stricter };
}

/** A group of knobs by name. */
export type Knobs = Record<string, Knob<number> | Knob<boolean>>;
