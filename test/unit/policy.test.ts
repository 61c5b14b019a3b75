// The tuning table (server/src/engine/policy.ts): its page is true, every entry is documented, and the
// eval's overrides reach the code that decides.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPolicyOverrides, CHECKER, policyEntries, policyMarkdown, unknownInertNames } from '../../server/src/engine/policy';
import { detectors } from '../../server/src/engine/signals';
import { SourceIndex } from '../../server/src/engine/sourceIndex';
import { createChecker } from '../../server/src/engine/defaults';

const ROOT = path.join(__dirname, '../../..');

describe('policy: the tuning table', () => {
  it('docs/TUNING.md is the table as it stands (npm run policy writes it)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'docs/TUNING.md'), 'utf8');
    assert.ok(committed === policyMarkdown(), 'docs/TUNING.md differs from server/src/engine/policy.ts: run npm run policy');
  });

  it('every entry has a unique name, a value, a one-line doc and says which way is stricter', () => {
    const entries = policyEntries();
    assert.ok(entries.length > 50, String(entries.length));
    assert.strictEqual(new Set(entries.map((e) => e.name)).size, entries.length);
    for (const e of entries) {
      assert.ok(typeof e.value === 'number' ? Number.isFinite(e.value) : typeof e.value === 'boolean', e.name);
      assert.ok(e.doc.length > 15 && !e.doc.includes('\n'), `${e.name}: doc`);
      assert.ok(/^(higher|lower|true|neither)\b/.test(e.stricter), `${e.name}: stricter says '${e.stricter}'`);
    }
  });

  it('each note on an entry that moves nothing names an entry of the table', () => {
    const inert = policyEntries().filter((e) => e.inert);
    assert.ok(inert.length > 0);
    for (const e of inert) assert.ok(e.inert!.length > 10 && !e.inert!.includes('\n'), e.name);
    assert.deepStrictEqual(unknownInertNames(), []);
  });

  it("lists every signal's gate, as it stands beside the signal", () => {
    const byName = new Map(policyEntries().map((e) => [e.name, e]));
    for (const d of detectors) assert.strictEqual(byName.get(`signal.${d.kind}.gate`)?.value, d.gate ?? 0, d.kind);
  });

  it('overrides set the value in force and refuse unknown names and wrong types', () => {
    const before = CHECKER.pairPenalty.value;
    try {
      applyPolicyOverrides({ 'checker.pairPenalty': 0.5 });
      assert.strictEqual(CHECKER.pairPenalty.value, 0.5);
    } finally {
      applyPolicyOverrides({ 'checker.pairPenalty': before });
    }
    assert.strictEqual(CHECKER.pairPenalty.value, before);
    assert.throws(() => applyPolicyOverrides({ 'checker.noSuchKnob': 1 }), /unknown policy entry/);
    assert.throws(() => applyPolicyOverrides({ 'checker.pairPenalty': 'high' }), /needs a number/);
    assert.throws(() => applyPolicyOverrides({ 'checker.strictNames': 1 }), /needs a boolean/);
  });

  it("a signal's gate override reaches the checker, and is undone", () => {
    const index = new SourceIndex();
    index.addFile('a.txt', 'The city council approved 12 new schools for the northern district in March.');
    const claim = 'The city council approved 15 new schools for the northern district in March.';
    const gate = detectors.find((d) => d.kind === 'number')!.gate;
    assert.strictEqual(createChecker(index, { contradictionGate: 0.2 }).checkDraft(claim, 'plaintext')[0].verdict, 'contradicted');
    try {
      // in a one-sentence index the number outweighs every other word (coverage 0.38): 0.2 + 0.1 passes, 0.2 + 0.6 does not: the number clash no longer counts
      applyPolicyOverrides({ 'signal.number.gate': 0.6 });
      assert.notStrictEqual(createChecker(index, { contradictionGate: 0.2 }).checkDraft(claim, 'plaintext')[0].verdict, 'contradicted');
    } finally {
      applyPolicyOverrides({ 'signal.number.gate': gate ?? 0 });
    }
    assert.strictEqual(createChecker(index, { contradictionGate: 0.2 }).checkDraft(claim, 'plaintext')[0].verdict, 'contradicted');
  });
});
