import * as assert from 'node:assert';
import { draftStatements } from '../../server/src/engine/draft';

function texts(md: string) {
  return draftStatements(md, 'markdown').statements.map((s) => ({ text: s.text, skip: s.skip, ok: md.slice(s.start, s.end) === s.text }));
}

describe('Markdown drafts', () => {
  it('skips front matter, code blocks, inline code, HTML comments and images', () => {
    const md = [
      '---',
      'title: Some fact here.',
      '---',
      '# The heading is here',
      '',
      'India and the US discussed jet engines. Use `the code span here.` now please.',
      '',
      '```',
      'The code block is not prose at all.',
      '```',
      '',
      '<!-- The comment is not prose either. -->',
      '![The image alt text](pic.png)',
      '',
      'See [the official report](https://example.com/a.b.c) for details.',
    ].join('\n');
    const st = texts(md);
    assert.ok(
      st.every((s) => s.ok),
      'every statement text equals the draft at its offsets',
    );
    const all = st.map((s) => s.text).join(' | ');
    assert.ok(!all.includes('code block'), all);
    assert.ok(!all.includes('comment is not'), all);
    assert.ok(!all.includes('Some fact here'), all);
    assert.ok(!all.includes('image alt'), all);
    assert.deepStrictEqual(st[0], { text: 'The heading is here', skip: 'heading', ok: true });
    assert.strictEqual(st[1].text, 'India and the US discussed jet engines.');
    const link = draftStatements(md, 'markdown').statements.find((s) => s.text.startsWith('See'))!;
    assert.ok(link.prose.includes('the official report'));
    assert.ok(!link.prose.includes('example.com'), 'the link URL is masked: ' + link.prose);
    assert.strictEqual(link.prose.length, link.text.length);
  });

  it('skips questions and fragments, with the reason', () => {
    const st = draftStatements('Is this true?\n\nYes.\n\nThe talks were exploratory in nature.', 'markdown').statements;
    assert.deepStrictEqual(
      st.map((s) => s.skip),
      ['question', 'fragment without factual content', undefined],
    );
  });

  it('keeps exact offsets with CRLF and emoji', () => {
    const md = '# Título 😀\r\n\r\nThe 😀 talks were exploratory.\r\nThey had no deadline.';
    const st = draftStatements(md, 'markdown').statements;
    for (const s of st) assert.strictEqual(md.slice(s.start, s.end), s.text);
    assert.deepStrictEqual(
      st.map((s) => s.text),
      ['Título 😀', 'The 😀 talks were exploratory.', 'They had no deadline.'],
    );
  });

  it('honours inline control comments and front matter', () => {
    const md =
      'The first claim is checked here.\n\n<!-- corroborate-disable-next-line -->\nThe second claim is not checked.\n\n<!-- corroborate-disable -->\nThe third claim is not checked.\n\n<!-- corroborate-enable -->\nThe fourth claim is checked again.';
    const st = draftStatements(md, 'markdown').statements;
    assert.deepStrictEqual(
      st.map((s) => [s.text.split(' ')[1], !!s.skip]),
      [
        ['first', false],
        ['second', true],
        ['third', true],
        ['fourth', false],
      ],
    );
    const off = draftStatements('---\ncorroborate: false\n---\nThe claim is here and long.', 'markdown');
    assert.strictEqual(off.disabled, true);
    assert.ok(off.statements.every((s) => s.skip));
  });

  it('splits plain text drafts', () => {
    const st = draftStatements('The talks were exploratory. No agreement was signed.\n', 'plaintext').statements;
    assert.deepStrictEqual(
      st.map((s) => s.text),
      ['The talks were exploratory.', 'No agreement was signed.'],
    );
  });
});
