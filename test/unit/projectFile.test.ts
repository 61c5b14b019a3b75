// .corroborate.json: one module reads, merges and writes it for the server and the CLI.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hiddenEntries, projectHidden, readProjectFile, updateProjectFile, withProjectFile } from '../../server/src/workspace/projectFile';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/config';
import { fingerprint } from '../../server/src/engine/findings';

describe('workspace/projectFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-project-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => fs.writeFileSync(path.join(dir, '.corroborate.json'), text);

  it('reads a missing file as {} without a problem, and an object as it is (a byte-order mark allowed)', () => {
    assert.deepStrictEqual(readProjectFile(dir), { path: path.join(dir, '.corroborate.json'), exists: false, data: {} });
    write('\ufeff{"sources":["notes"],"severity":{"number":"hint"}}');
    const pf = readProjectFile(dir);
    assert.strictEqual(pf.problem, undefined);
    assert.deepStrictEqual(pf.data, { sources: ['notes'], severity: { number: 'hint' } });
  });

  it('names the problem of a file that is not a JSON object, and reads it as {}', () => {
    for (const bad of ['{"sources": [', '[1, 2]', '"text"', 'null']) {
      write(bad);
      const pf = readProjectFile(dir);
      assert.ok(pf.exists && pf.problem, `${bad}: ${pf.problem}`);
      assert.deepStrictEqual(pf.data, {});
    }
  });

  it('updates the file, keeping the keys it does not change', () => {
    write('{"sources":["notes"],"custom":{"keep":true}}');
    const pf = updateProjectFile(dir, (j) => (j.hidden = [{ code: 'number', text: 'The bridge cost 4 million.' }]));
    assert.strictEqual(pf.problem, undefined);
    const back = JSON.parse(fs.readFileSync(path.join(dir, '.corroborate.json'), 'utf8'));
    assert.deepStrictEqual(back, { sources: ['notes'], custom: { keep: true }, hidden: [{ code: 'number', text: 'The bridge cost 4 million.' }] });
  });

  it('creates a missing file, and never overwrites one it cannot read', () => {
    assert.strictEqual(updateProjectFile(dir, (j) => (j.sources = ['a'])).problem, undefined);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(dir, '.corroborate.json'), 'utf8')), { sources: ['a'] });
    write('{"sources": ["a",');
    const pf = updateProjectFile(dir, (j) => (j.sources = ['b']));
    assert.match(pf.problem ?? '', /^not changed: /);
    assert.strictEqual(fs.readFileSync(path.join(dir, '.corroborate.json'), 'utf8'), '{"sources": ["a",');
  });

  it('merges over settings key by key (severity code by code) and lists hidden findings', () => {
    const s = withProjectFile(
      { ...DEFAULT_SETTINGS, severity: { number: 'error', date: 'hint' } },
      { debounceMs: 50, severity: { number: 'warning' }, unknownKey: 1 },
    );
    assert.strictEqual(s.debounceMs, 50);
    assert.deepStrictEqual(s.severity, { number: 'warning', date: 'hint' });
    assert.deepStrictEqual(s.sources, DEFAULT_SETTINGS.sources);
    const project = { hidden: [{ code: 'date', text: 'It opened in  May.', context: 'abc' }, { code: 1 }, 'x'] };
    assert.deepStrictEqual(hiddenEntries(project), [{ code: 'date', text: 'It opened in  May.', context: 'abc' }]);
    assert.deepStrictEqual([...projectHidden(project)], [fingerprint('It opened in May.', 'date', 'abc')]);
  });
});
