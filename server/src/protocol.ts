/**
 * The contract between the VS Code client and the language server beyond LSP itself: every custom
 * `corroborate/*` request and notification, declared once with its typed params and result
 * (vscode-jsonrpc RequestType / NotificationType), and imported by the server, the client and the
 * tests. Requests answer null when the server could not do the job (the error is in its log).
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { SeverityCounts, VerdictCounts } from './engine/findings';

export type { SeverityCounts, VerdictCounts };

export interface Position {
  line: number;
  character: number;
}

/** A finding hidden with "Hide this finding" (`corroborate/hidden` lists them, `corroborate/unhide` drops them). */
export interface HiddenItem {
  folderUri: string;
  folderName: string;
  code: string;
  text: string;
  context?: string;
}

/** A draft checked only up to corroborate.maxDraftKB. */
export interface PartialInfo {
  checkedChars: number;
  totalChars: number;
  maxDraftKB: number;
}

// ---------------------------------------------------------------- server -> client notifications

/** No sources indexed in a folder with no source folder configured and none of the usual ones: the client asks the writer to choose one. */
export interface NoSourcesParams {
  folderUri: string;
  /** the folder names looked for */
  looked: string[];
}
export namespace NoSourcesNotification {
  export const method = 'corroborate/noSources';
  export const type = new NotificationType<NoSourcesParams>(method);
}

export interface StatusParams {
  state: 'indexing' | 'ready';
  files: number;
  sentences: number;
  problems: number;
  percent: number;
  /** files left out for their format, one line per source folder ("2 files skipped: unsupported format .key, .pages") */
  skipped?: string[];
}
/** The indexing state of all folders (the status bar). */
export namespace StatusNotification {
  export const method = 'corroborate/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface CheckingParams {
  uri: string;
}
/** A check of the draft has started. */
export namespace CheckingNotification {
  export const method = 'corroborate/checking';
  export const type = new NotificationType<CheckingParams>(method);
}

export interface CountsParams {
  uri: string;
  version: number;
  /** statements by verdict, as the findings show them (all hidden or off: skipped) */
  counts: VerdictCounts;
  /** the published findings by severity (what the Problems panel counts) */
  findings: SeverityCounts;
  partial?: PartialInfo;
}
/** The counts of a published check. */
export namespace CountsNotification {
  export const method = 'corroborate/counts';
  export const type = new NotificationType<CountsParams>(method);
}

// ---------------------------------------------------------------- client -> server notifications

export interface TrustParams {
  trusted?: boolean;
}
/** The workspace was trusted (corroborate.allowSourcesOutsideWorkspace may now be honoured). */
export namespace TrustNotification {
  export const method = 'corroborate/trust';
  export const type = new NotificationType<TrustParams>(method);
}

export interface CursorParams {
  uri: string;
  position: Position;
}
/** The cursor of a draft (findings on the statement being typed are held back until it leaves). */
export namespace CursorNotification {
  export const method = 'corroborate/cursor';
  export const type = new NotificationType<CursorParams>(method);
}

// ---------------------------------------------------------------- requests

export interface UriParams {
  uri: string;
}

export interface CheckFileResult {
  uri: string;
  version: number | null;
  counts: VerdictCounts;
}
/** Check Current File: checks an open draft now and publishes. */
export namespace CheckFileRequest {
  export const method = 'corroborate/checkFile';
  export const type = new RequestType<UriParams, CheckFileResult | null, void>(method);
}

export interface ReindexResult {
  files: number;
  sentences: number;
}
/** Re-index Sources. */
export namespace ReindexRequest {
  export const method = 'corroborate/reindex';
  export const type = new RequestType<Record<string, never>, ReindexResult | null, void>(method);
}

export interface ReportResult {
  markdown: string;
}
/** Show Report: the Markdown report of a draft. */
export namespace ReportRequest {
  export const method = 'corroborate/report';
  export const type = new RequestType<UriParams, ReportResult | null, void>(method);
}

/** The URI scheme of an extracted source's text (corroborate-source:///abs/report.pdf), a read-only view in the editor. */
export const EXTRACTED_SCHEME = 'corroborate-source';

/** The extracted text of an indexed source (a PDF's, ...), for the read-only `corroborate-source:` view. */
export interface SourceTextResult {
  text: string;
  /** the original file */
  fileUri: string;
  /** where the text stands in the original file, when it maps back (HTML): engine SourceOrigin spans */
  origin?: number[];
}
export namespace SourceTextRequest {
  export const method = 'corroborate/sourceText';
  export const type = new RequestType<UriParams, SourceTextResult | null, void>(method);
}

/** Every hidden finding of every workspace folder (from .corroborate.json). */
export namespace HiddenRequest {
  export const method = 'corroborate/hidden';
  export const type = new RequestType<Record<string, never>, HiddenItem[] | null, void>(method);
}

export interface UnhideParams {
  items: HiddenItem[];
}
export interface UnhideResult {
  removed: number;
}
/** Un-hides findings: removes their entries from .corroborate.json and re-checks. */
export namespace UnhideRequest {
  export const method = 'corroborate/unhide';
  export const type = new RequestType<UnhideParams, UnhideResult | null, void>(method);
}

export interface ListDraftsResult {
  folders: { folderUri: string; files: string[]; truncated: boolean }[];
}
/** Check Workspace's list: drafts of every folder matching corroborate.drafts, outside its source folders. */
export namespace ListDraftsRequest {
  export const method = 'corroborate/listDrafts';
  export const type = new RequestType<Record<string, never>, ListDraftsResult | null, void>(method);
}

export interface CheckPathResult {
  uri: string;
  counts: VerdictCounts;
  partial?: PartialInfo;
}
/** Checks one draft by URI, open or not, and publishes its diagnostics (Check Workspace, per file). */
export namespace CheckPathRequest {
  export const method = 'corroborate/checkPath';
  export const type = new RequestType<UriParams, CheckPathResult | null, void>(method);
}

export interface AddSourceParams {
  folderUri?: string;
  uri: string;
}
export interface AddSourceResult {
  /** project: appended to .corroborate.json; settings: the client appends it to corroborate.sources */
  target: 'project' | 'settings';
  folderUri: string;
  entry: string;
  sources: string[];
}
/** Add Source Folder. */
export namespace AddSourceRequest {
  export const method = 'corroborate/addSource';
  export const type = new RequestType<AddSourceParams, AddSourceResult | null, void>(method);
}
