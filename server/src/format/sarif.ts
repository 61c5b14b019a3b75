/** `--format sarif`: SARIF 2.1.0, one run, one result per finding (contradicted = error, unsupported = warning). */
import { LineIndex } from '../engine';
import type { CheckedFile, ReportOptions } from './report';

export interface SarifOptions extends ReportOptions {
  version?: string;
}

const RULES = [
  { id: 'contradicted', shortDescription: { text: 'A source says otherwise' }, defaultConfiguration: { level: 'error' } },
  { id: 'unsupported', shortDescription: { text: 'No source carries this statement' }, defaultConfiguration: { level: 'warning' } },
];

export function formatSarif(files: CheckedFile[], opts: SarifOptions = {}): string {
  const show = opts.displaySource ?? ((s: string) => s);
  const results: unknown[] = [];
  for (const f of files) {
    const li = new LineIndex(f.text);
    for (const r of f.results) {
      if (r.verdict !== 'contradicted' && r.verdict !== 'unsupported') continue;
      const effect = r.verdict === 'contradicted' ? 'contradicts' : 'unsupported';
      const sig = r.signals.find((s) => s.effect === effect && s.end > s.start);
      const span = sig ?? r;
      const a = li.position(span.start);
      const b = li.position(span.end);
      const related = r.evidence.map((e, i) => ({
        id: i,
        message: { text: e.quote },
        physicalLocation: {
          artifactLocation: { uri: toUri(show(e.source)) },
          region: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
        },
      }));
      results.push({
        ruleId: r.verdict,
        level: r.verdict === 'contradicted' ? 'error' : 'warning',
        message: { text: r.reason.replace(/\s+/g, ' ').trim() || r.verdict },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(f.path) },
              region: { startLine: a.line + 1, startColumn: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 },
            },
          },
        ],
        ...(related.length ? { relatedLocations: related } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'corroborate', informationUri: 'https://github.com/corroborate/corroborate', version: opts.version ?? '0.0.0', rules: RULES } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}
