/**
 * Reading and writing files of a workspace that may be hostile (a cloned repository): a file is
 * opened only if it lies inside its root after resolving links, only if it is a regular file
 * (never a FIFO, a device or a folder), with a size cap checked before reading and reads bounded
 * by that cap; writes go to a temporary file in the same folder and are renamed over the target,
 * never through a link. No LSP here; every failure comes back as a message, never as a throw.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project file: larger than this is refused unread. */
export const PROJECT_FILE_MAX_BYTES = 1024 * 1024;

export type SafeReadProblem = 'missing' | 'outside' | 'not-regular' | 'too-large' | 'changed' | 'io';

export type SafeRead =
  | {
      ok: true;
      data: Buffer;
      /** the file was larger than the cap and only its start was read */ truncated: boolean;
      size: number;
      mtimeMs: number;
      ctimeMs: number;
      dev: number;
      ino: number;
    }
  | { ok: false; problem: SafeReadProblem; message: string };

export interface SafeReadOptions {
  /** the file must lie inside this folder after resolving links (the workspace or storage folder) */
  root: string;
  /** the cap, in bytes */
  maxBytes: number;
  /** over the cap: refuse (default) or read the first `maxBytes` bytes */
  overCap?: 'refuse' | 'truncate';
  /** the file as it was listed: a file with another device/inode now (swapped since) is refused */
  expect?: { dev: number; ino: number };
}

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** Whether `p` is `root` or lies below it (both absolute, compared as paths). */
export function pathInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** What kind of file a non-regular stat is, for messages. */
export function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device file';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Reads `file` safely: inside `root` after resolving links, a regular file (checked before the
 * open and again on the open descriptor, same device and inode), opened without following a
 * link and without blocking (a FIFO swapped in cannot hang the open), at most `maxBytes` read.
 */
export function readFileSafe(file: string, opts: SafeReadOptions): SafeRead {
  const fail = (problem: SafeReadProblem, message: string): SafeRead => ({ ok: false, problem, message });
  let lst: fs.Stats;
  try {
    lst = fs.lstatSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? fail('missing', 'not found') : fail('io', `cannot read: ${(e as Error).message}`);
  }
  const realRoot = realpathOrUndefined(opts.root);
  const real = realpathOrUndefined(file);
  if (!realRoot) return fail('missing', `its folder ${opts.root} cannot be read`);
  if (!real) return fail(lst.isSymbolicLink() ? 'outside' : 'missing', lst.isSymbolicLink() ? 'a symbolic link to a missing file: not read' : 'not found');
  if (!pathInside(realRoot, real)) return fail('outside', `a link to a file outside ${opts.root}: not read`);
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch (e) {
    return fail('io', `cannot read: ${(e as Error).message}`);
  }
  if (!st.isFile()) return fail('not-regular', `${kindOf(st)}, not a regular file: not read`);
  if (opts.expect && (st.dev !== opts.expect.dev || st.ino !== opts.expect.ino)) return fail('changed', 'replaced since it was listed: not read');
  const overCap = opts.overCap ?? 'refuse';
  if (st.size > opts.maxBytes && overCap === 'refuse') return fail('too-large', `${st.size} bytes, over the ${opts.maxBytes}-byte limit: not read`);
  let fd: number;
  try {
    // the resolved path, not following a link put there since, not blocking on a FIFO put there
    fd = fs.openSync(real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    return openFailed(e);
  }
  try {
    const fst = fs.fstatSync(fd);
    const refused = openedRefusal(fst, st, opts.maxBytes, overCap);
    if (refused) return refused;
    const want = Math.min(fst.size, opts.maxBytes);
    const buf = Buffer.allocUnsafe(want);
    let got = 0;
    // bounded: never more than the size on open (a file growing meanwhile is read up to it)
    while (got < want) {
      const n = fs.readSync(fd, buf, got, want - got, got);
      if (n <= 0) break;
      got += n;
    }
    return readDone(buf, got, want, fst, opts.maxBytes);
  } catch (e) {
    return fail('io', `cannot read: ${(e as Error).message}`);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/**
 * readFileSafe without blocking the event loop on the read: the checks (lstat, realpath, stat)
 * run at once, the open (non-blocking, not following links) and the bounded read asynchronously.
 */
export async function readFileSafeAsync(file: string, opts: SafeReadOptions): Promise<SafeRead> {
  const fail = (problem: SafeReadProblem, message: string): SafeRead => ({ ok: false, problem, message });
  let real: string;
  let st: fs.Stats;
  try {
    fs.lstatSync(file); // a missing file: 'missing', as readFileSafe
    const realRoot = fs.realpathSync(opts.root);
    real = fs.realpathSync(file);
    if (!pathInside(realRoot, real)) return fail('outside', `a link to a file outside ${opts.root}: not read`);
    st = fs.statSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? fail('missing', 'not found') : fail('io', `cannot read: ${(e as Error).message}`);
  }
  if (!st.isFile()) return fail('not-regular', `${kindOf(st)}, not a regular file: not read`);
  if (opts.expect && (st.dev !== opts.expect.dev || st.ino !== opts.expect.ino)) return fail('changed', 'replaced since it was listed: not read');
  const overCap = opts.overCap ?? 'refuse';
  if (st.size > opts.maxBytes && overCap === 'refuse') return fail('too-large', `${st.size} bytes, over the ${opts.maxBytes}-byte limit: not read`);
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    return openFailed(e);
  }
  try {
    const fst = await fh.stat();
    const refused = openedRefusal(fst, st, opts.maxBytes, overCap);
    if (refused) return refused;
    const want = Math.min(fst.size, opts.maxBytes);
    const buf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(buf, got, want - got, got);
      if (bytesRead <= 0) break;
      got += bytesRead;
    }
    return readDone(buf, got, want, fst, opts.maxBytes);
  } catch (e) {
    return fail('io', `cannot read: ${(e as Error).message}`);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Suffix of the temporary files written by writeFileAtomic (and the cache), removed at start when stale. */
export const TMP_SUFFIX = '.tmp';

/** The temporary file next to `target` that a write goes through. */
export function tempPathFor(target: string): string {
  return `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}${TMP_SUFFIX}`;
}

/**
 * Writes `data` to `file` atomically: into a new temporary file in the same folder (created
 * exclusively, never through a link), then renamed over the target. Refused when the folder is
 * outside `root` after resolving links, or when the target is a link or not a regular file. The
 * temporary file is removed on failure. An existing target keeps its permissions.
 */
export function writeFileAtomic(file: string, data: string | Buffer, root: string): { ok: true } | { ok: false; message: string } {
  const realRoot = realpathOrUndefined(root);
  if (!realRoot) return { ok: false, message: `its folder ${root} cannot be read` };
  const dir = realpathOrUndefined(path.dirname(file));
  if (!dir || !pathInside(realRoot, dir)) return { ok: false, message: `its folder is outside ${root}: not written` };
  const target = path.join(dir, path.basename(file));
  let mode = 0o644;
  try {
    const lst = fs.lstatSync(target);
    if (lst.isSymbolicLink()) return { ok: false, message: 'a symbolic link: not written (replace it with a regular file to let Corroborate change it)' };
    if (!lst.isFile()) return { ok: false, message: `${kindOf(lst)}, not a regular file: not written` };
    mode = lst.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, message: `cannot write: ${(e as Error).message}` };
  }
  const tmp = tempPathFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, mode);
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // closed
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created, or gone
    }
    return { ok: false, message: `cannot write: ${(e as Error).message}` };
  }
}

/**
 * Removes temporary files left next to `base` by an interrupted write (`<base>.<pid>.<x>.tmp`,
 * regular files only, links not followed) whose writing process is gone, or older than an hour.
 * Returns how many were removed.
 */
export function removeStaleTemps(dir: string, base: string, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  const prefix = base + '.';
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TMP_SUFFIX)) continue;
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (!st.isFile()) continue;
      const pid = Number(name.slice(prefix.length).split('.')[0]);
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && now - st.mtimeMs < 3_600_000) continue;
      fs.unlinkSync(p);
      removed++;
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The result of a bounded read: the bytes got (of `want`), with the file's identity as fstat gave it after open. */
function readDone(buf: Buffer, got: number, want: number, fst: fs.Stats, maxBytes: number) {
  return {
    ok: true as const,
    data: got === want ? buf : buf.subarray(0, got),
    truncated: fst.size > maxBytes,
    size: fst.size,
    mtimeMs: fst.mtimeMs,
    ctimeMs: fst.ctimeMs,
    dev: fst.dev,
    ino: fst.ino,
  };
}

function refusal(problem: SafeReadProblem, message: string): SafeRead {
  return { ok: false, problem, message };
}

/** Why an open (no links followed, not blocking) failed, in readFileSafe's words. */
function openFailed(e: unknown): SafeRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return refusal('changed', 'replaced by a link since it was listed: not read');
  if (code === 'ENOENT') return refusal('missing', 'not found');
  return refusal('io', `cannot read: ${(e as Error).message}`);
}

/** The checks on the open descriptor: a regular file, the one stat saw before the open, within the cap. */
function openedRefusal(fst: fs.Stats, st: fs.Stats, maxBytes: number, overCap: 'refuse' | 'truncate'): SafeRead | undefined {
  if (!fst.isFile()) return refusal('not-regular', `${kindOf(fst)}, not a regular file: not read`);
  if (fst.dev !== st.dev || fst.ino !== st.ino) return refusal('changed', 'replaced while it was opened: not read');
  if (fst.size > maxBytes && overCap === 'refuse') return refusal('too-large', `${fst.size} bytes, over the ${maxBytes}-byte limit: not read`);
  return undefined;
}
