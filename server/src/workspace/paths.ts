/**
 * Paths, for the server and the CLI alike: "is this path inside that folder" (by path, and with
 * symbolic links resolved), and how a source path is shown to the user.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './sources';

export { isInside };

/** Is `file`, symbolic links resolved, inside one of the roots (also resolved)? */
export function realInside(roots: string[], file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  return roots.some((r) => {
    try {
      return isInside(fs.realpathSync(r), real);
    } catch {
      return false;
    }
  });
}

/** The editor's way: a source inside the workspace folder relative to it ('/'-separated), else its base name. */
export function folderDisplay(folderPath: string | undefined): (source: string) => string {
  return (source: string) => {
    if (folderPath && isInside(folderPath, source)) return path.relative(folderPath, source).split(path.sep).join('/');
    return path.basename(source);
  };
}

/** The CLI's way: source paths are indexed absolute; they are shown as the user named their folder ("seeds/x.txt"). */
export function sourceDisplay(sources: string[], cwd: string): (p: string) => string {
  const roots = sources.map((s) => ({ given: s, abs: path.resolve(cwd, s) }));
  return (p: string) => {
    for (const r of roots) {
      if (p === r.abs) return r.given;
      if (isInside(r.abs, p)) return path.join(r.given, path.relative(r.abs, p));
    }
    return displayPath(p, cwd);
  };
}

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(p: string, cwd: string): string {
  if (!path.isAbsolute(p)) return p;
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
