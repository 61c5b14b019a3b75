/**
 * Loading a source index, with or without the persisted cache, for the server (sliced, async) and
 * the CLI (sync) alike: one place decides "cache folder given: load through it; else read all".
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { SourceIndex } from '../engine/sourceIndex';
import { loadSources, loadSourcesSync, type LoadOptions, type LoadResult } from './corpus';
import { loadSourcesCached, loadSourcesCachedAsync, type CacheInfo } from './persist';

export interface IndexLoad {
  index: SourceIndex;
  result: LoadResult;
  /** how the cache was used (only with a cache folder) */
  cache?: CacheInfo;
}

export type IndexLoadOptions = LoadOptions & {
  /** folder of the persisted index; none: every source is read */
  cacheDir?: string;
};

export function loadIndexSync(roots: string[], opts: IndexLoadOptions = {}): IndexLoad {
  const { cacheDir, ...load } = opts;
  if (cacheDir) {
    const c = loadSourcesCached(roots, cacheDir, load);
    return { index: c.index, result: c.result, cache: c.cache };
  }
  const index = new SourceIndex();
  return { index, result: loadSourcesSync(index, roots, load) };
}

export async function loadIndexAsync(roots: string[], opts: IndexLoadOptions = {}): Promise<IndexLoad> {
  const { cacheDir, ...load } = opts;
  if (cacheDir) {
    const c = await loadSourcesCachedAsync(roots, cacheDir, load);
    return { index: c.index, result: c.result, cache: c.cache };
  }
  const index = new SourceIndex();
  return { index, result: await loadSources(index, roots, load) };
}

/** The cache folder, inside a storage folder, of one set of source roots and size cap. */
export function indexCacheDir(storageDir: string, roots: string[], maxBytes: number): string {
  const key = createHash('sha1')
    .update(JSON.stringify([roots, maxBytes]))
    .digest('hex')
    .slice(0, 16);
  return path.join(storageDir, 'index-' + key);
}

/** A one-line account of a cached load, for logs. */
export function describeCache(c: CacheInfo): string {
  return `index cache ${c.status}${c.reason ? ` (${c.reason})` : ''}: ${c.reused} files reused, ${c.reread + c.added} read, ${c.removed} dropped`;
}
