/** The engine's public surface: everything the LSP layer, the CLI and the scripts use. */
export * from './types';
export { Checker, type CheckerOptions } from './checker';
export { SourceIndex, type Hit, type IndexedFile } from './sourceIndex';
export { draftStatements, type DraftFormat, type Statement } from './draft';
export { LineIndex } from './positions';
export { splitSentences } from './segment';
export { analyze, tokenize, lemma } from './text';
export { loadSources, loadSourcesSync, type LoadOptions, type LoadResult } from './corpus';
export { listSourceFiles, readSourceFile, decodeSource, isInside, type SourceProblem } from './sources';
export { createChecker } from './defaults';
export { saveIndex, readIndex, loadSourcesCached, ENGINE_VERSION, type CacheInfo, type CachedLoad } from './persist';
