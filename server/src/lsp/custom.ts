/** Handlers of Corroborate's own requests and notifications (declared in ../protocol.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countVerdicts, draftFindings, fingerprint, shownResults } from '../engine/findings';
import { extractedPath, fileUri } from '../diagnostics';
import { reportMarkdown } from '../report';
import {
  AddSourceRequest,
  CheckFileRequest,
  CheckPathRequest,
  CursorNotification,
  HiddenRequest,
  ListDraftsRequest,
  ReindexRequest,
  ReportRequest,
  SourceTextRequest,
  TrustNotification,
  UnhideRequest,
  type AddSourceParams,
  type AddSourceResult,
  type CursorParams,
  type HiddenItem,
  type TrustParams,
  type UnhideParams,
  type UriParams,
} from '../protocol';
import { draftFormat, listDrafts, readDraft } from '../workspace/drafts';
import { folderDisplay, isInside } from '../workspace/paths';
import { hiddenEntries, projectFilePath, updateProjectFile } from '../workspace/projectFile';
import { checkNow, checkText, cursorMoved, diagnosticsOf, partialInfo, recheckAll, shownCounts, stateFor } from './documents';
import { loadHidden, projectOf, refreshSettings } from './folders';
import { folderFor, lexists, notSaved, ready, safe, safeVoid, uriToPath, type ServerState } from './state';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';

export function registerCustomHandlers(s: ServerState) {
  const { connection, documents, folders } = s;

  connection.onNotification(
    TrustNotification.type,
    safeVoid(s, TrustNotification.method, async (p: TrustParams) => {
      // only an explicit boolean changes trust (null, {}, "no", 0 are ignored)
      if (typeof p?.trusted !== 'boolean') {
        connection.console.warn(`${TrustNotification.method}: ignored: "trusted" must be true or false`);
        return;
      }
      s.workspaceTrusted = p.trusted;
      await refreshSettings(s, undefined, true);
    }),
  );

  connection.onRequest(
    CheckFileRequest.type,
    safe(s, CheckFileRequest.method, async (p: UriParams) => {
      const st = await checkNow(s, p.uri, true);
      const f = folderFor(s, p.uri);
      return { uri: p.uri, version: st?.version ?? null, counts: st && f ? shownCounts(f, st) : countVerdicts([]) };
    }),
  );

  connection.onRequest(
    ReindexRequest.type,
    safe(s, ReindexRequest.method, async () => {
      await refreshSettings(s, undefined, true);
      let files = 0;
      let sentences = 0;
      for (const f of folders.values()) {
        files += f.index.fileCount;
        sentences += f.index.sentenceCount;
      }
      return { files, sentences };
    }),
  );

  connection.onRequest(
    ReportRequest.type,
    safe(s, ReportRequest.method, async (p: UriParams) => {
      const st = await stateFor(s, p.uri);
      if (!st) return null;
      const f = folderFor(s, p.uri);
      const title = decodeURIComponent(p.uri.split('/').pop() ?? p.uri);
      const opts = { severity: f?.settings.severity, hidden: f?.hidden, minConfidence: f?.settings.minConfidence };
      const results = shownResults(st.results, st.lines, opts);
      return {
        markdown: reportMarkdown(title, results, {
          display: folderDisplay(f?.path),
          lineOf: (o) => st.lines.position(o).line,
          findings: draftFindings(st.results, st.lines, opts),
        }),
      };
    }),
  );

  /** The extracted text of an indexed source, for the client's read-only view (only what an index holds is given out). */
  connection.onRequest(
    SourceTextRequest.type,
    safe(s, SourceTextRequest.method, async (p: UriParams) => {
      const file = typeof p?.uri === 'string' ? extractedPath(p.uri) : undefined;
      if (!file) return null;
      for (const f of s.folders.values()) {
        await ready(f);
        const indexed = f.index.file(file);
        if (indexed) return { text: indexed.text, fileUri: fileUri(file), ...(indexed.origin ? { origin: indexed.origin } : {}) };
      }
      return null;
    }),
  );

  /** The client's cursor (VS Code: on selection change); findings on the statement being typed wait for it to leave. */
  connection.onNotification(
    CursorNotification.type,
    safeVoid(s, CursorNotification.method, (p: CursorParams) => {
      if (!p || typeof p.uri !== 'string' || !p.position) return;
      cursorMoved(s, p.uri, p.position);
    }),
  );

  /** Every hidden finding of every workspace folder (from .corroborate.json). */
  connection.onRequest(
    HiddenRequest.type,
    safe(
      s,
      HiddenRequest.method,
      (): HiddenItem[] => {
        const out: HiddenItem[] = [];
        for (const f of folders.values()) for (const h of hiddenEntries(projectOf(s, f))) out.push({ folderUri: f.uri, folderName: f.name, ...h });
        return out;
      },
      [],
    ),
  );

  /** Un-hides findings: removes the entries from .corroborate.json and re-checks. */
  connection.onRequest(
    UnhideRequest.type,
    safe(s, UnhideRequest.method, (p: UnhideParams) => {
      let removed = 0;
      for (const f of folders.values()) {
        const mine = (p?.items ?? []).filter((i) => i && i.folderUri === f.uri);
        if (!mine.length || !f.path) continue;
        if (!Array.isArray(projectOf(s, f).hidden)) continue;
        const drop = new Set(mine.map((i) => fingerprint(i.text, i.code, i.context)));
        const written = updateProjectFile(f.path, (j) => {
          if (!Array.isArray(j.hidden)) return;
          const kept = j.hidden.filter(
            (h: HiddenItem) => !(h && drop.has(fingerprint(String(h.text), String(h.code), typeof h.context === 'string' ? h.context : undefined))),
          );
          removed += j.hidden.length - kept.length;
          j.hidden = kept;
        });
        if (written.problem) notSaved(s, written, 'un-hiding was');
        loadHidden(s, f);
      }
      recheckAll(s);
      return { removed };
    }),
  );

  /** Drafts of every folder matching corroborate.drafts, outside its source folders (for Check Workspace). */
  connection.onRequest(
    ListDraftsRequest.type,
    safe(s, ListDraftsRequest.method, () => {
      const out: { folderUri: string; files: string[]; truncated: boolean }[] = [];
      for (const f of folders.values()) {
        if (!f.path) continue;
        const l = listDrafts(f.path, f.settings.drafts, f.roots);
        // an invalid glob is said so, not taken for "no drafts match"
        if (l.invalid.length)
          void connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Corroborate: corroborate.drafts: ${l.invalid.map((i) => i.message).join('; ')}`,
          });
        out.push({ folderUri: f.uri, files: l.files.map(fileUri), truncated: l.truncated });
      }
      return { folders: out };
    }),
  );

  /** Checks one draft by URI, open or not, and publishes its diagnostics (Check Workspace calls it per file). */
  connection.onRequest(
    CheckPathRequest.type,
    safe(s, CheckPathRequest.method, async (p: UriParams) => {
      if (documents.get(p.uri)) {
        const st = await checkNow(s, p.uri, true);
        const f = folderFor(s, p.uri);
        return { uri: p.uri, counts: st && f ? shownCounts(f, st) : countVerdicts([]), partial: st && f ? partialInfo(f, st) : undefined };
      }
      const file = uriToPath(p.uri);
      const f = folderFor(s, p.uri);
      if (!file || !f) return null;
      await ready(f);
      let text: string;
      try {
        const st = fs.statSync(file);
        if (!st.isFile()) return null;
        text = readDraft(file);
      } catch (e) {
        connection.console.warn(`${file}: cannot read: ${(e as Error).message}`);
        return null;
      }
      const st = checkText(s, f, text, draftFormat(file), 0);
      await connection.sendDiagnostics({ uri: p.uri, diagnostics: diagnosticsOf(f, st) });
      return { uri: p.uri, counts: shownCounts(f, st), partial: partialInfo(f, st) };
    }),
  );

  /**
   * Add Source Folder: with a .corroborate.json, the folder is appended to its `sources` (and the
   * sources re-indexed); without one, the client appends it to the corroborate.sources setting.
   */
  connection.onRequest(
    AddSourceRequest.type,
    safe(s, AddSourceRequest.method, async (p: AddSourceParams): Promise<AddSourceResult | null> => {
      const dir = uriToPath(p.uri);
      const f = (p.folderUri && folders.get(p.folderUri)) || folderFor(s, p.uri);
      if (!dir || !f) return null;
      const entry = f.path && isInside(f.path, dir) ? path.relative(f.path, dir).split(path.sep).join('/') || '.' : dir;
      const sources = f.settings.sources.includes(entry) ? [...f.settings.sources] : [...f.settings.sources, entry];
      // lstat: a link there (to anywhere) is a project file that updateProjectFile refuses, not a missing one
      if (!f.path || !lexists(projectFilePath(f.path))) return { target: 'settings', folderUri: f.uri, entry, sources };
      let next: string[] = sources;
      const written = updateProjectFile(f.path, (j) => {
        const current = Array.isArray(j.sources) ? (j.sources as string[]) : f.settings.sources;
        next = current.includes(entry) ? current : [...current, entry];
        j.sources = next;
      });
      if (written.problem) {
        // never replaced: the user is told, and the folder is not added anywhere
        notSaved(s, written, 'the source folder was');
        return null;
      }
      await refreshSettings(s);
      return { target: 'project', folderUri: f.uri, entry, sources: next };
    }),
  );
}
