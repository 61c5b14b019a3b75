/**
 * The verdict policy's tuning table: every tuned number that decides a verdict (or what is cited), each with
 * one line on what it trades and which direction is stricter. The checker's, coverage's, check-worthiness's
 * and the look-ups' numbers are here; each signal's gate and its own numbers stay beside the signal
 * (signals/<kind>.ts: `gate`, `TUNING`), and `policyEntries()` lists them all in one table. `npm run policy`
 * writes docs/TUNING.md from it (test/unit/policy.test.ts fails when the committed page differs);
 * `npm run knobs` nudges each entry and counts the dev-set predictions that move.
 *
 * Not here: each finding's strength (a score set where the finding is made, cut at `minStrength`), word lists,
 * what an approximation means (signals/number.ts: "about", "nearly"), caches and size caps that only bound
 * time or memory.
 */
import type { CheckerOptions } from './checker';
import { flag, knob, type Knob, type Knobs } from './knob';
import { detectors } from './signals';
import { TUNING as antonymTuning } from './signals/antonym';
import { TUNING as attributionTuning } from './signals/attribution';
import { TUNING as dateTuning } from './signals/date';
import { TUNING as entityTuning } from './signals/entity';
import { TUNING as modalityTuning } from './signals/modality';
import { TUNING as negationTuning } from './signals/negation';
import { TUNING as numberTuning } from './signals/number';
import { TUNING as orderTuning } from './signals/order';
import { TUNING as quantifierTuning } from './signals/quantifier';
import { TUNING as quoteTuning } from './signals/quote';
import { TUNING as PREDICATE_TUNING } from './signals/predicate';

/** The checker's options (CheckerOptions): what a caller may set per checker; these are the defaults. */
export const CHECKER_OPTIONS = {
  supportThreshold: knob(
    0.75,
    'Coverage (with document credit) a claim of up to shortClaimWords content words needs to be supported',
    'higher: fewer supported',
  ),
  longClaimThreshold: knob(
    0.4,
    'The support threshold for claims of longClaimWords content words or more (linear in between)',
    'higher: fewer long claims supported',
  ),
  contextCredit: knob(
    0.8,
    "Share of a word's weight credited when the best sentence lacks it but its source document has it (0: no document look-ups)",
    'lower: fewer supported',
  ),
  contextMinCoverage: knob(0.35, "The best sentence's own coverage below which no document credit is given", 'higher: fewer supported'),
  strictNames: flag(true, 'A number or name the cited source document never mentions keeps a claim from being supported', 'true: fewer supported'),
  strictRareWords: flag(
    true,
    "With strictNames: a word outside the English model's lexicon (a name in lower-cased text, a rare term) that the cited source document never uses counts as such a name",
    'true: fewer supported',
  ),
  predicates: flag(
    true,
    'Main verbs weigh more in coverage, and evidence spread over several sentences must carry one of them (signals/predicate.ts)',
    'true: fewer supported',
  ),
  queryTerms: knob(12, 'At most this many (the rarest) claim words go into the retrieval query', 'neither: fewer is faster, more finds more'),
  relatedThreshold: knob(0.25, "Coverage below which evidence is not cited at all (the claim reads 'no source sentence carries')", 'higher: fewer citations'),
  contradictionGate: knob(0.5, "Coverage a candidate needs before a contradiction counts, plus the signal's own gate", 'higher: fewer contradicted'),
  retrieve: knob(20, 'Sentences retrieved per claim', 'neither: fewer is faster, more finds more', { step: 4 }),
  maxEvidence: knob(3, 'Evidence cited per claim', 'neither: citations only'),
  spread: knob(5, 'Sentences of one source that may jointly support a claim (1: no spread evidence)', 'lower: fewer supported'),
  spreadPenalty: knob(
    0,
    'Coverage subtracted from spread evidence (0: a sentence drawn from several source sentences is as well carried as by one)',
    'higher: fewer supported',
    {
      step: 0.02,
    },
  ),
  crossSourceSpread: knob(
    2,
    'Sentences of other sources that spread evidence may add for the words its source leaves out (0: one source only)',
    'lower: fewer supported',
  ),
};

/** The checker's own numbers (checker.ts). */
export const CHECKER = {
  maxGate: knob(
    0.95,
    "No signal's gate (contradictionGate plus the signal's gate) goes above this coverage",
    'higher: fewer contradicted, for a gate that reaches it',
  ),
  detectorGateFactor: knob(0.8, 'Detectors run on candidates whose coverage is at least this times contradictionGate', 'higher: fewer findings'),
  negatedNounCoverage: knob(
    0.85,
    'A negation clash on nouns ("at no cost") counts on a candidate this well covered, else only in the same slot on both sides',
    'higher: fewer negation contradictions',
    { step: 0.05 },
  ),
  detectorCandidates: knob(3, 'Detectors run on this many of the best candidates (one sentence or a neighbour pair)', 'lower: fewer contradicted'),
  minStrength: knob(
    0.5,
    'A finding counts (contradicts or unsupported) only from this strength on',
    'higher: fewer contradicted and fewer unsupported findings',
  ),
  pairSeeds: knob(4, 'The best single sentences that are also tried joined with each neighbour', 'lower: fewer supported by neighbour pairs'),
  pairSkipCoverage: knob(0.999, 'A single sentence covering this much is not joined with its neighbours', 'neither: pairs add nothing to such a sentence', {
    step: 0.0005,
  }),
  pairPenalty: knob(
    0.02,
    'Coverage subtracted from a neighbour pair: it must add something over its best single sentence',
    'higher: fewer pairs cited, fewer supported',
    {
      step: 0.01,
    },
  ),
  spreadMinCoverage: knob(
    0.5,
    "The best candidate's coverage from which spread evidence (several sentences together) is tried",
    'higher: fewer supported by spread',
  ),
  clauseMinCoverage: knob(0.08, "Coverage a short clause of another source needs to carry the claim's negation", 'higher: fewer supported'),
  crossSourceMinCoverage: knob(
    0.35,
    'Coverage a sentence of another source needs on its own before spread evidence may take words from it',
    'higher: fewer supported',
  ),
  lendClaimWindow: knob(
    3,
    'Claim tokens either side of a name or number another source lends, looked at as anchors that must stand around it there too',
    'neither: the anchors looked at',
  ),
  lendEvidenceDistance: knob(
    3,
    'Tokens within which those anchors must stand around the lent word in the other source',
    'lower: fewer names lent, fewer supported',
  ),
  shortClaimWords: knob(8, 'Claims of up to this many content words need supportThreshold', 'higher: fewer supported'),
  longClaimWords: knob(20, 'Claims of this many content words or more need longClaimThreshold', 'higher: fewer supported'),
  topicalWords: knob(3, "In a neighbour pair, a clash counts only in a sentence with this many of the claim's words aligned", 'higher: fewer contradicted'),
  anchoredTopicalWords: knob(2, "The same for a clash tied to the claim's own word (anchored)", 'higher: fewer contradicted'),
  sameSlotAnchors: knob(
    2,
    'Aligned words right around a date clash that put it in the same slot on both sides (it then needs only contradictionGate)',
    'higher: fewer date contradictions',
  ),
  sameSlotWindow: knob(5, 'Claim tokens either side of the clash looked at for those anchors', 'lower: fewer date contradictions'),
  sameSlotReach: knob(4, "Tokens either side of the source's words within which an anchor's counterpart must stand", 'lower: fewer date contradictions'),
  minAttributedWords: knob(
    4,
    'Words a quotation needs before giving it to another speaker than the source does contradicts the draft',
    'higher: fewer attribution contradictions',
  ),
  quoteOriginHits: knob(10, "Sentences retrieved over a quotation's own words when looking for where it comes from", 'lower: more quotations reported missing'),
  relatedBm25Weight: knob(1, 'Weight of the normalised retrieval score, beside coverage, when ordering further citations', 'neither: citations only', {
    step: 0.1,
  }),
  lowerCasedAbsentWords: knob(
    2,
    'In a statement written all in lower case (strictNames), this many content words the cited document never uses keep it from support (0: off)',
    'lower: fewer supported',
  ),
  absentColours: flag(
    true,
    "A colour the cited document never uses ('pink paint' where it says 'yellow and blue paint') keeps a statement from support, as a name would (strictNames)",
    'true: fewer supported',
  ),
  reportedAnswers: flag(
    true,
    "An elliptical answer to a reported question ('Asked whether ..., X said he had') is compared with the source's answer after the question (answers.ts)",
    'neither: true adds negation contradictions',
  ),
  carrierOverridesClash: flag(
    true,
    'A clash is dropped when another examined sentence, with no clash of its own, carries the claim (carrierMinCoverage, and no less than the clashing one, with its names) with the very words in question',
    'true: fewer contradicted',
  ),
  carrierMinCoverage: knob(
    0.9,
    "The coverage a clash-free sentence needs to carry the claim over another sentence's clash (carrierOverridesClash)",
    'higher: more contradicted',
  ),
  clauseClashes: flag(
    true,
    'A long statement is also checked clause by clause for a number clash (checker.ts clausesOf)',
    'neither: true adds number contradictions in long statements',
  ),
  clauseMinWords: knob(16, 'Words a statement needs before its clauses are checked on their own for a number clash', 'higher: fewer contradicted'),
  clauseWords: knob(5, 'Words a clause needs to be checked on its own', 'higher: fewer contradicted'),
  documentVocabularyChars: knob(
    400_000,
    'Characters of a source file read for its vocabulary (document credit, names it never mentions)',
    'lower: fewer words credited, more names missing',
    {
      step: 100_000,
    },
  ),
};

/** How a claim's words are matched to an evidence text (coverage.ts). */
export const COVERAGE = {
  stemCredit: knob(0.9, "Share of a word's weight credited for a match on its light stem only", 'lower: fewer supported'),
  relatedCredit: knob(0.85, 'Share credited for a match through a word relation (synonym, alias, WordNet)', 'lower: fewer supported'),
  placeCredit: knob(0.9, "Share credited for a place matched by its people's name ('Libyan' / 'Libya')", 'lower: fewer supported'),
  turnCredit: knob(
    0.5,
    "Share credited for a verb of speaking ('Mike asks') carried by that speaker's turn in a transcript ('Mike: Any milk?')",
    'lower: fewer supported',
  ),
  quantityCredit: knob(0.9, "Share credited for a quantity the evidence writes differently ('about $2.5bn' / '$2.47bn')", 'lower: fewer supported'),
  maxWordWeight: knob(8, "Cap on a word's weight (its IDF): no single rare word decides coverage", 'neither: lower evens the words out'),
  nameWeight: knob(1.2, "Factor on a capitalised word's weight: names carry the claim", 'higher: a missing name costs more', { step: 0.1 }),
  numberMinWeight: knob(4, "A number's weight is at least this", 'higher: a missing number costs more'),
  minWordWeight: knob(0.3, "Every content word's weight is at least this", 'neither: higher weighs common words more'),
};

/** Check-worthiness: statements skipped with a reason (worthiness.ts). */
export const WORTHINESS = {
  bylineMaxWords: knob(14, "A 'By ...' line of more words than this is no byline", 'lower: fewer skipped as bylines'),
  creditLineMaxWords: knob(16, "A 'Reporting by ...' line of more words than this is no credit line", 'lower: fewer skipped as bylines'),
  bylineMaxNames: knob(8, "A byline names at most this many name words ('By Jane Smith and John Doe')", 'lower: fewer skipped as bylines'),
  staffBylineMaxWords: knob(7, "'By our political staff': the role part has at most this many words", 'lower: fewer skipped as bylines'),
  datelineMinWords: knob(3, 'A dateline followed by fewer words than this is skipped as a dateline', 'higher: more skipped'),
  opinionMinWords: knob(4, 'An opinion frame around fewer words than this is skipped as opinion, fact or not', 'higher: more skipped'),
  frameMaskMinWords: knob(3, 'An opinion frame around this many words or more is masked and the rest checked', 'higher: fewer frames masked'),
  speculativeWords: knob(5, 'A modal within this many leading words makes the main clause a forecast', 'higher: more skipped as opinion'),
  exclamationMaxWords: knob(8, 'An exclamation with no checkable fact of at most this many words is skipped as rhetorical', 'higher: more skipped'),
  evaluationMaxWords: knob(14, 'An evaluation with no checkable fact of at most this many words is skipped', 'higher: more skipped'),
};

/** Look-ups across every source in scope: mentions, second references, quotations (mentions.ts, roles.ts, quoteOrigin.ts). */
export const LOOKUPS = {
  mentionSentences: knob(20, 'Sentences retrieved when asking whether any source mentions a name or phrase', "lower: more 'no source carries' messages"),
  mentionKeys: knob(12, "At most this many (the rarest) of a phrase's words go into that look-up", 'neither: fewer is faster'),
  surnameSentences: knob(
    60,
    'Sentences looked at for the people of one surname; a surname in more of them is left unresolved',
    'lower: fewer second references resolved',
  ),
  nameWords: knob(4, "Capitalised words read as one name after a role ('Labour leader John Smith')", 'neither: the longest name read'),
  speakerLookback: knob(3, "Sentences before a quotation's own searched for its speaker", 'lower: fewer speakers found, fewer attribution contradictions'),
  speechCueAfter: knob(3, "The speaker's verb stands within this many tokens after the quotation", 'lower: fewer speakers found'),
  speechCueBefore: knob(8, "Or within this many tokens before the quotation's start", 'lower: fewer speakers found'),
};

/** The confidence of a verdict (confidence.ts): shown and used by minConfidence, never a verdict of its own. */
export const CONFIDENCE = {
  marginScale: knob(
    4,
    'Factor on the margin over the deciding gate before the feature saturates at +-1',
    'neither: the weights are fitted to it (npm run train)',
  ),
  high: knob(0.85, "Confidence from which the hover says 'high confidence'", 'higher: fewer called high'),
  medium: knob(0.6, "Confidence from which the hover says 'medium confidence'", 'higher: more called low'),
};

/** Each signal's own numbers, by kind (signals/<kind>.ts). */
const SIGNAL_TUNING: Record<string, Knobs> = {
  quote: quoteTuning,
  number: numberTuning,
  date: dateTuning,
  entity: entityTuning,
  attribution: attributionTuning,
  negation: negationTuning,
  antonym: antonymTuning,
  modality: modalityTuning,
  quantifier: quantifierTuning,
  order: orderTuning,
};

/** Names in INERT that are no entry of the table (a test keeps it empty). */
export function unknownInertNames(): string[] {
  const names = new Set(policyEntries().map((e) => e.name));
  return Object.keys(INERT).filter((n) => !names.has(n));
}

/** One row of the table. */
export interface PolicyEntry {
  /** `group.name`, as docs/TUNING.md and CORROBORATE_POLICY_OVERRIDES spell it */
  name: string;
  group: string;
  value: number | boolean;
  doc: string;
  stricter: string;
  /** where it is declared and read */
  file: string;
  step?: number;
  inert?: string;
  /** sets the value in force (the eval's overrides only) */
  set(v: number | boolean): void;
}

const GROUPS: { group: string; title: string; file: string; knobs: Knobs }[] = [
  { group: 'checker', title: "Checker options (CheckerOptions' defaults)", file: 'server/src/engine/policy.ts (read in checker.ts)', knobs: CHECKER_OPTIONS },
  { group: 'checker', title: "The checker's own numbers", file: 'server/src/engine/policy.ts (read in checker.ts)', knobs: CHECKER },
  { group: 'coverage', title: 'Coverage', file: 'server/src/engine/policy.ts (read in coverage.ts)', knobs: COVERAGE },
  { group: 'worthiness', title: 'Check-worthiness', file: 'server/src/engine/policy.ts (read in worthiness.ts)', knobs: WORTHINESS },
  {
    group: 'lookups',
    title: 'Look-ups across the sources',
    file: 'server/src/engine/policy.ts (read in mentions.ts, roles.ts, quoteOrigin.ts)',
    knobs: LOOKUPS,
  },
  { group: 'confidence', title: 'Confidence', file: 'server/src/engine/policy.ts (read in confidence.ts)', knobs: CONFIDENCE },
  { group: 'signal.predicate', title: 'Predicate (main verbs)', file: 'server/src/engine/signals/predicate.ts', knobs: PREDICATE_TUNING },
];

/**
 * Entries that move no dev-set prediction when nudged either way (`npm run knobs`: 7987 predictions, each entry
 * nudged by its step), and why. "Subsumed": at the defaults another threshold already decides (a signal's own
 * floor below the coverage its clashes need anyway, or below the 0.4 from which detectors run at all: it only
 * spares the detector's work); "not in the dev sets": it guards a case the data lacks, held by a unit test;
 * "insensitive": a larger change moves a few, so the number is live but not finely tuned.
 */
const INERT: Record<string, string> = {
  'checker.maxGate': 'subsumed: contradictionGate + the largest gate is 0.75; the cap binds only for a contradictionGate above 0.7 set by a caller',
  'checker.pairSkipCoverage': 'an epsilon for full coverage: no coverage falls within 0.0005 of it',
  'checker.clauseMinCoverage':
    "not in the dev sets: even 1.01 (the path off) moves nothing; a negation carried by another source's clause is held by test/unit/checker.test.ts ('pleads not guilty')",
  'checker.minAttributedWords': 'insensitive: 10 moves 2; few quotations in the dev sets are given to another speaker',
  'checker.quoteOriginHits': "insensitive: 1 moves nothing, 0 (no look-up) moves 6: a quotation's own sentence comes first",
  'checker.clauseMinWords': 'flat on the dev sets between 12 and 17 (24 loses one planted count in news-drafts): the long statements there are long',
  'checker.clauseWords': 'flat on the dev sets between 3 and 8: clauses after ", with" and ", and" are long enough',
  'checker.documentVocabularyChars': 'not in the dev sets: no source file there is longer than 300,000 characters (1,000 moves 160)',
  'coverage.minWordWeight': 'not in the dev sets: even 1 moves nothing; it floors only words found in over a third of all sentences',
  'worthiness.bylineMaxWords': 'not in the dev sets: their claims hold no bylines (0 moves nothing); held by test/unit/worthiness.test.ts',
  'worthiness.creditLineMaxWords': 'not in the dev sets: no credit lines; held by test/unit/worthiness.test.ts',
  'worthiness.bylineMaxNames': 'not in the dev sets: no bylines; held by test/unit/worthiness.test.ts',
  'worthiness.staffBylineMaxWords': 'not in the dev sets: no bylines; held by test/unit/worthiness.test.ts',
  'worthiness.datelineMinWords': 'not in the dev sets: no datelines (30 moves nothing); held by test/unit/worthiness.test.ts',
  'worthiness.opinionMinWords': 'insensitive: 10 moves 1; few opinion frames in the dev sets',
  'worthiness.frameMaskMinWords': 'insensitive: few opinion frames in the dev sets; held by test/unit/worthiness.test.ts',
  'worthiness.speculativeWords': 'insensitive: few forecasts in the dev sets; held by test/unit/worthiness.test.ts',
  'worthiness.evaluationMaxWords': 'insensitive: few evaluations without a fact in the dev sets; held by test/unit/worthiness.test.ts',
  'lookups.mentionSentences': "insensitive: even 0 changes only 4 claims' citations; it words the messages ('no source carries' or where one does)",
  'lookups.mentionKeys': "insensitive: a phrase's rarest few words find its sentence",
  'lookups.surnameSentences': 'not in the dev sets: 0 (no full name resolved from a surname) moves nothing; held by test/unit/roles.test.ts',
  'lookups.nameWords': 'insensitive: role appositions in the dev sets name people in two or three words',
  'lookups.speakerLookback': 'insensitive: 0 moves 4',
  'lookups.speechCueBefore': 'insensitive: few quotations with a speaker before them in the dev sets',
  'confidence.marginScale': 'confidence never changes a verdict or a citation; refit the weights (npm run train) after changing it',
  'confidence.high': 'a word in the hover only; predictions carry no confidence',
  'confidence.medium': 'a word in the hover only; predictions carry no confidence',
  'signal.quote.gate': 'insensitive: 0.45 moves 7; few misquotes in the dev sets',
  'signal.quote.nearShare': 'insensitive: 0.95 moves 6',
  'signal.quote.fuzzyThreshold': 'insensitive: few misquotes in the dev sets',
  'signal.quote.maxWindows': 'speed only: even 1 moves nothing',
  'signal.number.minCoverage': 'subsumed: a number clash needs contradictionGate + gate = 0.6 anyway',
  'signal.date.minCoverage': 'subsumed: a date clash needs 0.75 (or 0.5 in the same slot), and detectors run only from 0.4',
  'signal.entity.strongCoverage': 'subsumed: an entity clash counts from 0.75, where its strength is 0.8 either way',
  'signal.entity.sameSlotCoverage': 'subsumed at the defaults: an entity clash counts from 0.75',
  'signal.attribution.minCoverage': 'subsumed: detectors run only from detectorGateFactor x contradictionGate = 0.4',
  'signal.negation.minCoverage': 'subsumed: a negation clash needs contradictionGate + gate = 0.7 anyway',
  'signal.modality.gate':
    'subsumed: detectors run only from 0.4, so any gate up to -0.1 gives the same verdicts (it still sets the confidence margin); trusting modality on less needs a lower detectorGateFactor, a verdict change',
  'signal.modality.minCoverage': 'subsumed: detectors run only from 0.4',
  'signal.quantifier.minCoverage': 'subsumed: detectors run only from 0.4, and its clashes need 0.5',
  'signal.order.gate': 'insensitive: 0.3 moves 2; few order clashes in the dev sets',
  'signal.order.minCoverage': 'subsumed for its clashes (they need 0.5 + gate); its unsupported findings: insensitive',
};

function knobEntry(group: string, name: string, k: Knob<number> | Knob<boolean>, file: string): PolicyEntry {
  return {
    name: `${group}.${name}`,
    group,
    value: k.value,
    doc: k.doc,
    stricter: k.stricter,
    file,
    ...(k.step !== undefined ? { step: k.step } : {}),
    ...(INERT[`${group}.${name}`] ? { inert: INERT[`${group}.${name}`] } : {}),
    set: (v) => {
      (k as Knob<number | boolean>).value = v;
    },
  };
}

/** Every entry of the table, in its order: the checker, coverage, worthiness, look-ups, confidence, then each signal (its gate first). */
export function policyEntries(): PolicyEntry[] {
  const out: PolicyEntry[] = [];
  for (const g of GROUPS) for (const [name, k] of Object.entries(g.knobs)) out.push(knobEntry(g.group, name, k, g.file));
  for (const d of detectors) {
    const file = `server/src/engine/signals/${d.kind}.ts`;
    const gateName = `signal.${d.kind}.gate`;
    out.push({
      name: gateName,
      group: `signal.${d.kind}`,
      value: d.gate ?? 0,
      doc: `Coverage added to contradictionGate before a${/^[aeiou]/.test(d.kind) ? 'n' : ''} ${d.kind} clash counts${d.kind === 'quote' ? ' (misquotes too)' : ''} (negative: trusted on less)`,
      stricter: `higher: fewer ${d.kind} contradictions`,
      file,
      step: 0.05,
      ...(INERT[gateName] ? { inert: INERT[gateName] } : {}),
      set: (v) => {
        d.gate = v as number;
      },
    });
    for (const [name, k] of Object.entries(SIGNAL_TUNING[d.kind] ?? {})) out.push(knobEntry(`signal.${d.kind}`, name, k, file));
  }
  return out;
}

/** The defaults of CheckerOptions, read when a checker is made (so the eval's overrides reach it). */
export function checkerDefaults(): Required<Omit<CheckerOptions, 'detectors' | 'related'>> {
  const o = CHECKER_OPTIONS;
  return {
    supportThreshold: o.supportThreshold.value,
    queryTerms: o.queryTerms.value,
    strictNames: o.strictNames.value,
    strictRareWords: o.strictRareWords.value,
    contextCredit: o.contextCredit.value,
    contextMinCoverage: o.contextMinCoverage.value,
    longClaimThreshold: o.longClaimThreshold.value,
    relatedThreshold: o.relatedThreshold.value,
    contradictionGate: o.contradictionGate.value,
    retrieve: o.retrieve.value,
    maxEvidence: o.maxEvidence.value,
    spread: o.spread.value,
    spreadPenalty: o.spreadPenalty.value,
    crossSourceSpread: o.crossSourceSpread.value,
    predicates: o.predicates.value,
  };
}

/**
 * Sets entries by name ({"checker.pairPenalty": 0.03}). Only the eval calls it (CORROBORATE_POLICY_OVERRIDES,
 * for `npm run knobs`); the product never does. Throws on an unknown name or a value of the wrong type.
 */
export function applyPolicyOverrides(overrides: Record<string, unknown>): void {
  const byName = new Map(policyEntries().map((e) => [e.name, e]));
  for (const [name, v] of Object.entries(overrides)) {
    const e = byName.get(name);
    if (!e) throw new Error(`unknown policy entry ${name}`);
    if (typeof v !== typeof e.value || (typeof v === 'number' && !Number.isFinite(v)))
      throw new Error(`${name} needs a ${typeof e.value}, not ${JSON.stringify(v)}`);
    e.set(v as number | boolean);
  }
}

/** The table as Markdown: docs/TUNING.md (`npm run policy`). */
export function policyMarkdown(): string {
  const entries = policyEntries();
  const lines: string[] = [
    '# Tuning table',
    '',
    '<!-- Written by `npm run policy` from server/src/engine/policy.ts; test/unit/policy.test.ts fails when this page differs. Do not edit by hand. -->',
    '',
    'Every tuned number of the verdict policy, with what it trades and which direction is stricter. The signals keep',
    'their gate and their own numbers beside them (`server/src/engine/signals/<kind>.ts`: `gate`, `TUNING`); every',
    'other entry is declared in `server/src/engine/policy.ts`. A signal clash counts when its strength is at least',
    "`checker.minStrength` and its candidate's coverage reaches `checker.contradictionGate` + the signal's gate (at most",
    '`checker.maxGate`).',
    '',
    '"No effect on the dev sets" names the entries that `npm run knobs` (each nudged either way, the eval\'s',
    'predictions compared) found moving no prediction, and why.',
    '',
    "Not here: each finding's strength (a score set where the finding is made), word lists, what an approximation",
    'means (`signals/number.ts`), caches and size caps that bound only time or memory.',
  ];
  const sections: { title: string; rows: PolicyEntry[] }[] = [];
  let at = 0;
  for (const g of GROUPS) {
    const n = Object.keys(g.knobs).length;
    sections.push({ title: `${g.title}: \`${g.file.split(' ')[0]}\``, rows: entries.slice(at, at + n) });
    at += n;
  }
  for (const d of detectors) {
    const rows = entries.filter((e) => e.group === `signal.${d.kind}`);
    sections.push({ title: `Signal ${d.kind}: \`server/src/engine/signals/${d.kind}.ts\``, rows });
  }
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  for (const s of sections) {
    lines.push('', `## ${s.title}`, '', '| entry | value | what it decides | stricter | no effect on the dev sets |', '|---|---:|---|---|---|');
    for (const e of s.rows) lines.push(`| \`${e.name}\` | ${String(e.value)} | ${cell(e.doc)} | ${cell(e.stricter)} | ${cell(e.inert ?? '')} |`);
  }
  return lines.join('\n') + '\n';
}
