/**
 * Sources as writers keep them, end to end: a folder of PDF, HTML, .docx, .odt, .epub, .eml, .vtt and .srt
 * files (test/fixtures/formats, made by scripts/make-fixtures.mjs), with a password-protected PDF, a
 * corrupt .docx and two files of formats Corroborate cannot read, checked through the CLI and the
 * language server.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, Hover, Location, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { positionOf, REPO, start, textAt, uriOf, type Client } from './harness';

const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'formats');

// the planted error: the PDF says fourteen cranes, on its page 3
const PLANTED = 'The new container terminal at Wexmoor opened in March with nine cranes.';
// and one in the .odt: it says four tugs, under its heading "Tug fleet"
const ODT_PLANTED = 'The authority owns six tugs, the newest built in 2019.';
const QUOTE = 'Ada Quist said: "We will not accept a third year without new pilots."';
const DRAFT = [
  '# Harbour notes',
  '',
  PLANTED,
  '',
  QUOTE,
  '',
  'The great fire of 1937 destroyed the wooden warehouses on the east quay.',
  '',
  "Shipping lines will pay the second pilot's fee, which the board set at 850 euros a night.",
  '',
  'The board agreed to hire six new pilots before the winter.',
  '',
  'The finance committee agreed on Monday that the reserve covers the new boat.',
  '',
  ODT_PLANTED,
  '',
].join('\n');

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-formats-'));
  fs.cpSync(FIXTURES, path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'slides.key'), 'not a readable format');
  fs.writeFileSync(path.join(dir, 'src', 'layout.pages'), 'not a readable format');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  // whole-second modification times, so that a test can put one back exactly
  const t = Math.floor(Date.now() / 1000) - 60;
  for (const name of fs.readdirSync(path.join(dir, 'src'))) fs.utimesSync(path.join(dir, 'src', name), t, t);
  return dir;
}

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'check', 'draft.md', '--sources', 'src', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonEvidence {
  source: string;
  place?: string;
  quote: string;
  relation: string;
  original?: Range;
}
interface JsonClaim {
  text: string;
  verdict: string;
  evidence: JsonEvidence[];
}

/** What a reader sees of raw markup: tags out, the entities of the fixture decoded, white space collapsed. */
const visible = (raw: string) =>
  raw
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

// the HTML page's own words, and a planted error against them
const FEE = "Shipping lines will pay the second pilot's fee, which the board set at 850 euros a night.";
const FEE_WRONG = "Shipping lines will pay the second pilot's fee, which the board set at 950 euros a night.";

const extractedUri = (fileUri: string) => 'corroborate-source://' + new URL(fileUri).pathname;

function claims(stdout: string): Map<string, JsonClaim> {
  const j = JSON.parse(stdout) as { files: { claims: JsonClaim[] }[] };
  return new Map(j.files[0].claims.map((c) => [c.text, c]));
}

describe('formats: PDF, HTML, DOCX, EPUB, email and transcripts as sources', function () {
  this.timeout(60_000);
  let dir: string;
  let client: Client | undefined;
  beforeEach(() => {
    dir = workspace();
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cli: the planted error on page 3 of the PDF is contradicted and cited "review.pdf, p. 3"', () => {
    const r = cli(['--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^draft\.md:3:\d+: error: contradicted: number: .*\[src\/review\.pdf, p\. 3\]$/m);
  });

  it('cli: the planted error in the .odt is contradicted and cited with its heading', () => {
    const r = cli(['--fail-on', 'none'], dir);
    assert.match(r.stdout, /^draft\.md:15:\d+: error: contradicted: number: the draft says six, the source says four \[src\/safety\.odt, “Tug fleet”\]$/m);
    const c = claims(cli(['--fail-on', 'none', '--format', 'json'], dir).stdout).get(ODT_PLANTED)!;
    assert.equal(c.verdict, 'contradicted');
    assert.deepEqual(
      [c.evidence[0].source, c.evidence[0].place, c.evidence[0].quote],
      ['src/safety.odt', '“Tug fleet”', 'The authority owns four tugs, the newest built in 2019.'],
    );
  });

  it('cli: bad files are reported once each with the reason, unreadable formats counted once, and the rest is indexed', () => {
    const r = cli(['--fail-on', 'none', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines.sort(), [
      "corroborate: src/corrupt.docx: not a readable .docx (Corrupted zip: can't find end of central directory): not indexed",
      'corroborate: src/locked.pdf: password-protected PDF: not indexed',
      'corroborate: src: 2 files skipped: unsupported format .key, .pages',
    ]);
    const c = claims(r.stdout);
    const cited = (text: string) => {
      const claim = c.get(text);
      assert.ok(claim, text);
      assert.equal(claim.verdict, 'supported', `${text}: ${JSON.stringify(claim.evidence[0])}`);
      return claim.evidence[0];
    };
    assert.deepEqual(
      [
        cited('The great fire of 1937 destroyed the wooden warehouses on the east quay.'),
        cited("Shipping lines will pay the second pilot's fee, which the board set at 850 euros a night."),
        cited('The board agreed to hire six new pilots before the winter.'),
        cited('The finance committee agreed on Monday that the reserve covers the new boat.'),
      ].map((e) => [e.source, e.place]),
      [
        ['src/history.epub', '“The timber trade”'],
        ['src/article.html', '“Costs for shipping lines”'],
        ['src/pilots.docx', '“Night pilotage”'],
        ['src/fees.eml', 'email from Tom Reyes, 3 Jun 2026'],
      ],
    );
    const planted = c.get(PLANTED)!;
    assert.equal(planted.verdict, 'contradicted');
    assert.deepEqual([planted.evidence[0].source, planted.evidence[0].place], ['src/review.pdf', 'p. 3']);
    assert.match(planted.evidence[0].quote, /fourteen cranes/);
  });

  it('cli --format sarif: evidence from the PDF names its page and gives no line region (lines count in the extracted text)', () => {
    const r = cli(['--fail-on', 'none', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.stdout) as {
      runs: { results: { relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[] }[] }[];
    };
    const related = sarif.runs[0].results
      .flatMap((x) => x.relatedLocations ?? [])
      .filter((l) => l.physicalLocation.artifactLocation.uri.endsWith('review.pdf'));
    assert.ok(related.length > 0);
    for (const l of related) {
      assert.match(l.message.text, /^p\. \d: /);
      assert.equal(l.physicalLocation.region, undefined);
    }
    assert.ok(related.some((l) => /^p\. 3: .*fourteen cranes/.test(l.message.text)));
  });

  it('cli: a quote from the .vtt is supported and its citation names the speaker and the time', () => {
    const c = claims(cli(['--fail-on', 'none', '--format', 'json'], dir).stdout);
    const q = c.get(QUOTE)!;
    assert.equal(q.verdict, 'supported');
    assert.equal(q.evidence[0].source, 'src/interview.vtt');
    assert.equal(q.evidence[0].place, '00:00:01, Ada Quist');
    assert.equal(q.evidence[0].quote, 'Ada Quist: We will not accept a third year without new pilots.');
  });

  it('cli --format json and sarif: evidence from the HTML page says where its quote stands in the raw file (original)', () => {
    const html = fs.readFileSync(path.join(dir, 'src', 'article.html'), 'utf8');
    const fee = claims(cli(['--fail-on', 'none', '--format', 'json'], dir).stdout).get(FEE)!;
    const ev = fee.evidence[0];
    assert.equal(ev.source, 'src/article.html');
    assert.ok(ev.original, JSON.stringify(ev));
    assert.equal(visible(textAt(html, ev.original)), ev.quote);
    assert.match(html.split('\n')[ev.original.start.line], /^\s*Shipping lines will pay/);
    // the PDF's text does not map back: no original
    const planted = claims(cli(['--fail-on', 'none', '--format', 'json'], dir).stdout).get(PLANTED)!;
    assert.equal(planted.evidence[0].original, undefined);
    fs.writeFileSync(path.join(dir, 'draft.md'), FEE_WRONG + '\n');
    const sarif = JSON.parse(cli(['--fail-on', 'none', '--format', 'sarif'], dir).stdout) as {
      runs: {
        results: {
          relatedLocations?: {
            message: { text: string };
            physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
          }[];
        }[];
      }[];
    };
    const related = sarif.runs[0].results
      .flatMap((x) => x.relatedLocations ?? [])
      .filter((l) => l.physicalLocation.artifactLocation.uri.endsWith('article.html'));
    assert.ok(related.length > 0, 'the planted error cites the page');
    const rg = related[0].physicalLocation.region;
    assert.ok(rg, 'a region in the raw page');
    const range = { start: { line: rg.startLine - 1, character: rg.startColumn - 1 }, end: { line: rg.endLine - 1, character: rg.endColumn - 1 } };
    assert.match(visible(textAt(html, range)), /850 euros a night/);
    assert.equal(related[0].message.text.replace(/^“Costs for shipping lines”: /, ''), visible(textAt(html, range)));
  });

  it('cli --cache: a warm start uses the cached extraction (the PDF is not read again)', () => {
    const cold = cli(['--fail-on', 'none', '--cache', '.cache'], dir);
    assert.match(cold.stdout, /\[src\/review\.pdf, p\. 3\]/);
    // same size and modification time, other bytes: only a re-extraction would notice
    const pdf = path.join(dir, 'src', 'review.pdf');
    const st = fs.statSync(pdf);
    fs.writeFileSync(pdf, Buffer.alloc(st.size, 0x20));
    fs.utimesSync(pdf, st.mtimeMs / 1000, st.mtimeMs / 1000);
    // the cache must also be newer than the file's change time (a file changed after the cache was written
    // is read again, whatever its mtime: the hostile-workspace rule); date the cache after the overwrite
    const cacheFile = fs
      .readdirSync(path.join(dir, '.cache'), { recursive: true })
      .map(String)
      .find((n) => n.endsWith('index.bin'));
    assert.ok(cacheFile, 'a persisted index');
    const soon = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, '.cache', cacheFile), soon, soon);
    const warm = cli(['--fail-on', 'none', '--cache', '.cache'], dir);
    assert.equal(warm.stdout, cold.stdout);
    // a changed modification time: extracted again (and now refused: it is no PDF any more)
    const later = new Date(st.mtimeMs + 5000);
    fs.utimesSync(pdf, later, later);
    const again = cli(['--fail-on', 'none', '--cache', '.cache'], dir);
    assert.match(again.stderr, /src\/review\.pdf: .*not indexed/);
    assert.doesNotMatch(again.stdout, /review\.pdf, p\. 3/);
  });

  it('cli: .corroborate.json "sourceFormats" turns formats off, and says so once', () => {
    fs.writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ sourceFormats: ['html'] }));
    const r = cli(['--fail-on', 'none'], dir);
    assert.match(
      r.stderr,
      /^corroborate: src: 9 files skipped: format turned off in corroborate\.sourceFormats: \.docx, \.eml, \.epub, \.odt, \.pdf, \.srt, \.vtt$/m,
    );
    assert.doesNotMatch(r.stdout, /review\.pdf/);
    assert.doesNotMatch(r.stderr, /locked\.pdf|corrupt\.docx/);
  });

  it('server: the planted error is an error diagnostic, its hover cites "review.pdf, p. 3", the log names the bad and skipped files, the status lists the skipped', async () => {
    client = await start({ folder: dir, settings: { sources: ['src'], debounceMs: 0 } });
    const uri = uriOf(path.join(dir, 'draft.md'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    const p = await client.diagnostics(uri, (ds: Diagnostic[]) => ds.some((d) => textAt(DRAFT, d.range) === 'nine'));
    const nine = p.diagnostics.find((d: Diagnostic) => textAt(DRAFT, d.range) === 'nine')!;
    assert.equal(nine.severity, 1);
    const hover = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'nine cranes') })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(
      md,
      /\[src\/review\.pdf, p\. 3\]\(corroborate-source:\/\/\/[^)#]*\/src\/review\.pdf#L\d+\) \(\[original\]\(file:\/\/\/[^)#]*\/src\/review\.pdf\)\)/,
    );
    // go to evidence: the related location is the extracted text (a read-only view the client asks for), where the quote is exact
    const rel = nine.relatedInformation![0].location;
    assert.equal(rel.uri, 'corroborate-source://' + new URL(uriOf(path.join(dir, 'src', 'review.pdf'))).pathname);
    const st = await client.request<{ text: string; fileUri: string } | null>('corroborate/sourceText', { uri: rel.uri });
    assert.ok(st);
    assert.equal(st.fileUri, uriOf(path.join(dir, 'src', 'review.pdf')));
    assert.equal(textAt(st.text, rel.range), nine.relatedInformation![0].message);
    assert.match(textAt(st.text, rel.range), /fourteen cranes/);
    // only what an index holds is given out
    assert.equal(await client.request('corroborate/sourceText', { uri: 'corroborate-source:///etc/passwd' }), null);
    assert.equal(await client.request('corroborate/sourceText', { uri: uriOf(path.join(dir, 'draft.md')) }), null);
    const logs = client.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    assert.equal(logs.filter((m) => m.includes('locked.pdf') && m.includes('password-protected PDF')).length, 1, logs.join('\n'));
    assert.equal(logs.filter((m) => m.includes('corrupt.docx')).length, 1, logs.join('\n'));
    assert.equal(logs.filter((m) => m.includes('2 files skipped: unsupported format .key, .pages')).length, 1, logs.join('\n'));
    // the status bar's tooltip lists the skipped files (corroborate/status)
    const statuses = client.log.filter((m) => m.method === 'corroborate/status' && m.params.state === 'ready');
    assert.deepEqual(statuses[statuses.length - 1].params.skipped, ['src: 2 files skipped: unsupported format .key, .pages']);
  });

  it('server: evidence from the HTML page goes to the raw file at the quote (related information, definition, hover, Open the source)', async () => {
    const html = fs.readFileSync(path.join(dir, 'src', 'article.html'), 'utf8');
    const pageUri = uriOf(path.join(dir, 'src', 'article.html'));
    const text = `${FEE_WRONG}\n\n${FEE}\n`;
    fs.writeFileSync(path.join(dir, 'fees.md'), text);
    client = await start({ folder: dir, settings: { sources: ['src'], debounceMs: 0 } });
    const uri = uriOf(path.join(dir, 'fees.md'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const p = await client.diagnostics(uri, (ds: Diagnostic[]) => ds.some((d) => textAt(text, d.range) === '950 euros'));
    const d = p.diagnostics.find((x: Diagnostic) => textAt(text, x.range) === '950 euros')!;
    const rel = d.relatedInformation![0];
    assert.equal(rel.location.uri, pageUri);
    assert.match(visible(textAt(html, rel.location.range)), /set at 850 euros a night\.$/);
    assert.equal(visible(textAt(html, rel.location.range)), rel.message.replace(/\s+/g, ' '));
    // Go to evidence on the supported statement: the raw page, exactly its sentence
    const defs = (await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(text, '850 euros'),
    })) as Location[];
    assert.equal(defs[0].uri, pageUri);
    assert.equal(visible(textAt(html, defs[0].range)), FEE);
    const hover = (await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '850 euros') })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    const line = defs[0].range.start.line + 1;
    assert.ok(
      md.includes(`[src/article.html, “Costs for shipping lines”](${pageUri}#L${line}) ([extracted text](corroborate-source://${new URL(pageUri).pathname}#L`),
      md,
    );
    const actions = (await client.request<{ title: string; command?: { arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as { title: string; command?: { arguments: unknown[] } }[];
    const open = actions.find((a) => a.title.startsWith('Open the source'))!;
    assert.deepEqual(open.command!.arguments, [pageUri, rel.location.range]);
    // the read-only view of the extracted text carries the mapping, for Open the Original File
    const st = await client.request<{ text: string; origin?: number[] } | null>('corroborate/sourceText', { uri: extractedUri(pageUri) });
    assert.ok(st?.origin && st.origin.length > 0);
    // as VS Code writes the URI back (no empty authority: corroborate-source:/abs/path), the same text
    const vs = await client.request<{ text: string } | null>('corroborate/sourceText', { uri: 'corroborate-source:' + new URL(pageUri).pathname });
    assert.equal(vs?.text, st.text);
    assert.equal(await client.request('corroborate/sourceText', { uri: 'corroborate-source://host' + new URL(pageUri).pathname }), null);
  });

  it('server: a PDF added or changed while it runs is extracted (didChangeWatchedFiles), and a broken one reported', async () => {
    fs.renameSync(path.join(dir, 'src', 'review.pdf'), path.join(dir, 'review.pdf'));
    client = await start({ folder: dir, settings: { sources: ['src'], debounceMs: 0 } });
    const uri = uriOf(path.join(dir, 'draft.md'));
    const nine = (ds: Diagnostic[]) => ds.some((d) => textAt(DRAFT, d.range) === 'nine');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    await client.diagnostics(uri, (ds: Diagnostic[]) => ds.length > 0 && !nine(ds));
    // the PDF arrives: extracted in the worker, and the planted error is now contradicted by it
    const pdf = path.join(dir, 'src', 'review.pdf');
    fs.renameSync(path.join(dir, 'review.pdf'), pdf);
    const red = client.diagnostics(uri, nine);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pdf), type: 1 }] });
    await red;
    // it is overwritten by a locked one: reported by name, and its text leaves the index
    fs.copyFileSync(path.join(dir, 'src', 'locked.pdf'), pdf);
    const gone = client.diagnostics(uri, (ds: Diagnostic[]) => !nine(ds));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pdf), type: 2 }] });
    await gone;
    const logs = client.log.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params.message));
    assert.ok(
      logs.some((m) => m.includes('review.pdf: password-protected PDF: not indexed')),
      logs.join('\n'),
    );
  });
});
