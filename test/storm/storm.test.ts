/**
 * Edit storm (not part of `npm test`: `npm run test:storm`): 200 incremental changes a second
 * for 30 seconds on a large draft through the language server, with a hover every 100 ms.
 * Prints the figures (hover p50/p95: the target is p95 < 100 ms, asserted only with CORROBORATE_STORM_STRICT=1) and asserts: no failed hover, the server's heap back to its baseline
 * afterwards, and the final diagnostics equal to a fresh check of the final text.
 *
 * CORROBORATE_STORM_SECONDS and CORROBORATE_STORM_RATE change the length and the rate.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { makeWorkspace, REPO, start, uriOf } from '../protocol/harness';

const SECONDS = Number(process.env.CORROBORATE_STORM_SECONDS ?? 30);
const RATE = Number(process.env.CORROBORATE_STORM_RATE ?? 200);
const TARGET_CHARS = 200 * 1024;

function lineStarts(t: string): number[] {
  const s = [0];
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) s.push(i + 1);
  return s;
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const mb = (b: number) => (b / 1024 / 1024).toFixed(1) + ' MB';
const comparable = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

describe('edit storm through the language server', function () {
  this.timeout((SECONDS + 120) * 1000);

  it(`${RATE} changes/s for ${SECONDS} s on a large draft: every hover answers (latency printed; p95 < 100 ms asserted with CORROBORATE_STORM_STRICT=1), memory back to baseline, final diagnostics right`, async () => {
    const example = fs.readFileSync(path.join(REPO, 'examples', 'draft.md'), 'utf8');
    let draft = '';
    for (let i = 1; draft.length < TARGET_CHARS; i++)
      draft += example.replace(/^# (.*)$/m, `# $1, part ${i}`) + `\n\nPart ${i} was written on day ${i} of the project.\n\n`;
    const folder = makeWorkspace({ 'draft.md': draft });
    const memFile = path.join(os.tmpdir(), `corroborate-storm-mem-${process.pid}.json`);
    const preload = path.join(folder, 'mem.js');
    // the server's heap, after a full GC, on SIGUSR2 (no change to the server needed)
    fs.writeFileSync(
      preload,
      `process.on('SIGUSR2', () => { global.gc && global.gc(); require('fs').writeFileSync(${JSON.stringify(memFile)}, JSON.stringify(process.memoryUsage())); });`,
    );
    const c = await start({
      folder,
      settings: {},
      execArgv: [
        '--expose-gc',
        '--require',
        preload,
        ...(process.env.CORROBORATE_STORM_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.CORROBORATE_STORM_PROF] : []),
      ],
      timeoutMs: 120_000,
    });
    const memory = async () => {
      try {
        fs.unlinkSync(memFile);
      } catch {
        /* first time */
      }
      c.proc.kill('SIGUSR2');
      for (let i = 0; i < 200 && !fs.existsSync(memFile); i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      return JSON.parse(fs.readFileSync(memFile, 'utf8')) as NodeJS.MemoryUsage;
    };
    try {
      const file = path.join(folder, 'draft.md');
      const uri = uriOf(file);
      const t0 = Date.now();
      const firstPub = c.diagnostics(uri);
      c.open(file, draft);
      const first = await firstPub;
      const firstCheckMs = Date.now() - t0;
      const baseline = await memory();

      // the text as lines (\n only), so that an edit's position costs nothing to find
      const lines = draft.split('\n');
      let version = 1;
      let seed = 12345;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const words = ['India', 'signed', 'not', 'the', '300', 'agreement', 'jet', 'engines', 'never', '2019', '.', ' ', '\n'];
      const hoverMs: number[] = [];
      let hoverErrors = 0;
      let changes = 0;
      let peakHeap = baseline.heapUsed;
      let peakRss = baseline.rss;
      const stormStart = Date.now();
      const end = stormStart + SECONDS * 1000;
      const tickMs = 50;
      const perTick = Math.round((RATE * tickMs) / 1000);
      let lastMem = Date.now();
      const hovers: Promise<void>[] = [];
      let nextHover = Date.now();
      while (Date.now() < end) {
        const tickStart = Date.now();
        for (let k = 0; k < perTick; k++) {
          // typing at a random spot, now and then a deletion or a line break
          const line = Math.floor(rnd() * lines.length);
          const lt = lines[line];
          const ch = Math.floor(rnd() * (lt.length + 1));
          const del = rnd() < 0.2 ? Math.min(lt.length - ch, Math.floor(rnd() * 8)) : 0;
          const ins = del > 0 && rnd() < 0.5 ? '' : words[Math.floor(rnd() * words.length)] + (rnd() < 0.5 ? ' ' : '');
          const range = { start: { line, character: ch }, end: { line, character: ch + del } };
          const edited = lt.slice(0, ch) + ins + lt.slice(ch + del);
          if (ins.includes('\n')) lines.splice(line, 1, ...edited.split('\n'));
          else lines[line] = edited;
          version++;
          changes++;
          c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: ins }] });
        }
        if (Date.now() >= nextHover) {
          nextHover += 100;
          const hl = Math.floor(rnd() * lines.length);
          const pos = { line: hl, character: Math.floor(rnd() * (lines[hl].length + 1)) };
          const h0 = performance.now();
          hovers.push(
            c.request('textDocument/hover', { textDocument: { uri }, position: pos }).then(
              () => void hoverMs.push(performance.now() - h0),
              () => void hoverErrors++,
            ),
          );
        }
        if (Date.now() - lastMem > 5000) {
          lastMem = Date.now();
          const m = await memory();
          peakHeap = Math.max(peakHeap, m.heapUsed);
          peakRss = Math.max(peakRss, m.rss);
        }
        const wait = tickMs - (Date.now() - tickStart);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const stormMs = Date.now() - stormStart;
      const text = lines.join('\n');
      await Promise.all(hovers);
      const finalPub = c.diagnostics(uri, (_d, p) => p.version === version);
      const settle0 = Date.now();
      const final = await finalPub;
      const settleMs = Date.now() - settle0;
      await new Promise((r) => setTimeout(r, 1000));
      const after = await memory();

      const freshFile = path.join(folder, 'fresh.md');
      const freshPub = c.diagnostics(uriOf(freshFile));
      c.open(freshFile, text);
      const fresh = await freshPub;
      const same = JSON.stringify(comparable(final.diagnostics)) === JSON.stringify(comparable(fresh.diagnostics));
      const errors = c.log.filter((m) => m.method === 'window/logMessage' && m.params.type === 1);

      const figures = [
        `draft: ${draft.length} chars (${lineStarts(draft).length} lines), first check ${firstCheckMs} ms, ${first.diagnostics.length} diagnostics`,
        `storm: ${changes} changes in ${(stormMs / 1000).toFixed(1)} s (${Math.round(changes / (stormMs / 1000))}/s), final text ${text.length} chars`,
        `hover: ${hoverMs.length} answered, ${hoverErrors} failed; p50 ${pct(hoverMs, 50).toFixed(1)} ms, p95 ${pct(hoverMs, 95).toFixed(1)} ms, max ${Math.max(...hoverMs).toFixed(1)} ms`,
        `final diagnostics ${settleMs} ms after the last change: ${final.diagnostics.length}, equal to a fresh check of the final text: ${same}`,
        `server heap after GC: baseline ${mb(baseline.heapUsed)}, peak ${mb(peakHeap)}, after ${mb(after.heapUsed)}; rss baseline ${mb(baseline.rss)}, peak ${mb(peakRss)}, after ${mb(after.rss)}`,
        `server errors logged: ${errors.length}`,
      ];
      console.log('\n' + figures.map((f) => '    ' + f).join('\n') + '\n');
      assert.strictEqual(hoverErrors, 0);
      // latency is a benchmark figure (printed above); it is a pass/fail condition only when asked for,
      // since a timed assertion on a shared 2-core machine measures the machine as much as the server
      if (process.env.CORROBORATE_STORM_STRICT === '1') assert.ok(pct(hoverMs, 95) < 100, `hover p95 ${pct(hoverMs, 95).toFixed(1)} ms`);
      assert.ok(same, 'final diagnostics equal a fresh check');
      assert.ok(after.heapUsed < baseline.heapUsed * 1.2 + 8 * 1024 * 1024, `heap ${mb(after.heapUsed)} vs baseline ${mb(baseline.heapUsed)}`);
      assert.strictEqual(errors.length, 0, JSON.stringify(errors.slice(0, 3)));
    } finally {
      await c.stop();
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(memFile, { force: true });
    }
  });
});
