import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { loadSourcesSync } from '../../server/src/workspace/corpus';
import { CACHE_FILE, loadSourcesCached, readIndex, saveIndex } from '../../server/src/workspace/persist';
import { contentKeys } from '../../server/src/engine/text';

const SEED = path.join(__dirname, '../../../seeds/us-india-defense-partnership.txt');

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-persist-'));
}

/** A small source folder: the seed, a CRLF file with emoji, a Markdown file, a nested one. */
function makeSources(): string {
  const dir = tmp();
  fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
  fs.writeFileSync(
    path.join(dir, 'crlf.txt'),
    'The mayor 🎉 opened the bridge on Monday.\r\nIt cost $4.5 million, officials said.\r\n\r\nDr. Smith disagreed. Traffic fell 12%.',
  );
  fs.writeFileSync(
    path.join(dir, 'notes.md'),
    '# Budget\n\nThe council approved a budget of 3,200,000 euros in March.\n\n- Schools get 40% of it.\n- Roads get the rest.\n',
  );
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'later.txt'), "The bridge was closed again in May. The mayor's office blamed the weather.");
  return dir;
}

function queries(index: SourceIndex): string[][] {
  const out: string[][] = [];
  for (let id = 0; id < index.sentenceCount; id += 3) {
    const s = index.sentence(id);
    if (s) out.push(contentKeys(s.text).slice(0, 6));
  }
  out.push(['bridge', 'mayor'], ['budget', 'council', 'march'], ['nonexistentword']);
  return out;
}

function sameResults(a: SourceIndex, b: SourceIndex) {
  assert.deepStrictEqual(a.filePaths().sort(), b.filePaths().sort());
  assert.strictEqual(a.sentenceCount, b.sentenceCount);
  for (const q of queries(a)) {
    const ha = a.search(q, 10).map((h) => ({
      text: h.sentence.text,
      source: h.sentence.source,
      start: h.sentence.start,
      line: h.sentence.line,
      character: h.sentence.character,
      ordinal: h.sentence.ordinal,
      score: h.score.toFixed(9),
    }));
    const hb = b.search(q, 10).map((h) => ({
      text: h.sentence.text,
      source: h.sentence.source,
      start: h.sentence.start,
      line: h.sentence.line,
      character: h.sentence.character,
      ordinal: h.sentence.ordinal,
      score: h.score.toFixed(9),
    }));
    assert.deepStrictEqual(hb, ha, `query ${q.join(' ')}`);
    for (const k of q) assert.strictEqual(b.idf(k), a.idf(k));
  }
}

describe('persistent index', () => {
  it('round-trips: a loaded index answers searches exactly like a fresh one', () => {
    const src = makeSources();
    const fresh = new SourceIndex();
    loadSourcesSync(fresh, [src]);
    const dir = tmp();
    saveIndex(fresh, dir);
    const loaded = readIndex(dir);
    sameResults(fresh, loaded);
    for (const p of fresh.filePaths()) assert.strictEqual(loaded.file(p)!.text, fresh.file(p)!.text);
    // neighbours survive
    const s = loaded.sentence(1)!;
    assert.strictEqual(loaded.neighbour(s, -1)!.id, fresh.neighbour(fresh.sentence(1)!, -1)!.id);
  });

  it('round-trips an index with removed and replaced files (ids renumbered)', () => {
    const src = makeSources();
    const idx = new SourceIndex();
    loadSourcesSync(idx, [src]);
    idx.removeFile(path.join(src, 'notes.md'));
    idx.addFile(path.join(src, 'crlf.txt'), 'The bridge reopened in June. The mayor said so.');
    const dir = tmp();
    saveIndex(idx, dir);
    const loaded = readIndex(dir);
    sameResults(idx, loaded);
    // and the loaded index keeps working incrementally
    loaded.addFile('x.txt', 'A new bridge opens in July.');
    assert.strictEqual(loaded.search(['july'], 1)[0].sentence.source, 'x.txt');
  });

  it("round-trips an extracted file's places and origin spans; a cache with bad origin spans is refused", () => {
    const idx = new SourceIndex();
    const origin = [0, 11, 4, 2, 11, 11, 1, 4, 13, 5, 13, 19, 5, 0, 19];
    idx.addFile('page.html', 'The harbour&The quay opened in 1884.', { places: [{ offset: 0, label: '“Quays”' }], origin });
    idx.addFile('plain.html', 'No headings here, but a mapped sentence.', { origin: [0, 5, 0, 3, 5] });
    const dir = tmp();
    saveIndex(idx, dir);
    const loaded = readIndex(dir);
    assert.deepStrictEqual(loaded.file('page.html')!.origin, origin);
    assert.deepStrictEqual(loaded.file('page.html')!.places, [{ offset: 0, label: '“Quays”' }]);
    assert.deepStrictEqual(loaded.file('plain.html')!.origin, [0, 5, 0, 3, 5]);
    assert.strictEqual(loaded.file('plain.html')!.places, undefined);
    assert.deepStrictEqual(loaded.originalRange('page.html', 12, 20), { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } });
    // a span past the file's text: the cache is not used
    const bad = new SourceIndex();
    bad.addFile('page.html', 'Short.', { origin: [0, 50, 0, 0, 50] });
    saveIndex(bad, dir);
    assert.throws(() => readIndex(dir), /bad origin/);
  });

  it('loads warm through loadSourcesCached and reuses every unchanged file', () => {
    const src = makeSources();
    const dir = tmp();
    const cold = loadSourcesCached([src], dir);
    assert.strictEqual(cold.cache.status, 'cold');
    assert.ok(fs.existsSync(path.join(dir, CACHE_FILE)));
    const warm = loadSourcesCached([src], dir);
    assert.strictEqual(warm.cache.status, 'warm');
    assert.strictEqual(warm.cache.reused, 4);
    assert.strictEqual(warm.cache.reread + warm.cache.added + warm.cache.removed, 0);
    sameResults(cold.index, warm.index);
  });

  it('re-reads a changed file, drops a deleted one and adds a new one', () => {
    const src = makeSources();
    const dir = tmp();
    loadSourcesCached([src], dir);
    const changed = path.join(src, 'sub', 'later.txt');
    fs.writeFileSync(changed, 'The bridge reopened in September after repairs costing 2 million.');
    const t = new Date(Date.now() + 5000);
    fs.utimesSync(changed, t, t);
    fs.rmSync(path.join(src, 'notes.md'));
    fs.writeFileSync(path.join(src, 'new.txt'), 'A second bridge is planned for 2030.');
    const warm = loadSourcesCached([src], dir);
    assert.strictEqual(warm.cache.status, 'warm');
    assert.deepStrictEqual([warm.cache.reused, warm.cache.reread, warm.cache.removed, warm.cache.added], [2, 1, 1, 1]);
    assert.ok(warm.index.file(changed)!.text.includes('September'));
    assert.strictEqual(warm.index.file(path.join(src, 'notes.md')), undefined);
    assert.strictEqual(warm.index.search(['september'], 1)[0].sentence.source, changed);
    assert.strictEqual(warm.index.search(['bridge', 'may'], 5).filter((h) => h.sentence.text.includes('May')).length, 0);
    // equal to a fresh read of the folder as it is now
    const fresh = new SourceIndex();
    loadSourcesSync(fresh, [src]);
    sameResults(fresh, warm.index);
    // and the rewritten cache is current
    const again = loadSourcesCached([src], dir);
    assert.strictEqual(again.cache.reused, 4);
  });

  it('discards a corrupt cache (flipped byte, truncation, garbage) and rebuilds', () => {
    const src = makeSources();
    const dir = tmp();
    loadSourcesCached([src], dir);
    const file = path.join(dir, CACHE_FILE);
    const good = fs.readFileSync(file);
    const variants: Buffer[] = [];
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0xff;
    variants.push(flipped);
    variants.push(good.subarray(0, good.length >> 1));
    variants.push(Buffer.from('not a cache at all'));
    variants.push(Buffer.alloc(0));
    const badHeader = Buffer.from(good);
    badHeader.write('{"x', 12, 'latin1');
    variants.push(badHeader);
    for (const v of variants) {
      fs.writeFileSync(file, v);
      assert.throws(() => readIndex(dir));
      const r = loadSourcesCached([src], dir);
      assert.strictEqual(r.cache.status, 'discarded', String(r.cache.reason));
      assert.strictEqual(r.index.fileCount, 4);
      const fresh = new SourceIndex();
      loadSourcesSync(fresh, [src]);
      sameResults(fresh, r.index);
      // the cache was rewritten and is good again
      assert.strictEqual(loadSourcesCached([src], dir).cache.status, 'warm');
    }
  });

  it('discards a cache with a valid checksum but inconsistent content', () => {
    const src = makeSources();
    const fresh = new SourceIndex();
    loadSourcesSync(fresh, [src]);
    const snap = fresh.toSnapshot();
    const broken = { ...snap, postings: snap.postings.slice() };
    broken.postings[0] = snap.starts.length + 5; // a sentence id out of range
    assert.throws(() => SourceIndex.fromSnapshot(broken), /invalid index snapshot/);
    const spans = { ...snap, ends: snap.ends.slice() };
    spans.ends[0] = 1e9;
    assert.throws(() => SourceIndex.fromSnapshot(spans), /invalid index snapshot/);
  });

  it('discards a cache made by another engine version', () => {
    const src = makeSources();
    const dir = tmp();
    loadSourcesCached([src], dir);
    const file = path.join(dir, CACHE_FILE);
    const buf = fs.readFileSync(file);
    const s = buf.toString('latin1');
    const i = s.indexOf('corroborate-engine-');
    buf.write('corroborate-engine-X', i, 'latin1');
    fs.writeFileSync(file, buf);
    const r = loadSourcesCached([src], dir);
    assert.strictEqual(r.cache.status, 'discarded');
    assert.match(r.cache.reason!, /engine version/);
  });
});
