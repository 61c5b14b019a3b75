/**
 * The CLI as a user runs it: dist/cli.js in a child process on a temporary folder.
 * Checks the text line shape, the version-1 JSON shape (every statement, quote == source
 * text at range), exit codes 0/1/2 and --fail-on.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve('dist/cli.js');

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Text between two 0-based LSP positions. */
function textAt(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return text.slice(off(range.start), off(range.end));
}

const SOURCE = [
  'The committee approved 30 new tanks for the army in March.',
  'The river does not flood the valley in summer.',
  'The museum opened its new wing to visitors last year, after a long renovation.',
  '',
].join('\n');

const DRAFT = [
  '# Notes on the town',
  '',
  'The museum opened its new wing to visitors last year. The committee approved 300 new tanks for the army in March.',
  '',
  'The river does flood the valley in summer.',
  '',
  'The orchestra toured Japan with a new conductor and 🎻 soloists.',
  '',
  'What happened to the bridge?',
  '',
  '```',
  'The orchestra toured Japan.',
  '```',
  '',
].join('\r\n');

describe('cli: corroborate check', function () {
  this.timeout(30000);
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'town.txt'), SOURCE);
    fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    fs.mkdirSync(path.join(dir, 'drafts', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'one.txt'), 'The museum opened its new wing to visitors last year.\n');
    fs.writeFileSync(path.join(dir, 'drafts', 'sub', 'two.md'), 'The orchestra toured Japan with a new conductor.\n');
    fs.writeFileSync(path.join(dir, 'drafts', 'ignored.json'), '{}');
    fs.mkdirSync(path.join(dir, 'seeds'));
    fs.writeFileSync(path.join(dir, 'seeds', 'town.txt'), SOURCE);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one compiler-style line per finding and a summary line', () => {
    const r = run(['check', 'draft.md', '--sources', 'src', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^\d+ statements? in 1 file: \d+ contradicted, \d+ unsupported, \d+ supported, \d+ skipped$/);
    assert.ok(lines.length >= 1, 'at least the orchestra sentence is a finding');
    for (const l of lines) {
      assert.match(l, /^draft\.md:\d+:\d+: (error: contradicted|warning: unsupported): \S.*?( \[src\/town\.txt:\d+\])?$/, l);
    }
    const orchestra = lines.find((l) => l.startsWith('draft.md:7:'));
    assert.ok(orchestra, 'the unsourced sentence on line 7 is reported');
    assert.match(orchestra, /: warning: unsupported: /);
    // nothing from the code block or the question
    assert.ok(!lines.some((l) => /^draft\.md:(9|12):/.test(l)));
  });

  it('gives every statement, skipped ones too, in the version-1 JSON shape with exact quotes', () => {
    const r = run(['check', 'draft.md', '--sources', 'src', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'files']);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    const file = report.files[0];
    assert.deepEqual(Object.keys(file), ['path', 'claims']);
    assert.equal(file.path, 'draft.md');
    const source = fs.readFileSync(path.join(dir, 'src', 'town.txt'), 'utf8');
    const texts = file.claims.map((c: { text: string }) => c.text);
    assert.deepEqual(texts, [
      'Notes on the town',
      'The museum opened its new wing to visitors last year.',
      'The committee approved 300 new tanks for the army in March.',
      'The river does flood the valley in summer.',
      'The orchestra toured Japan with a new conductor and 🎻 soloists.',
      'What happened to the bridge?',
    ]);
    for (const c of file.claims) {
      // a skipped statement says why (after its verdict); a checked one carries its verdict's confidence (0..1) last
      const keys =
        c.verdict === 'skipped'
          ? ['text', 'range', 'verdict', 'skip', 'score', 'evidence', 'signals']
          : ['text', 'range', 'verdict', 'score', 'evidence', 'signals', 'confidence'];
      assert.deepEqual(Object.keys(c), keys);
      if (c.verdict !== 'skipped') assert.ok(c.confidence >= 0 && c.confidence <= 1, `confidence ${c.confidence}`);
      assert.ok(['supported', 'unsupported', 'contradicted', 'skipped'].includes(c.verdict));
      assert.equal(typeof c.score, 'number');
      assert.equal(textAt(DRAFT, c.range), c.text, 'claim range is 0-based and exact');
      for (const e of c.evidence) {
        assert.deepEqual(Object.keys(e), ['source', 'range', 'quote', 'score', 'relation']);
        assert.equal(e.source, path.join('src', 'town.txt'));
        assert.ok(['supports', 'contradicts', 'related'].includes(e.relation));
        assert.equal(textAt(source, e.range), e.quote, 'quote is exactly the source text at range');
      }
      for (const s of c.signals) {
        assert.deepEqual(Object.keys(s), ['kind', 'message', 'range']);
        assert.equal(typeof s.message, 'string');
        const within = textAt(DRAFT, s.range);
        assert.ok(c.text.includes(within), `signal range ${JSON.stringify(within)} lies inside its statement`);
      }
    }
    const byText = (t: string) => file.claims.find((c: { text: string }) => c.text.startsWith(t));
    assert.equal(byText('Notes on').verdict, 'skipped');
    assert.equal(byText('What happened').verdict, 'skipped');
    assert.equal(byText('What happened').skip, 'question', 'a skipped statement gives its reason');
    assert.equal(byText('Notes on').skip, 'heading');
    assert.equal(byText('The museum').verdict, 'supported');
    assert.equal(byText('The museum').evidence[0].relation, 'supports');
    assert.equal(byText('The orchestra').verdict, 'unsupported');
    assert.equal(byText('The orchestra').range.start.line, 6);
    assert.notEqual(byText('The committee').verdict, 'supported');
  });

  it('exit code follows --fail-on', () => {
    const json = JSON.parse(run(['check', 'draft.md', '--sources', 'src', '--format', 'json', '--fail-on', 'none'], dir).stdout);
    const anyContradicted = json.files[0].claims.some((c: { verdict: string }) => c.verdict === 'contradicted');
    assert.equal(run(['check', 'draft.md', '--sources', 'src'], dir).code, anyContradicted ? 1 : 0, 'default is contradicted');
    assert.equal(run(['check', 'draft.md', '--sources', 'src', '--fail-on', 'contradicted'], dir).code, anyContradicted ? 1 : 0);
    assert.equal(run(['check', 'draft.md', '--sources', 'src', '--fail-on', 'unsupported'], dir).code, 1);
    assert.equal(run(['check', 'draft.md', '--sources', 'src', '--fail-on', 'none'], dir).code, 0);
    assert.equal(run(['check', 'drafts/one.txt', '--sources', 'src', '--fail-on', 'unsupported'], dir).code, 0, 'a fully supported draft passes');
  });

  it('exits 2 with a clear message on usage and I/O errors', () => {
    const cases: [string[], RegExp][] = [
      [[], /no command/],
      [['lint', 'draft.md'], /unknown command/],
      [['check'], /no draft/],
      [['check', 'draft.md', '--format', 'xml', '--sources', 'src'], /unknown --format 'xml'/],
      [['check', 'draft.md', '--fail-on', 'maybe', '--sources', 'src'], /unknown --fail-on 'maybe'/],
      [['check', 'draft.md', '--bogus'], /unknown option '--bogus'/],
      [['check', 'missing.md', '--sources', 'src'], /draft not found: missing\.md/],
      [['check', 'draft.md', '--sources', 'nowhere'], /source folder not found: nowhere/],
      [['check', 'draft.md', '--sources'], /--sources needs a value/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')} -> 2`);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^corroborate: /);
      assert.equal(r.stdout, '');
    }
  });

  it('checks every .md/.markdown/.txt in a draft folder and defaults --sources to ./seeds', () => {
    const r = run(['check', 'drafts', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(
      files.map((f: { path: string }) => f.path),
      [path.join('drafts', 'one.txt'), path.join('drafts', 'sub', 'two.md')],
    );
    assert.equal(files[0].claims[0].verdict, 'supported');
    assert.equal(files[0].claims[0].evidence[0].source, path.join('seeds', 'town.txt'));
    const text = run(['check', 'drafts', '--fail-on', 'none'], dir);
    assert.match(text.stdout, /in 2 files:/);
    assert.match(text.stdout, /^drafts\/sub\/two\.md:1:\d+: warning: unsupported: /m);
  });

  it('reports unreadable source files on stderr, naming the file, and goes on', () => {
    const bad = path.join(dir, 'src2');
    fs.mkdirSync(bad, { recursive: true });
    fs.writeFileSync(path.join(bad, 'town.txt'), SOURCE);
    fs.writeFileSync(path.join(bad, 'binary.txt'), Buffer.from([0, 1, 2, 0, 0, 255, 0, 0, 3, 0]));
    const r = run(['check', 'draft.md', '--sources', 'src2', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /src2\/binary\.txt/);
    assert.match(r.stdout, /statements in 1 file/);
  });

  it('writes SARIF 2.1.0', () => {
    const r = run(['check', 'draft.md', '--sources', 'src', '--format', 'sarif', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.ok(results.length >= 1);
    for (const x of results) {
      // the editor's codes: the verdict, or the deciding signal (number, negation...)
      assert.ok(
        log.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === x.ruleId),
        x.ruleId,
      );
      assert.equal(x.locations[0].physicalLocation.artifactLocation.uri, 'draft.md');
      assert.ok(x.locations[0].physicalLocation.region.startLine >= 1);
    }
  });

  it('prints --help and --version', () => {
    const h = run(['--help'], dir);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage: corroborate check/);
    const v = run(['--version'], dir);
    assert.equal(v.code, 0);
    assert.match(v.stdout.trim(), /^\d+\.\d+\.\d+/);
  });
});
