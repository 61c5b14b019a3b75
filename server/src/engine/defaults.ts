/** The checker as the editor and the CLI use it: every signal detector and the lexicon wired in. */
import { Checker, type CheckerOptions } from './checker';
import { carries } from './lexicon';
import { detectors } from './signals';
import type { SourceIndex } from './sourceIndex';

export function createChecker(index: SourceIndex, opts: CheckerOptions = {}): Checker {
  return new Checker(index, { detectors, related: carries, ...opts });
}
