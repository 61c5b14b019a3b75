/**
 * First run: a workspace with no source folder configured (the default `seeds`) and no `seeds/` folder.
 * The usual names for a writer's source folder are looked for, in this order, before the editor asks
 * the writer to choose one and the CLI gives up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from './config';

export const USUAL_SOURCE_FOLDERS = ['sources', 'references', 'research', 'notes'];

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Is `sources` the default setting, with no `seeds/` folder in `folder`? */
export function noSourcesConfigured(sources: readonly string[], folder: string): boolean {
  const d = DEFAULT_SETTINGS.sources;
  return sources.length === d.length && sources.every((s, i) => s === d[i]) && !isDir(path.join(folder, d[0]));
}

/** The first of the usual source folder names that is a folder in `folder` (its name), if any. */
export function usualSourceFolder(folder: string): string | undefined {
  return USUAL_SOURCE_FOLDERS.find((n) => isDir(path.join(folder, n)));
}
