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
      const s = at(r.left + 1);
      const e = at(r.right - 1);
      out.push({ words: s >= 0 && e >= 0 ? text.slice(s, e + 1).trim() : null, line: text, x: r.left + r.width / 2, y, width: r.width });
    }
    return out;
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
        await page.screenshot({ path: shot }).then(() => log(`    screenshot: ${path.relative(REPO, shot)}`), () => {});
      }
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    await check('the VSIX installs with code-server --install-extension', async () => {
      const out = installExtension(vsix, path.join(home, 'extensions'), home);
      if (!/successfully installed/i.test(out)) throw new Error(out);
      const dirs = fs.readdirSync(path.join(home, 'extensions')).filter((d) => d.startsWith('corroborate.corroborate-'));
      if (!dirs.length) throw new Error('no corroborate.corroborate-* folder in the extensions dir');
    }, 120000);

    await check('the workbench opens the draft from the explorer', async () => {
      cs = await startCodeServer({ home, extensionsDir: path.join(home, 'extensions') });
      browser = await launchBrowser();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(cs.url(ws));
      await page.getByRole('treeitem', { name: 'examples' }).click({ timeout: 20000 });
      await page.getByRole('treeitem', { name: 'draft.md' }).dblclick();
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      await page.locator('.monaco-editor .view-line', { hasText: 'Washington and New Delhi' }).first().waitFor();
    }, 60000);

    await check('squiggles sit on the clashing words', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30000 });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
      squiggles = { errors: await squiggleWords(page, 'squiggly-error'), warnings: await squiggleWords(page, 'squiggly-warning') };
      const errs = squiggles.errors.map((s) => s.words);
      const warns = squiggles.warnings.map((s) => s.words);
      for (const w of ['Secretary of State', 'does cause', 'three', 'a single project', 'signed a binding']) {
        if (!errs.includes(w)) throw new Error(`no error squiggle on "${w}"; error squiggles on: ${JSON.stringify(errs)}`);
      }
      for (const w of ['nuclear submarines', 'a dangerous provocation']) {
        if (!warns.includes(w)) throw new Error(`no warning squiggle on "${w}"; warning squiggles on: ${JSON.stringify(warns)}`);
      }
      log(`    error squiggles: ${JSON.stringify(errs)}; warning squiggles: ${JSON.stringify(warns)}`);
    });

    await check('the status bar shows the problem counts and the sources indexed', async () => {
      const problems = page.locator('#status\\.problems');
      await problems.waitFor();
      const label = (await problems.getAttribute('aria-label')) || (await problems.innerText());
      const n = (re) => Number((re.exec(label) || [])[1] || 0);
      const errors = n(/(\d+)\s*Errors?/i);
      const warnings = n(/(\d+)\s*Warnings?/i);
      if (errors < 5 || warnings < 2) throw new Error(`status bar problems: "${label}"`);
      const ours = page.locator('.statusbar-item', { hasText: /Corroborate: 1 sources/ });
      await ours.first().waitFor();
      log(`    status bar: "${label}", "${(await ours.first().innerText()).trim()}"`);
    });

    await check('the hover shows the verdict and the source quote', async () => {
      const target = squiggles.errors.find((s) => s.words === 'Secretary of State') || squiggles.errors[0];
      if (!target) throw new Error('no squiggle to hover');
      await page.mouse.move(target.x - 20, target.y + 40);
      await page.mouse.move(target.x, target.y);
      const hover = page.locator('.monaco-hover', { hasText: 'United States Deputy Secretary of Defense' });
      await hover.first().waitFor({ state: 'visible' });
      const text = await hover.first().innerText();
      if (!/contradicted/.test(text) || !/The outreach coincided with a high-level meeting/.test(text)) throw new Error(`hover text: ${text}`);
      if (!/us-india-defense-partnership\.txt:3/.test(text)) throw new Error(`hover has no source link: ${text}`);
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
      const texts = await rows.allInnerTexts();
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
