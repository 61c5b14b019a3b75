/**
 * Loading source folders into an index, shared by the language server and the CLI.
 * The async variant yields to the event loop between slices of files, so a server
 * keeps answering while thousands of files are read.
 */
import { ReadAhead } from './reader';
import { listSourceFiles, readSourceFile, decodeSourceBytes, DEFAULT_MAX_SOURCE_BYTES, type SourceBytes, type SourceFileInfo, type SourceProblem } from './sources';
import type { SourceIndex } from '../engine/sourceIndex';

export interface LoadOptions {
  maxBytes?: number;
  maxFiles?: number;
  /** called after each slice: files done, files in all */
  onProgress?: (done: number, total: number) => void;
  /** return true to stop early (a newer load superseded this one) */
  isCancelled?: () => boolean;
  /** milliseconds of work per slice before yielding (async only) */
  sliceMs?: number;
  /** from this many files on, a worker thread reads files ahead of the indexing (default 500) */
  readAheadFrom?: number;
}

export interface LoadResult {
  files: number;
  sentences: number;
  bytes: number;
  problems: SourceProblem[];
  /** files whose text was indexed only in part, or decoded with a fallback */
  warnings: SourceProblem[];
  ms: number;
}

export function listAll(roots: string[], problems: SourceProblem[], maxFiles?: number): SourceFileInfo[] {
  const files: SourceFileInfo[] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    for (const f of listSourceFiles(r, problems, { maxFiles })) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      files.push(f);
    }
  }
  return files;
}

/** Indexes one file; returns false (and records why) if it could not be used. */
export function indexFile(index: SourceIndex, f: SourceFileInfo, maxBytes: number, problems: SourceProblem[], warnings: SourceProblem[], read?: SourceBytes): boolean {
  const d = read ? decodeSourceBytes(read, maxBytes) : readSourceFile(f.path, maxBytes);
  if ('problem' in d) {
    problems.push({ path: f.path, message: d.problem });
    index.removeFile(f.path);
    return false;
  }
  if (d.warning) warnings.push({ path: f.path, message: d.warning });
  index.addFile(f.path, d.text, d.warning ? { size: f.size, mtimeMs: f.mtimeMs, warning: d.warning } : { size: f.size, mtimeMs: f.mtimeMs });
  return true;
}

/** Files done and files in all, yielded by a load after each file. */
export type LoadProgress = [done: number, total: number];

/** Runs a load to its end at once. */
export function runLoad<R>(steps: Generator<LoadProgress, R>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs a load in slices of `sliceMs` (default 15 ms), yielding to the event loop between them and
 * reporting progress there, so that a language server keeps answering while thousands of files are read.
 */
export async function runLoadSliced<R>(steps: Generator<LoadProgress, R>, opts: LoadOptions): Promise<R> {
  const sliceMs = opts.sliceMs ?? 15;
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart > sliceMs) {
      opts.onProgress?.(r.value[0], r.value[1]);
      await new Promise<void>((res) => setImmediate(res));
      sliceStart = performance.now();
    }
  }
}

/** Reading the source folders into `index`, one file a step. */
function* loadSteps(index: SourceIndex, roots: string[], opts: LoadOptions): Generator<LoadProgress, LoadResult> {
  const t0 = performance.now();
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const files = listAll(roots, problems, opts.maxFiles);
  const done = yield* indexFiles(index, files, opts.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES, problems, warnings, opts);
  return { ...done, sentences: index.sentenceCount, problems, warnings, ms: performance.now() - t0 };
}

/**
 * Indexes the listed files, one a step, except those `unchanged` says the index already holds as they are
 * on disk (counted as indexed, not read); `onFile` hears of each file as its turn comes. With many files to
 * read, a worker thread reads them ahead of the indexing. Shared by the plain loads here and the cached
 * load (persist.ts).
 */
export function* indexFiles(
  index: SourceIndex,
  files: SourceFileInfo[],
  maxBytes: number,
  problems: SourceProblem[],
  warnings: SourceProblem[],
  opts: LoadOptions,
  unchanged?: (f: SourceFileInfo) => boolean,
  onFile?: (f: SourceFileInfo, reused: boolean) => void,
): Generator<LoadProgress, { files: number; bytes: number }> {
  const reuse = files.map((f) => unchanged?.(f) ?? false);
  const toRead = unchanged ? files.filter((_, i) => !reuse[i]) : files;
  const ahead = toRead.length >= (opts.readAheadFrom ?? 500) ? new ReadAhead(toRead.map((f) => f.path), maxBytes) : undefined;
  let bytes = 0;
  let n = 0;
  let r = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      if (opts.isCancelled?.()) break;
      const f = files[i];
      const reused = reuse[i];
      onFile?.(f, reused);
      if (reused) {
        bytes += f.size;
        n++;
        continue;
      }
      if (indexFile(index, f, maxBytes, problems, warnings, ahead?.take(r++))) {
        bytes += f.size;
        n++;
      }
      yield [i + 1, files.length];
    }
  } finally {
    ahead?.close();
  }
  index.flush();
  opts.onProgress?.(files.length, files.length);
  return { files: n, bytes };
}

export function loadSourcesSync(index: SourceIndex, roots: string[], opts: LoadOptions = {}): LoadResult {
  return runLoad(loadSteps(index, roots, opts));
}

export function loadSources(index: SourceIndex, roots: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  return runLoadSliced(loadSteps(index, roots, opts), opts);
}
