/**
 * `npm run bench`'s extraction rows: 200 PDFs and 200 HTML pages made (in a temporary folder, at run time)
 * from corpus articles, loaded through the persisted index cold (every file extracted in the worker) and
 * warm (nothing extracted: the cache holds the text). Nothing is copied into the repository.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listSourceFiles, readSourceFile } from '../server/src/workspace/sources';
import { loadSourcesCached } from '../server/src/workspace/persist';

type Row = (metric: string, value: string, target?: string, ok?: boolean) => void;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of at most `width` characters, greedily wrapped. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (!w) continue;
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** A PDF (Helvetica, WinAnsi) of the paragraphs, 48 lines a page, a running header and page numbers. */
export function simplePdf(title: string, paragraphs: string[]): { bytes: Buffer; pages: number } {
  const lines: (string | null)[] = [];
  for (const p of paragraphs) {
    if (lines.length) lines.push(null);
    lines.push(...wrap(p.replace(/[^\x20-\x7e]/g, ' '), 95));
  }
  const perPage = 48;
  const pageCount = Math.max(1, Math.ceil(lines.length / perPage));
  const str = (s: string) => '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
  const objs: Buffer[] = [];
  objs.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objs.push(Buffer.alloc(0)); // pages, below
  objs.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  const kids: number[] = [];
  for (let p = 0; p < pageCount; p++) {
    const ops = ['BT', '/F1 8 Tf', '72 770 Td', str(title.slice(0, 90).replace(/[^\x20-\x7e]/g, ' ')) + ' Tj', 'ET', 'BT', '/F1 10 Tf', '13 TL', '72 740 Td'];
    for (const l of lines.slice(p * perPage, (p + 1) * perPage)) ops.push(l === null ? 'T*' : `${str(l)} Tj T*`);
    ops.push('ET', 'BT', '/F1 8 Tf', '290 30 Td', `${str(`Page ${p + 1} of ${pageCount}`)} Tj`, 'ET');
    const stream = Buffer.from(ops.join('\n'), 'latin1');
    objs.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]));
    objs.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length} 0 R >>`));
    kids.push(objs.length);
  }
  objs[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pageCount} >>`);
  const parts = [Buffer.from('%PDF-1.4\n')];
  let off = parts[0].length;
  const offsets: number[] = [];
  objs.forEach((b, i) => {
    offsets.push(off);
    const o = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), b, Buffer.from('\nendobj\n')]);
    parts.push(o);
    off += o.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${off}\n%%EOF\n`));
  return { bytes: Buffer.concat(parts), pages: pageCount };
}

function articlePage(title: string, paragraphs: string[], n: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} | Bench News</title><meta property="article:published_time" content="2026-01-${String((n % 28) + 1).padStart(2, '0')}">
<style>body{font-family:serif}</style><script>var tracking=${n};</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${esc(title)}</h1><p class="byline">By Bench Reporter</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main><aside><h3>Most read</h3><ul><li>Another story</li><li>A third story</li></ul></aside>
<footer><p>Copyright Bench News. All rights reserved.</p></footer></body></html>`;
}

/** Articles of the corpus (title = first line, paragraphs = the rest), enough for `n` files. */
function articles(corpora: string, n: number): { title: string; paragraphs: string[] }[] {
  const root = fs.existsSync(path.join(corpora, 'bbc-news')) ? path.join(corpora, 'bbc-news') : corpora;
  const out: { title: string; paragraphs: string[] }[] = [];
  for (const f of listSourceFiles(root, [])) {
    if (out.length >= n) break;
    const d = readSourceFile(f.path);
    if (!('text' in d)) continue;
    const paras = d.text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (paras.length < 4) continue;
    out.push({ title: paras[0], paragraphs: paras.slice(1) });
  }
  return out;
}

export function extractionBench(corpora: string, row: Row, count = 200): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-formats-'));
  try {
    const arts = articles(corpora, count * 2);
    if (arts.length < count * 2) {
      row('extraction', `only ${arts.length} articles found in ${corpora}`);
      return;
    }
    const pdfDir = path.join(dir, 'pdf');
    const htmlDir = path.join(dir, 'html');
    fs.mkdirSync(pdfDir);
    fs.mkdirSync(htmlDir);
    let pdfBytes = 0;
    let pages = 0;
    let htmlBytes = 0;
    for (let i = 0; i < count; i++) {
      // three articles a PDF (a few pages each), one a page
      const a = arts[i];
      const b = arts[(i + 1) % arts.length];
      const c = arts[(i + 2) % arts.length];
      const pdf = simplePdf(a.title, [a.title, ...a.paragraphs, b.title, ...b.paragraphs, c.title, ...c.paragraphs]);
      fs.writeFileSync(path.join(pdfDir, `report-${i}.pdf`), pdf.bytes);
      pdfBytes += pdf.bytes.length;
      pages += pdf.pages;
      const h = arts[count + i];
      const html = articlePage(h.title, h.paragraphs, i);
      fs.writeFileSync(path.join(htmlDir, `page-${i}.html`), html);
      htmlBytes += Buffer.byteLength(html);
    }
    const measure = (root: string, cache: string) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = loadSourcesCached([root], cache);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      let chars = 0;
      for (const p of r.index.filePaths()) chars += r.index.file(p)!.text.length;
      return {
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        files: r.result.files,
        problems: r.result.problems.length,
        chars,
        status: r.cache.status,
        reused: r.cache.reused,
      };
    };
    const pdfCold = measure(pdfDir, path.join(dir, 'cache-pdf'));
    const htmlCold = measure(htmlDir, path.join(dir, 'cache-html'));
    const mbText = (x: { chars: number }) => x.chars / 1e6;
    const pdfRate = mbText(pdfCold) / (pdfCold.ms / 1000);
    row(
      `extraction, cold: ${count} PDFs (${pages} pages, ${(pdfBytes / 1e6).toFixed(1)} MB), in the worker`,
      `${(pdfCold.ms / 1000).toFixed(2)} s wall (${(pdfCold.cpuMs / 1000).toFixed(2)} s CPU), ${pdfRate.toFixed(2)} MB text/s, ${(pages / (pdfCold.ms / 1000)).toFixed(0)} pages/s, ${pdfCold.files} indexed, ${pdfCold.problems} problems`,
      '>= 1 MB text/s',
      pdfRate >= 1 && pdfCold.files === count,
    );
    row(
      `extraction, cold: ${count} HTML pages (${(htmlBytes / 1e6).toFixed(1)} MB)`,
      `${(htmlCold.ms / 1000).toFixed(2)} s wall (${(htmlCold.cpuMs / 1000).toFixed(2)} s CPU), ${(htmlBytes / 1e6 / (htmlCold.ms / 1000)).toFixed(2)} MB HTML/s, ${(count / (htmlCold.ms / 1000)).toFixed(0)} pages/s, ${htmlCold.files} indexed, ${htmlCold.problems} problems`,
      '',
      htmlCold.files === count ? undefined : false,
    );
    // both folders together, then a warm start over them
    const both = path.join(dir, 'cache-both');
    const coldBoth = measure(dir, both);
    const warmBoth = measure(dir, both);
    row(
      `extraction, cold: the ${count} PDFs + ${count} HTML pages together (builds + saves the cache)`,
      `${(coldBoth.ms / 1000).toFixed(2)} s, ${coldBoth.files} files`,
    );
    row(
      `extraction, warm start over the ${count} PDFs + ${count} HTML pages (cache loaded, nothing extracted)`,
      `${warmBoth.ms.toFixed(0)} ms (cache ${warmBoth.status}, ${warmBoth.reused} files reused)`,
      '< 1 s',
      warmBoth.status === 'warm' && warmBoth.reused === count * 2 && warmBoth.ms < 1000,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
