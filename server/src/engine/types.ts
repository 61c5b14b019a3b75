/**
 * Plain data shared by every part of the engine. Offsets are UTF-16 code units
 * into the text they belong to (a JavaScript string index), end exclusive.
 * Nothing here knows about LSP or VS Code.
 */

export interface Span {
  start: number;
  end: number;
}

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  text: string;
  /** lower case, curly quotes and dashes normalised */
  lower: string;
  /** dictionary form (lemma) of the lower-cased word */
  lemma: string;
  kind: TokenKind;
  /** a function word that carries no content (the, of, is...) */
  stop: boolean;
}

/** A text with its tokens, offsets relative to `text`. */
export interface Analyzed {
  text: string;
  tokens: Token[];
}

/** One sentence of one source file. */
export interface SourceSentence extends Span {
  /** id in the index: stable for the life of the index generation */
  id: number;
  /** the source file path, as the index knows it (absolute for the server, as given for the CLI) */
  source: string;
  /** 0-based line of `start` in the source file */
  line: number;
  /** 0-based UTF-16 column of `start` */
  character: number;
  /** exact text of the source file between start and end */
  text: string;
  /** position of the sentence in its file (0-based), to find neighbours */
  ordinal: number;
}

export type Verdict = 'supported' | 'unsupported' | 'contradicted' | 'skipped';

export type SignalKind =
  'coverage' | 'negation' | 'number' | 'date' | 'entity' | 'antonym' | 'modality' | 'quantifier' | 'order' | 'predicate' | 'quote' | 'misquote' | 'attribution';

export type Relation = 'supports' | 'contradicts' | 'related';

/** A place in an extracted source (a PDF page, a heading, a cue time): from `offset` on, until the next one. */
export interface SourcePlace {
  offset: number;
  /** "p. 3", "“Night pilotage”", "00:01:05, Ada Quist" */
  label: string;
}

/**
 * Where an extracted source's text stands in its original file (an HTML page's raw markup): flat
 * quintuples [extracted offset, extracted length, raw line, raw character, raw length], ascending by
 * extracted offset. A span is 1:1 when its two lengths are equal, else one entity (`&amp;` for "&").
 * Text between spans (blank lines between blocks, collapsed white space) has no raw counterpart.
 */
export type SourceOrigin = number[];

export interface Evidence {
  /** source file path */
  source: string;
  /** where in an extracted source the evidence starts ("p. 3"); absent for plain-text sources */
  place?: string;
  /**
   * the evidence's range in the original file, when the extracted text maps back to it (HTML): 0-based
   * line/character in the raw page, from the quote's first character to the end of its last
   */
  original?: LineRange;
  /** offsets into the source file */
  start: number;
  end: number;
  /** 0-based line/column of start and end in the source file */
  range: LineRange;
  /** exactly the text of the source between start and end */
  quote: string;
  /** 0..1: how much of the claim this evidence carries */
  score: number;
  relation: Relation;
  /** ids of the source sentences this evidence spans (one, or two neighbours) */
  sentenceIds: number[];
  /** offsets into `quote` of the words the claim's words aligned to (ascending, adjacent words joined) */
  matched?: Span[];
}

/** A reason that decided (or contributed to) a verdict. */
export interface Signal {
  kind: SignalKind;
  /** plain-language explanation ("number: the draft says 300, the source says 30") */
  message: string;
  /** offsets into the draft of the words the signal is about */
  start: number;
  end: number;
  /** 'contradicts' pushes to contradicted, 'unsupported' marks words no source carries, 'supports' explains support */
  effect: 'contradicts' | 'unsupported' | 'supports';
  /** index into the claim result's evidence array, when a source sentence is involved */
  evidence?: number;
  /** the source's own words at the clash, verbatim */
  sourceWords?: string;
}

/** A statement of the draft and what the engine found about it. */
export interface ClaimResult {
  /** exact text of the draft between start and end */
  text: string;
  start: number;
  end: number;
  verdict: Verdict;
  /** 0..1 support score of the best evidence */
  score: number;
  /** one-line reason for the verdict */
  reason: string;
  evidence: Evidence[];
  signals: Signal[];
  /** 0..1: how likely the verdict is right (engine/confidence.ts); absent for a skipped statement */
  confidence?: number;
  /** the named features the confidence was computed from */
  confidenceFeatures?: Record<string, number>;
  /** what went wrong while checking it, never shown as a finding: "signal number failed: <message>" (a detector
   * that threw lost its findings on this statement; the server logs each note once, the CLI prints it to stderr) */
  notes?: string[];
}

/** Finding of one signal detector between a claim and one evidence text. */
export interface SignalFinding {
  kind: SignalKind;
  effect: 'contradicts' | 'unsupported' | 'supports';
  message: string;
  /** offsets into the claim text */
  claimSpan: Span;
  /** offsets into the evidence text, when the clash has a counterpart there */
  evidenceSpan?: Span;
  /** 0..1 confidence */
  strength: number;
  /** the clash is tied to a name both sides share ("Enron chief Dennis Kozlowski"): the draft's word occurring
   * elsewhere in the source does not excuse it */
  anchored?: boolean;
}

/**
 * What a detector sees: the claim and one evidence text (a source sentence,
 * or two neighbouring ones joined), both analysed, plus the alignment of claim
 * content tokens to evidence tokens computed by coverage.
 */
export interface SignalInput {
  claim: Analyzed;
  evidence: Analyzed;
  /** for each claim token index: the evidence token index it aligned to, or -1 */
  alignment: number[];
  /** 0..1 weighted share of claim content carried by the evidence */
  coverage: number;
}

export interface SignalDetector {
  kind: SignalKind;
  /** one line for users (the SARIF rule, the docs): what a finding of this signal means */
  description?: string;
  /**
   * Added to the checker's contradiction gate for this signal's clashes: the coverage a candidate needs before
   * they are trusted (tuned on the development splits; negative trusts it on less, e.g. modality words are
   * rarely shared). Lives beside the signal so that tuning one signal touches one file.
   */
  gate?: number;
  detect(input: SignalInput): SignalFinding[];
}
