import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extract, type Extracted, type ExtractOutcome } from '../../server/src/workspace/extract';
import { splitSentences } from '../../server/src/engine/segment';
import { originRange, validOrigin } from '../../server/src/engine/origin';
import { LineIndex } from '../../server/src/engine/positions';
import type { LineRange } from '../../server/src/engine/types';

// fixtures made by scripts/make-fixtures.mjs from the project's own text
const FIXTURES = path.join(__dirname, '../../../test/fixtures/formats');

async function read(name: string): Promise<ExtractOutcome> {
  return extract(path.extname(name), fs.readFileSync(path.join(FIXTURES, name)));
}

async function ok(name: string): Promise<Extracted> {
  const r = await read(name);
  if ('problem' in r) assert.fail(`${name}: ${r.problem}`);
  return r;
}

/** The place label that covers `needle`'s first occurrence. */
function placeOf(r: Extracted, needle: string): string | undefined {
  const at = r.text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the extracted text`);
  let label: string | undefined;
  for (const p of r.places) if (p.offset <= at) label = p.label;
  return label;
}

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('source extraction', () => {
  it('PDF: text per page with page places, lines joined and de-hyphenated, running header and page numbers left out', async () => {
    const r = await ok('review.pdf');
    assert.strictEqual(r.metadata.pages, '3');
    assert.strictEqual(r.metadata.title, 'Annual Review');
    assert.deepStrictEqual(
      r.places.map((p) => p.label),
      ['p. 1', 'p. 2', 'p. 3'],
    );
    assert.strictEqual(placeOf(r, 'fourteen cranes'), 'p. 3');
    assert.strictEqual(placeOf(r, 'Dredging of the outer channel'), 'p. 2');
    assert.ok(!r.text.includes('Annual Review'), 'the running header is left out');
    assert.ok(!/Page \d of 3/.test(r.text), 'the page numbers are left out');
    assert.ok(r.text.includes("double the port's container traffic"), 'a word hyphenated across a line end is joined');
    // a sentence wrapped over two lines in the PDF is one sentence; paragraphs are apart
    assert.ok(
      sentences(r.text).includes('The Wexmoor Harbour Authority handled 2.4 million tonnes of cargo last year, a rise of eight per cent on the year before.'),
    );
    assert.ok(/before\.\n\nMost of the growth/.test(r.text));
  });

  it('PDF: a password-protected one is refused with the reason; a damaged one too', async () => {
    assert.deepStrictEqual(await read('locked.pdf'), { problem: 'password-protected PDF: not indexed' });
    const cut = fs.readFileSync(path.join(FIXTURES, 'review.pdf')).subarray(0, 300);
    const r = await extract('.pdf', cut);
    assert.ok('problem' in r, 'a truncated PDF is a problem');
    const junk = await extract('.pdf', Buffer.from('this is not a PDF at all'));
    assert.ok('problem' in junk && /PDF/.test(junk.problem), JSON.stringify(junk));
  });

  it('HTML: the article only (no navigation, aside or footer), with title, byline and date as metadata and headings as places', async () => {
    const r = await ok('article.html');
    assert.deepStrictEqual(r.metadata, { title: 'Wexmoor approves night pilotage rules', byline: 'Nell Varga', date: '2026-05-14T09:00:00Z' });
    for (const gone of ['Subscribe', 'Most read', 'All rights reserved', 'window.analytics', 'font-family']) assert.ok(!r.text.includes(gone), gone);
    assert.ok(r.text.includes('The rule takes effect on 1 July.'));
    assert.strictEqual(placeOf(r, '850 euros'), '“Costs for shipping lines”');
    assert.ok(r.text.includes('1 July.\n\nBoard members'), 'paragraphs are apart');
  });

  it('DOCX: paragraphs and headings; a corrupt file is refused with the reason', async () => {
    const r = await ok('pilots.docx');
    assert.strictEqual(placeOf(r, 'two pilots on board'), '“Night pilotage”');
    assert.ok(sentences(r.text).includes('The board agreed to hire six new pilots before the winter.'));
    const bad = await read('corrupt.docx');
    assert.ok('problem' in bad && /not a readable \.docx/.test(bad.problem), JSON.stringify(bad));
  });

  it('OpenDocument .odt: headings as places, paragraphs, list items and table cells apart; spaces kept; table of contents and annotations left out', async () => {
    const r = await ok('safety.odt');
    assert.strictEqual(r.metadata.title, 'Harbour safety report');
    assert.strictEqual(placeOf(r, 'four tugs'), '“Tug fleet”');
    assert.strictEqual(placeOf(r, 'closed for six days'), '“Winter storms”');
    assert.ok(sentences(r.text).includes('The authority owns four tugs, the newest built in 2019.'), 'a span and a <text:s/> inside a sentence');
    assert.ok(r.text.includes('2019. Each tug'), 'text:s text:c="2" is white space');
    assert.ok(r.text.includes('autumn.\n\nTwo crews'), 'list items are blocks');
    assert.ok(r.text.includes('December\n\n6 days'), 'table cells are blocks');
    assert.ok(!r.text.includes('check the number'), 'the annotation is left out');
    assert.ok(!r.text.includes('Tug fleet 1'), 'the table of contents is left out');
    assert.strictEqual(r.text.indexOf('Harbour safety report'), 0);
    const bad = await extract('.odt', fs.readFileSync(path.join(FIXTURES, 'safety.odt')).subarray(0, 200));
    assert.ok('problem' in bad && /not a readable \.odt/.test(bad.problem), JSON.stringify(bad));
    const notOdt = await extract('.odt', fs.readFileSync(path.join(FIXTURES, 'history.epub')));
    assert.deepStrictEqual(notOdt, { problem: 'not an OpenDocument text (no content.xml): not indexed' });
  });

  it('EPUB: chapters in spine order, each chapter heading a place', async () => {
    const r = await ok('history.epub');
    assert.strictEqual(r.metadata.title, 'A Short History of Wexmoor Harbour');
    assert.ok(r.text.indexOf('1871') < r.text.indexOf('1937'));
    assert.strictEqual(placeOf(r, 'great fire of 1937'), '“The timber trade”');
    const bad = await extract('.epub', Buffer.from('PK\u0003\u0004 broken'));
    assert.ok('problem' in bad);
  });

  it('email: subject, sender and date kept; quoted-printable decoded; the quoted reply marked as such', async () => {
    const r = await ok('fees.eml');
    assert.strictEqual(r.metadata.subject, 'Re: pilot fees for next year');
    assert.strictEqual(r.metadata.date, 'Wed, 3 Jun 2026 16:20:00 +0200');
    assert.strictEqual(placeOf(r, 'will not raise the pilot fees'), 'email from Tom Reyes, 3 Jun 2026');
    assert.ok(r.text.includes('The finance committee agreed on Monday'), 'a soft line break of quoted-printable is joined');
    assert.match(placeOf(r, 'ten per cent') ?? '', /^quoted in a reply/);
    assert.ok(!r.text.includes('wrote:'));
  });

  it('transcripts: each cue as "Speaker: words" with its time as the place (.vtt voices, .srt speaker labels)', async () => {
    const v = await ok('interview.vtt');
    assert.ok(v.text.includes('Tom Reyes: The board has money for six new pilots before the winter.'));
    assert.strictEqual(placeOf(v, 'train them'), '00:01:05, Ada Quist');
    assert.ok(!v.text.includes('<v'));
    const s = await ok('briefing.srt');
    assert.strictEqual(placeOf(s, 'outer channel'), '00:00:02, Harbour master');
    assert.ok(s.text.includes('open again for ships'), "a cue's lines are one block");
    const none = await extract('.vtt', Buffer.from('WEBVTT\n\nno cues here\n'));
    assert.ok('problem' in none);
  });

  it('a .docx or .epub whose entries would inflate to more than 256 MB is refused unopened (a zip bomb)', async () => {
    // a central directory entry declaring 1.5 GB inflated, and the end record: no data needs to be there
    const name = Buffer.from('word/document.xml');
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(1_000_000, 20);
    cd.writeUInt32LE(1536 * 1024 * 1024, 24);
    cd.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(cd.length + name.length, 12);
    end.writeUInt32LE(0, 16);
    const bomb = Buffer.concat([cd, name, end]);
    for (const ext of ['.docx', '.odt', '.epub']) {
      assert.deepStrictEqual(await extract(ext, bomb), { problem: 'the archive would inflate to 1536 MB (more than 256 MB): not opened, not indexed' });
    }
    // the fixtures declare their true (small) sizes and open
    assert.ok('text' in (await read('pilots.docx')));
  });

  it('never throws: empty files, random bytes and an unknown extension come back as problems', async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255;
    for (const ext of ['.pdf', '.html', '.docx', '.odt', '.epub', '.eml', '.vtt', '.srt']) {
      const empty = await extract(ext, new Uint8Array(0));
      assert.deepStrictEqual(empty, { problem: 'empty file' });
      const bytes = Uint8Array.from({ length: 2000 }, rand);
      const r = await extract(ext, bytes);
      assert.ok('problem' in r || typeof r.text === 'string', ext);
    }
    assert.deepStrictEqual(await extract('.pages', Buffer.from('x')), { problem: 'unsupported format .pages' });
  });
});

describe('HTML: the extracted text mapped back to the raw page', () => {
  /** The raw page's text at an original range (positions in the page as an editor counts them). */
  const rawAt = (html: string, r: LineRange) => {
    const li = new LineIndex(html);
    return html.slice(li.offset(r.start), li.offset(r.end));
  };
  /** What a reader sees in raw markup: tags out, entities decoded, white space collapsed. */
  const visible = (raw: string) =>
    raw
      .replace(/<[^>]*>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&nbsp;/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/\s+/g, ' ')
      .trim();

  it('every sentence of the fixture article maps to the place in article.html that holds exactly its words', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'article.html'), 'utf8');
    const r = await ok('article.html');
    assert.ok(r.origin && r.origin.length > 0, 'an origin');
    const spans = splitSentences(r.text);
    assert.ok(spans.length >= 8, `${spans.length} sentences`);
    for (const s of spans) {
      const o = originRange(r.origin, s.start, s.end);
      assert.ok(o, `"${r.text.slice(s.start, s.end)}" maps back`);
      assert.equal(visible(rawAt(html, o)), r.text.slice(s.start, s.end).replace(/\s+/g, ' '));
    }
    // a sentence wrapped over two lines of the page: its range starts on one line and ends on the next
    const at = r.text.indexOf('The rule takes effect on 1 July.');
    const wrapped = originRange(r.origin, at, at + 'The rule takes effect on 1 July.'.length)!;
    assert.equal(wrapped.end.line, wrapped.start.line + 1);
    assert.equal(html.split('\n')[wrapped.start.line].slice(wrapped.start.character), 'The rule takes');
  });

  it('entities, non-breaking spaces, inline markup and a character outside the BMP map exactly; the navigation is not matched', async () => {
    const html = [
      '<html><head><title>Tides &amp; harbours</title></head><body>',
      '<nav>The board <a href="/">met</a> today</nav>',
      '<article><h1>Tides &amp; harbours</h1>',
      '<p>The board met the Pilots&nbsp;&amp;&nbsp;Boatmen union on <b>Friday</b>, and agreed',
      '   to a levy of 3&#x2009;% on every tonne. They cheered &#x1F389; loudly.</p>',
      '<p>A second paragraph says the levy ends in 2031, after a review by the port council of Wexmoor.</p>',
      '</article></body></html>',
    ].join('\n');
    const r = await extract('.html', Buffer.from(html));
    if ('problem' in r) assert.fail(r.problem);
    for (const needle of ['Pilots & Boatmen union on Friday, and agreed to a levy', 'cheered 🎉 loudly.', 'ends in 2031']) {
      const at = r.text.indexOf(needle);
      assert.ok(at >= 0, `${needle} in ${JSON.stringify(r.text)}`);
      const o = originRange(r.origin, at, at + needle.length);
      assert.ok(o, needle);
      assert.equal(visible(rawAt(html, o)), needle);
    }
    const board = r.text.indexOf('The board met');
    assert.equal(originRange(r.origin, board, board + 3)!.start.line, 3, 'the article, not the navigation of line 1');
    // the blank line between two blocks has no counterpart: a range only over it maps to nothing
    const gap = r.text.indexOf('\n\n');
    assert.equal(originRange(r.origin, gap, gap + 2), undefined);
  });

  it('origin ranges: ends move back and starts on to mapped characters; invalid origins give nothing', () => {
    // "ab" at raw 0:5, "&amp;" for "&" (extracted 3) at raw 0:8, "cd" at raw 1:0
    const o = [0, 2, 0, 5, 2, 3, 1, 0, 8, 5, 5, 2, 1, 0, 2];
    assert.deepEqual(originRange(o, 0, 2), { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
    assert.deepEqual(originRange(o, 1, 4), { start: { line: 0, character: 6 }, end: { line: 0, character: 13 } });
    assert.deepEqual(originRange(o, 2, 7), { start: { line: 0, character: 8 }, end: { line: 1, character: 2 } });
    assert.deepEqual(originRange(o, 2, 3), undefined);
    assert.equal(originRange(undefined, 0, 2), undefined);
    assert.equal(originRange([0, 2, 0], 0, 2), undefined);
    assert.ok(validOrigin(o, 7));
    assert.ok(!validOrigin(o, 6), 'a span past the text');
    assert.ok(!validOrigin([3, 1, 0, 0, 1, 0, 1, 0, 0, 1], 7), 'spans out of order');
    assert.ok(!validOrigin([0, 1, 0, -1, 1], 7));
  });
});
