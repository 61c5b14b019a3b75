/**
 * Drafts on disk, for the server and the CLI alike: the files of a folder matching globs (Check
 * Workspace's `corroborate.drafts`; the CLI's draft extensions), outside the source folders,
 * node_modules and dot folders; reading one (BOM, format); and the size cap
 * (`corroborate.maxDraftKB`) of one draft. No LSP here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DraftFormat } from '../engine/draft';
import { isInside } from './sources';
import { compileGlobs } from './glob';

/** File extensions read as drafts when a folder is given. */
export const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Whether a path has a draft extension (any case). */
export function hasDraftExtension(p: string): boolean {
  return DRAFT_EXTENSIONS.has(path.extname(p).toLowerCase());
}

/** Markdown for .md and .markdown, plain text otherwise. */
export function draftFormat(p: string): DraftFormat {
  const ext = path.extname(p).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'plaintext';
}

/**
 * A draft's text as checked: UTF-8, a byte-order mark replaced by a space (offsets keep their
 * place). Only a regular file is read (opened without blocking, re-checked with fstat, read up to
 * its size then), so a FIFO or device put there since it was listed cannot hang or flood the
 * reader. Throws the fs error (or EINVAL for a file that is not regular).
 */
export function readDraft(file: string): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  let buf: Buffer;
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error(`${file}: not a regular file`), { code: 'EINVAL' });
    buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = fs.readSync(fd, buf, off, buf.length - off, off);
      if (n <= 0) break;
      off += n;
    }
    buf = buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

export interface DraftListing {
  files: string[];
  /** true when the walk stopped at `limit` files */
  truncated: boolean;
  /** globs that are not valid, with the reason (they match nothing) */
  invalid: { glob: string; message: string }[];
}

/**
 * Files under `folder` matching any of `globs` (or the test given instead), sorted, skipping `exclude` folders, node_modules and
 * dot folders. A folder that cannot be read is skipped, or passed to `onUnreadable` (which may throw).
 */
export function listDrafts(
  folder: string,
  globs: string[] | ((rel: string) => boolean),
  exclude: string[],
  limit = 5000,
  onUnreadable?: (dir: string, e: NodeJS.ErrnoException) => void,
): DraftListing {
  // a linear-time matcher: a hostile glob cannot backtrack (see glob.ts); invalid globs are returned
  const compiled = typeof globs === 'function' ? { matchers: [{ test: globs }], invalid: [] } : compileGlobs(globs);
  const res = compiled.matchers;
  const invalid = compiled.invalid;
  const files: string[] = [];
  let truncated = false;
  const walk = (dir: string, depth: number) => {
    if (truncated || depth > 40) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      onUnreadable?.(dir, e as NodeJS.ErrnoException);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = path.join(dir, e.name);
      if (exclude.some((x) => isInside(x, abs))) continue;
      if (e.isDirectory()) walk(abs, depth + 1);
      else if (e.isFile()) {
        const rel = path.relative(folder, abs).split(path.sep).join('/');
        if (res.some((r) => r.test(rel))) {
          if (files.length >= limit) {
            truncated = true;
            return;
          }
          files.push(abs);
        }
      }
    }
  };
  if (res.length) walk(folder, 0);
  return { files, truncated, invalid };
}

/**
 * Where a draft over the size cap is cut: the last line break (else space) before `maxKB` KB of
 * UTF-8, so a statement is never cut in the middle of a word. `undefined` when the draft fits.
 */
export function cutOffset(text: string, maxKB: number): number | undefined {
  const cap = Math.max(1, Math.floor(maxKB * 1024));
  if (text.length <= cap / 3 || Buffer.byteLength(text, 'utf8') <= cap) return undefined;
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes + n > cap) break;
    bytes += n;
  }
  const para = text.lastIndexOf('\n\n', i);
  if (para > i / 2) return para + 1;
  const line = text.lastIndexOf('\n', i);
  if (line > i / 2) return line + 1;
  const space = text.lastIndexOf(' ', i);
  return space > 0 ? space : i;
}
