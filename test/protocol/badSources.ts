/**
 * A source folder holding one of every bad input (shared by the unit, CLI and LSP robustness
 * tests), with what each must produce: a problem or warning naming the file, or usable text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const GOOD = 'The harbour bridge was opened to traffic in 1932 after eight years of work.';
export const BIG_FIRST = 'The lighthouse keeper counted 41 ships in the first week of May.';
export const BIG_LAST = 'The final page says that the lighthouse was painted green in 1999.';
export const LATIN1 = 'The café served crêpes to 200 guests on Sunday.';
export const BOM8 = 'The orchestra performed the symphony in Vienna in 1824.';
export const UTF16LE = 'The glacier retreated 300 metres between 1990 and 2020.';
export const UTF16BE = 'The vineyard produced 12,000 bottles of wine last autumn.';
export const SECRET = 'The password for the vault is swordfish and nobody knows it.';

/** source folder name → regular expression its report must match (each exactly once) */
export interface BadSources {
  root: string;
  /** the source folder (root/src) */
  src: string;
  /** file (relative to root) → what is reported about it */
  reported: Record<string, RegExp>;
  /** files indexed without a word */
  silent: string[];
  /** unreadable.txt is only unreadable when not running as root */
  unreadable: boolean;
}

export const MAX_SOURCE_KB = 64;

export function makeBadSources(root: string): BadSources {
  const src = path.join(root, 'src');
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
  fs.mkdirSync(path.join(root, 'outside'), { recursive: true });
  const w = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(src, name), data);
  w('good.txt', GOOD + '\n');
  w('binary.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(2000, 0)]));
  const filler = 'The archive holds many pages of unrelated notes about weather and tides.\n';
  w('big.txt', BIG_FIRST + '\n' + filler.repeat(Math.ceil((MAX_SOURCE_KB * 1024 * 3) / filler.length)) + BIG_LAST + '\n');
  w('empty.txt', '');
  w('latin1.txt', Buffer.from(LATIN1 + '\n', 'latin1'));
  w('bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BOM8 + '\n', 'utf8')]));
  w('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16LE + '\n', 'utf16le')]));
  const be = Buffer.from(UTF16BE + '\n', 'utf16le');
  be.swap16();
  w('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  w('unreadable.txt', 'The statue was carved from a single block of marble.\n');
  fs.chmodSync(path.join(src, 'unreadable.txt'), 0o000);
  const unreadable = !(process.getuid?.() === 0);
  fs.symlinkSync('loop.txt', path.join(src, 'loop.txt')); // points at itself
  fs.symlinkSync('..', path.join(src, 'sub', 'back')); // a folder loop inside the root
  fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), SECRET + '\n');
  fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(src, 'secret.txt'));
  fs.symlinkSync(path.join(root, 'outside'), path.join(src, 'outdir'));
  const reported: Record<string, RegExp> = {
    'src/binary.txt': /binary/,
    'src/big.txt': /size cap.*only the first part is indexed/,
    'src/empty.txt': /empty/,
    'src/latin1.txt': /not valid UTF-8: read as Latin-1/,
    'src/loop.txt': /loop/,
    'src/secret.txt': /outside the source folder: not followed/,
    'src/outdir': /outside the source folder: not followed/,
    nowhere: /not found/,
  };
  if (unreadable) reported['src/unreadable.txt'] = /cannot read/;
  return { root, src, reported, silent: ['src/good.txt', 'src/bom8.txt', 'src/utf16le.txt', 'src/utf16be.txt'], unreadable };
}

/** Removes the folder (giving unreadable files their permissions back first). */
export function removeBadSources(root: string) {
  try {
    fs.chmodSync(path.join(root, 'src', 'unreadable.txt'), 0o644);
  } catch {
    /* gone */
  }
  fs.rmSync(root, { recursive: true, force: true });
}

/** `count` tiny source files in `dir`, one sentence each; returns the last sentence. */
export function makeTinyFiles(dir: string, count: number): string {
  fs.mkdirSync(dir, { recursive: true });
  let last = '';
  for (let i = 0; i < count; i++) {
    last = `Tiny note number ${i} records that station ${i} measured ${i % 97} millimetres of rain.`;
    fs.writeFileSync(path.join(dir, `t${String(i).padStart(5, '0')}.txt`), last + '\n');
  }
  return last;
}
