/** The signal detectors, in the order they run. (Registry: each signal is a module of its own.) */
import type { SignalDetector } from '../types';

export const detectors: SignalDetector[] = [];
