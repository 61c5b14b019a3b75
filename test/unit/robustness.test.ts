/**
 * Robustness of the engine: every bad source is reported once, naming the file, while the rest
 * is indexed (and decoded right: UTF-16 sentences are usable evidence); every bad draft is
 * checked in under a second with exact ranges and no exception.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createChecker, LineIndex, SourceIndex, type ClaimResult } from '../../server/src/engine';
import { loadSourcesSync, type SourceProblem } from '../../server/src/workspace';
import { indexFile, listAll } from '../../server/src/workspace/corpus';
import { MAX_STATEMENT_CHARS } from '../../server/src/engine/draft';
import { BIG_FIRST, BIG_LAST, BOM8, GOOD, LATIN1, makeBadSources, MAX_SOURCE_KB, removeBadSources, SECRET, UTF16BE, UTF16LE } from '../protocol/badSources';

const REPO = path.join(__dirname, '../../..');

/** Every range a result hands out is exact: the draft's text, the source's quote. */
export function assertExact(text: string, results: ClaimResult[], index: SourceIndex) {
  let prevEnd = 0;
  const lines = new Map<string, LineIndex>();
  for (const r of results) {
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `range ${r.start}-${r.end} of ${text.length}`);
    assert.ok(r.start >= prevEnd, 'statements in order, not overlapping');
    prevEnd = r.end;
    assert.strictEqual(text.slice(r.start, r.end), r.text);
    for (const s of r.signals) assert.ok(s.start >= r.start && s.end <= r.end && s.start <= s.end, `signal ${s.kind} inside its statement`);
    for (const e of r.evidence) {
      const f = index.file(e.source);
      assert.ok(f, e.source);
      assert.strictEqual(f.text.slice(e.start, e.end), e.quote);
      let li = lines.get(e.source);
      if (!li) lines.set(e.source, (li = new LineIndex(f.text)));
      assert.deepStrictEqual(li.range(e.start, e.end), e.range);
    }
  }
}

function rel(root: string, ps: SourceProblem[]) {
  return ps.map((p) => ({ path: path.relative(root, p.path).split(path.sep).join('/'), message: p.message }));
}

describe('robustness: bad sources (engine)', function () {
  this.timeout(30_000);
  let root: string;
  let bad: ReturnType<typeof makeBadSources>;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bad-'));
    bad = makeBadSources(root);
  });
  after(() => removeBadSources(root));

  it('reports each bad file once, naming it, and indexes the rest', () => {
    const index = new SourceIndex();
    const res = loadSourcesSync(index, [bad.src, path.join(root, 'nowhere')], { maxBytes: MAX_SOURCE_KB * 1024 });
    const reports = rel(root, [...res.problems, ...res.warnings]);
    for (const [file, re] of Object.entries(bad.reported)) {
      const about = reports.filter((r) => r.path === file);
      assert.strictEqual(about.length, 1, `${file} reported once: ${JSON.stringify(reports)}`);
      assert.match(about[0].message, re);
    }
    const expected = new Set(Object.keys(bad.reported));
    for (const r of reports) assert.ok(expected.has(r.path), `unexpected report ${JSON.stringify(r)}`);
    for (const f of bad.silent) assert.ok(index.file(path.join(root, f)), `${f} indexed`);
    const texts = index.filePaths().map((p) => index.file(p)!.text);
    assert.ok(texts.some((t) => t.includes(GOOD)));
    assert.ok(
      texts.some((t) => t.includes(BOM8) && !t.includes('\uFEFF')),
      'BOM dropped',
    );
    assert.ok(
      texts.some((t) => t.includes(UTF16LE)),
      'UTF-16 LE decoded',
    );
    assert.ok(
      texts.some((t) => t.includes(UTF16BE)),
      'UTF-16 BE decoded',
    );
    assert.ok(
      texts.some((t) => t.includes(LATIN1)),
      'Latin-1 fallback',
    );
    const big = index.file(path.join(bad.src, 'big.txt'))!;
    assert.ok(big.text.includes(BIG_FIRST) && !big.text.includes(BIG_LAST), 'the first part of a big file');
    assert.ok(big.text.length <= MAX_SOURCE_KB * 1024);
    for (const p of index.filePaths()) assert.ok(p.startsWith(bad.src + path.sep), `${p} inside the source folder`);
    assert.ok(!texts.some((t) => t.includes('swordfish')), 'nothing read through a link out of the folder');
  });

  it('decoded sentences are usable evidence (UTF-16 LE/BE, UTF-8 BOM, Latin-1, the first part of a big file)', () => {
    const index = new SourceIndex();
    loadSourcesSync(index, [bad.src], { maxBytes: MAX_SOURCE_KB * 1024 });
    const checker = createChecker(index);
    const claims: [string, string][] = [
      [UTF16LE, 'utf16le.txt'],
      [UTF16BE, 'utf16be.txt'],
      [BOM8, 'bom8.txt'],
      [LATIN1, 'latin1.txt'],
      [BIG_FIRST, 'big.txt'],
    ];
    const draft = claims.map((c) => c[0]).join('\n\n') + '\n\n' + SECRET + '\n';
    const results = checker.checkDraft(draft, 'markdown');
    assertExact(draft, results, index);
    for (const [claim, file] of claims) {
      const r = results.find((x) => x.text === claim)!;
      assert.strictEqual(r.verdict, 'supported', `${claim}: ${r.reason}`);
      assert.strictEqual(path.basename(r.evidence[0].source), file);
      assert.strictEqual(r.evidence[0].quote, claim);
    }
    const secret = results.find((x) => x.text === SECRET)!;
    assert.notStrictEqual(secret.verdict, 'supported');
    assert.ok(secret.evidence.every((e) => !e.source.includes('secret')));
  });

  it('a file deleted between listing and reading is reported once; the others are indexed', () => {
    const dir = path.join(root, 'mid');
    fs.mkdirSync(dir);
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${n}.txt`), `File ${n} says the ferry left at ${n === 'b' ? 9 : 10} o'clock.\n`);
    const problems: SourceProblem[] = [];
    const warnings: SourceProblem[] = [];
    const files = listAll([dir], problems);
    assert.strictEqual(files.length, 3);
    fs.unlinkSync(path.join(dir, 'b.txt'));
    const index = new SourceIndex();
    const ok = files.map((f) => indexFile(index, f, 1024 * 1024, problems, warnings));
    assert.deepStrictEqual(ok, [true, false, true]);
    assert.deepStrictEqual(rel(dir, problems), [{ path: 'b.txt', message: 'deleted before it could be read' }]);
    assert.strictEqual(index.fileCount, 2);
  });

  it('an unreadable file (chmod 000) is reported, naming it', function () {
    // root reads any file whatever its mode (CI runs as root): nothing to observe there
    if (!bad.unreadable) this.skip();
    const index = new SourceIndex();
    const res = loadSourcesSync(index, [bad.src]);
    const about = rel(root, res.problems).filter((p) => p.path === 'src/unreadable.txt');
    assert.strictEqual(about.length, 1);
    assert.match(about[0].message, /cannot read/);
  });
});

/** The bad drafts, by name. */
export function badDrafts(): Record<string, string> {
  const seedSentence = 'India and the United States signed a defense agreement in 2023, and the deal covers jet engines.';
  const words = (n: number) =>
    Array.from({ length: n }, (_, i) => ['India', 'signed', 'defense', 'agreement', 'the', 'jet', 'engine', 'in', '2023', 'partners'][i % 10]).join(' ');
  const example = fs.readFileSync(path.join(REPO, 'examples/draft.md'), 'utf8');
  let mb = '';
  while (mb.length < 1024 * 1024) mb += example + '\n\n';
  return {
    'one 100,000-character line': (words(20_000) + '. ').slice(0, 100_000),
    '1 MB draft (the example draft repeated)': mb,
    'CRLF line endings': `# Title\r\n\r\n${seedSentence}\r\nThe deal was signed in Washington.\r\n\r\n- first item about jet engines\r\n- second item\r\n`,
    'mixed line endings': `${seedSentence}\r\rThe deal was signed.\n\r\nIndia and the United States agreed.\rThe talks went on.\n`,
    emoji: `👍🏽 India signed 🇮🇳 a defense agreement with the United States 🇺🇸 in 2023. 👨‍👩‍👧 The deal covers jet engines 🚀.\n\n`.repeat(100),
    'right-to-left text': `الهند وقعت اتفاقية دفاعية مع الولايات المتحدة. שלום עולם זה משפט ארוך. ${seedSentence} \u202Eevil override\u202C text.\n\n`.repeat(
      100,
    ),
    'combining marks': 'Ine\u0301s signe\u0301d a\u0301 de\u0300fense agreement in 2023 with Zalgo t̸̢̛e̵̡͝x̷̧̛t̶̨͘. '.repeat(300),
    'twenty thousand dots': '.'.repeat(20_000),
    'dots between sentences': seedSentence + ' ' + '.'.repeat(20_000) + ' The deal was signed.',
    'ten thousand nested brackets': '['.repeat(10_000) + seedSentence + ']'.repeat(10_000),
    'ten thousand unclosed brackets': '['.repeat(10_000) + ' ' + seedSentence,
    'ten thousand nested parentheses': '('.repeat(10_000) + seedSentence + ')'.repeat(10_000),
    'unclosed quotation mark': 'He said "' + words(20_000),
    'unclosed curly quotation mark': 'He said “' + words(20_000),
    'ten thousand emphasis openers': '*a '.repeat(10_000) + seedSentence,
    'five thousand nested block quotes': '> '.repeat(5_000) + seedSentence,
    'ten thousand link definitions': '[a]: http://example.com\n'.repeat(10_000) + '\n' + seedSentence + ' [a]\n',
    'twenty thousand angle brackets': '<'.repeat(20_000) + seedSentence,
    'a 5,000-row table': '| claim |\n|---|\n' + `| ${seedSentence} |\n`.repeat(5_000),
    'two thousand indented list items': Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i % 40) + '- ' + seedSentence).join('\n'),
    'unclosed code fence': '```\n' + (seedSentence + '\n').repeat(2_000),
    'unclosed HTML comment': '<!--\n' + (seedSentence + '\n\n').repeat(2_000),
    'NUL and control characters': `${seedSentence}\u0000\u0001\u0007 The deal\u000B was signed.\f\n`,
    'lone surrogates': `India \uD800 signed \uDC00 a defense agreement in 2023. The deal \uDBFF was signed.`,
  };
}

describe('robustness: bad drafts (engine)', function () {
  this.timeout(60_000);
  const index = new SourceIndex();
  const timings: string[] = [];
  before(() => loadSourcesSync(index, [path.join(REPO, 'seeds')]));
  after(() => {
    if (process.env.CORROBORATE_PRINT_TIMINGS) console.log(timings.join('\n'));
  });

  for (const [name, text] of Object.entries(badDrafts())) {
    for (const format of ['markdown', 'plaintext'] as const) {
      it(`${name} (${format}): no exception, exact ranges, under a second`, () => {
        const checker = createChecker(index);
        const t0 = performance.now();
        const results = checker.checkDraft(text, format);
        const ms = performance.now() - t0;
        timings.push(`${String(Math.round(ms)).padStart(5)} ms  ${name} (${format}, ${text.length} chars)`);
        assert.ok(ms < 1000, `${Math.round(ms)} ms`);
        assertExact(text, results, index);
        const li = new LineIndex(text);
        for (const r of results) assert.strictEqual(li.offset(li.position(r.start)), r.start);
      });
    }
  }

  it('a statement over the length cap is skipped with the reason, its range exact', () => {
    const text = badDrafts()['one 100,000-character line'];
    const [r] = createChecker(index).checkDraft(text, 'markdown');
    assert.strictEqual(r.verdict, 'skipped');
    assert.match(r.reason, new RegExp(`the limit is ${MAX_STATEMENT_CHARS}`));
    assert.strictEqual(text.slice(r.start, r.end), r.text);
  });

  it('the 1 MB draft gives every copy of a statement the same verdict', () => {
    const text = badDrafts()['1 MB draft (the example draft repeated)'];
    const results = createChecker(index).checkDraft(text, 'markdown');
    const byText = new Map<string, string>();
    for (const r of results) {
      const v = byText.get(r.text);
      if (v) assert.strictEqual(r.verdict, v, r.text);
      else byText.set(r.text, r.verdict);
    }
    assert.ok(results.length > 1000);
  });
});
