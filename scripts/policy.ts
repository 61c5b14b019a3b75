/**
 * The tuning table (server/src/engine/policy.ts) as a page or as data:
 *
 *   npm run policy              writes docs/TUNING.md (test/unit/policy.test.ts fails when it is stale)
 *   node dist/policy.js --check exits 1 when docs/TUNING.md differs from the table
 *   node dist/policy.js --json  every entry (name, value, step, inert) for scripts/knobs.mjs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { policyEntries, policyMarkdown } from '../server/src/engine/policy';

const DOC = path.resolve(__dirname, '../docs/TUNING.md');

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--json')) {
    const rows = policyEntries().map(({ name, value, step, inert }) => ({ name, value, ...(step !== undefined ? { step } : {}), ...(inert ? { inert } : {}) }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  const text = policyMarkdown();
  if (args.includes('--check')) {
    const now = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    if (now !== text) {
      process.stderr.write(`policy: ${path.relative(process.cwd(), DOC)} differs from the tuning table: run npm run policy\n`);
      process.exitCode = 1;
    }
    return;
  }
  fs.writeFileSync(DOC, text);
  process.stdout.write(`policy: wrote ${path.relative(process.cwd(), DOC)} (${policyEntries().length} entries)\n`);
}

main();
