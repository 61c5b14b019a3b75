/**
 * Word knowledge: WordNet synonym groups and antonym pairs (extracted at build time by
 * scripts/build-wordnet.mjs into server/generated/wordnet.json), a curated list of opposing words,
 * and an alias list of names that stand for the same entity (US = United States = Washington).
 * All lookups take lower-case lemmas and are cached.
 */
import tablesJson from '../../generated/wordnet.json';
import { directionPairs } from './directions';

interface WordnetTables {
  antonyms: [string, string][] | string[][];
  groups: string[][];
  /** words that are hypernyms of some word, and per word the ids of its hypernyms (up to 4 levels) */
  hypernymWords?: string[];
  hypernyms?: Record<string, number[]>;
}
const tables = tablesJson as unknown as WordnetTables;

/** Opposing words and directions WordNet misses or spreads over senses (lemmas). */
const CURATED_OPPOSITES: [string, string][] = [
  ['increase', 'decrease'],
  ['increase', 'reduce'],
  ['increase', 'cut'],
  ['increase', 'decline'],
  ['increase', 'drop'],
  ['increase', 'fall'],
  ['increase', 'lower'],
  ['raise', 'lower'],
  ['raise', 'cut'],
  ['raise', 'reduce'],
  ['rise', 'fall'],
  ['rise', 'decline'],
  ['rise', 'drop'],
  ['rise', 'sink'],
  ['rise', 'decrease'],
  ['grow', 'shrink'],
  ['grow', 'decline'],
  ['expand', 'shrink'],
  ['expand', 'contract'],
  ['expand', 'reduce'],
  ['gain', 'lose'],
  ['win', 'lose'],
  ['win', 'defeat'],
  ['succeed', 'fail'],
  ['success', 'failure'],
  ['approve', 'reject'],
  ['approve', 'veto'],
  ['approve', 'disapprove'],
  ['approve', 'deny'],
  ['accept', 'reject'],
  ['accept', 'refuse'],
  ['accept', 'decline'],
  ['agree', 'disagree'],
  ['agree', 'refuse'],
  ['respect', 'disregard'],
  ['respect', 'ignore'],
  ['respect', 'violate'],
  ['respect', 'breach'],
  ['obey', 'disobey'],
  ['obey', 'violate'],
  ['comply', 'violate'],
  ['honor', 'breach'],
  ['honour', 'breach'],
  ['support', 'oppose'],
  ['favor', 'oppose'],
  ['favour', 'oppose'],
  ['endorse', 'oppose'],
  ['back', 'oppose'],
  ['allow', 'ban'],
  ['allow', 'forbid'],
  ['allow', 'prohibit'],
  ['allow', 'block'],
  ['permit', 'ban'],
  ['permit', 'forbid'],
  ['permit', 'prohibit'],
  ['legal', 'illegal'],
  ['lawful', 'unlawful'],
  ['open', 'close'],
  ['open', 'shut'],
  ['start', 'stop'],
  ['start', 'end'],
  ['begin', 'end'],
  ['begin', 'stop'],
  ['launch', 'cancel'],
  ['launch', 'scrap'],
  ['resume', 'suspend'],
  ['continue', 'stop'],
  ['continue', 'halt'],
  ['continue', 'end'],
  ['continue', 'suspend'],
  ['strengthen', 'weaken'],
  ['strengthen', 'undermine'],
  ['improve', 'worsen'],
  ['improve', 'deteriorate'],
  ['boost', 'cut'],
  ['boost', 'weaken'],
  ['boost', 'hurt'],
  ['accelerate', 'slow'],
  ['speed', 'slow'],
  ['hire', 'fire'],
  ['hire', 'lay'],
  ['join', 'leave'],
  ['join', 'quit'],
  ['enter', 'leave'],
  ['enter', 'exit'],
  ['arrive', 'depart'],
  ['arrive', 'leave'],
  ['buy', 'sell'],
  ['import', 'export'],
  ['borrow', 'lend'],
  ['attack', 'defend'],
  ['include', 'exclude'],
  ['add', 'remove'],
  ['confirm', 'deny'],
  ['admit', 'deny'],
  ['acknowledge', 'deny'],
  ['praise', 'criticize'],
  ['praise', 'criticise'],
  ['praise', 'condemn'],
  ['welcome', 'condemn'],
  ['welcome', 'reject'],
  ['sign', 'reject'],
  ['cooperate', 'compete'],
  ['ally', 'rival'],
  ['ally', 'enemy'],
  ['friend', 'enemy'],
  ['friend', 'foe'],
  ['peace', 'war'],
  ['victory', 'defeat'],
  ['profit', 'loss'],
  ['surplus', 'deficit'],
  ['gain', 'loss'],
  ['higher', 'lower'],
  ['high', 'low'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['most', 'least'],
  ['many', 'few'],
  ['large', 'small'],
  ['big', 'small'],
  ['major', 'minor'],
  ['long', 'short'],
  ['early', 'late'],
  ['before', 'after'],
  ['first', 'last'],
  ['past', 'future'],
  ['old', 'new'],
  ['old', 'young'],
  ['ancient', 'modern'],
  ['warm', 'cool'],
  ['warming', 'cooling'],
  ['warm', 'cold'],
  ['hot', 'cold'],
  ['positive', 'negative'],
  ['true', 'false'],
  ['correct', 'incorrect'],
  ['safe', 'dangerous'],
  ['possible', 'impossible'],
  ['likely', 'unlikely'],
  ['strong', 'weak'],
  ['rich', 'poor'],
  ['wet', 'dry'],
  ['up', 'down'],
  ['inside', 'outside'],
  ['indoors', 'outdoors'],
  ['asleep', 'awake'],
  ['sleep', 'wake'],
  ['sit', 'stand'],
  ['push', 'pull'],
  ['give', 'take'],
  ['give', 'receive'],
  ['send', 'receive'],
  ['man', 'woman'],
  ['boy', 'girl'],
  ['male', 'female'],
  ['husband', 'wife'],
  ['day', 'night'],
  ['public', 'private'],
  ['domestic', 'foreign'],
  ['internal', 'external'],
  ['bilateral', 'unilateral'],
  ['binding', 'nonbinding'],
  ['formal', 'informal'],
  ['permanent', 'temporary'],
  ['full', 'partial'],
  ['full', 'empty'],
  ['present', 'absent'],
  ['present', 'missing'],
  ['presence', 'absence'],
  ['cause', 'prevent'],
  ['help', 'hurt'],
  ['help', 'harm'],
  ['benefit', 'harm'],
  ['protect', 'harm'],
  ['protect', 'endanger'],
  ['ease', 'tighten'],
  ['loosen', 'tighten'],
  ['relax', 'tighten'],
  ['lift', 'impose'],
  ['remember', 'forget'],
  ['above', 'below'],
  ['over', 'under'],
  ['majority', 'minority'],
  ['maximum', 'minimum'],
  ['rural', 'urban'],
  ['north', 'south'],
  ['east', 'west'],
  ['left', 'right'],
];

/** WordNet pairs that mislead in running text (senses rarely meant). */
const WORDNET_EXCLUDE = new Set(
  [
    'rise\tset',
    'come\tgo',
    'give\tget',
    'be\tdo',
    'have\tlack',
    'keep\tlose',
    'find\tlose',
    'front\trear',
    'get\tlose',
    'make\tbreak',
    'take\tgive',
    'go\tstay',
    'go\tstop',
    'bring\ttake',
    'mother\tfather',
    'one\tzero',
    'head\ttail',
    'type\ttoken',
  ].map((p) => p.split('\t').sort().join('\t')),
);

/** Alias groups: the first entry is the canonical key. Lower case; dots and "the" are stripped on lookup. */
const ALIAS_GROUPS: string[][] = [
  ['united states', 'us', 'usa', 'u s', 'u s a', 'america', 'united states of america', 'washington', 'american', 'americans'],
  ['india', 'republic of india', 'new delhi', 'delhi', 'indian', 'indians', 'bharat'],
  ['russia', 'russian federation', 'moscow', 'kremlin', 'russian', 'russians'],
  ['united kingdom', 'uk', 'u k', 'britain', 'great britain', 'london', 'british', 'britons'],
  ['china', "people's republic of china", 'peoples republic of china', 'prc', 'beijing', 'chinese'],
  ['japan', 'tokyo', 'japanese'],
  ['france', 'paris', 'french'],
  ['germany', 'berlin', 'german', 'germans'],
  ['ukraine', 'kyiv', 'kiev', 'ukrainian', 'ukrainians'],
  ['israel', 'israeli', 'israelis'],
  ['iran', 'tehran', 'iranian'],
  ['pakistan', 'islamabad', 'pakistani'],
  ['australia', 'canberra', 'australian'],
  ['canada', 'ottawa', 'canadian'],
  ['south korea', 'seoul', 'republic of korea', 'rok', 'south korean'],
  ['north korea', 'pyongyang', 'dprk', 'north korean'],
  ['european union', 'eu', 'e u', 'brussels'],
  ['european commission', 'ec', 'e c', 'commission'],
  ['united nations', 'un', 'u n'],
  ['north atlantic treaty organization', 'nato'],
  ['group of seven', 'g7', 'g-7', 'g 7'],
  ['group of twenty', 'g20', 'g-20', 'g 20'],
  ['department of defense', 'pentagon', 'defense department', 'dod'],
  ['department of state', 'state department'],
  ['white house', 'us administration'],
  ['intergovernmental panel on climate change', 'ipcc'],
  ['national aeronautics and space administration', 'nasa'],
  ['indo-pacific', 'indo pacific', 'indo-pacific region'],
  // titles and parties written short: "MEP" = "member of the European Parliament", "Green" = "Greens"
  ['member of the european parliament', 'mep', 'meps', 'members of the european parliament', 'euro mp', 'euro mps'],
  ['member of parliament', 'mp', 'mps', 'members of parliament'],
  ['greens', 'green', 'green party', 'the greens'],
  ['liberal democrats', 'lib dems', 'lib dem', 'liberal democrat', 'lib-dems'],
  // events known by two names
  ['academy awards', 'academy award', 'oscars', 'oscar', 'oscar ceremony', 'academy awards ceremony'],
];

/** Multiword paraphrases that mean one lemma (after lower-casing, hyphens as spaces). */
const CURATED_SYNONYMS: string[][] = [
  ['co-develop', 'codevelop', 'co develop', 'jointly develop', 'develop jointly', 'develop together'],
  ['co-produce', 'coproduce', 'co produce', 'jointly produce', 'joint production'],
  ['jointly', 'together', 'joint', 'collaboratively'],
  ['cooperation', 'collaboration', 'partnership', 'cooperate', 'collaborate'],
  ['talk', 'discussion', 'conversation', 'dialogue', 'negotiation'],
  ['official', 'officer', 'representative'],
  ['spokesperson', 'spokesman', 'spokeswoman', 'representative'],
  ['defense', 'defence', 'military'],
  ['say', 'state', 'note', 'tell', 'add', 'remark', 'comment'],
  ['big', 'large'],
  ['man', 'guy'],
  ['woman', 'lady'],
  ['kid', 'child'],
  ['boy', 'kid'],
  ['girl', 'kid'],
];

const synonymIndex = new Map<string, number[]>();
let groups: string[][] = [];
const antonymPairs = new Set<string>();
const aliasIndex = new Map<string, string>();
let built = false;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

function build(): void {
  if (built) return;
  built = true;
  groups = [...(tables.groups ?? []), ...CURATED_SYNONYMS];
  for (let g = 0; g < groups.length; g++) {
    for (const w of groups[g]) {
      let list = synonymIndex.get(w);
      if (!list) synonymIndex.set(w, (list = []));
      list.push(g);
    }
  }
  for (const p of tables.antonyms ?? []) {
    const k = pairKey(p[0], p[1]);
    if (!WORDNET_EXCLUDE.has(k)) antonymPairs.add(k);
  }
  for (const [a, b] of CURATED_OPPOSITES) antonymPairs.add(pairKey(a, b));
  for (const [a, b] of directionPairs()) antonymPairs.add(pairKey(a, b));
  for (const group of ALIAS_GROUPS) {
    for (const name of group) aliasIndex.set(normalizeAlias(name), group[0]);
  }
}

const synonymCache = new Map<string, Set<string>>();
const EMPTY = new Set<string>();

/** Words sharing a WordNet synset (or a curated group) with `lemma`, without `lemma` itself. */
export function synonyms(lemma: string): Set<string> {
  build();
  let s = synonymCache.get(lemma);
  if (s) return s;
  const ids = synonymIndex.get(lemma);
  if (!ids) {
    s = EMPTY;
  } else {
    s = new Set<string>();
    for (const id of ids) for (const w of groups[id]) if (w !== lemma) s.add(w);
  }
  if (synonymCache.size < 200_000) synonymCache.set(lemma, s);
  return s;
}

export function areSynonyms(a: string, b: string): boolean {
  if (a === b) return true;
  return synonyms(a).has(b);
}

/** True when the two lemmas are opposites (WordNet antonym pointers or the curated list). */
export function areAntonyms(a: string, b: string): boolean {
  if (!a || !b || a === b) return false;
  build();
  return antonymPairs.has(pairKey(a, b));
}

/** Text normalizeAlias leaves as it is (lower-case letters and digits, single spaces, no leading "the "). */
const ALREADY_NORMAL = /^(?!the )[a-z0-9]+(?: [a-z0-9]+)*$/;

function normalizeAlias(phrase: string): string {
  const lower = phrase.toLowerCase();
  if (ALREADY_NORMAL.test(lower)) return lower;
  return lower.replace(/[’‘]/g, "'").replace(/'s$/, '').replace(/\./g, ' ').replace(/[-–—]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/** Canonical key of an entity alias ("U.S." -> "united states"), or undefined when the phrase is no known alias. */
export function aliasKey(phrase: string): string | undefined {
  build();
  const cached = aliasCache.get(phrase);
  if (cached !== undefined) return cached === null ? undefined : cached;
  const n = normalizeAlias(phrase);
  const key = n ? (aliasIndex.get(n) ?? aliasIndex.get(n.replace(/ /g, ''))) : undefined;
  if (aliasCache.size > 100_000) aliasCache.clear();
  aliasCache.set(phrase, key ?? null);
  return key;
}
/** phrase -> alias key, or null: no alias (one lookup either way) */
const aliasCache = new Map<string, string | null>();

let hypernymIds: Map<string, number> | undefined;

/** Id of each word that is a hypernym of some word (built on first use). */
function hypernymTable(): Map<string, number> {
  if (!hypernymIds) {
    hypernymIds = new Map();
    (tables.hypernymWords ?? []).forEach((w, i) => hypernymIds!.set(w, i));
  }
  return hypernymIds;
}

/**
 * Is `general` a more general word for `specific` ("vehicle" for "car", "animal" for "dog")?
 * A claim's general word is carried by a source's specific one, not the other way round.
 */
export function isHypernym(general: string, specific: string): boolean {
  if (!tables.hypernyms) return false;
  const id = hypernymTable().get(general);
  if (id === undefined) return false;
  const list = tables.hypernyms[specific];
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === id) return true;
    if (list[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Verbs that report what someone said without judging it: one carries another. Not "deny", "admit", "claim"
 * or "allege" (they say whether it is true), nor "ask" (a question).
 */
const REPORTING = new Set([
  'say',
  'tell',
  'add',
  'warn',
  'predict',
  'insist',
  'state',
  'argue',
  'explain',
  'note',
  'remark',
  'concede',
  'reply',
  'comment',
  'declare',
  'stress',
  'acknowledge',
]);

/** A claim word carried by an evidence word: a synonym, or a more general word for it. */
export function carries(claimLemma: string, evidenceLemma: string): boolean {
  // WordNet files some opposites under one another ("jump" under "fall"): an opposite carries nothing
  if (areAntonyms(claimLemma, evidenceLemma)) return false;
  // a neutral verb of saying reports what another one does ("warned" / "said", "conceded" / "did say")
  if (REPORTING.has(claimLemma) && REPORTING.has(evidenceLemma)) return true;
  return areSynonyms(claimLemma, evidenceLemma) || isHypernym(claimLemma, evidenceLemma) || spelledOutBy(claimLemma, evidenceLemma);
}

/**
 * Titles written as acronyms, and the word of their written-out form that carries them: "MEP" is carried by
 * "member of the European Parliament", "MP" by "member of parliament" (the entity signal checks the whole
 * phrase through the alias groups). Only titles: the last word of a body's name ("change" in "Intergovernmental
 * Panel on Climate Change") says too little to carry "IPCC".
 */
const TITLE_ACRONYMS = new Map<string, string>([
  ['mep', 'parliament'],
  ['meps', 'parliament'],
  ['mp', 'parliament'],
  ['mps', 'parliament'],
]);

/** A title acronym in the claim carried by its written-out form's head word in the evidence. */
export function spelledOutBy(claimLemma: string, evidenceLemma: string): boolean {
  return TITLE_ACRONYMS.get(claimLemma) === evidenceLemma;
}

/**
 * Builds the lexicon's lookup tables now rather than on the first check (a server calls this
 * once its index is ready, so that the first draft is not the one that pays for them).
 */
export function warmUp(): void {
  build();
  hypernymTable();
}
