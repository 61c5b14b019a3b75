/**
 * `--format sarif`: SARIF 2.1.0, one run, one result per finding (engine/findings.ts), as the editor
 * shows them as diagnostics:
 * the same codes (`contradicted`, `unsupported`, or the deciding signal: `number`, `negation`...),
 * the same ranges and messages, the level from the severity (error, warning; information and hint
 * are `note`), every cited source sentence as a related location.
 */
import { LineIndex, type LineRange } from '../engine';
import { detectors } from '../engine/signals';
import { MISQUOTE_DESCRIPTION } from '../engine/signals/quote';
import { CODE_DOCS_BASE, draftFindings } from '../engine/findings';
import type { CheckedFile, ReportOptions } from './report';
// the SARIF 2.1.0 schema as TypeScript types (@types/sarif): the log below must type-check against it
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { description as PREDICATE_DESCRIPTION } from '../engine/signals/predicate';

export interface SarifOptions extends ReportOptions {
  version?: string;
}

/** Each rule's description: the verdicts', and each signal's own (its `description`, beside the signal). */
const DESCRIPTIONS: Record<string, string> = {
  contradicted: 'A source says otherwise',
  unsupported: 'No source carries this statement',
  misquote: MISQUOTE_DESCRIPTION,
  predicate: PREDICATE_DESCRIPTION,
  ...Object.fromEntries(detectors.map((d) => [d.kind, d.description ?? d.kind])),
};

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function regionOf(r: LineRange) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(files: CheckedFile[], opts: SarifOptions = {}): string {
  const show = opts.displaySource ?? ((s: string) => s);
  const results: Result[] = [];
  const used = new Set<string>();
  for (const f of files) {
    const li = new LineIndex(f.text);
    for (const x of draftFindings(f.results, li, opts)) {
      const code = x.code;
      used.add(code);
      const related = x.evidence.map((e, i) => ({
        id: i,
        // an extracted source (PDF, HTML, ...): its place in the message, and a region only where its text maps
        // back to the file (HTML); otherwise the lines count in the extracted text, not in the file
        message: { text: e.place !== undefined ? `${e.place}: ${e.quote}` : e.quote },
        physicalLocation: {
          artifactLocation: { uri: toUri(show(e.source)) },
          ...(e.original || e.place === undefined ? { region: regionOf(e.original ?? e.range) } : {}),
        },
      }));
      results.push({
        ruleId: code,
        level: x.severity === 'error' ? 'error' : x.severity === 'warning' ? 'warning' : 'note',
        message: { text: x.message.replace(/\s+/g, ' ').trim() || x.verdict },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(f.path) },
              region: {
                startLine: x.range.start.line + 1,
                startColumn: x.range.start.character + 1,
                endLine: x.range.end.line + 1,
                endColumn: x.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { 'corroborate/v1': x.fingerprint },
        properties: { verdict: x.verdict, ...(x.confidence !== undefined ? { confidence: x.confidence } : {}) },
        ...(x.confidence !== undefined ? { rank: Math.round(x.confidence * 1000) / 10 } : {}),
        ...(related.length ? { relatedLocations: related } : {}),
      });
    }
  }
  const ids = ['contradicted', 'unsupported', ...[...used].filter((c) => c !== 'contradicted' && c !== 'unsupported').sort()];
  const rules: ReportingDescriptor[] = ids.map((id) => ({
    id,
    shortDescription: { text: DESCRIPTIONS[id] ?? id },
    helpUri: CODE_DOCS_BASE + id,
    ...(id === 'contradicted' || id === 'unsupported'
      ? { defaultConfiguration: { level: id === 'contradicted' ? ('error' as const) : ('warning' as const) } }
      : {}),
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'corroborate', informationUri: 'https://github.com/corroborate/corroborate', version: opts.version ?? '0.0.0', rules } },
        columnKind: 'utf16CodeUnits',
        results: results.map((r) => ({ ...r, ruleIndex: ids.indexOf(r.ruleId ?? '') })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toUri(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}
