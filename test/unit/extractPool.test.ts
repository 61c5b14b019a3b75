import * as assert from 'node:assert';
import * as path from 'node:path';
import { Extractor } from '../../server/src/workspace/extract/pool';

// the worker is dist/extractWorker.js (npm run build makes it); fixtures from scripts/make-fixtures.mjs
const FIXTURES = path.join(__dirname, '../../../test/fixtures/formats');
const f = (name: string) => path.join(FIXTURES, name);
const textOf = (o: { text?: string; problem?: string }) => ('text' in o ? o.text! : `problem: ${o.problem}`);

describe('extraction worker (pool)', function () {
  this.timeout(30_000);

  it('sync: each file gets its own outcome, with the next files extracted ahead and taken out of order', () => {
    const x = new Extractor();
    try {
      const a = x.extractSync(f('interview.vtt'), [f('history.epub'), f('locked.pdf')]);
      assert.match(textOf(a), /^Ada Quist: We will not accept/);
      assert.deepStrictEqual(x.extractSync(f('locked.pdf')), { problem: 'password-protected PDF: not indexed' });
      assert.match(textOf(x.extractSync(f('history.epub'))), /^The fishing port/);
      assert.deepStrictEqual(x.extractSync(f('gone.pdf')), { problem: 'deleted before it could be read' });
    } finally {
      x.close();
    }
  });

  it('async: answers in any order; a file asked ahead and then forgotten does not block the next one', async () => {
    const x = new Extractor();
    try {
      const [pdf, html] = await Promise.all([x.extractAsync(f('review.pdf')), x.extractAsync(f('article.html'), [f('pilots.docx')])]);
      assert.match(textOf(pdf), /fourteen cranes/);
      assert.match(textOf(html), /^Wexmoor approves night pilotage rules/);
      x.forget([f('pilots.docx')]);
      assert.match(textOf(await x.extractAsync(f('fees.eml'))), /^Re: pilot fees/);
      // sync and async requests share the worker
      assert.match(textOf(x.extractSync(f('pilots.docx'))), /^Interview notes/);
    } finally {
      x.close();
    }
  });
});
