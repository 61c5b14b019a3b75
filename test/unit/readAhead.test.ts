import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSourcesSync, loadSources } from '../../server/src/workspace/corpus';
import { loadSourcesCached } from '../../server/src/workspace/persist';
import { ReadAhead } from '../../server/src/workspace/reader';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { readSourceBytes } from '../../server/src/workspace/sources';

// The worker that reads files ahead must give what a plain read gives, file by file.
describe('reading ahead on a worker thread', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-readahead-'));
    for (let i = 0; i < 60; i++)
      fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.txt`), `File ${i} says the council met on ${i} May. `.repeat(1 + (i % 7) * 40));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'big.txt'), 'Word after word. '.repeat(200_000)); // over a 1 MB batch and over the cap below
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 5]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait is served.', 'latin1'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the same bytes and problems as readSourceBytes, in order', () => {
    const paths = fs.readdirSync(dir).map((n) => path.join(dir, n));
    paths.splice(10, 0, path.join(dir, 'missing.txt'));
    for (const maxBytes of [1_000_000, 50]) {
      const ahead = new ReadAhead(paths, maxBytes);
      try {
        for (let i = 0; i < paths.length; i++) {
          const got = ahead.take(i);
          const want = readSourceBytes(paths[i], maxBytes);
          if ('problem' in want) assert.deepStrictEqual(got, want, paths[i]);
          else {
            assert.ok('bytes' in got, paths[i]);
            assert.strictEqual(got.size, want.size);
            assert.deepStrictEqual(Buffer.from(got.bytes), Buffer.from(want.bytes), paths[i]);
          }
        }
      } finally {
        ahead.close();
      }
    }
  });

  it('loads the same index with and without it (sync and sliced)', async () => {
    const plain = new SourceIndex();
    const a = loadSourcesSync(plain, [dir], { readAheadFrom: Infinity, maxBytes: 100_000 });
    const ahead = new SourceIndex();
    const b = loadSourcesSync(ahead, [dir], { readAheadFrom: 0, maxBytes: 100_000 });
    const sliced = new SourceIndex();
    const c = await loadSources(sliced, [dir], { readAheadFrom: 0, maxBytes: 100_000, sliceMs: 1 });
    for (const [idx, r] of [
      [ahead, b],
      [sliced, c],
    ] as const) {
      assert.deepStrictEqual(idx.toSnapshot(), plain.toSnapshot());
      assert.deepStrictEqual([r.files, r.sentences, r.bytes, r.problems, r.warnings], [a.files, a.sentences, a.bytes, a.problems, a.warnings]);
    }
    // a cold cached load reads every file (ahead); a warm one reads only the changed ones
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-readahead-cache-'));
    try {
      const cold = loadSourcesCached([dir], cacheDir, { readAheadFrom: 0, maxBytes: 100_000 });
      assert.strictEqual(cold.cache.status, 'cold');
      assert.deepStrictEqual(cold.index.toSnapshot(), plain.toSnapshot());
      const changed = path.join(dir, 'f005.txt');
      fs.writeFileSync(changed, 'A changed file. It has two sentences.');
      fs.utimesSync(changed, new Date(), new Date(Date.now() + 5000));
      const warm = loadSourcesCached([dir], cacheDir, { readAheadFrom: 0, maxBytes: 100_000 });
      assert.strictEqual(warm.cache.status, 'warm');
      assert.strictEqual(warm.cache.reread, 1);
      const fresh = new SourceIndex();
      loadSourcesSync(fresh, [dir], { readAheadFrom: Infinity, maxBytes: 100_000 });
      assert.deepStrictEqual(
        warm.index.sentencesOf(changed).map((s) => s.text),
        fresh.sentencesOf(changed).map((s) => s.text),
      );
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
