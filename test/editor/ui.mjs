// UI checks with playwright-core on the workbench a user sees: code-server with the packaged
// VSIX installed (--install-extension), the example draft open in headless Chromium.
// Each check is named; a failing check leaves test-results/ui-<check>-failure.png.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { REPO, startCodeServer, installExtension, launchBrowser } = require('./codeserver.js');
const RESULTS = path.join(REPO, 'test-results');

/** The words under each squiggle: caret positions at its left and right edge, read from the view lines. */
async function squiggleWords(page, cls) {
  return page.evaluate((cls) => {
    const editor = document.querySelector('.monaco-editor .view-lines')?.closest('.monaco-editor');
    const out = [];
    for (const el of editor.querySelectorAll(`.${cls}`)) {
      const r = el.getBoundingClientRect();
      // the text line at the squiggle's height
      const line = [...editor.querySelectorAll('.view-line')].find((l) => {
        const lr = l.getBoundingClientRect();
        return lr.top <= r.top + r.height / 2 && r.top + r.height / 2 <= lr.bottom;
      });
      if (!line) continue;
      const y = r.top + r.height / 2;
      const at = (x) => {
        const c = document.caretRangeFromPoint(x, y);
        if (!c || !line.contains(c.startContainer)) return -1;
        // offset within the line's text
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let off = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n === c.startContainer) return off + c.startOffset;
          off += n.textContent.length;
        }
        return -1;
      };
      const text = line.textContent.replace(/\u00a0/g, ' ');
      // caret offsets: left+1 px falls before the first character, right-1 px after the last
      out.push({ s: at(r.left + 1), e: at(r.right - 1) - 1, text, left: r.left, right: r.right, y });
    }
    // overlapping diagnostics split one squiggle into touching pieces: join them
    out.sort((a, b) => a.y - b.y || a.left - b.left);
    const merged = [];
    for (const q of out) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.y - q.y) < 2 && q.left - last.right < 2) {
        last.right = Math.max(last.right, q.right);
        last.e = Math.max(last.e, q.e);
      } else merged.push({ ...q });
    }
    // a squiggle that ends a wrapped row and one that starts the next row are one range
    const joined = [];
    for (const q of merged) {
      const words = q.s >= 0 && q.e >= 0 ? q.text.slice(q.s, q.e + 1).trim() : null;
      const last = joined[joined.length - 1];
      if (last && words && last.atRowEnd && q.s === 0 && q.y > last.y) {
        last.words += ` ${words}`;
        last.atRowEnd = q.e >= q.text.trimEnd().length - 1;
        continue;
      }
      joined.push({ words, x: (q.left + q.right) / 2, y: q.y, atRowEnd: q.e >= q.text.trimEnd().length - 1 });
    }
    return joined;
  }, cls);
}

export async function runUiChecks({ vsix, screenshot = path.join(RESULTS, 'editor-draft-hover.png'), log = console.log } = {}) {
  const results = [];
  fs.mkdirSync(RESULTS, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-'));
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-ws-'));
  fs.cpSync(path.join(REPO, 'examples'), path.join(ws, 'examples'), { recursive: true });
  fs.cpSync(path.join(REPO, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
  let cs;
  let browser;
  let page;
  let squiggles = { errors: [], warnings: [] };

  const check = async (name, fn, timeoutMs = 30000) => {
    const t0 = Date.now();
    let timer;
    try {
      await Promise.race([fn(), new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)))]);
      results.push({ name, ok: true });
      log(`  ✔ ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      results.push({ name, ok: false, message: String(e && e.message ? e.message : e) });
      log(`  ✘ ${name}: ${e && e.message ? e.message : e}`);
      if (page) {
        const shot = path.join(RESULTS, `ui-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-failure.png`);
        await page.screenshot({ path: shot }).then(
          () => log(`    screenshot: ${path.relative(REPO, shot)}`),
          () => {},
        );
      }
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    await check(
      'the VSIX installs with code-server --install-extension',
      async () => {
        const out = installExtension(vsix, path.join(home, 'extensions'), home);
        if (!/successfully installed/i.test(out)) throw new Error(out);
        const dirs = fs.readdirSync(path.join(home, 'extensions')).filter((d) => d.startsWith('corroborate.corroborate-'));
        if (!dirs.length) throw new Error('no corroborate.corroborate-* folder in the extensions dir');
      },
      120000,
    );

    await check(
      'the workbench opens the draft from the explorer',
      async () => {
        cs = await startCodeServer({ home, extensionsDir: path.join(home, 'extensions') });
        browser = await launchBrowser();
        page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(cs.url(ws));
        await page.getByRole('treeitem', { name: 'examples' }).click({ timeout: 20000 });
        await page.getByRole('treeitem', { name: 'draft.md' }).dblclick();
        await page.locator('.monaco-editor .view-lines').first().waitFor();
        await page.locator('.monaco-editor .view-line', { hasText: 'Washington and New Delhi' }).first().waitFor();
      },
      60000,
    );

    await check('squiggles sit on the clashing words', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30000 });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
      squiggles = { errors: await squiggleWords(page, 'squiggly-error'), warnings: await squiggleWords(page, 'squiggly-warning') };
      const errs = squiggles.errors.map((s) => s.words);
      const warns = squiggles.warnings.map((s) => s.words);
      for (const w of ['Secretary of State', 'does cause', 'three', 'a single project', 'signed a binding agreement']) {
        if (!errs.includes(w)) throw new Error(`no error squiggle on "${w}"; error squiggles on: ${JSON.stringify(errs)}`);
      }
      for (const w of ['nuclear submarines', 'a dangerous provocation']) {
        if (!warns.includes(w)) throw new Error(`no warning squiggle on "${w}"; warning squiggles on: ${JSON.stringify(warns)}`);
      }
      log(`    error squiggles: ${JSON.stringify(errs)}; warning squiggles: ${JSON.stringify(warns)}`);
    });

    await check('the status bar shows the problem counts and the verdict counts', async () => {
      const problems = page.locator('#status\\.problems');
      await problems.waitFor();
      const label = (await problems.getAttribute('aria-label')) || (await problems.innerText());
      const n = (word) => Number((new RegExp(`${word}s?:?\\s*(\\d+)|(\\d+)\\s*${word}`, 'i').exec(label) || []).slice(1).find(Boolean) || 0);
      const errors = n('Error');
      const warnings = n('Warning');
      if (errors < 5 || warnings < 2) throw new Error(`status bar problems: "${label}"`);
      // the Corroborate item: the active draft's counts
      const ours = page.locator('.statusbar-item', { hasText: /[1-9]\d* contradicted, [1-9]\d* unsupported, \d+ supported/ });
      await ours.first().waitFor();
      log(`    status bar: "${label}", "${(await ours.first().innerText()).trim()}"`);
    });

    await check('the hover shows the verdict and the source quote', async () => {
      const target = squiggles.errors.find((s) => s.words === 'does cause');
      if (!target) throw new Error('no squiggle on "does cause" to hover');
      await page.mouse.move(target.x - 20, target.y + 40);
      await page.mouse.move(target.x, target.y);
      // VS Code shows the diagnostic's own hover (with its related lines) first and Corroborate's hover when
      // the server answers: wait for the part with the source link, not just the first hover to appear
      const hover = page.locator('.monaco-hover', { hasText: /us-india-defense-partnership\.txt:5/ });
      await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
      const text = (await hover.first().evaluate((el) => el.textContent)).replace(/\s+/g, ' ');
      if (!/contradicted/.test(text) || !/does not cause upheaval within Moscow/.test(text)) throw new Error(`hover text: ${text}`);
      if (!/us-india-defense-partnership\.txt:5/.test(text)) throw new Error(`hover has no source link: ${text}`);
      // scroll the hover to the statement's source quotes (below the diagnostic and its related lines)
      const box = await hover.first().boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 240);
        await page
          .locator('.monaco-hover')
          .first()
          .evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      await page.screenshot({ path: screenshot });
      log(`    screenshot: ${path.relative(REPO, screenshot)}`);
    });

    await check('the Problems panel lists the findings', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>View: Focus Problems');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Focus Problems' }).first().waitFor();
      await page.keyboard.press('Enter');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.nth(7).waitFor();
      // the list is virtual: page through it with the keyboard and collect every row seen
      const seen = new Set();
      let still = 0;
      for (let i = 0; i < 40 && still < 3; i++) {
        const before = seen.size;
        (await rows.allInnerTexts()).forEach((t) => seen.add(t));
        still = seen.size === before ? still + 1 : 0;
        const box = await page.locator('.markers-panel .monaco-list').first().boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, box.height / 2);
        await page
          .locator('.markers-panel')
          .first()
          .evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      const texts = [...seen];
      const all = texts.join('\n');
      for (const w of ['Secretary of State', 'does not cause', 'a dangerous provocation', 'nuclear submarines', 'the source says two']) {
        if (!all.includes(w)) throw new Error(`the Problems panel does not mention "${w}":\n${all}`);
      }
      if (!texts.some((t) => t.includes('draft.md'))) throw new Error(`no draft.md row:\n${all}`);
      await page.screenshot({ path: path.join(RESULTS, 'editor-problems.png') });
      log(`    Problems panel: ${texts.length} rows; screenshot: test-results/editor-problems.png`);
    });
  } finally {
    try {
      if (browser) await browser.close();
    } catch {}
    if (cs) await cs.stop();
    else fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(ws, { recursive: true, force: true });
  }
  return results;
}
