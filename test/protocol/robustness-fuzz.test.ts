/**
 * Property-based tests through the language server (fast-check): random drafts and random
 * sequences of incremental edits. The server never logs an error or dies, every range it hands
 * out lies inside the document, and the diagnostics after the edits equal those of a fresh
 * document opened with the final text.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { lineStarts, makeWorkspace, start, uriOf, type Client } from './harness';

const PIECES = [
  'India and the United States signed a defense agreement in 2023.',
  'The deal covers jet engines and armed drones.',
  'The partnership includes nuclear submarines.',
  'Officials said the talks were not productive.',
  '# Heading about the deal',
  '- a list item about jet engines',
  '> a quotation of the minister',
  '`code span`',
  '```\ncode block\n```',
  '[a link](https://example.com)',
  '[^1]',
  '[^1]: a footnote about the deal.',
  '**bold claim** about 300 tanks.',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '<!-- corroborate-disable-next-line -->',
  '"an unclosed quotation',
  '((((((((',
  ']]]]',
  '....',
  '👍🏽🇮🇳',
  'שלום עולם',
  'e\u0301',
  'U.S.',
  '3.5',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((ps) => ps.join(' '));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
});

function position(t: string, off: number) {
  const s = lineStarts(t);
  let l = 0;
  while (l + 1 < s.length && s[l + 1] <= off) l++;
  return { line: l, character: off - s[l] };
}

/** Never between \r and \n (no editor puts a cursor there). */
function snap(t: string, off: number): number {
  return off > 0 && t.charCodeAt(off - 1) === 13 && t.charCodeAt(off) === 10 ? off - 1 : off;
}

function assertInside(t: string, r: Range, what: string) {
  const s = lineStarts(t);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < s.length, `${what}: line ${p.line} of ${s.length}`);
    const lineEnd = p.line + 1 < s.length ? s[p.line + 1] : t.length;
    let contentEnd = lineEnd;
    while (contentEnd > s[p.line] && (t.charCodeAt(contentEnd - 1) === 10 || t.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
    assert.ok(p.character >= 0 && s[p.line] + p.character <= contentEnd, `${what}: character ${p.character} on line ${p.line}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start before end`);
}

const comparable = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

describe('robustness: random drafts and edits through the language server (fast-check)', function () {
  this.timeout(120_000);
  let c: Client;
  let folder: string;
  let n = 0;
  /** diagnostics seen (the properties must not pass vacuously) */
  let seen = 0;
  before(async () => {
    folder = makeWorkspace();
    c = await start({ folder, settings: { debounceMs: 0, holdBackMs: 0 } });
  });
  after(async () => {
    await c.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const errors = () => c.log.filter((m) => m.method === 'window/logMessage' && m.params.type === 1).map((m) => m.params.message);

  it('random drafts: ranges inside the document, hover anywhere, no error', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (t, hovers, md) => {
        const file = path.join(folder, `r${n++}.${md ? 'md' : 'txt'}`);
        const pub = c.diagnostics(uriOf(file));
        const uri = c.open(file, t, md ? 'markdown' : 'plaintext');
        const { diagnostics } = await pub;
        seen += diagnostics.length;
        for (const d of diagnostics) assertInside(t, d.range, 'diagnostic');
        for (const h of hovers) {
          const res = await c.request('textDocument/hover', { textDocument: { uri }, position: position(t, snap(t, Math.floor(h * t.length))) });
          if (res?.range) assertInside(t, res.range, 'hover');
        }
        c.notify('textDocument/didClose', { textDocument: { uri } });
      }),
      { numRuns: Number(process.env.CORROBORATE_FUZZ_RUNS ?? 40) },
    );
    assert.ok(seen > 0, 'some diagnostics were checked');
    assert.deepStrictEqual(errors(), []);
    assert.strictEqual(c.proc.exitCode, null, 'the server is alive');
  });

  it('random edit sequences: the result equals a fresh full check of the final text', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(edit, { minLength: 1, maxLength: 15 }), async (t0, edits) => {
        const file = path.join(folder, `e${n++}.md`);
        const uri = uriOf(file);
        const opened = c.diagnostics(uri);
        c.open(file, t0);
        await opened;
        let t = t0;
        let version = 1;
        for (const e of edits) {
          const s = snap(t, Math.floor(e.at * t.length));
          const end = snap(t, Math.min(t.length, s + e.del));
          const range = { start: position(t, s), end: position(t, end) };
          t = t.slice(0, s) + e.insert + t.slice(end);
          version++;
          c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: e.insert }] });
        }
        const final = await c.diagnostics(uri, (_d, p) => p.version === version);
        seen += final.diagnostics.length;
        for (const d of final.diagnostics) assertInside(t, d.range, 'diagnostic after edits');
        const freshFile = path.join(folder, `f${n++}.md`);
        const freshPub = c.diagnostics(uriOf(freshFile));
        const freshUri = c.open(freshFile, t);
        const fresh = await freshPub;
        assert.deepStrictEqual(comparable(final.diagnostics), comparable(fresh.diagnostics));
        c.notify('textDocument/didClose', { textDocument: { uri } });
        c.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
      }),
      { numRuns: Number(process.env.CORROBORATE_FUZZ_RUNS ?? 40) },
    );
    assert.ok(seen > 0, 'some diagnostics were checked');
    assert.deepStrictEqual(errors(), []);
    assert.strictEqual(c.proc.exitCode, null, 'the server is alive');
  });
});
