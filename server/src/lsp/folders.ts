/**
 * Workspace folders: their settings (editor configuration merged with .corroborate.json), their
 * source roots (confined to the folder), their index (built in slices, through the persisted cache
 * when the client gave a storage folder) and the file watchers that keep it current.
 */
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type FileSystemWatcher } from 'vscode-languageserver/node';
import { createChecker } from '../engine';
import { warmUp as warmUpLexicon } from '../engine/lexicon';
import { warmUpTagger } from '../engine/pos';
import { fileUri } from '../diagnostics';
import { NoSourcesNotification, StatusNotification } from '../protocol';
import { noSourcesConfigured, usualSourceFolder, USUAL_SOURCE_FOLDERS } from '../workspace/firstRun';
import { type SourceProblem } from '../workspace';
import { confineRoots, normalizeSettings, sameSources, sourceRoots, type Settings } from '../workspace/config';
import { describeCache, indexCacheDir, loadIndexAsync } from '../workspace/load';
import { PROJECT_FILE, projectHidden, readProjectFile, withProjectFile } from '../workspace/projectFile';
import { readableExtensions } from '../workspace/sources';
import { recheckAll } from './documents';
import { log, logError, type Folder, type ServerState } from './state';

/**
 * The folder's .corroborate.json content ({} when it has none, or it cannot be used: a link out of
 * the folder, a device or FIFO, over 1 MB, invalid JSONC). A problem is logged and shown to the
 * user once (with the line and column of a syntax error), not at every read.
 */
export function projectOf(s: ServerState, f: Folder): Record<string, unknown> {
  if (!f.path) return {};
  const pf = readProjectFile(f.path);
  if (!pf.problem) s.projectProblems.delete(pf.path);
  else if (s.projectProblems.get(pf.path) !== pf.problem) {
    s.projectProblems.set(pf.path, pf.problem);
    const message = pf.message ?? `${PROJECT_FILE}: ${pf.problem}`;
    s.connection.console.warn(`${pf.path}: ${message}`);
    void s.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Corroborate: ${message}` });
  }
  return pf.data;
}

export function loadHidden(s: ServerState, f: Folder) {
  f.hidden = projectHidden(projectOf(s, f));
}

async function readSettings(s: ServerState, f: Folder, pushed?: unknown): Promise<Settings> {
  if (s.hasConfiguration) {
    try {
      const [cfg] = await s.connection.workspace.getConfiguration([{ scopeUri: f.uri || undefined, section: 'corroborate' }]);
      return normalizeSettings(cfg);
    } catch (e) {
      logError(s, 'workspace/configuration', e);
    }
  }
  const p = pushed as { corroborate?: unknown } | undefined;
  return normalizeSettings(p?.corroborate ?? f.settings);
}

export function sendStatus(s: ServerState) {
  let files = 0;
  let sentences = 0;
  let problems = 0;
  const skipped: string[] = [];
  let indexing = false;
  let percent = 0;
  let n = 0;
  for (const f of s.folders.values()) {
    files += f.index.fileCount;
    sentences += f.index.sentenceCount;
    problems += f.problems.length;
    for (const p of f.problems) if (/^\d+ files? skipped: /.test(p.message)) skipped.push(`${path.basename(p.path)}: ${p.message}`);
    if (f.indexing) {
      indexing = true;
      percent += f.percent;
      n++;
    }
  }
  void s.connection.sendNotification(StatusNotification.type, {
    state: indexing ? 'indexing' : 'ready',
    files,
    sentences,
    problems,
    percent: indexing ? Math.round(percent / Math.max(1, n)) : 100,
    ...(skipped.length ? { skipped } : {}),
  });
}

function reportProblems(s: ServerState, f: Folder, problems: SourceProblem[], warnings: SourceProblem[]) {
  const shown: SourceProblem[] = [];
  for (const p of problems) {
    s.connection.console.warn(`source problem: ${p.path}: ${p.message}`);
    if (/not found|refused/.test(p.message) && !s.warnedMissing.has(p.path) && !f.noSources) {
      s.warnedMissing.add(p.path);
      shown.push(p);
    }
  }
  // one pop-up per kind of problem, however many folders have it (the log lists each)
  const groups = new Map<string, string[]>();
  for (const p of shown) {
    const template = p.message.includes(p.path) ? p.message.split(p.path).join('\u0000') : p.message;
    groups.set(template, [...(groups.get(template) ?? []), p.path]);
  }
  for (const [template, paths] of groups) {
    const list = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more (the output lists each)` : '');
    const message = template.includes('\u0000') ? template.replace('\u0000', list).split('\u0000').join('') : template;
    void s.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Corroborate: ${message}` });
  }
  for (const w of warnings) s.connection.console.warn(`source warning: ${w.path}: ${w.message}`);
  f.problems = problems.concat(warnings);
}

/** (Re)builds a folder's index from its source roots, with work-done progress. */
export function reindex(s: ServerState, f: Folder): Promise<void> {
  const gen = ++f.loadGen;
  f.indexing = true;
  f.percent = 0;
  sendStatus(s);
  const run = async () => {
    const progress = await s.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Corroborate: indexing sources', 0, f.roots.join(', '), false);
    // with a storage folder, a warm start loads the persisted index and re-reads only changed files
    const {
      index,
      result: res,
      cache,
    } = await loadIndexAsync(f.roots, {
      cacheDir: s.storageDir ? indexCacheDir(s.storageDir, f.roots, f.maxBytes) : undefined,
      maxBytes: f.maxBytes,
      formats: f.settings.sourceFormats,
      isCancelled: () => gen !== f.loadGen,
      onProgress: (done: number, total: number) => {
        f.percent = total ? Math.round((done / total) * 100) : 100;
        progress?.report(f.percent, `${done}/${total} files`);
        if (!s.statusTimer) {
          s.statusTimer = setTimeout(() => {
            s.statusTimer = undefined;
            sendStatus(s);
          }, 100);
        }
      },
    });
    if (cache) log(s, describeCache(cache));
    progress?.done();
    if (gen !== f.loadGen) return; // superseded
    f.index = index;
    f.checker = createChecker(f.index);
    warmUpLexicon(); // the lexicon's tables, the tagger and its lexicon are built now, not on the writer's first check
    warmUpTagger();
    f.indexing = false;
    f.percent = 100;
    reportProblems(s, f, [...f.refused, ...res.problems], res.warnings);
    if (f.noSources && index.fileCount === 0 && !s.warnedMissing.has(`noSources:${f.uri}`)) {
      // first run: one notice, whose button picks a folder (as Add Source Folder does)
      s.warnedMissing.add(`noSources:${f.uri}`);
      log(
        s,
        `no sources indexed for ${f.name || 'the workspace'}: no source folder configured, and no seeds/ or ${USUAL_SOURCE_FOLDERS.map((n) => n + '/').join(', ')} folder`,
      );
      void s.connection.sendNotification(NoSourcesNotification.type, { folderUri: f.uri, looked: USUAL_SOURCE_FOLDERS });
    }
    log(s, `indexed ${res.files} files, ${res.sentences} sentences in ${Math.round(res.ms)} ms for ${f.name || 'the workspace'}`);
    sendStatus(s);
  };
  const p = run().catch((e) => {
    logError(s, 'indexing', e);
    if (gen === f.loadGen) f.indexing = false;
    sendStatus(s);
  });
  f.loading = p;
  if (!f.started) {
    f.started = true;
    void p.then(f.firstDone); // checks waiting for the first index go on (ready() then waits for any newer one)
  }
  return p;
}

function watchersFor(s: ServerState): FileSystemWatcher[] {
  const out: FileSystemWatcher[] = [];
  const exts = [...readableExtensions()].map((e) => e.slice(1)).join(',');
  for (const f of s.folders.values()) {
    if (f.path)
      out.push({ globPattern: s.relativePatterns ? { baseUri: f.uri, pattern: PROJECT_FILE } : `${f.path.split(path.sep).join('/')}/${PROJECT_FILE}` });
    for (const r of f.roots) {
      if (s.relativePatterns) out.push({ globPattern: { baseUri: fileUri(r), pattern: `**/*.{${exts}}` } });
      else out.push({ globPattern: `${r.split(path.sep).join('/')}/**/*.{${exts}}` });
    }
  }
  return out;
}

async function registerWatchers(s: ServerState) {
  if (!s.hasDynamicWatch) return;
  try {
    s.watchRegistration?.dispose();
    s.watchRegistration = await s.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: watchersFor(s) });
  } catch (e) {
    logError(s, 'registering file watchers', e);
  }
}

/** Reads settings of every folder; re-indexes those whose sources changed; re-checks open drafts. */
export async function refreshSettings(s: ServerState, pushed?: unknown, force = false) {
  const jobs: Promise<void>[] = [];
  for (const f of s.folders.values()) {
    const editor = await readSettings(s, f, pushed);
    const project = projectOf(s, f);
    f.settings = withProjectFile(editor, project);
    f.hidden = projectHidden(project);
    // only folders inside the workspace are read, unless the user allows more in a trusted workspace
    let configured = f.settings;
    f.noSources = false;
    if (f.path && noSourcesConfigured(f.settings.sources, f.path)) {
      // first run: no source folder configured and no seeds/: the usual names, else the notice after indexing
      const usual = usualSourceFolder(f.path);
      if (usual) {
        configured = { ...f.settings, sources: [usual] };
        if (!s.warnedMissing.has(`usual:${f.uri}:${usual}`)) {
          s.warnedMissing.add(`usual:${f.uri}:${usual}`);
          log(s, `no source folder configured and no seeds/: using ${usual}/ in ${f.name || 'the workspace'}`);
        }
      } else f.noSources = true;
    }
    const { roots, refused } = confineRoots(sourceRoots(configured, f.path), f.path, f.settings.allowSourcesOutsideWorkspace && s.workspaceTrusted);
    const maxBytes = f.settings.maxSourceKB * 1024;
    const formats = f.settings.sourceFormats.join(',');
    if (force || !f.started || !sameSources(roots, f.roots) || maxBytes !== f.maxBytes || refused.length !== f.refused.length || formats !== f.formats) {
      f.formats = formats;
      f.roots = roots;
      f.refused = refused;
      f.maxBytes = maxBytes;
      jobs.push(reindex(s, f));
    }
  }
  if (jobs.length) void registerWatchers(s);
  recheckAll(s);
  await Promise.all(jobs);
}
