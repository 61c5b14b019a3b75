/**
 * The CLI reads .corroborate.json and inline comments exactly as the editor does (the same
 * diagnostics, compared with the language server's on the same folder), and its SARIF has the
 * structure SARIF 2.1.0 requires.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextOf } from '../../server/src/diagnostics';
import { makeWorkspace, NEGATED, start, SUBMARINES, SUPPORTED, textAt, uriOf } from './harness';

const CLI = path.resolve('dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ORCHESTRA = 'The orchestra toured Japan with a new conductor.';
const DRAFT = `# Notes\n\n${SUPPORTED} ${SUBMARINES}\n\n${NEGATED}\n\n<!-- corroborate-disable-next-line -->\n${ORCHESTRA}\n`;

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** Structural check of a SARIF 2.1.0 log (the schema's required properties and types for what we emit). */
function assertSarif(log: any): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  for (const run of log.runs) {
    const driver = run.tool?.driver;
    assert.equal(typeof driver?.name, 'string');
    assert.ok(driver.name.length > 0);
    assert.ok(Array.isArray(driver.rules));
    const ids = driver.rules.map((r: any) => r.id);
    for (const r of driver.rules) {
      assert.equal(typeof r.id, 'string');
      assert.equal(typeof r.shortDescription?.text, 'string');
      if (r.helpUri !== undefined) assert.doesNotThrow(() => new URL(r.helpUri));
      if (r.defaultConfiguration) assert.ok(['none', 'note', 'warning', 'error'].includes(r.defaultConfiguration.level));
    }
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    assert.ok(Array.isArray(run.results));
    for (const x of run.results) {
      assert.equal(typeof x.ruleId, 'string');
      assert.ok(ids.includes(x.ruleId), `${x.ruleId} is a rule`);
      if (x.ruleIndex !== undefined) assert.equal(ids[x.ruleIndex], x.ruleId);
      assert.ok(['none', 'note', 'warning', 'error'].includes(x.level), x.level);
      assert.equal(typeof x.message?.text, 'string');
      assert.ok(x.message.text.length > 0);
      assert.ok(Array.isArray(x.locations) && x.locations.length >= 1);
      for (const loc of [...x.locations, ...(x.relatedLocations ?? [])]) {
        const pl = loc.physicalLocation;
        assert.equal(typeof pl.artifactLocation.uri, 'string');
        const rg: SarifRegion = pl.region;
        for (const k of ['startLine', 'startColumn'] as const) assert.ok(Number.isInteger(rg[k]) && rg[k] >= 1, `${k} is 1-based: ${rg[k]}`);
        if (rg.endLine !== undefined) assert.ok(Number.isInteger(rg.endLine) && rg.endLine >= rg.startLine);
        if (rg.endColumn !== undefined) assert.ok(Number.isInteger(rg.endColumn) && rg.endColumn >= 1);
      }
    }
  }
}

/** The text a SARIF region covers (1-based lines and UTF-16 columns). */
function regionText(text: string, rg: SarifRegion): string {
  return textAt(text, { start: { line: rg.startLine - 1, character: rg.startColumn - 1 }, end: { line: rg.endLine! - 1, character: rg.endColumn! - 1 } });
}

describe('cli: .corroborate.json, inline comments and SARIF, as the editor', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => {
    dir = makeWorkspace({ 'draft.md': DRAFT });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes SARIF 2.1.0 with the editor's codes, levels and 1-based regions", () => {
    const r = run(['check', 'draft.md', '--format', 'sarif', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assertSarif(log);
    const results = log.runs[0].results;
    const neg = results.find((x: any) => x.ruleId === 'negation');
    assert.ok(neg, JSON.stringify(results.map((x: any) => x.ruleId)));
    assert.equal(neg.level, 'error');
    assert.equal(neg.locations[0].physicalLocation.artifactLocation.uri, 'draft.md');
    assert.equal(regionText(DRAFT, neg.locations[0].physicalLocation.region), 'not exploratory');
    const sub = results.find((x: any) => x.ruleId === 'unsupported');
    assert.equal(sub.level, 'warning');
    assert.equal(regionText(DRAFT, sub.locations[0].physicalLocation.region), 'nuclear submarines');
    assert.ok(!results.some((x: any) => regionText(DRAFT, x.locations[0].physicalLocation.region).includes('orchestra')), 'inline comment honoured');
  });

  it('honours hidden findings (with and without context), severity off and sources from .corroborate.json', () => {
    const at = DRAFT.indexOf(NEGATED);
    fs.renameSync(path.join(dir, 'seeds'), path.join(dir, 'library'));
    fs.writeFileSync(
      path.join(dir, '.corroborate.json'),
      JSON.stringify({
        sources: ['library'],
        hidden: [{ code: 'negation', text: NEGATED, context: contextOf(DRAFT, at, at + NEGATED.length) }],
        severity: { unsupported: 'off' },
      }),
    );
    const json = run(['check', 'draft.md', '--format', 'json'], dir);
    assert.equal(json.code, 0, `the only contradiction is hidden: ${json.stderr}${json.stdout}`);
    const claims = JSON.parse(json.stdout).files[0].claims;
    assert.equal(claims.find((c: any) => c.text === NEGATED).verdict, 'skipped');
    assert.equal(claims.find((c: any) => c.text === SUBMARINES).verdict, 'skipped');
    assert.equal(claims.find((c: any) => c.text === SUPPORTED).verdict, 'supported', 'sources read from .corroborate.json');
    const sarif = JSON.parse(run(['check', 'draft.md', '--format', 'sarif', '--fail-on', 'none'], dir).stdout);
    assertSarif(sarif);
    assert.deepEqual(sarif.runs[0].results, []);
    const text = run(['check', 'draft.md', '--fail-on', 'unsupported'], dir);
    assert.equal(text.code, 0, text.stdout);
    assert.ok(!text.stdout.includes('exploratory'), text.stdout);

    // a context that no longer matches (the words around the statement changed): shown again
    const moved = DRAFT.replace(`${NEGATED}`, `Meanwhile in other news. ${NEGATED}`);
    fs.writeFileSync(path.join(dir, 'draft.md'), moved);
    const again = run(['check', 'draft.md', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(JSON.parse(again.stdout).files[0].claims.find((c: any) => c.text === NEGATED).verdict, 'contradicted');
  });

  it('reports exactly the diagnostics the language server publishes for the same folder', async () => {
    fs.writeFileSync(
      path.join(dir, '.corroborate.json'),
      JSON.stringify({ hidden: [{ code: 'unsupported', text: SUBMARINES }], severity: { negation: 'warning' } }),
    );
    const client = await start({ folder: dir, settings: { sources: ['seeds'], debounceMs: 0 } });
    try {
      const uri = uriOf(path.join(dir, 'draft.md'));
      const pub = client.diagnostics(uri);
      client.open(path.join(dir, 'draft.md'), DRAFT);
      const editor = (await pub).diagnostics
        .filter((d) => d.source === 'corroborate')
        .map((d) => `${d.code}|${textAt(DRAFT, d.range)}|${d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'note'}`)
        .sort();
      const r = run(['check', 'draft.md', '--sources', 'seeds', '--format', 'sarif', '--fail-on', 'none'], dir);
      const cli = JSON.parse(r.stdout)
        .runs[0].results.map((x: any) => `${x.ruleId}|${regionText(DRAFT, x.locations[0].physicalLocation.region)}|${x.level}`)
        .sort();
      assert.deepEqual(cli, editor);
      assert.ok(editor.includes('negation|not exploratory|warning'), editor.join(', '));
      assert.ok(!editor.some((e) => e.includes('submarines') || e.includes('orchestra')), editor.join(', '));
    } finally {
      await client.stop();
    }
  });
});
