/**
 * Entry of the extension-host tests (the extensionTestsPath): runs every suite/*.test.js with
 * mocha inside the real extension host and prints one machine-readable line with the counts,
 * which test/editor/launcher writes to $CORROBORATE_EDITOR_RESULTS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const RESULTS_MARKER = 'CORROBORATE_EDITOR_RESULTS ';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const grep = process.env.CORROBORATE_EDITOR_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  const counts = { passed: 0, failed: 0, pending: 0, passes: [] as string[], failures: [] as { title: string; message: string }[] };
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(RESULTS_MARKER + JSON.stringify(counts));
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      counts.passed++;
      counts.passes.push(t.fullTitle());
    });
    runner.on('pending', () => counts.pending++);
    runner.on('fail', (t, err) => {
      counts.failed++;
      counts.failures.push({ title: t.fullTitle(), message: String((err && err.message) || err) });
    });
  });
}
