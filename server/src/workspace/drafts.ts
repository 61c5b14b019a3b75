/**
 * Drafts of a workspace folder for Check Workspace: files matching `corroborate.drafts` globs
 * (relative to the folder), outside the source folders, node_modules and dot folders; and the
 * size cap (`corroborate.maxDraftKB`) of one draft. No LSP here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './sources';
import { compileGlobs } from './glob';

export interface DraftListing {
  files: string[];
  /** true when the walk stopped at `limit` files */
  truncated: boolean;
  /** globs that are not valid, with the reason (they match nothing) */
  invalid: { glob: string; message: string }[];
}

/** Files under `folder` matching any of `globs`, sorted, skipping `exclude` folders, node_modules and dot folders. */
export function listDrafts(folder: string, globs: string[], exclude: string[], limit = 5000): DraftListing {
  // a linear-time matcher: a hostile glob cannot backtrack (see glob.ts)
  const { matchers, invalid } = compileGlobs(globs);
  const files: string[] = [];
  let truncated = false;
  const walk = (dir: string, depth: number) => {
    if (truncated || depth > 40) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
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
        if (matchers.some((m) => m.test(rel))) {
          if (files.length >= limit) {
            truncated = true;
            return;
          }
          files.push(abs);
        }
      }
    }
  };
  if (matchers.length) walk(folder, 0);
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
