/**
 * `.corroborate.json` at the root of a workspace folder: the one module that reads, merges and
 * writes it, for the language server and the CLI alike. One rule for what counts as readable:
 * a JSON object (anything else is a problem, named in `problem`, and reads as {}). A write
 * (updateProjectFile) re-reads the file first and refuses to overwrite one it cannot read, so a
 * hand-edited file with a typo is never replaced by a fresh one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hiddenKeys, type HiddenEntry } from '../engine/findings';
import { normalizeSettings, type Settings } from './config';

export const PROJECT_FILE = '.corroborate.json';

export interface ProjectFile {
  /** the file's path */
  path: string;
  exists: boolean;
  /** its content ({} when missing or unreadable) */
  data: Record<string, unknown>;
  /** why it could not be read, when it exists but cannot be used */
  problem?: string;
}

export function projectFilePath(folder: string): string {
  return path.join(folder, PROJECT_FILE);
}

/** Reads a folder's .corroborate.json. Never throws. */
export function readProjectFile(folder: string): ProjectFile {
  const file = projectFilePath(folder);
  let text: string;
  try {
    if (!fs.existsSync(file)) return { path: file, exists: false, data: {} };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { path: file, exists: true, data: {}, problem: `cannot read: ${(e as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { path: file, exists: true, data: {}, problem: (e as Error).message };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { path: file, exists: true, data: {}, problem: 'not a JSON object' };
  return { path: file, exists: true, data: parsed as Record<string, unknown> };
}

/**
 * Reads the file, lets `mutate` change its content, and writes it back (created when missing).
 * Returns the file as written, or with `problem` (and nothing written) when it exists but cannot
 * be read or cannot be written.
 */
export function updateProjectFile(folder: string, mutate: (data: Record<string, unknown>) => void): ProjectFile {
  const pf = readProjectFile(folder);
  if (pf.problem) return { ...pf, problem: `not changed: ${pf.problem}` };
  const data = { ...pf.data };
  mutate(data);
  try {
    fs.writeFileSync(pf.path, JSON.stringify(data, null, 2) + '\n');
  } catch (e) {
    return { ...pf, problem: `cannot write: ${(e as Error).message}` };
  }
  return { path: pf.path, exists: true, data };
}

/** The settings keys .corroborate.json may set (besides `severity`, merged code by code, and `hidden`). */
const PROJECT_KEYS = ['sources', 'languages', 'debounceMs', 'checkMode', 'holdBackMs', 'drafts', 'maxDraftKB', 'sourceFormats'] as const;

/** .corroborate.json at the folder root takes precedence over editor settings, key by key. */
export function withProjectFile(s: Settings, project: Record<string, unknown>): Settings {
  const merged: Record<string, unknown> = { ...s };
  for (const k of PROJECT_KEYS) if (project[k] !== undefined) merged[k] = project[k];
  if (project.severity && typeof project.severity === 'object') merged.severity = { ...s.severity, ...(project.severity as object) };
  return normalizeSettings(merged);
}

/** Keys of the hidden findings a project file lists. */
export function projectHidden(project: Record<string, unknown>): Set<string> {
  return hiddenKeys(project.hidden);
}

/** The hidden findings a project file lists (well-formed entries only). */
export function hiddenEntries(project: Record<string, unknown>): HiddenEntry[] {
  const out: HiddenEntry[] = [];
  if (!Array.isArray(project.hidden)) return out;
  for (const h of project.hidden) {
    if (!h || typeof h.code !== 'string' || typeof h.text !== 'string') continue;
    out.push({ code: h.code, text: h.text, ...(typeof h.context === 'string' ? { context: h.context } : {}) });
  }
  return out;
}
