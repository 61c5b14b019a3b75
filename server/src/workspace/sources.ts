/**
 * Reading sources: finding source files under the configured folders and decoding the plain-text ones
 * (.txt, .md; the other formats are extracted: extract/).
 * Never throws for a bad file: every problem comes back as a plain message naming the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRACTED_EXTENSIONS, EXTRACTED_FORMATS } from './extract/formats';

/** Plain-text sources, decoded here; other formats are extracted (extract/). */
export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);

/** Is this a file whose text is extracted (PDF, HTML, DOCX, EPUB, email, subtitles)? */
export function isExtractedPath(p: string): boolean {
  return EXTRACTED_EXTENSIONS.has(path.extname(p).toLowerCase());
}

/** Every extension read as a source, with the extracted formats limited to `formats` (default all). */
export function readableExtensions(formats?: readonly string[]): Set<string> {
  const out = new Set(SOURCE_EXTENSIONS);
  for (const [name, exts] of Object.entries(EXTRACTED_FORMATS)) if (!formats || formats.includes(name)) for (const e of exts) out.add(e);
  return out;
}

export interface SourceProblem {
  path: string;
  message: string;
}

export interface SourceFileInfo {
  path: string;
  size: number;
  mtimeMs: number;
  /** when the file's metadata last changed (a copy that restores the mtime still changes this) */
  ctimeMs?: number;
  /** the file as listed: a read re-checks that the file opened is this one (not one swapped in since) */
  dev?: number;
  ino?: number;
}

/** What a listed file is, from its stat. */
function listed(p: string, st: fs.Stats): SourceFileInfo {
  return { path: p, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, dev: st.dev, ino: st.ino };
}

/** A source-named entry that is not a regular file (a FIFO, a device, a socket): skipped, and said so. */
function notRegular(st: fs.Stats): string {
  const kind = st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device file' : st.isSocket() ? 'a socket' : 'not a regular file';
  return `${kind}, not a regular file: skipped`;
}

export interface DecodedSource {
  text: string;
  /** set when the file was only partly usable (truncated, odd encoding) */
  warning?: string;
}

export interface ListOptions {
  /** stop after this many files (a runaway folder) */
  maxFiles?: number;
  /** extracted formats to read (names of EXTRACTED_FORMATS); default all */
  formats?: readonly string[];
  /** counts of the files left out, by extension: of an unsupported format, or of one turned off */
  skipped?: { unsupported: Map<string, number>; off: Map<string, number> };
}

/**
 * Every source file under `root` (a folder or a single file). Symbolic links are
 * followed only when their target stays inside the root; loops are cut.
 */
export function listSourceFiles(root: string, problems: SourceProblem[], opts: ListOptions = {}): SourceFileInfo[] {
  const out: SourceFileInfo[] = [];
  const maxFiles = opts.maxFiles ?? 200_000;
  const readable = readableExtensions(opts.formats);
  const skip = (name: string) => {
    if (!opts.skipped) return;
    const ext = path.extname(name).toLowerCase() || '(no extension)';
    const m = EXTRACTED_EXTENSIONS.has(ext) ? opts.skipped.off : opts.skipped.unsupported;
    m.set(ext, (m.get(ext) ?? 0) + 1);
  };
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    problems.push({ path: root, message: `source folder not found: ${root}` });
    return out;
  }
  const seen = new Set<string>();
  const rootStat = fs.statSync(realRoot);
  if (rootStat.isFile()) {
    if (readable.has(path.extname(root).toLowerCase())) out.push(listed(root, rootStat));
    else skip(root);
    return out;
  }
  if (!rootStat.isDirectory()) {
    problems.push({ path: root, message: notRegular(rootStat) });
    return out;
  }
  const stack: string[] = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue; // symlink loop
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${(e as Error).message}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const p = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const target = fs.realpathSync(p);
          if (!isInside(realRoot, target)) {
            problems.push({ path: p, message: 'symbolic link leads outside the source folder: not followed' });
            continue;
          }
          const st = fs.statSync(target);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (!isDir && !isFile && readable.has(path.extname(ent.name).toLowerCase())) {
            problems.push({ path: p, message: notRegular(st) });
            continue;
          }
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          problems.push({ path: p, message: code === 'ELOOP' ? 'symbolic link loop: not followed' : 'broken symbolic link' });
          continue;
        }
      }
      if (isDir) subdirs.push(p);
      else if (
        !isFile &&
        (ent.isFIFO() || ent.isCharacterDevice() || ent.isBlockDevice() || ent.isSocket()) &&
        readable.has(path.extname(ent.name).toLowerCase())
      ) {
        problems.push({ path: p, message: notRegular(fs.lstatSync(p)) });
      } else if (isFile && !readable.has(path.extname(ent.name).toLowerCase())) skip(ent.name);
      else if (isFile) {
        try {
          const st = fs.statSync(p);
          out.push(listed(p, st));
        } catch (e) {
          problems.push({ path: p, message: `cannot read: ${(e as Error).message}` });
        }
        if (out.length >= maxFiles) {
          problems.push({ path: root, message: `more than ${maxFiles} source files: the rest are not indexed` });
          return out;
        }
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return out;
}

export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Decodes a source file's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM.
 * Returns a problem for binary content. Invalid UTF-8 falls back to Latin-1 with a warning.
 */
export function decodeSource(bytes: Uint8Array, maxBytes: number): DecodedSource | { problem: string } {
  if (bytes.length === 0) return { problem: 'empty file' };
  let warning: string | undefined;
  let data = bytes;
  if (data.length > maxBytes) {
    warning = `larger than the size cap (${Math.round(data.length / 1024)} KB > ${Math.round(maxBytes / 1024)} KB): only the first part is indexed`;
    data = data.subarray(0, maxBytes);
  }
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), warning };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), warning };
  let start = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
  // binary: NUL bytes or many control characters in the first 8 KB
  const probe = data.subarray(start, Math.min(data.length, start + 8192));
  let ctrl = 0;
  for (let i = 0; i < probe.length; i++) {
    const b = probe[i];
    if (b === 0) return { problem: 'binary file (NUL bytes): not indexed' };
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  if (probe.length > 0 && ctrl / probe.length > 0.1) return { problem: 'binary file: not indexed' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(start));
    return { text, warning };
  } catch {
    if (warning) {
      // the cut may have split a character: decode leniently
      const text = new TextDecoder('utf-8').decode(data.subarray(start));
      if (!text.slice(0, -1).includes('\uFFFD')) return { text: text.replace(/\uFFFD$/, ''), warning };
    }
    const text = new TextDecoder('latin1').decode(data.subarray(start));
    return { text, warning: (warning ? warning + '; ' : '') + 'not valid UTF-8: read as Latin-1' };
  }
}

export const DEFAULT_MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** A source file's bytes (at most maxBytes + 4 of them) and its full size, or why it could not be read. */
export type SourceBytes = { bytes: Uint8Array; size: number } | { problem: string };

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/**
 * Reads a source file's bytes. The open never blocks (a FIFO swapped in since the listing cannot
 * hang it), and the file opened is re-checked (fstat): a regular file, and the one listed (same
 * device and inode, when `expect` gives them), so a link or FIFO put there since is not read.
 * reader.ts's worker reads files the same way (its own copy of this function, as source text):
 * keep the two in step.
 */
export function readSourceBytes(p: string, maxBytes = DEFAULT_MAX_SOURCE_BYTES, expect?: { dev?: number; ino?: number }): SourceBytes {
  try {
    const fd = fs.openSync(p, fs.constants.O_RDONLY | O_NONBLOCK);
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { problem: `${notRegular(st).replace(': skipped', '')} (replaced since it was listed): not read` };
      if (expect?.ino !== undefined && (st.dev !== expect.dev || st.ino !== expect.ino))
        return { problem: 'replaced since it was listed (another file, or a link, is there now): not read' };
      const size = st.size;
      const n = Math.min(size, maxBytes + 4);
      const bytes = Buffer.alloc(n);
      let off = 0;
      while (off < n) {
        const r = fs.readSync(fd, bytes, off, n - off, off);
        if (r <= 0) break;
        off += r;
      }
      return { bytes: bytes.subarray(0, off), size };
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { problem: readProblem(e as NodeJS.ErrnoException) };
  }
}

/** The message for a file that could not be read. */
export function readProblem(err: { code?: string; message: string }): string {
  return err.code === 'ENOENT' ? 'deleted before it could be read' : `cannot read: ${err.message}`;
}

/** Decodes what readSourceBytes read (a file over the size cap: its first maxBytes, with a warning). */
export function decodeSourceBytes(read: SourceBytes, maxBytes = DEFAULT_MAX_SOURCE_BYTES): DecodedSource | { problem: string } {
  const d = decodeBytes(read, maxBytes);
  // nothing to cite: said so rather than indexed silently with no sentence
  if ('text' in d && d.text.trim() === '') return { problem: 'empty file (only white space): not indexed' };
  return d;
}

function decodeBytes(read: SourceBytes, maxBytes: number): DecodedSource | { problem: string } {
  if ('problem' in read) return read;
  const { bytes, size } = read;
  if (size > maxBytes) {
    const d = decodeSource(bytes.subarray(0, maxBytes), maxBytes);
    if ('text' in d)
      d.warning =
        `larger than the size cap (${Math.round(size / 1024)} KB > ${Math.round(maxBytes / 1024)} KB): only the first part is indexed` +
        (d.warning ? '; ' + d.warning : '');
    return d;
  }
  return decodeSource(bytes, maxBytes);
}

export function readSourceFile(p: string, maxBytes = DEFAULT_MAX_SOURCE_BYTES, expect?: { dev?: number; ino?: number }): DecodedSource | { problem: string } {
  return decodeSourceBytes(readSourceBytes(p, maxBytes, expect), maxBytes);
}
