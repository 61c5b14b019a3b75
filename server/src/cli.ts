/**
 * The command line: `corroborate check <draft files or folders...> [--sources <folder>]...
 * [--format text|json|sarif] [--fail-on contradicted|unsupported|none] [--min-confidence <0..1>]`.
 *
 * Same engine path as the editor: loadSourcesSync into a SourceIndex, createChecker,
 * checkDraft per draft. Exit codes: 0 no finding reaches --fail-on, 1 one does,
 * 2 usage or I/O error (message on stderr).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChecker, LineIndex, type DraftFormat } from './engine';
import { loadIndexSync } from './workspace/load';
import { readableExtensions } from './workspace/sources';
import { usualSourceFolder, USUAL_SOURCE_FOLDERS } from './workspace/firstRun';
import { draftFormat, hasDraftExtension, listDrafts, readDraft, DRAFT_EXTENSIONS } from './workspace/drafts';
import { displayPath, sourceDisplay } from './workspace/paths';
import { readProjectFile, projectHidden, withProjectFile } from './workspace/projectFile';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { reachesFailOn, type CheckedFile, type FailOn } from './format/report';
import { version } from '../../package.json';
import { shownResults } from './engine/findings';
import { confineRoots, DEFAULT_SETTINGS, parseMinConfidence, type SeverityName } from './workspace/config';

export { DRAFT_EXTENSIONS, displayPath, draftFormat, sourceDisplay };
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: FailOn[] = ['contradicted', 'unsupported', 'none'];

export const USAGE = `Usage: corroborate check <draft files or folders...> [options]

Checks every statement of Markdown (.md, .markdown) and plain-text (.txt) drafts against
source documents and reports contradicted and unsupported statements, each with its source.

Options:
  --sources <folder>   folder (or file) of source documents, .txt and .md; repeatable
                       (default: "sources" of ./.corroborate.json, else ./seeds)
  --format <format>    text (default), json, or sarif (SARIF 2.1.0)
  --max-source-kb <n>  index only the first <n> KB of a larger source file, with a warning
                       (default: 2048)
  --cache <dir>        keep the source index in <dir>: later runs load it and re-read only
                       changed files (a corrupt or outdated cache is discarded)
  --fail-on <level>    contradicted (default), unsupported, or none: the lowest verdict
                       that makes the exit code 1
  --min-confidence <x> hold back the findings of a statement whose verdict confidence
                       (0 to 1) is below <x>: fewer findings, fewer true ones too; the
                       held-back count is reported (default: "minConfidence" of
                       ./.corroborate.json, else 0: every finding)
  --allow-outside      read source folders outside the working folder (an absolute path,
                       '../...', a link out of it); without it they are refused, as in an
                       untrusted editor workspace
  -h, --help           show this help
  -V, --version        show the version

./.corroborate.json is read as the editor reads it (JSON with comments and trailing commas;
a file that does not parse is an error, with its line and column): its "hidden" findings
and "severity" "off" codes are not reported (nor counted for --fail-on); inline comments
(<!-- corroborate-disable-next-line -->, front matter corroborate: false) apply too.

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or I/O error.
`;

export class UsageError extends Error {}

export interface CheckOptions {
  drafts: string[];
  sources: string[];
  format: Format;
  failOn: FailOn;
  /**
   * Place for an on-disk index cache (the scale work adds `--cache <dir>`): loadIndex
   * receives it and may read/write a snapshot there instead of re-reading every source.
   */
  cacheDir?: string;
  /** size cap of one source file, in KB */
  maxSourceKB?: number;
  /** read source folders outside the working folder */
  allowOutside?: boolean;
  /** 0..1: hold back the findings of statements whose verdict confidence is below it */
  minConfidence?: number;
}

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CheckOptions };

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0) throw new UsageError('no command given');
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help') || args[0] === 'help') return { kind: 'help' };
  if (args.includes('-V') || args.includes('--version')) return { kind: 'version' };
  const command = args.shift()!;
  if (command !== 'check') throw new UsageError(`unknown command '${command}' (the command is 'check')`);
  const opts: CheckOptions = { drafts: [], sources: [], format: 'text', failOn: 'contradicted' };
  let onlyPositional = false;
  while (args.length) {
    const a = args.shift()!;
    if (onlyPositional || !a.startsWith('-') || a === '-') {
      opts.drafts.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = args.shift();
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--sources':
      case '--source':
        opts.sources.push(value());
        break;
      case '--cache':
        opts.cacheDir = value();
        break;
      case '--allow-outside':
        if (eq > 0) throw new UsageError('--allow-outside takes no value');
        opts.allowOutside = true;
        break;
      case '--max-source-kb': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !(n >= 1)) throw new UsageError(`--max-source-kb needs a whole number of KB (at least 1), not '${v}'`);
        opts.maxSourceKB = n;
        break;
      }
      case '--min-confidence': {
        const v = value();
        const n = parseMinConfidence(v);
        if (n === undefined) throw new UsageError(`--min-confidence needs a number from 0 to 1, not '${v}'`);
        opts.minConfidence = n;
        break;
      }
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown --format '${v}' (use ${FORMATS.join(', ')})`);
        opts.format = v as Format;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!(FAIL_ON as string[]).includes(v)) throw new UsageError(`unknown --fail-on '${v}' (use ${FAIL_ON.join(', ')})`);
        opts.failOn = v as FailOn;
        break;
      }
      default:
        throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (opts.drafts.length === 0) throw new UsageError('no draft files or folders given');
  return { kind: 'check', options: opts };
}

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], io: Io): number {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`corroborate: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  try {
    return check(parsed.options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`corroborate: ${e.message}\n`);
      return 2;
    }
    io.stderr(`corroborate: ${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}

function check(opts: CheckOptions, io: Io): number {
  const given = opts.sources.length ? opts.sources : defaultSources(io.cwd, io);
  // a missing folder is reported (once) and the others are read; none at all is an error
  const existing = given.filter((s) => fs.existsSync(path.resolve(io.cwd, s)));
  if (existing.length === 0) throw new UsageError(`source folder not found: ${given[0]}`);
  for (const s of given) if (!existing.includes(s)) io.stderr(`corroborate: ${s}: source folder not found: not indexed\n`);
  // confined to the working folder, as the editor confines them to the workspace
  const { refused } = confineRoots(
    existing.map((s) => path.resolve(io.cwd, s)),
    io.cwd,
    opts.allowOutside === true,
    'give --allow-outside to read it',
  );
  const refusedRoots = new Set(refused.map((r) => r.path));
  for (const r of refused) io.stderr(`corroborate: ${r.message}\n`);
  const sources = existing.filter((s) => !refusedRoots.has(path.resolve(io.cwd, s)));
  if (sources.length === 0) throw new UsageError(`no source folder inside ${io.cwd} to read (give --allow-outside to read folders outside it)`);
  const drafts = expandDrafts(opts.drafts, sources, io.cwd);

  const { index, problems, show } = loadIndex(
    sources,
    io.cwd,
    opts.cacheDir,
    opts.maxSourceKB ? opts.maxSourceKB * 1024 : undefined,
    projectConfig(io.cwd).sourceFormats,
  );
  for (const p of problems) io.stderr(`corroborate: ${p.path}: ${p.message}\n`);
  if (index.fileCount === 0)
    throw new UsageError(
      `no readable source files (${[...readableExtensions(projectConfig(io.cwd).sourceFormats)].join(', ')}) found in ${sources.join(', ')}`,
    );

  const checker = createChecker(index);
  // --min-confidence, else .corroborate.json's minConfidence, else 0 (every finding)
  const minConfidence = opts.minConfidence ?? projectConfig(io.cwd).minConfidence;
  const checked: CheckedFile[] = [];
  // what went wrong in the engine (a detector that threw on a statement): each note once, on stderr
  const noted = new Set<string>();
  for (const d of drafts) {
    let text: string;
    try {
      text = readDraft(path.resolve(io.cwd, d.path));
    } catch (e) {
      throw new UsageError(`cannot read draft ${d.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    // as the editor shows it: findings hidden or turned off in .corroborate.json are skipped
    const results = checker.checkDraft(text, d.format);
    reportNotes(noted, d.path, results, io.stderr);
    checked.push({ path: d.path, text, results: shownResults(results, new LineIndex(text), { ...projectConfig(io.cwd), minConfidence }) });
  }
  // the same findings as the editor: severities and hidden findings of .corroborate.json
  const { severity, hidden } = projectConfig(io.cwd);
  const display = { displaySource: show, severity, hidden, minConfidence };
  const out =
    opts.format === 'json'
      ? formatJson(checked, display)
      : opts.format === 'sarif'
        ? formatSarif(checked, { ...display, version })
        : formatText(checked, display);
  io.stdout(out);
  return reachesFailOn(checked, opts.failOn) ? 1 : 0;
}

export interface ProjectConfig {
  sources?: string[];
  /** the extracted formats read (.corroborate.json "sourceFormats"; default all) */
  sourceFormats: string[];
  severity: Record<string, SeverityName>;
  hidden: Set<string>;
  /** minConfidence of the file (0 when it names none) */
  minConfidence: number;
}

const projectConfigs = new Map<string, ProjectConfig>();

/**
 * The .corroborate.json of the working folder, read and merged as the editor reads it at the
 * workspace root (workspace/projectFile.ts): `sources` (used when no --sources is given),
 * `severity` and `hidden`. A file that exists but cannot be read is an error (exit 2).
 */
/**
 * The engine's notes of a draft's statements (a detector that threw: ClaimResult.notes) on stderr, each note
 * once per run (`noted` holds those already printed), prefixed with the draft's path.
 */
export function reportNotes(noted: Set<string>, draftPath: string, results: readonly { notes?: string[] }[], write: (s: string) => void): void {
  for (const n of results.flatMap((r) => r.notes ?? [])) {
    if (noted.has(n)) continue;
    noted.add(n);
    write(`corroborate: ${draftPath}: ${n}\n`);
  }
}

export function projectConfig(cwd: string): ProjectConfig {
  const known = projectConfigs.get(cwd);
  if (known) return known;
  // read as the editor reads it: no link out of the folder, no device or FIFO, at most 1 MB, JSONC
  const pf = readProjectFile(cwd);
  if (pf.problem) throw new UsageError(pf.message ?? `.corroborate.json: ${pf.problem}`);
  const settings = withProjectFile(
    { ...DEFAULT_SETTINGS, severity: {} },
    { severity: pf.data.severity, sources: pf.data.sources, sourceFormats: pf.data.sourceFormats, minConfidence: pf.data.minConfidence },
  );
  const cfg: ProjectConfig = {
    sources: Array.isArray(pf.data.sources) ? settings.sources : undefined,
    sourceFormats: settings.sourceFormats,
    severity: settings.severity,
    hidden: projectHidden(pf.data),
    minConfidence: settings.minConfidence,
  };
  projectConfigs.set(cwd, cfg);
  return cfg;
}

function defaultSources(cwd: string, io: Io): string[] {
  const project = projectConfig(cwd).sources;
  if (project?.length) return project;
  const seeds = path.join(cwd, 'seeds');
  if (fs.existsSync(seeds) && fs.statSync(seeds).isDirectory()) return ['seeds'];
  // first run: the usual names of a source folder, and the CLI says which one it used
  const usual = usualSourceFolder(cwd);
  if (usual) {
    io.stderr(`corroborate: no --sources given: using ./${usual}\n`);
    return [usual];
  }
  throw new UsageError(`no --sources given and no source folder here (looked for ./seeds, ${USUAL_SOURCE_FOLDERS.map((n) => './' + n).join(', ')})`);
}

/** Builds the source index (workspace/load.ts), through the cache when --cache is given. */
export function loadIndex(sources: string[], cwd: string, cacheDir?: string, maxBytes?: number, formats?: readonly string[]) {
  const roots = sources.map((s) => path.resolve(cwd, s));
  const { index, result: res, cache } = loadIndexSync(roots, { maxBytes, formats, cacheDir: cacheDir ? path.resolve(cwd, cacheDir) : undefined });
  if (cache?.status === 'discarded') res.warnings.push({ path: cacheDir!, message: `index cache discarded (${cache.reason}): rebuilt` });
  const show = sourceDisplay(sources, cwd);
  const problems = [...res.problems, ...res.warnings].map((p) => ({ ...p, path: show(p.path) }));
  return { index, problems, result: res, show };
}

export interface DraftFile {
  path: string;
  format: DraftFormat;
}

/** Files given stay as given; folders give every .md/.markdown/.txt below them (not in sources, dot folders or node_modules). */
export function expandDrafts(args: string[], sources: string[], cwd: string): DraftFile[] {
  const out: DraftFile[] = [];
  const seen = new Set<string>();
  const sourceRoots = sources.map((s) => path.resolve(cwd, s));
  const add = (p: string) => {
    const abs = path.resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ path: p, format: draftFormat(p) });
  };
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`draft not found: ${a}`);
    }
    if (st.isFile()) {
      add(a);
      continue;
    }
    if (!st.isDirectory()) throw new UsageError(`not a file or folder: ${a}`);
    // the same walk as Check Workspace's (workspace/drafts.ts): sorted, no dot folders, node_modules or sources
    const listing = listDrafts(
      abs,
      (rel) => hasDraftExtension(rel),
      sourceRoots,
      Infinity,
      (dir, e) => {
        throw new UsageError(`cannot read folder ${path.join(a, path.relative(abs, dir))}: ${e.code ?? e.message}`);
      },
    );
    const found = listing.files.map((f) => path.join(a, path.relative(abs, f)));
    if (found.length === 0) throw new UsageError(`no drafts (.md, .markdown, .txt) in folder ${a}`);
    found.forEach(add);
  }
  return out;
}

if (require.main === module) {
  // `corroborate check ... | head`: a closed pipe is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
