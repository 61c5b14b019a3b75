#!/usr/bin/env node
// Makes the source-format fixtures in test/fixtures/formats/ from text written for this project (no
// outside data, no external tools): a three-page PDF with a running header, page numbers and a word
// hyphenated across a line end; the same PDF behind a user password (RC4, PDF standard security
// handler revision 2); an HTML article with navigation and a footer; a .docx with headings; an .odt with
// headings, a list, a table, an annotation and a table of contents; an .epub of
// two chapters; an .eml with a quoted reply; a .vtt with speakers and an .srt; a corrupt .docx (a zip cut
// short). The outputs are committed; run `node scripts/make-fixtures.mjs` after changing this script.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'test', 'fixtures', 'formats');
mkdirSync(out, { recursive: true });
const write = (name, data) => writeFileSync(join(out, name), data);

// ---- the text (invented: a small port's annual review) ----
const PAGES = [
  [
    ['The Wexmoor Harbour Authority handled 2.4 million tonnes of cargo last year, a rise of', 'eight per cent on the year before.'],
    ['Most of the growth came from timber and grain shipped to the Baltic ports. The authority', 'employs 310 people, of whom 45 are pilots.'],
  ],
  [
    [
      'Dredging of the outer channel was delayed by storms in January and February. The work',
      'resumed in April and the channel now takes ships with a draught of eleven metres.',
    ],
    ['The harbour board kept the pilot fees unchanged for the third year in a row. A review of the', 'fees is planned for next spring.'],
  ],
  [
    [
      'The new container terminal at Wexmoor opened in March with fourteen cranes. It was built by',
      'Marlow Freight Ltd. and cost 96 million euros, which the authority borrowed from the regional',
      'development bank.',
    ],
    ["The terminal is expected to double the port's con-", 'tainer traffic within five years.'],
  ],
];
const HEADER = 'Wexmoor Harbour Authority: Annual Review';

// ---- PDF ----
function pdfString(s) {
  return '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}
function pageStream(paras, n, total) {
  const ops = ['BT', '/F1 9 Tf', '72 760 Td', pdfString(HEADER) + ' Tj', 'ET', 'BT', '/F1 11 Tf', '14 TL', '72 720 Td'];
  let first = true;
  for (const p of paras) {
    if (!first) ops.push('T*'); // an empty line between paragraphs: a gap twice the leading
    for (const line of p) {
      if (!first) ops.push('T*');
      ops.push(pdfString(line) + ' Tj');
      first = false;
    }
  }
  ops.push('ET', 'BT', '/F1 9 Tf', '290 40 Td', pdfString(`Page ${n} of ${total}`) + ' Tj', 'ET');
  return ops.join('\n');
}

// RC4 and the PDF standard security handler, revision 2 (40-bit keys)
function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const outb = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    outb[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return outb;
}
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (pw) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();

function makePdf({ password } = {}) {
  const id = md5(Buffer.from('wexmoor-review'));
  const P = -4;
  let key;
  let O;
  let U;
  if (password) {
    O = rc4(md5(padded('owner-' + password)).subarray(0, 5), padded(password));
    const p = Buffer.alloc(4);
    p.writeInt32LE(P);
    key = md5(padded(password), O, p, id).subarray(0, 5);
    U = rc4(key, PAD);
  }
  const objKey = (num) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const objs = [];
  const add = (body) => objs.push(body) && objs.length;
  const total = PAGES.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  const info = add(null);
  const kids = [];
  for (let i = 0; i < total; i++) {
    let stream = Buffer.from(pageStream(PAGES[i], i + 1, total), 'latin1');
    const contentNum = objs.length + 1;
    if (password) stream = rc4(objKey(contentNum), stream);
    add(Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]));
    kids.push(
      add(
        Buffer.from(
          `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contentNum} 0 R >>`,
        ),
      ),
    );
  }
  objs[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
  objs[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${total} >>`);
  let title = Buffer.from('Annual Review', 'latin1');
  if (password) title = rc4(objKey(info), title);
  objs[info - 1] = Buffer.from(`<< /Title <${title.toString('hex')}> /Author (Harbour Board) >>`);
  let encrypt = '';
  if (password) {
    const enc = add(Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`));
    encrypt = ` /Encrypt ${enc} 0 R`;
  }
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let off = parts[0].length;
  const offsets = [];
  objs.forEach((body, i) => {
    offsets.push(off);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(b);
    off += b.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R${encrypt} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${off}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}
write('review.pdf', makePdf());
write('locked.pdf', makePdf({ password: 'harbour' }));

// ---- ZIP (stored entries) for .docx and .epub ----
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b) {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function zip(files) {
  const locals = [];
  const central = [];
  let off = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(n.length, 26);
    locals.push(lh, n, data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(off, 42);
    central.push(ch, n);
    off += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(off, 16);
  return Buffer.concat([...locals, cd, end]);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---- DOCX ----
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text, style) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const docxBody = [
  para('Interview notes: the pilots', 'Heading1'),
  para("The pilots' association met the harbour board on 12 May. Its chair, Ada Quist, asked for two more night shifts."),
  para('Night pilotage', 'Heading2'),
  para('Ships over 200 metres long may enter the harbour at night only with two pilots on board.'),
  para('The board agreed to hire six new pilots before the winter.'),
].join('');
const docx = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ],
  [
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  ],
  [
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
  ],
  ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${docxBody}</w:body></w:document>`],
];
const docxZip = zip(docx);
write('pilots.docx', docxZip);
write('corrupt.docx', docxZip.subarray(0, Math.floor(docxZip.length / 3)));

// ---- OpenDocument text (.odt) ----
const T =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
const odtContent = [
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${T} office:version="1.3"><office:automatic-styles/><office:body><office:text>`,
  '<text:sequence-decls><text:sequence-decl text:display="none" text:name="Table"/></text:sequence-decls>',
  // a table of contents repeats the headings: it must not be read as text
  '<text:table-of-content text:name="Contents"><text:index-body><text:p>Tug fleet 1</text:p><text:p>Winter storms 1</text:p></text:index-body></text:table-of-content>',
  '<text:h text:style-name="Heading_20_1" text:outline-level="1">Harbour safety report</text:h>',
  '<text:p text:style-name="Standard">The safety officer, Ines Marlow, wrote this report for the harbour board.</text:p>',
  '<text:h text:style-name="Heading_20_2" text:outline-level="2">Tug fleet</text:h>',
  '<text:p text:style-name="Standard">The authority owns <text:span text:style-name="T1">four tugs</text:span>, the newest<text:s/>built in 2019.<text:s text:c="2"/>Each tug is inspected twice a year.</text:p>',
  '<text:list><text:list-item><text:p>The oldest tug will be sold in the autumn.</text:p></text:list-item><text:list-item><text:p>Two crews are trained for fire fighting.</text:p></text:list-item></text:list>',
  '<text:h text:style-name="Heading_20_2" text:outline-level="2">Winter storms</text:h>',
  '<text:p text:style-name="Standard">The harbour was closed for six days in December.<office:annotation><text:p>check the number of days</text:p></office:annotation> No ship was damaged.</text:p>',
  '<table:table table:name="Closures"><table:table-row><table:table-cell><text:p>December</text:p></table:table-cell><table:table-cell><text:p>6 days</text:p></table:table-cell></table:table-row></table:table>',
  '</office:text></office:body></office:document-content>',
].join('');
write(
  'safety.odt',
  zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    [
      'META-INF/manifest.xml',
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ],
    ['content.xml', odtContent],
    [
      'meta.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>Harbour safety report</dc:title></office:meta></office:document-meta>',
    ],
  ]),
);

// ---- EPUB ----
const chapter = (title, paras) =>
  `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</body></html>`;
write(
  'history.epub',
  zip([
    ['mimetype', 'application/epub+zip'],
    [
      'META-INF/container.xml',
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ],
    [
      'OEBPS/content.opf',
      '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">wexmoor-history</dc:identifier><dc:title>A Short History of Wexmoor Harbour</dc:title><dc:creator>Harbour Board</dc:creator></metadata><manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>',
    ],
    [
      'OEBPS/ch1.xhtml',
      chapter('The fishing port', [
        'Wexmoor was a fishing port until the railway reached it in 1871.',
        'The first stone quay was built by the town council in 1884.',
      ]),
    ],
    [
      'OEBPS/ch2.xhtml',
      chapter('The timber trade', [
        'Timber from the northern forests became the main cargo after 1920.',
        'The great fire of 1937 destroyed the wooden warehouses on the east quay.',
      ]),
    ],
  ]),
);

// ---- HTML article page ----
write(
  'article.html',
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wexmoor approves night pilotage rules | Coast Courier</title>
<meta name="author" content="Nell Varga"><meta property="article:published_time" content="2026-05-14T09:00:00Z">
<style>body { font-family: serif; }</style><script>window.analytics = 1;</script></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/ports">Ports</a> | <a href="/weather">Weather</a> | Subscribe now</nav></header>
<main><article>
<h1>Wexmoor approves night pilotage rules</h1>
<p class="byline">By Nell Varga</p>
<p>The Wexmoor harbour board voted on Tuesday to require two pilots on every ship longer than 200 metres that enters the harbour at night. The rule takes effect on 1 July.</p>
<p>Board members said the change followed two groundings in the outer channel last winter. Neither caused injuries, but one tanker was stuck for nine hours before tugs freed it.</p>
<h2>Costs for shipping lines</h2>
<p>Shipping lines will pay the second pilot's fee, which the board set at 850 euros a night. The pilots' association welcomed the decision and said it would train new pilots over the summer.</p>
<p>Ada Quist, who chairs the association, said the rule was overdue. "We have asked for this since the first grounding," she said.</p>
</article></main>
<aside><h3>Most read</h3><ul><li>Storm closes coast road</li><li>Ferry timetable changes</li></ul></aside>
<footer><p>© 2026 Coast Courier. All rights reserved. Contact the newsroom.</p></footer>
</body></html>
`,
);

// ---- email ----
write(
  'fees.eml',
  [
    'From: "Tom Reyes" <tom.reyes@example.org>',
    'To: Ada Quist <ada.quist@example.org>',
    'Subject: Re: pilot fees for next year',
    'Date: Wed, 3 Jun 2026 16:20:00 +0200',
    'Message-ID: <fees-2026@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Ada,',
    '',
    'the board will not raise the pilot fees next year. The finance committee=',
    ' agreed on Monday that the reserve covers the new boat.',
    '',
    'Tom',
    '',
    'On Tue, 2 Jun 2026, Ada Quist wrote:',
    '> Will the fees go up by ten per cent, as the rumours say?',
    '',
  ].join('\r\n'),
);

// ---- transcripts ----
write(
  'interview.vtt',
  [
    'WEBVTT',
    '',
    '1',
    '00:00:01.000 --> 00:00:06.500',
    '<v Ada Quist>We will not accept a third year without new pilots.</v>',
    '',
    '2',
    '00:00:07.000 --> 00:00:12.000',
    '<v Tom Reyes>The board has money for six new pilots before the winter.</v>',
    '',
    '3',
    '00:01:05.000 --> 00:01:10.000',
    '<v Ada Quist>Then we will train them over the summer.</v>',
    '',
  ].join('\n'),
);
write(
  'briefing.srt',
  [
    '1',
    '00:00:02,000 --> 00:00:05,000',
    'Harbour master: The outer channel is open again',
    'for ships of eleven metres draught.',
    '',
    '2',
    '00:00:06,000 --> 00:00:09,000',
    'The dredgers leave on Friday.',
    '',
  ].join('\n'),
);
console.log(`fixtures written to ${out}`);
