/** The checker as the editor and the CLI use it: every signal detector and the lexicon wired in. */
import { Checker, type CheckerOptions } from './checker';
import { setRelatedness } from './coverage';
import { carries } from './lexicon';
import { detectors } from './signals';
import type { SourceIndex } from './sourceIndex';

setRelatedness(carries);

export function createChecker(index: SourceIndex, opts: CheckerOptions = {}): Checker {
  return new Checker(index, { detectors, ...opts });
}
