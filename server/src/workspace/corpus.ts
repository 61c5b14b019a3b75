/**
 * Loading source folders into an index, shared by the language server and the CLI.
 * The async variant yields to the event loop between slices of files, so a server
 * keeps answering while thousands of files are read.
 */
import { ReadAhead } from './reader';
import {
  listSourceFiles,
  readSourceFile,
  decodeSourceBytes,
  isExtractedPath,
  DEFAULT_MAX_SOURCE_BYTES,
  type SourceBytes,
  type SourceFileInfo,
  type SourceProblem,
} from './sources';
import { LOOKAHEAD, sharedExtractor } from './extract/pool';
import type { ExtractOutcome } from './extract/types';
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
  /** formats read by extraction (names of EXTRACTED_FORMATS; default all); others are skipped and counted */
  formats?: readonly string[];
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

/**
 * The source files under the roots. Files of a format that is not read (unsupported, or turned off in
 * `formats`) are reported once per root, with a count and their extensions, in `notices` when given
 * (else with the problems): "3 files skipped: unsupported format .key, .pages".
 */
export function listAll(
  roots: string[],
  problems: SourceProblem[],
  maxFiles?: number,
  formats?: readonly string[],
  notices: SourceProblem[] = problems,
): SourceFileInfo[] {
  const files: SourceFileInfo[] = [];
  const seen = new Set<string>();
  for (const r of roots) {
    const skipped = { unsupported: new Map<string, number>(), off: new Map<string, number>() };
    for (const f of listSourceFiles(r, problems, { maxFiles, formats, skipped })) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      files.push(f);
    }
    for (const [kind, counts] of Object.entries(skipped)) {
      if (counts.size === 0) continue;
      let n = 0;
      for (const c of counts.values()) n += c;
      const exts = [...counts.keys()].sort().join(', ');
      const why = kind === 'off' ? `format turned off in corroborate.sourceFormats: ${exts}` : `unsupported format ${exts}`;
      notices.push({ path: r, message: `${n} file${n === 1 ? '' : 's'} skipped: ${why}` });
    }
  }
  return files;
}

/** A load step that asks the runner to extract a file's text (see runLoad, runLoadSliced), and names the next ones. */
export interface ExtractStep {
  extract: string;
  next: string[];
}

/** What a load yields: progress, or a file to extract (answered with the ExtractOutcome). */
export type LoadStep = LoadProgress | ExtractStep;

function isExtractStep(v: LoadStep): v is ExtractStep {
  return !Array.isArray(v);
}

/** The origin spans that lie inside the first `chars` characters (a text cut at the size cap). */
function originWithin(origin: number[] | undefined, chars: number): number[] {
  if (!origin) return [];
  let n = 0;
  while (n < origin.length && origin[n] + origin[n + 1] <= chars) n += 5;
  return n === origin.length ? origin : origin.slice(0, n);
}

/** Indexes one extracted file; returns false (and records why) if it could not be used. */
export function indexExtracted(
  index: SourceIndex,
  f: SourceFileInfo,
  maxBytes: number,
  problems: SourceProblem[],
  warnings: SourceProblem[],
  outcome: ExtractOutcome | undefined,
): boolean {
  if (!outcome || 'problem' in outcome) {
    problems.push({ path: f.path, message: outcome ? outcome.problem : 'not extracted' });
    index.removeFile(f.path);
    return false;
  }
  const notes = [...outcome.warnings];
  let text = outcome.text;
  if (text.length > maxBytes) {
    notes.unshift(
      `extracted text larger than the size cap (${Math.round(text.length / 1024)} KB > ${Math.round(maxBytes / 1024)} KB): only the first part is indexed`,
    );
    text = text.slice(0, maxBytes);
  }
  const warning = notes.length ? notes.join('; ') : undefined;
  if (warning) warnings.push({ path: f.path, message: warning });
  const places = outcome.places.filter((p) => p.offset < text.length);
  const origin = originWithin(outcome.origin, text.length);
  index.addFile(f.path, text, {
    size: f.size,
    mtimeMs: f.mtimeMs,
    ...(warning ? { warning } : {}),
    ...(places.length ? { places } : {}),
    ...(origin.length ? { origin } : {}),
  });
  return true;
}

/** Indexes one file; returns false (and records why) if it could not be used. */
export function indexFile(
  index: SourceIndex,
  f: SourceFileInfo,
  maxBytes: number,
  problems: SourceProblem[],
  warnings: SourceProblem[],
  read?: SourceBytes,
): boolean {
  const steps = indexFileSteps(index, f, maxBytes, problems, warnings, read);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** indexFile in steps: a huge source yields in the middle (SourceIndex.addFileSteps), so a sliced load stays responsive. */
function* indexFileSteps(
  index: SourceIndex,
  f: SourceFileInfo,
  maxBytes: number,
  problems: SourceProblem[],
  warnings: SourceProblem[],
  read?: SourceBytes,
): Generator<void, boolean> {
  const d = read ? decodeSourceBytes(read, maxBytes) : readSourceFile(f.path, maxBytes, f);
  if ('problem' in d) {
    problems.push({ path: f.path, message: d.problem });
    index.removeFile(f.path);
    return false;
  }
  if (d.warning) warnings.push({ path: f.path, message: d.warning });
  yield* index.addFileSteps(f.path, d.text, d.warning ? { size: f.size, mtimeMs: f.mtimeMs, warning: d.warning } : { size: f.size, mtimeMs: f.mtimeMs });
  return true;
}

/** Files done and files in all, yielded by a load after each file. */
export type LoadProgress = [done: number, total: number];

/** Runs a load to its end at once (extractions block this thread until the worker answers). */
export function runLoad<R>(steps: Generator<LoadStep, R, ExtractOutcome | undefined>): R {
  let answer: ExtractOutcome | undefined;
  const asked = new Set<string>();
  try {
    for (;;) {
      const r = steps.next(answer);
      answer = undefined;
      if (r.done) return r.value;
      if (isExtractStep(r.value)) {
        for (const n of r.value.next) asked.add(n);
        answer = sharedExtractor().extractSync(r.value.extract, r.value.next);
        asked.delete(r.value.extract);
      }
    }
  } finally {
    if (asked.size) sharedExtractor().forget(asked);
  }
}

/**
 * Runs a load in slices of `sliceMs` (default 15 ms), yielding to the event loop between them and
 * reporting progress there, so that a language server keeps answering while thousands of files are read.
 */
export async function runLoadSliced<R>(steps: Generator<LoadStep, R, ExtractOutcome | undefined>, opts: LoadOptions): Promise<R> {
  const sliceMs = opts.sliceMs ?? 15;
  let sliceStart = performance.now();
  let answer: ExtractOutcome | undefined;
  let last: LoadProgress = [0, 0];
  const asked = new Set<string>();
  try {
    for (;;) {
      const r = steps.next(answer);
      answer = undefined;
      if (r.done) return r.value;
      if (isExtractStep(r.value)) {
        // extraction runs in the worker (the next files too) while the event loop serves
        opts.onProgress?.(last[0], last[1]);
        for (const n of r.value.next) asked.add(n);
        answer = await sharedExtractor().extractAsync(r.value.extract, r.value.next);
        asked.delete(r.value.extract);
        sliceStart = performance.now();
        continue;
      }
      last = r.value;
      if (performance.now() - sliceStart > sliceMs) {
        opts.onProgress?.(r.value[0], r.value[1]);
        await new Promise<void>((res) => setImmediate(res));
        sliceStart = performance.now();
      }
    }
  } finally {
    if (asked.size) sharedExtractor().forget(asked);
  }
}

/** Reading the source folders into `index`, one file a step. */
function* loadSteps(index: SourceIndex, roots: string[], opts: LoadOptions): Generator<LoadStep, LoadResult, ExtractOutcome | undefined> {
  const t0 = performance.now();
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const files = listAll(roots, problems, opts.maxFiles, opts.formats, warnings);
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
): Generator<LoadStep, { files: number; bytes: number }, ExtractOutcome | undefined> {
  const reuse = files.map((f) => unchanged?.(f) ?? false);
  const toRead = files.filter((f, i) => !reuse[i] && !isExtractedPath(f.path));
  // the files to extract, in order: each extract step names the next few, for the worker to start on
  const toExtract = files.filter((f, i) => !reuse[i] && isExtractedPath(f.path)).map((f) => f.path);
  let x = 0;
  const ahead =
    toRead.length >= (opts.readAheadFrom ?? 500)
      ? new ReadAhead(
          toRead.map((f) => f.path),
          maxBytes,
          undefined,
          toRead.map((f) => [f.dev, f.ino]),
        )
      : undefined;
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
      if (isExtractedPath(f.path)) {
        x++;
        const outcome = yield { extract: f.path, next: toExtract.slice(x, x + LOOKAHEAD) };
        if (indexExtracted(index, f, maxBytes, problems, warnings, outcome)) {
          bytes += f.size;
          n++;
        }
        yield [i + 1, files.length];
        continue;
      }
      // a huge file yields in the middle too (progress stays at the files done)
      const steps = indexFileSteps(index, f, maxBytes, problems, warnings, ahead?.take(r++));
      let ok: boolean;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          ok = step.value;
          break;
        }
        yield [i, files.length];
      }
      if (ok) {
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
