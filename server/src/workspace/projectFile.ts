/**
 * `.corroborate.json` at the root of a workspace folder: the one module that reads, merges and
 * writes it, for the language server and the CLI alike.
 *
 * A cloned repository may hold a hostile one, so it is read safely (safeFs: inside the folder
 * after resolving links, a regular file, never a device or a FIFO, at most 1 MB) and parsed as
 * JSON with comments and trailing commas (jsonc-parser, as VS Code reads its own settings), a BOM
 * allowed. Anything else is a problem, named in `problem` (and in `message`, the one line shown
 * in the editor and the CLI alike: `.corroborate.json:3:7: invalid JSON: comma expected; ...`),
 * and reads as {}. A write (updateProjectFile) re-reads the file first and refuses to change one
 * it cannot read; it edits the text (comments and layout kept) and writes it through a temporary
 * file and a rename, never through a link.
 */
import * as path from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { hiddenKeys, type HiddenEntry } from '../engine/findings';
import { normalizeSettings, type Settings } from './config';
import { PROJECT_FILE_MAX_BYTES, readFileSafe, removeStaleTemps, writeFileAtomic } from './safeFs';

export const PROJECT_FILE = '.corroborate.json';

export interface ProjectFile {
  /** the file's path */
  path: string;
  exists: boolean;
  /** its content ({} when missing or unreadable) */
  data: Record<string, unknown>;
  /** why it could not be read, when it exists but cannot be used */
  problem?: string;
  /** with a problem: the message for the user, naming the file (and the line and column of a syntax error) */
  message?: string;
  /** the file's text as read (kept for edits that keep its comments) */
  text?: string;
}

export function projectFilePath(folder: string): string {
  return path.join(folder, PROJECT_FILE);
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };
const NOT_USED = 'the file is not used, and Corroborate will not change it until it is fixed';

/**
 * The project file's text as an object (comments, trailing commas, a BOM allowed; an empty or
 * comment-only file is {}), or the problem: `where` is `line:column` of a syntax error.
 */
export function parseProjectText(raw: string): { ok: true; value: Record<string, unknown> } | { ok: false; where: string; problem: string } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const errors: ParseError[] = [];
  const value = parse(text, errors, PARSE_OPTIONS) as unknown;
  if (errors.length) {
    const e = errors[0];
    const at = lineColumn(text, e.offset);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    const what = printParseErrorCode(e.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { ok: false, where: `${at.line}:${at.column}`, problem: `invalid JSON: ${what}${more}` };
  }
  if (value === undefined) return { ok: true, value: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, where: '1:1', problem: 'not a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Reads a folder's .corroborate.json (never a link out of it, a device or a FIFO; at most 1 MB). Never throws. */
export function readProjectFile(folder: string): ProjectFile {
  const file = projectFilePath(folder);
  const r = readFileSafe(file, { root: folder, maxBytes: PROJECT_FILE_MAX_BYTES });
  if (!r.ok) {
    if (r.problem === 'missing') return { path: file, exists: false, data: {} };
    return { path: file, exists: true, data: {}, problem: r.message, message: `${PROJECT_FILE}: ${r.message}; ${NOT_USED}` };
  }
  const text = r.data.toString('utf8');
  const parsed = parseProjectText(text);
  if (!parsed.ok)
    return {
      path: file,
      exists: true,
      data: {},
      problem: `${parsed.where}: ${parsed.problem}`,
      message: `${PROJECT_FILE}:${parsed.where}: ${parsed.problem}; ${NOT_USED}`,
    };
  return { path: file, exists: true, data: parsed.value, text };
}

/**
 * Reads the file, lets `mutate` change its content, and writes it back (created when missing):
 * the top-level keys `mutate` changed are edited in the text, so comments and layout stay.
 * Returns the file as written, or with `problem` (and nothing written) when it exists but cannot
 * be read (a link out, not a regular file, too large, invalid), or cannot be written.
 */
export function updateProjectFile(folder: string, mutate: (data: Record<string, unknown>) => void): ProjectFile {
  const pf = readProjectFile(folder);
  if (pf.problem) return { ...pf, problem: `not changed: ${pf.problem}` };
  const before = pf.data;
  const data = { ...before };
  mutate(data);
  let text = pf.text ?? '';
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') text = '{}\n';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const keys = new Set([...Object.keys(before), ...Object.keys(data)]);
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(data[key])) continue;
    text = applyEdits(text, modify(text, [key], data[key], { formattingOptions: { insertSpaces: true, tabSize: 2, eol } }));
  }
  const back = parseProjectText(text);
  if (!back.ok)
    return {
      ...pf,
      problem: `not changed: the edit would not parse (${back.where}: ${back.problem})`,
      message: `${PROJECT_FILE}: not changed: the edit would not parse`,
    }; // never write what cannot be read back
  removeStaleTemps(folder, PROJECT_FILE);
  const w = writeFileAtomic(pf.path, (bom ? '\ufeff' : '') + text, folder);
  if (!w.ok) {
    const problem = w.message.startsWith('cannot write') ? w.message : `not changed: ${w.message}`;
    return { ...pf, problem, message: `${PROJECT_FILE}: ${problem}` };
  }
  return { path: pf.path, exists: true, data: back.value, text: (bom ? '\ufeff' : '') + text };
}

/** The settings keys .corroborate.json may set (besides `severity`, merged code by code, and `hidden`). */
const PROJECT_KEYS = ['sources', 'languages', 'debounceMs', 'checkMode', 'holdBackMs', 'drafts', 'maxDraftKB', 'sourceFormats', 'minConfidence'] as const;

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
