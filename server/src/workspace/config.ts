/**
 * Settings of the language server: the `corroborate.*` section of the editor's configuration,
 * read per workspace folder (resource scope), merged over defaults and sanitised.
 * Pure: no LSP connection here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXTRACTED_FORMATS } from './extract/formats';

import type { SeverityName } from '../engine/findings';

export type { SeverityName };
export type CheckMode = 'onType' | 'onSave' | 'manual';

export interface Settings {
  /** source folders, as configured (relative to the workspace folder, or absolute) */
  sources: string[];
  /** language ids checked as drafts */
  languages: string[];
  /** delay after the last change before a draft is re-checked (0 = immediately) */
  debounceMs: number;
  /** when drafts are checked */
  checkMode: CheckMode;
  /** severity override per diagnostic code */
  severity: Record<string, SeverityName>;
  /** while typing, findings on the statement under the cursor wait this long (0 = shown at once) */
  holdBackMs: number;
  /** globs (relative to the workspace folder) of the drafts Check Workspace checks */
  drafts: string[];
  /** drafts larger than this (KB of UTF-8) are checked up to the cap only */
  maxDraftKB: number;
  /** a source file larger than this (KB) is indexed only in part, with a warning */
  maxSourceKB: number;
  /** source folders outside the workspace folder are read only when this is set (and the workspace is trusted) */
  allowSourcesOutsideWorkspace: boolean;
  /** formats read besides plain text (pdf, html, docx, epub, eml, subtitles); files of the others are skipped and counted */
  sourceFormats: string[];
  /** 0..1: findings of a statement whose verdict confidence is below this are held back (0 = show all) */
  minConfidence: number;
}

export const DEFAULT_SETTINGS: Settings = {
  sources: ['seeds'],
  languages: ['markdown', 'plaintext'],
  debounceMs: 300,
  checkMode: 'onType',
  severity: {},
  holdBackMs: 3000,
  drafts: ['**/*.md', '**/*.txt'],
  maxDraftKB: 512,
  maxSourceKB: 2048,
  allowSourcesOutsideWorkspace: false,
  sourceFormats: Object.keys(EXTRACTED_FORMATS),
  minConfidence: 0,
};

const SEVERITIES = new Set<SeverityName>(['error', 'warning', 'information', 'hint', 'off']);
const MODES = new Set<CheckMode>(['onType', 'onSave', 'manual']);

function stringArray(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return out;
}

/** Merges whatever the client sent (possibly null, partial or of the wrong types) over the defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  const sources = stringArray(r.sources);
  if (sources) s.sources = sources;
  const languages = stringArray(r.languages);
  if (languages) s.languages = languages;
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(r.debounceMs, 60_000);
  if (typeof r.holdBackMs === 'number' && Number.isFinite(r.holdBackMs) && r.holdBackMs >= 0) s.holdBackMs = Math.min(r.holdBackMs, 600_000);
  const drafts = stringArray(r.drafts);
  if (drafts) s.drafts = drafts;
  if (typeof r.maxDraftKB === 'number' && Number.isFinite(r.maxDraftKB) && r.maxDraftKB > 0) s.maxDraftKB = r.maxDraftKB;
  if (typeof r.maxSourceKB === 'number' && Number.isFinite(r.maxSourceKB) && r.maxSourceKB >= 1)
    s.maxSourceKB = Math.min(Math.floor(r.maxSourceKB), 1024 * 1024);
  if (r.allowSourcesOutsideWorkspace === true) s.allowSourcesOutsideWorkspace = true;
  const formats = stringArray(r.sourceFormats);
  if (formats) s.sourceFormats = formats.map((f) => f.toLowerCase().replace(/^\./, '')).filter((f) => f in EXTRACTED_FORMATS);
  const mc = parseMinConfidence(r.minConfidence);
  if (mc !== undefined) s.minConfidence = mc;
  if (typeof r.checkMode === 'string' && MODES.has(r.checkMode as CheckMode)) s.checkMode = r.checkMode as CheckMode;
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v.toLowerCase() as SeverityName)) s.severity[code] = v.toLowerCase() as SeverityName;
    }
  }
  return s;
}

/** A minConfidence value: a number (or numeric string) from 0 to 1, else undefined. */
export function parseMinConfidence(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

/** Absolute source roots of a workspace folder (relative entries resolved against it). */
export function sourceRoots(settings: Settings, folderPath: string | undefined): string[] {
  const out: string[] = [];
  for (const s of settings.sources) {
    const abs = path.isAbsolute(s) ? s : folderPath ? path.resolve(folderPath, s) : undefined;
    if (abs && !out.includes(abs)) out.push(abs);
  }
  return out;
}

export function sameSources(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Keeps the source roots that lie inside the workspace folder (by path and after resolving
 * symbolic links); the others are refused with a message unless `allowOutside`.
 */
export function confineRoots(
  roots: string[],
  folderPath: string | undefined,
  allowOutside: boolean,
  howToAllow = 'set corroborate.allowSourcesOutsideWorkspace in a trusted workspace to read it',
): { roots: string[]; refused: { path: string; message: string }[] } {
  if (allowOutside) return { roots, refused: [] };
  const out: string[] = [];
  const refused: { path: string; message: string }[] = [];
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const inside = (root: string, p: string) => {
    const rel = path.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  for (const r of roots) {
    if (folderPath && inside(folderPath, r) && inside(real(folderPath), real(r))) out.push(r);
    else
      refused.push({
        path: r,
        message: `source folder outside the workspace refused: ${r} (${howToAllow})`,
      });
  }
  return { roots: out, refused };
}
