/**
 * The project file `.corroborate.json` of a workspace folder: read safely (safeFs: inside the
 * folder, a regular file, at most 1 MB), parsed as JSON with comments and trailing commas (as VS
 * Code reads its own settings, with jsonc-parser) and a BOM; a file that still fails to parse is
 * reported once with its line and column and is never written over. Changes are edits of the
 * text (comments and layout kept) written through a temporary file and a rename.
 * The editor and the CLI read it here alike. No LSP here.
 */
import * as path from 'node:path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { PROJECT_FILE_MAX_BYTES, readFileSafe, removeStaleTemps, writeFileAtomic } from './safeFs';

export const PROJECT_FILE = '.corroborate.json';

export type ProjectRead =
  /** no project file */
  | { status: 'absent'; file: string }
  | { status: 'ok'; file: string; value: Record<string, unknown>; text: string }
  /** present but not usable: `message` says why (with line and column for a syntax error) */
  | { status: 'error'; file: string; message: string };

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

/**
 * The project file's text as an object. `name` prefixes the message (`.corroborate.json:3:7: ...`).
 * An empty (or comment-only) file is an empty object.
 */
export function parseProjectText(raw: string, name = PROJECT_FILE): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const errors: ParseError[] = [];
  const value = parse(text, errors, PARSE_OPTIONS) as unknown;
  if (errors.length) {
    const e = errors[0];
    const at = lineColumn(text, e.offset);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { ok: false, message: `${name}:${at.line}:${at.column}: invalid JSON: ${describe(printParseErrorCode(e.error))}${more}; the file is not used, and Corroborate will not change it until it is fixed` };
  }
  if (value === undefined) return { ok: true, value: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: `${name}:1:1: not a JSON object; the file is not used, and Corroborate will not change it until it is fixed` };
  return { ok: true, value: value as Record<string, unknown> };
}

function describe(code: string): string {
  // 'PropertyNameExpected' -> 'property name expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads the project file of `folder` (never following a link out of it, never more than 1 MB). */
export function readProjectFile(folder: string): ProjectRead {
  const file = path.join(folder, PROJECT_FILE);
  const r = readFileSafe(file, { root: folder, maxBytes: PROJECT_FILE_MAX_BYTES });
  if (!r.ok) {
    if (r.problem === 'missing') return { status: 'absent', file };
    return { status: 'error', file, message: `${PROJECT_FILE}: ${r.message}` };
  }
  const text = r.data.toString('utf8');
  const parsed = parseProjectText(text);
  if (!parsed.ok) return { status: 'error', file, message: parsed.message };
  return { status: 'ok', file, value: parsed.value, text };
}

/**
 * Sets top-level keys of the project file of `folder` (creating it when `create` and absent),
 * keeping its comments and layout. Refused, with the message, when the file cannot be read or
 * parsed, is a link or not a regular file: a file Corroborate could not read is never replaced.
 */
export function updateProjectFile(folder: string, set: Record<string, unknown>, opts: { create?: boolean } = {}): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const cur = readProjectFile(folder);
  if (cur.status === 'error') return { ok: false, message: cur.message };
  if (cur.status === 'absent' && !opts.create) return { ok: false, message: `${PROJECT_FILE}: not found` };
  let text = cur.status === 'ok' ? cur.text : '{}\n';
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') text = '{}\n';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const [key, value] of Object.entries(set)) {
    const edits = modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
    text = applyEdits(text, edits);
  }
  const parsed = parseProjectText(text);
  if (!parsed.ok) return { ok: false, message: parsed.message }; // never write what cannot be read back
  removeStaleTemps(folder, PROJECT_FILE);
  const w = writeFileAtomic(cur.file, (bom ? '\ufeff' : '') + text, folder);
  if (!w.ok) return { ok: false, message: `${PROJECT_FILE}: ${w.message}` };
  return { ok: true, value: parsed.value };
}
