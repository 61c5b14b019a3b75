/** `--format json`: the version-1 report, one JSON document. */
import { toJsonReport, type CheckedFile, type ReportOptions } from './report';

export function formatJson(files: CheckedFile[], opts: ReportOptions = {}): string {
  return JSON.stringify(toJsonReport(files, opts), null, 2) + '\n';
}
