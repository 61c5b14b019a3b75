/** The workspace layer's public surface: the file-system side shared by the server, the CLI and the scripts
 * (source folders, reading and decoding sources, loading and persisting the index, settings, listing drafts). */
export { loadSources, loadSourcesSync, type LoadOptions, type LoadResult } from './corpus';
export { listSourceFiles, readSourceFile, decodeSource, isInside, type SourceProblem } from './sources';
export { saveIndex, readIndex, loadSourcesCached, ENGINE_VERSION, type CacheInfo, type CachedLoad } from './persist';
export { loadIndexSync, loadIndexAsync, type IndexLoad } from './load';
export { readProjectFile, updateProjectFile, withProjectFile, PROJECT_FILE, type ProjectFile } from './projectFile';
export { listDrafts, readDraft, draftFormat } from './drafts';
export { realInside, folderDisplay, sourceDisplay, displayPath } from './paths';
