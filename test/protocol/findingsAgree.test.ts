/**
 * One Finding model: for the same drafts and the same .corroborate.json (severity overrides, hidden
 * findings), the CLI's text, SARIF and JSON, the editor's diagnostics and the status bar's counts
 * (the corroborate/counts notification, rendered by client/src/status.ts) agree: the same findings
 * with the same severity, position and message, and the same statement counts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextOf } from '../../server/src/engine/findings';
import { draftStatus } from '../../client/src/status';
import { makeWorkspace, NEGATED, REPO, start, SUBMARINES, SUPPORTED, uriOf } from './harness';
import { CountsNotification } from '../../server/src/protocol';

const CLI = path.resolve('dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTILLERY = 'The framework covers jet engines and long-range artillery systems, and also nuclear submarines.';
const MEETING = 'The meeting was between the United States Secretary of State and the defense leadership of India.';
const DRAFTS: Record<string, string> = {
  'one.md': `# Notes\n\n${SUPPORTED} ${SUBMARINES}\n\n${NEGATED}\n`,
  'two.md': `${MEETING}\n\n${ARTILLERY}\n\nThe two armed forces will share research and production. ${NEGATED}\n`,
  'example.md': fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8'),
};

const SEVERITY_NAME = ['', 'error', 'warning', 'information', 'hint'];
const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const CONFIGS: { name: string; project: (dir: string) => Record<string, unknown> }[] = [
  { name: 'no .corroborate.json settings', project: () => ({}) },
  { name: 'number: warning, contradicted: information', project: () => ({ severity: { number: 'warning', contradicted: 'information' } }) },
  { name: 'unsupported: off, negation: hint', project: () => ({ severity: { unsupported: 'off', negation: 'hint' } }) },
  {
    name: 'a hidden finding and entity: warning',
    project: () => {
      const text = DRAFTS['one.md'];
      const at = text.indexOf(NEGATED);
      return {
        severity: { entity: 'warning' },
        hidden: [
          { code: 'negation', text: NEGATED, context: contextOf(text, at, at + NEGATED.length) },
          { code: 'unsupported', text: ARTILLERY },
        ],
      };
    },
  },
];

describe('findings: text, SARIF, JSON, the editor and the status bar agree', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = makeWorkspace(DRAFTS);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const cfg of CONFIGS) {
    it(`on three drafts with ${cfg.name}`, async () => {
      fs.writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ sources: ['seeds'], ...cfg.project(dir) }));
      const names = Object.keys(DRAFTS);

      // the CLI, once per format
      const text = run(['check', ...names, '--fail-on', 'none'], dir);
      assert.equal(text.code, 0, text.stderr);
      const sarif = JSON.parse(run(['check', ...names, '--format', 'sarif', '--fail-on', 'none'], dir).stdout);
      const json = JSON.parse(run(['check', ...names, '--format', 'json', '--fail-on', 'none'], dir).stdout);

      const client = await start({ folder: dir, settings: { sources: ['seeds'], debounceMs: 0, holdBackMs: 0 } });
      try {
        let total = 0;
        for (const name of names) {
          const draft = DRAFTS[name];
          const uri = uriOf(path.join(dir, name));
          const published = client.diagnostics(uri);
          const counted = client.waitFor(CountsNotification.method, (p: any) => p.uri === uri);
          client.open(path.join(dir, name), draft);
          const diags = (await published).diagnostics.filter((d) => d.source === 'corroborate');
          const counts = await counted;

          const editor = diags
            .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}|${SEVERITY_NAME[d.severity!]}|${oneLine(d.message as string)}`)
            .sort();
          const lines = text.stdout
            .split('\n')
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => {
              const m = /^[^:]+:(\d+):(\d+): (error|warning|information|hint): (.*?)(?: \[[^\]]+:\d+\])?$/.exec(l);
              assert.ok(m, l);
              return `${m[1]}:${m[2]}|${m[3]}|${m[4]}`;
            })
            .sort();
          assert.deepEqual(lines, editor, `text and editor on ${name}`);

          const results = sarif.runs[0].results.filter((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === name);
          const fromSarif = results
            .map(
              (x: any) =>
                `${x.locations[0].physicalLocation.region.startLine}:${x.locations[0].physicalLocation.region.startColumn}|${x.ruleId}|${x.level}|${x.message.text}`,
            )
            .sort();
          const editorSarif = diags
            .map(
              (d) =>
                `${d.range.start.line + 1}:${d.range.start.character + 1}|${d.code}|${SARIF_LEVEL[SEVERITY_NAME[d.severity!]]}|${oneLine(d.message as string)}`,
            )
            .sort();
          assert.deepEqual(fromSarif, editorSarif, `SARIF and editor on ${name}`);

          // statements: the JSON's verdicts, the status bar's counts
          const claims = json.files.find((f: any) => f.path === name).claims;
          const byVerdict = { supported: 0, unsupported: 0, contradicted: 0, skipped: 0 } as Record<string, number>;
          for (const c of claims) byVerdict[c.verdict]++;
          assert.deepEqual(counts.counts, byVerdict, `status bar and JSON statement counts on ${name}`);
          const withFindings = new Set(diags.map((d) => (d.data as any).claim.start)).size;
          assert.equal(byVerdict.contradicted + byVerdict.unsupported, withFindings, `statements with findings on ${name}`);

          // findings by severity: the status bar's tooltip says what the Problems panel counts
          const bySeverity = { error: 0, warning: 0, information: 0, hint: 0 } as Record<string, number>;
          for (const d of diags) bySeverity[SEVERITY_NAME[d.severity!]]++;
          assert.deepEqual(counts.findings, bySeverity, `status bar and diagnostics on ${name}`);
          const status = draftStatus(counts);
          assert.ok(
            status.text.includes(`${byVerdict.contradicted} contradicted, ${byVerdict.unsupported} unsupported, ${byVerdict.supported} supported statements`),
            status.text,
          );
          assert.ok(
            status.tips[0].startsWith(`${diags.length} finding${diags.length === 1 ? '' : 's'} in the Problems panel: ${bySeverity.error} error`),
            status.tips[0],
          );
          total += diags.length;
        }
        // one text line per finding, then the summary line
        assert.equal(text.stdout.trim().split('\n').length, total + 1, text.stdout);
        assert.equal(sarif.runs[0].results.length, total);
      } finally {
        await client.stop();
      }
    });
  }

  it('each configuration changes what is reported (the comparisons above are not vacuous)', () => {
    fs.writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ sources: ['seeds'], severity: { number: 'warning', contradicted: 'information' } }));
    const demoted = run(['check', 'example.md', 'one.md', '--fail-on', 'none'], dir).stdout;
    assert.match(demoted, /: (warning|information): contradicted: /);
    assert.doesNotMatch(demoted, /: error: /);
    fs.writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ sources: ['seeds'] }));
    const plain = run(['check', 'example.md', 'one.md', '--fail-on', 'none'], dir).stdout;
    assert.match(plain, /: error: contradicted: /);
    assert.notEqual(plain, demoted);
  });
});
