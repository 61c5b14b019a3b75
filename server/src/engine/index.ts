/** The engine's public surface: everything the LSP layer, the CLI and the scripts use. */
export * from './types';
export { Checker, type CheckerOptions } from './checker';
export { SourceIndex, type Hit, type IndexedFile } from './sourceIndex';
export { draftStatements, type DraftFormat, type Statement } from './draft';
export { LineIndex } from './positions';
export { splitSentences } from './segment';
export { analyze, tokenize, lemma } from './text';
export { createChecker } from './defaults';
export { findingsOf, draftFindings, shownResults, type Finding, type FindingOptions, type SeverityName } from './findings';
