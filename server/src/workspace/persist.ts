/**
 * The persistent index: a SourceIndex saved to a folder (one binary file) so that a warm
 * start loads it instead of reading and segmenting every source again.
 *
 * Layout of `index.bin`: the magic "CORRIDX1", a u32 (LE) header length, the header as JSON,
 * padding to 4 bytes, then the body: Int32 arrays (sentence starts, ends, lines, characters;
 * posting counts per term; postings), the terms as UTF-8 joined by "\n", and the texts of
 * all files as one UTF-8 string. The header carries the engine version, each file's path,
 * size and modification time, the section sizes and a SHA-1 of the body.
 *
 * A cache is never trusted: a wrong magic, engine version, checksum or any inconsistency
 * (SourceIndex.fromSnapshot validates every span and posting) discards it, and the
 * sources are read again. Files whose size or modification time changed are re-read,
 * deleted ones dropped and new ones added.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexFiles, listAll, runLoad, runLoadSliced, type LoadOptions, type LoadResult, type LoadStep } from './corpus';
import { EXTRACTOR_VERSION } from './extract/formats';
import { validOrigin } from '../engine/origin';
import type { ExtractOutcome } from './extract/types';
import { SourceIndex, type IndexSnapshot } from '../engine/sourceIndex';
import { DEFAULT_MAX_SOURCE_BYTES, type SourceProblem } from './sources';
import { readFileSafe, readFileSafeAsync, removeStaleTemps, tempPathFor, type SafeRead } from './safeFs';

/**
 * Bump whenever segmentation, tokenisation, lemmas or the snapshot layout change. The extractors' version
 * is part of it: the texts of PDF, HTML, ... files are cached here (keyed by path, size and mtime).
 */
export const ENGINE_VERSION = `corroborate-engine-4+extract-${EXTRACTOR_VERSION}`;
export const CACHE_FILE = 'index.bin';
const MAGIC = 'CORRIDX1';
/** A cache file larger than this is not read (it is discarded and rebuilt). */
export const CACHE_MAX_BYTES = 1024 * 1024 * 1024;

interface Header {
  engineVersion: string;
  maxBytes: number;
  /**
   * the 7th entry, the places of an extracted file ([offset, label] ascending), is left out for plain text;
   * the 8th, its origin spans (engine SourceOrigin), only for a file that has them (HTML)
   */
  files: [
    path: string,
    size: number | null,
    mtimeMs: number | null,
    chars: number,
    sentences: number,
    warning: string | null,
    places?: [number, string][],
    origin?: number[],
  ][];
  sentences: number;
  terms: number;
  postings: number;
  termsBytes: number;
  textsBytes: number;
  sha1: string;
}

export interface CacheInfo {
  /** warm: loaded from the cache; cold: no usable cache; discarded: a cache was there but was rejected */
  status: 'warm' | 'cold' | 'discarded';
  reason?: string;
  /** files taken from the cache as they were */
  reused: number;
  /** files whose size or modification time changed, read again */
  reread: number;
  /** files not in the cache */
  added: number;
  /** files in the cache that are gone */
  removed: number;
  /** milliseconds spent reading and validating the cache file */
  loadMs: number;
  /** milliseconds spent writing the cache (0 when nothing changed) */
  saveMs: number;
}

/** Writes the index to `dir` (created if needed) atomically; returns the bytes written. */
export function saveIndex(index: SourceIndex, dir: string, opts: { maxBytes?: number } = {}): number {
  const snap = index.toSnapshot();
  const ints = [snap.starts, snap.ends, snap.lines, snap.chars, snap.postingCounts, snap.postings];
  const termsBuf = Buffer.from(snap.terms.join('\n'), 'utf8');
  const textsBuf = Buffer.from(snap.files.map((f) => f.text).join(''), 'utf8');
  const intBufs = ints.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const body = [...intBufs, termsBuf, textsBuf];
  const sha = crypto.createHash('sha1');
  for (const b of body) sha.update(b);
  const header: Header = {
    engineVersion: ENGINE_VERSION,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES,
    files: snap.files.map((f) => {
      const e: Header['files'][number] = [f.path, f.size ?? null, f.mtimeMs ?? null, f.text.length, f.sentences, f.warning ?? null];
      if (f.places?.length || f.origin?.length) e.push((f.places ?? []).map((p): [number, string] => [p.offset, p.label]));
      if (f.origin?.length) e.push(f.origin);
      return e;
    }),
    sentences: snap.starts.length,
    terms: snap.terms.length,
    postings: snap.postings.length,
    termsBytes: termsBuf.length,
    textsBytes: textsBuf.length,
    sha1: sha.digest('hex'),
  };
  let headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + headerBuf.length) % 4)) % 4;
  headerBuf = Buffer.concat([headerBuf, Buffer.alloc(pad, 0x20)]);
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(headerBuf.length, 0);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, CACHE_FILE);
  // left by a write that was interrupted (a full disk, a crash)
  removeStaleTemps(dir, CACHE_FILE);
  // a new file (never through a link put there), removed if the write fails
  const tmp = tempPathFor(target);
  const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
  let bytes = 0;
  try {
    try {
      for (const b of [Buffer.from(MAGIC, 'latin1'), lenBuf, headerBuf, ...body]) {
        let off = 0;
        while (off < b.length) off += fs.writeSync(fd, b, off, b.length - off);
        bytes += b.length;
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return bytes;
}

/** Reads and validates the cache in `dir`; throws (with the reason) if it is missing or unusable. */
export function readIndex(dir: string, opts: { maxBytes?: number } = {}): SourceIndex {
  return parseIndex(cacheBytes(readFileSafe(path.join(dir, CACHE_FILE), { root: dir, maxBytes: CACHE_MAX_BYTES })), opts);
}

/** The cache file's bytes, read safely (a regular file inside the cache folder, at most 1 GB); throws why not. */
function cacheBytes(r: SafeRead): Buffer {
  if (!r.ok) throw new Error(`${CACHE_FILE}: ${r.message}`);
  return r.data;
}

/** The index in a cache file's bytes; throws on anything that is not a valid cache of this engine. */
export function parseIndex(buf: Buffer, opts: { maxBytes?: number } = {}): SourceIndex {
  if (buf.length < 12 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index cache');
  const hlen = buf.readUInt32LE(MAGIC.length);
  const bodyStart = MAGIC.length + 4 + hlen;
  if (bodyStart > buf.length || bodyStart % 4 !== 0) throw new Error('truncated header');
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, bodyStart)) as Header;
  if (!header || typeof header !== 'object') throw new Error('bad header');
  if (header.engineVersion !== ENGINE_VERSION) throw new Error(`made by another engine version (${String(header.engineVersion)})`);
  if (header.maxBytes !== (opts.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES)) throw new Error('made with another size cap');
  const { sentences: S, terms: T, postings: P, termsBytes, textsBytes } = header;
  for (const v of [S, T, P, termsBytes, textsBytes]) if (!Number.isInteger(v) || v < 0) throw new Error('bad header counts');
  if (!Array.isArray(header.files)) throw new Error('bad header files');
  const intCount = 4 * S + T + P;
  const bodyLen = intCount * 4 + termsBytes + textsBytes;
  if (bodyStart + bodyLen !== buf.length) throw new Error('size does not match its header');
  const body = buf.subarray(bodyStart);
  if (crypto.createHash('sha1').update(body).digest('hex') !== header.sha1) throw new Error('checksum mismatch');
  // copy the Int32 part into an aligned buffer of its own (the file buffer may be pooled/unaligned)
  const ints = new Int32Array(intCount);
  Buffer.from(ints.buffer).set(body.subarray(0, intCount * 4));
  let o = 0;
  const take = (k: number) => {
    const a = ints.subarray(o, o + k);
    o += k;
    return a;
  };
  const starts = take(S);
  const ends = take(S);
  const lines = take(S);
  const chars = take(S);
  const postingCounts = take(T);
  const postings = take(P);
  const termsText = body.toString('utf8', intCount * 4, intCount * 4 + termsBytes);
  const terms = T === 0 ? [] : termsText.split('\n');
  if (terms.length !== T) throw new Error('term count mismatch');
  const allText = body.toString('utf8', intCount * 4 + termsBytes, bodyLen);
  const files: IndexSnapshot['files'] = [];
  let at = 0;
  for (const e of header.files) {
    if (!Array.isArray(e) || e.length < 6 || e.length > 8) throw new Error('bad file entry');
    const [p, size, mtimeMs, chars, sentences, warning, places, origin] = e;
    if (typeof p !== 'string' || !Number.isInteger(chars) || chars < 0 || at + chars > allText.length) throw new Error('bad file entry');
    const f: IndexSnapshot['files'][number] = { path: p, text: allText.slice(at, at + chars), sentences };
    if (typeof size === 'number') f.size = size;
    if (typeof mtimeMs === 'number') f.mtimeMs = mtimeMs;
    if (typeof warning === 'string') f.warning = warning;
    if (places !== undefined) {
      if (
        !Array.isArray(places) ||
        !places.every(
          (x, i) => Array.isArray(x) && Number.isInteger(x[0]) && x[0] >= 0 && x[0] < chars && typeof x[1] === 'string' && (i === 0 || x[0] > places[i - 1][0]),
        )
      )
        throw new Error('bad places');
      if (places.length) f.places = places.map(([offset, label]) => ({ offset, label }));
    }
    if (origin !== undefined) {
      if (!validOrigin(origin, chars)) throw new Error('bad origin');
      f.origin = origin;
    }
    files.push(f);
    at += chars;
  }
  if (at !== allText.length) throw new Error('texts do not match their lengths');
  return SourceIndex.fromSnapshot({ files, starts, ends, lines, chars, terms, postingCounts, postings });
}

export interface CachedLoad {
  index: SourceIndex;
  result: LoadResult;
  cache: CacheInfo;
}

/**
 * Loads the sources under `roots` through the cache in `cacheDir`: the cached index when
 * there is a valid one, brought up to date with the files on disk (changed ones re-read,
 * deleted ones dropped, new ones added), else a full read. The cache is rewritten when
 * anything changed. Never throws because of the cache.
 */
export function loadSourcesCached(roots: string[], cacheDir: string, opts: LoadOptions & { save?: boolean } = {}): CachedLoad {
  return runLoad(cachedLoadSteps(roots, cacheDir, opts));
}

/**
 * The same as loadSourcesCached, yielding to the event loop between slices of files
 * (`sliceMs`, default 15 ms), so that a language server keeps answering while it works.
 */
export async function loadSourcesCachedAsync(roots: string[], cacheDir: string, opts: LoadOptions & { save?: boolean } = {}): Promise<CachedLoad> {
  // the cache file is read without blocking; only its parse runs on the event loop
  // never a link out of the folder, a device or a FIFO, never more than CACHE_MAX_BYTES
  let preloaded: Buffer | Error | undefined;
  const r = await readFileSafeAsync(path.join(cacheDir, CACHE_FILE), { root: cacheDir, maxBytes: CACHE_MAX_BYTES });
  if (r.ok) preloaded = r.data;
  else if (r.problem !== 'missing') preloaded = new Error(`${CACHE_FILE}: ${r.message}`); // discarded below
  return runLoadSliced(cachedLoadSteps(roots, cacheDir, opts, preloaded), opts);
}

/** The cached load as steps: it yields after each file, and returns the result. */
function* cachedLoadSteps(
  roots: string[],
  cacheDir: string,
  opts: LoadOptions & { save?: boolean },
  preloaded?: Buffer | Error,
): Generator<LoadStep, CachedLoad, ExtractOutcome | undefined> {
  const t0 = performance.now();
  // temporary files left by an interrupted save (a full disk, a crash), removed at start
  removeStaleTemps(cacheDir, CACHE_FILE);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const cache: CacheInfo = { status: 'cold', reused: 0, reread: 0, added: 0, removed: 0, loadMs: 0, saveMs: 0 };
  let index: SourceIndex | undefined;
  if (preloaded || lexists(path.join(cacheDir, CACHE_FILE))) {
    try {
      if (preloaded instanceof Error) throw preloaded;
      index = preloaded ? parseIndex(preloaded, { maxBytes }) : readIndex(cacheDir, { maxBytes });
      cache.status = 'warm';
    } catch (e) {
      cache.status = 'discarded';
      cache.reason = (e as Error).message;
      try {
        fs.rmSync(path.join(cacheDir, CACHE_FILE), { force: true });
      } catch {
        // leave it: it is rewritten below
      }
    }
  }
  cache.loadMs = performance.now() - t0;
  index ??= new SourceIndex();

  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const files = listAll(roots, problems, opts.maxFiles, opts.formats, warnings);
  const listed = new Set(files.map((f) => f.path));
  for (const p of index.filePaths()) {
    if (!listed.has(p)) {
      index.removeFile(p);
      cache.removed++;
    }
  }
  // when the cache was written: a file whose metadata changed after that (ctime) is read again even
  // if its size and mtime match (a same-size edit whose mtime was restored: cp -p, rsync -a, tar)
  let writtenMs = Infinity;
  if (cache.status === 'warm') {
    try {
      writtenMs = fs.lstatSync(path.join(cacheDir, CACHE_FILE)).mtimeMs;
    } catch {
      writtenMs = -Infinity; // gone meanwhile: trust nothing in it
    }
  }
  const unchanged = (f: (typeof files)[number]) => {
    const had = index!.file(f.path);
    return had !== undefined && had.size === f.size && had.mtimeMs === f.mtimeMs && !((f.ctimeMs ?? -Infinity) > writtenMs);
  };
  const count = (f: (typeof files)[number], reused: boolean) => {
    const had = index!.file(f.path);
    if (reused) {
      cache.reused++;
      if (had!.warning) warnings.push({ path: f.path, message: had!.warning });
    } else if (had) cache.reread++;
    else cache.added++;
  };
  const done = yield* indexFiles(index, files, maxBytes, problems, warnings, opts, unchanged, count);
  const changed = cache.status !== 'warm' || cache.reread + cache.added + cache.removed > 0;
  if (changed && opts.save !== false && !opts.isCancelled?.()) {
    const s0 = performance.now();
    try {
      saveIndex(index, cacheDir, { maxBytes });
    } catch (e) {
      warnings.push({ path: cacheDir, message: `could not write the index cache: ${(e as Error).message}` });
    }
    cache.saveMs = performance.now() - s0;
  }
  return { index, cache, result: { ...done, sentences: index.sentenceCount, problems, warnings, ms: performance.now() - t0 } };
}

/** Whether something (a file, a link, a FIFO) is at `p`, without following a link. */
function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
