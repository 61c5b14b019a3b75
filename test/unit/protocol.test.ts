// The custom protocol is declared once (server/src/protocol.ts): every corroborate/* method has one
// typed declaration, and neither the server nor the client spells a method name itself.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protocol from '../../server/src/protocol';

const ROOT = path.join(__dirname, '../../..');

function tsFiles(dir: string, depth = 0): string[] {
  assert.ok(depth < 10, `folder nesting too deep at ${dir}`);
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p, depth + 1));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('protocol', () => {
  const declared = Object.entries(protocol)
    .filter(([, v]) => v && typeof v === 'object' && typeof (v as { method?: unknown }).method === 'string')
    .map(([name, v]) => ({ name, method: (v as { method: string }).method, type: (v as { type: { method: string } }).type }));

  it('declares the 15 corroborate/* methods once each, typed', () => {
    assert.strictEqual(declared.length, 15, declared.map((d) => d.name).join(', '));
    assert.strictEqual(new Set(declared.map((d) => d.method)).size, declared.length);
    for (const d of declared) {
      assert.match(d.method, /^corroborate\/[a-zA-Z]+$/);
      assert.strictEqual(d.type.method, d.method, d.name);
      assert.match(d.name, /(Request|Notification)$/);
    }
  });

  it('no server, workspace or client file spells a corroborate/* method itself', () => {
    const offences: string[] = [];
    for (const file of [...tsFiles(path.join(ROOT, 'server/src')), ...tsFiles(path.join(ROOT, 'client/src'))]) {
      if (file.endsWith(path.join('server', 'src', 'protocol.ts'))) continue;
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(/['"]corroborate\/[a-zA-Z]+['"]/g)) offences.push(`${path.relative(ROOT, file)}: ${m[0]}`);
    }
    assert.deepStrictEqual(offences, []);
  });
});
