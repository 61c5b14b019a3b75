/**
 * Hostile content from a cloned repository (issue 14), engine and conversion level: Markdown
 * whose reference links made the parse quadratic, globs that backtracked catastrophically,
 * deletion events that cost the whole index, source text that the hover rendered as Markdown.
 * Each case reproduces the attack and asserts the safe outcome within a bounded time.
 */
import * as assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { LineIndex, SourceIndex, type ClaimResult } from '../../server/src/engine';
import { codeActions } from '../../server/src/codeActions';
import { draftStatements } from '../../server/src/engine/draft';
import { FolderTree } from '../../server/src/engine/folderTree';
import { hoverMarkdown } from '../../server/src/hover';
import { escapeMarkdownText, markdownLink, WORD_JOINER } from '../../server/src/markdownEscape';
import { reportMarkdown } from '../../server/src/report';
import { compileGlob, compileGlobs } from '../../server/src/workspace/glob';

interface Node {
  type: string;
  url?: string;
  value?: string;
  children?: Node[];
}

function nodes(md: string): Node[] {
  const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
  const out: Node[] = [];
  const stack = [tree];
  for (let guard = 0; stack.length && guard < 1_000_000; guard++) {
    const n = stack.pop()!;
    out.push(n);
    for (const c of n.children ?? []) stack.push(c);
  }
  return out;
}

/** The text a node renders (without the invisible word joiners that break autolinks). */
function textOf(n: Node): string {
  if (n.type === 'text' || n.type === 'inlineCode') return (n.value ?? '').split(WORD_JOINER).join('');
  if (n.type === 'break') return '\n';
  return (n.children ?? []).map(textOf).join('');
}

describe('hostile content: reference links in Markdown (item 5)', () => {
  function referenceDraft(n: number, tag: string): string {
    const paras: string[] = [];
    for (let i = 0; i < n; i++) paras.push(`Paragraph ${i} of ${tag} cites the harbour survey [ref${(i * 7) % n}] and an unknown [note ${i}].`);
    const defs: string[] = [];
    for (let i = 0; i < n; i++) defs.push(`[ref${i}]: https://example.org/${tag}/${i} "Survey ${i}"`);
    return paras.join('\n\n') + '\n\n' + defs.join('\n') + '\n';
  }

  it('500 definitions x 500 paragraphs: parsed in seconds, every reference still resolved', function () {
    this.timeout(20_000);
    const text = referenceDraft(500, 'first');
    const t0 = Date.now();
    const { statements } = draftStatements(text, 'markdown');
    const ms = Date.now() - t0;
    // was 39 s (every block parsed with all 500 definitions appended); now linear
    assert.ok(ms < 8_000, `${ms} ms`);
    assert.equal(statements.length, 500);
    for (let i = 0; i < 500; i += 37) {
      const st = statements[i];
      const ref = `ref${(i * 7) % 500}`;
      // a resolved reference: its brackets are markup (masked), its label text is prose
      const at = st.text.indexOf(`[${ref}]`);
      assert.ok(at >= 0, st.text);
      assert.equal(st.prose.slice(at, at + ref.length + 2), ` ${ref} `);
      // an undefined one stays literal text, brackets and all
      const note = st.text.indexOf('[note');
      assert.equal(st.prose[note], '[');
    }
  });

  it('grows linearly: 4x the definitions and paragraphs cost well under 16x the time', function () {
    this.timeout(30_000);
    const small = referenceDraft(120, 'small');
    const big = referenceDraft(480, 'big');
    draftStatements(referenceDraft(40, 'warm'), 'markdown');
    let t0 = process.hrtime.bigint();
    draftStatements(small, 'markdown');
    const a = Number(process.hrtime.bigint() - t0);
    t0 = process.hrtime.bigint();
    draftStatements(big, 'markdown');
    const b = Number(process.hrtime.bigint() - t0);
    // quadratic would be ~16x; linear ~4x (allow noise on a shared machine)
    assert.ok(b < 10 * a, `120: ${(a / 1e6).toFixed(0)} ms, 480: ${(b / 1e6).toFixed(0)} ms`);
  });

  it('a reference defined with other case and spacing resolves; one defined nowhere does not', () => {
    const text =
      'The survey [Harbour   Report] counted ten ships in port.\n\nThe [missing one] was never filed at all.\n\n[harbour report]: https://example.org/h\n';
    const { statements } = draftStatements(text, 'markdown');
    assert.equal(statements[0].prose.indexOf('['), -1, statements[0].prose);
    assert.ok(statements[1].prose.includes('[missing one]'));
  });
});

describe('hostile content: globs (item 6)', () => {
  it('the backtracking glob against a long name answers at once', () => {
    const evil = '*a'.repeat(40) + '*b';
    const c = compileGlob(evil);
    assert.ok(c.ok);
    for (const len of [32, 200, 2000]) {
      const t0 = Date.now();
      assert.equal(c.matcher.test('a'.repeat(len)), false);
      assert.ok(Date.now() - t0 < 500, `${len} characters: ${Date.now() - t0} ms`);
    }
    assert.equal(c.matcher.test('a'.repeat(40) + 'b'), true);
    const deep = compileGlob('**/'.repeat(30) + '*.md');
    assert.ok(deep.ok);
    const t0 = Date.now();
    assert.equal(deep.matcher.test('a/'.repeat(200) + 'x.txt'), false);
    assert.ok(Date.now() - t0 < 500);
  });

  it('matches as before: folders, stars, alternatives, classes', () => {
    const yes: [string, string][] = [
      ['**/*.md', 'a.md'],
      ['**/*.md', 'x/y/z.md'],
      ['docs/**', 'docs/a/b.txt'],
      ['*.{md,txt}', 'n.txt'],
      ['notes/**/draft-{one,two}.md', 'notes/a/b/draft-two.md'],
      ['ch?pter[0-9].md', 'chapter7.md'],
      ['[!x]*.md', 'a.md'],
      ['./drafts/*.md', 'drafts/a.md'],
    ];
    const no: [string, string][] = [
      ['*.md', 'x/a.md'],
      ['docs/*.md', 'docs/a/b.md'],
      ['*.{md,txt}', 'n.rst'],
      ['ch?pter[0-9].md', 'chapterX.md'],
      ['[!x]*.md', 'x.md'],
      ['?.md', '/.md'],
    ];
    for (const [g, p] of yes)
      assert.equal(
        compileGlob(g, { caseInsensitive: false }).ok &&
          (compileGlob(g, { caseInsensitive: false }) as { matcher: { test(s: string): boolean } }).matcher.test(p),
        true,
        `${g} ~ ${p}`,
      );
    for (const [g, p] of no)
      assert.equal((compileGlob(g, { caseInsensitive: false }) as { matcher: { test(s: string): boolean } }).matcher.test(p), false, `${g} !~ ${p}`);
  });

  it('reports invalid globs with the reason instead of matching nothing silently', () => {
    const { matchers, invalid } = compileGlobs([
      '**/*.md',
      'drafts/{a,b',
      'x[ab',
      'a}b',
      '[z-a].md',
      '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}',
      'x'.repeat(1001),
      '',
    ]);
    assert.equal(matchers.length, 1);
    assert.deepEqual(
      invalid.map((i) => i.message.replace(/^invalid glob "[^"]*": /, '')),
      [
        'a "{" without its "}"',
        'a "[" without its "]"',
        'a "}" without its "{"',
        'the range "z-a" is backwards',
        'more than 256 alternatives',
        'longer than 1000 characters',
        'empty',
      ],
    );
    assert.match(invalid[0].message, /^invalid glob "drafts\/\{a,b": /);
  });
});

describe('hostile content: deletion events (item 7)', () => {
  it('4,000 deleted files and a deleted folder cost the files removed, not the index', function () {
    this.timeout(20_000);
    const idx = new SourceIndex();
    // 8,000 small sources in 80 folders; 4,000 of them (40 folders) are deleted one event each
    for (let d = 0; d < 80; d++) for (let f = 0; f < 100; f++) idx.addFile(`/ws/src/d${d}/f${f}.txt`, `Folder ${d} file ${f} records ${d * 100 + f} boats.`);
    assert.equal(idx.fileCount, 8000);
    const t0 = Date.now();
    let removed = 0;
    for (let d = 0; d < 40; d++) for (let f = 0; f < 100; f++) removed += idx.removePath(`/ws/src/d${d}/f${f}.txt`);
    const ms = Date.now() - t0;
    assert.equal(removed, 4000);
    assert.equal(idx.fileCount, 4000);
    assert.ok(ms < 3000, `${ms} ms for 4,000 deletions`);
    // a deleted folder: its files go, the others stay, a prefix-named sibling is not "inside"
    idx.addFile('/ws/src/d50x/other.txt', 'A sibling folder whose name starts the same way.');
    assert.equal(idx.removePath('/ws/src/d50'), 100);
    assert.equal(idx.removePath('/ws/src/d50/'), 0);
    assert.ok(idx.file('/ws/src/d50x/other.txt'));
    assert.equal(idx.removePath('/ws/src'), 3901);
    assert.equal(idx.fileCount, 0);
    assert.equal(idx.search(['boat'], 5).length, 0);
  });

  it('FolderTree: files below a folder, pruned as files go', () => {
    const t = new FolderTree();
    for (const p of ['/a/b/c.txt', '/a/b/d/e.txt', '/a/x.txt', '/q.txt', 'C:\\w\\s.txt']) t.add(p);
    assert.deepEqual(t.filesUnder('/a/b').sort(), ['/a/b/c.txt', '/a/b/d/e.txt']);
    assert.deepEqual(t.filesUnder('/a/').sort(), ['/a/b/c.txt', '/a/b/d/e.txt', '/a/x.txt']);
    assert.deepEqual(t.filesUnder('C:\\w'), ['C:\\w\\s.txt']);
    t.remove('/a/b/d/e.txt');
    t.remove('/a/b/c.txt');
    assert.deepEqual(t.filesUnder('/a/b'), []);
    assert.deepEqual(t.filesUnder('/').sort(), ['/a/x.txt', '/q.txt']);
  });
});

describe('hostile content: source text in the hover and the report (item 8)', () => {
  const draft = 'The harbour holds forty ships in winter.';
  const hostile = [
    'The harbour holds forty ships ![](https://tracker.example/pixel.png?id=42) in winter.',
    '<img src="https://tracker.example/p.gif"> The harbour holds [forty](command:workbench.action.terminal.new) ships.',
    'See <https://tracker.example/a> or www.tracker.example or mail spy@tracker.example for forty ships.',
    '# forty ships\n- in winter\n1. the harbour\n> holds &amp; *keeps* `them` | here',
  ];
  function result(quote: string): ClaimResult {
    return {
      text: draft,
      start: 0,
      end: draft.length,
      verdict: 'contradicted',
      score: 0.8,
      reason: `number: the draft says forty, the source says ${quote.slice(0, 20)}`,
      evidence: [
        {
          source: '/ws/src/a ![x](https://e.example) (1).txt',
          start: 0,
          end: quote.length,
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: quote.length } },
          quote,
          score: 0.8,
          relation: 'contradicts',
          sentenceIds: [0],
          matched: [{ start: quote.indexOf('forty'), end: quote.indexOf('forty') + 5 }],
        },
      ],
      signals: [
        {
          kind: 'number',
          effect: 'contradicts',
          message: `number: the source says <b>${quote.slice(0, 12)}</b>`,
          start: 18,
          end: 23,
          evidence: 0,
          sourceWords: quote,
        },
      ],
    };
  }

  it('no image, HTML, autolink or foreign link reaches the hover; the quote renders as its own characters', () => {
    for (const q of hostile) {
      const md = hoverMarkdown(result(q), { display: (p) => p.split('/').pop()! });
      const all = nodes(md);
      for (const n of all) {
        assert.ok(
          !['image', 'imageReference', 'html', 'linkReference', 'definition', 'heading', 'list', 'code', 'inlineCode', 'table'].includes(n.type),
          `${n.type} in\n${md}`,
        );
        if (n.type === 'link') assert.ok(n.url!.startsWith('file:///ws/src/'), n.url);
      }
      assert.equal(all.filter((n) => n.type === 'link').length, 1, md);
      const quoted = all.find((n) => n.type === 'blockquote')!;
      assert.equal(textOf(quoted), q, md);
    }
  });

  it('the report escapes source text too, and keeps only its own file links', () => {
    for (const q of hostile) {
      const md = reportMarkdown('draft.md', [result(q)], { lineOf: () => 0 });
      for (const n of nodes(md)) {
        assert.ok(!['image', 'imageReference', 'html', 'linkReference', 'definition', 'code', 'inlineCode', 'table'].includes(n.type), `${n.type} in\n${md}`);
        if (n.type === 'link') assert.ok(n.url!.startsWith('file:///ws/src/'), n.url);
      }
      assert.ok(textOf(nodes(md)[0]).includes(q.replace(/\s+/g, ' ')), md);
    }
  });

  it('escapes render as exactly the text; a file name cannot end the link', () => {
    const samples = [
      'Plain prose, with commas (and brackets).',
      'a_b*c*[d](e)<f>&g;~h~|i|`j`\\k',
      'www.x.example http://y.example z@w.example',
      '- 3\n+ 4\n= 5\n10) six\n> q',
    ];
    for (const s of samples) {
      const para = nodes(escapeMarkdownText(s)).find((n) => n.type === 'paragraph')!;
      assert.equal(textOf(para).replace(/\n/g, ' '), s.replace(/\n/g, ' '), escapeMarkdownText(s));
    }
    assert.equal(escapeMarkdownText('Plain prose, with commas.'), 'Plain prose, with commas.');
    const link = nodes(markdownLink('x](y) ![i](http://e.example)', 'file:///a b/c(1).txt#L2')).filter((n) => n.type === 'link' || n.type === 'image');
    assert.equal(link.length, 1);
    assert.equal(link[0].url, 'file:///a%20b/c%281%29.txt#L2');
  });
});

describe('hostile timing: quick fixes carry the document version (item 4)', () => {
  it('with documentChanges, every edit names the version it was computed for', () => {
    const text = 'The harbour holds forty ships in winter.\n';
    const quote = 'The harbour holds forty ships in winter.';
    const r: ClaimResult = {
      text: quote,
      start: 0,
      end: quote.length,
      verdict: 'supported',
      score: 1,
      reason: 'supported',
      evidence: [
        {
          source: '/ws/src/a.txt',
          start: 0,
          end: quote.length,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: quote.length } },
          quote,
          score: 1,
          relation: 'supports',
          sentenceIds: [0],
        },
      ],
      signals: [],
    };
    const base = {
      uri: 'file:///ws/d.md',
      text,
      lines: new LineIndex(text),
      markdown: true,
      results: [r],
      range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } },
      diagnostics: [],
      display: (p: string) => p,
    };
    const versioned = codeActions({ ...base, version: 7, documentChanges: true }).find((a) => a.edit)!;
    const dc = versioned.edit!.documentChanges as { textDocument: { uri: string; version: number }; edits: unknown[] }[];
    assert.equal(dc.length, 1);
    assert.deepEqual(dc[0].textDocument, { uri: 'file:///ws/d.md', version: 7 });
    assert.equal(versioned.edit!.changes, undefined);
    // a client without documentChanges gets plain changes
    const plain = codeActions({ ...base, version: 7 }).find((a) => a.edit)!;
    assert.ok(plain.edit!.changes!['file:///ws/d.md'].length === 2);
  });
});
