/**
 * The signal detectors, in the order their findings are most reliable and most useful to a writer:
 * exact facts first (quotes, numbers, dates, names), then speakers, polarity, certainty, scope and roles.
 */
import type { SignalDetector } from '../types';
import { quote } from './quote';
import { number } from './number';
import { date } from './date';
import { entity } from './entity';
import { attribution } from './attribution';
import { negation } from './negation';
import { antonym } from './antonym';
import { modality } from './modality';
import { quantifier } from './quantifier';
import { order } from './order';

export const detectors: SignalDetector[] = [quote, number, date, entity, attribution, negation, antonym, modality, quantifier, order];

export { quote, number, date, entity, attribution, negation, antonym, modality, quantifier, order };
