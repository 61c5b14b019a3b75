/**
 * Descriptive references resolved by the sources' own appositions: where a source says "Labour leader John
 * Smith" (or "John Smith, the Labour leader"), the draft's "the Labour leader" is John Smith, and a sentence
 * that names Mr Smith carries it. Only when the sources in scope give the role to one person (one surname).
 * Likewise a full name ("Ann Jones") is carried by a sentence that says "Ms Jones" when the sources name one
 * person of that surname.
 */
import { analyze } from './text';
import { aliasKey } from './lexicon';
import { extractEntities, HONORIFICS, orgBefore, ROLE_NOUNS } from './signals/entity';
import { isCapitalized } from './signals/util';
import { sentencesMentioning } from './mentions';
import type { SourceIndex } from './sourceIndex';
import type { Analyzed, SignalFinding, Token } from './types';
import { LOOKUPS } from './policy';

export interface RoleReference {
  /** claim token indices of the reference: the organisation words and the role noun */
  tokens: number[];
  /** the surname (lower case) the sources give this role to */
  surname: string;
}

function isRoleNoun(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && !isCapitalized(t) && (ROLE_NOUNS.has(t.lower) || ROLE_NOUNS.has(t.lemma));
}

/** Capitalised name words from index `from` on (at most LOOKUPS.nameWords), the possessive aside: "John Smith" -> [from, last]. */
function nameAfter(toks: Token[], from: number): [number, number] | undefined {
  let last = -1;
  for (let k = from; k < toks.length && k < from + LOOKUPS.nameWords.value; k++) {
    if (toks[k].kind === 'word' && isCapitalized(toks[k])) last = k;
    else break;
  }
  return last >= from ? [from, last] : undefined;
}

/** Capitalised name words ending right before index `to`, after a comma: "John Smith, the Labour leader". */
function nameBefore(toks: Token[], to: number): [number, number] | undefined {
  let first = -1;
  for (let k = to; k >= 0 && k > to - 4; k--) {
    if (toks[k].kind === 'word' && isCapitalized(toks[k])) first = k;
    else break;
  }
  return first >= 0 ? [first, to] : undefined;
}

/**
 * The organisation words right before a role noun at index r ("Labour" in "Labour leader"), also at the start
 * of a sentence ("The Spectator editor", "Labour leader Ann Jones said"), where orgBefore does not look.
 */
function orgOf(toks: Token[], r: number): [number, number] | undefined {
  const org = orgBefore(toks, r);
  if (org) return org;
  const p = toks[r - 1];
  return p && p.kind === 'word' && isCapitalized(p) && !/^(the|a|an|former|new|then|ex)$/.test(p.lower) ? [r - 1, r - 1] : undefined;
}

/** Surnames (lower case) a source sentence gives to "<org> <role>" by apposition. */
function appositionSurnames(sentence: string, org: string[], role: Token): string[] {
  const a = analyze(sentence);
  const toks = a.tokens;
  const out: string[] = [];
  for (let r = 0; r < toks.length; r++) {
    if (!isRoleNoun(toks[r]) || toks[r].lemma !== role.lemma) continue;
    const o = orgOf(toks, r);
    if (!o) continue;
    const words = toks.slice(o[0], o[1] + 1).map((t) => t.lower);
    if (words.join(' ') !== org.join(' ')) continue;
    // "Labour leader John Smith"
    const after = nameAfter(toks, r + 1);
    if (after) {
      out.push(toks[after[1]].lower.replace(/['’]s$/, ''));
      continue;
    }
    // "John Smith, the Labour leader" / "John Smith, Labour leader"
    let k = o[0] - 1;
    if (k >= 0 && toks[k].lower === 'the') k--;
    if (k >= 1 && toks[k].lower === ',') {
      const before = nameBefore(toks, k - 1);
      if (before) out.push(toks[before[1]].lower.replace(/['’]s$/, ''));
    }
  }
  return out;
}

/**
 * The claim's descriptive references ("the Labour leader", "The Spectator editor": organisation words and a role
 * noun with no name after them) that the sources in scope give, by apposition, to exactly one surname.
 */
export function roleReferences(index: SourceIndex, claim: Analyzed, onlySources?: Set<string>): RoleReference[] {
  const ct = claim.tokens;
  const out: RoleReference[] = [];
  for (let r = 1; r < ct.length; r++) {
    if (!isRoleNoun(ct[r])) continue;
    if (ct[r + 1] && ct[r + 1].kind === 'word' && isCapitalized(ct[r + 1])) continue; // "Labour leader John Smith": named
    const org = orgOf(ct, r);
    if (!org) continue;
    const first = org[0];
    const last = r - 1;
    const orgWords = ct.slice(first, last + 1).map((t) => t.lower);
    const phrase = claim.text.slice(ct[first].start, ct[r].end);
    const surnames = new Set<string>();
    for (const s of sentencesMentioning(index, phrase, onlySources)) for (const n of appositionSurnames(s.text, orgWords, ct[r])) surnames.add(n);
    if (surnames.size !== 1) continue;
    const tokens: number[] = [];
    for (let k = first; k <= r; k++) tokens.push(k);
    out.push({ tokens, surname: [...surnames][0] });
  }
  return out;
}

/** Claim tokens of the role references that this evidence text names by their surname. */
export function resolvedIn(refs: RoleReference[], evidence: Analyzed): Set<number> {
  const out = new Set<number>();
  for (const ref of refs) {
    if (evidence.tokens.some((t) => t.kind === 'word' && t.lower.replace(/['’]s$/, '') === ref.surname)) for (const k of ref.tokens) out.add(k);
  }
  return out;
}

/**
 * A clash on a role reference whose rival in the evidence is the person the sources give that role to: "the draft
 * attributes this to 'the Labour leader', the source to 'Ms Jones'" where a source says "Labour leader Ann Jones".
 * The same person, so no clash.
 */
export function rivalIsReferent(refs: RoleReference[], claim: Analyzed, f: SignalFinding, evidence: Analyzed): boolean {
  if (!refs.length || !f.evidenceSpan) return false;
  const inSpan: number[] = [];
  claim.tokens.forEach((t, i) => {
    if (t.start >= f.claimSpan.start && t.end <= f.claimSpan.end && t.kind === 'word' && !t.stop) inSpan.push(i);
  });
  if (!inSpan.length) return false;
  const rival =
    evidence.text
      .slice(f.evidenceSpan.start, f.evidenceSpan.end)
      .toLowerCase()
      .match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const rivalWords = new Set(rival.map((w) => w.replace(/['’]s$/, '')));
  return refs.some((ref) => inSpan.every((i) => ref.tokens.includes(i)) && rivalWords.has(ref.surname));
}

const NOT_GIVEN_NAMES = new Set(['mr', 'mrs', 'ms', 'dr', 'miss', 'sir', 'dame', 'mx', 'the', 'a', 'an', 'and', 'of']);

/**
 * A full name in the draft ("Ann Jones") against evidence that gives only the surname ("Ms Jones said"): the
 * same person when the sources in scope name exactly one person of that surname, and name her in full. Returns
 * the claim tokens of such names.
 */
export function fullNamesResolved(index: SourceIndex, claim: Analyzed, evidence: Analyzed, onlySources?: Set<string>): Set<number> {
  const out = new Set<number>();
  const evidenceWords = new Set(evidence.tokens.filter((t) => t.kind === 'word').map((t) => t.lower.replace(/['’]s$/, '')));
  for (const m of extractEntities(claim)) {
    if (m.title || m.alias || m.parts.length < 2 || m.parts.length > 4) continue;
    const surname = m.parts[m.parts.length - 1];
    if (!evidenceWords.has(surname) || m.parts.every((p) => evidenceWords.has(p))) continue;
    const given = new Set(m.parts.slice(0, -1));
    const keys = index.keysOf(surname);
    if (keys.length !== 1) continue;
    const hits = index.search(keys, LOOKUPS.surnameSentences.value, onlySources);
    if (hits.length >= LOOKUPS.surnameSentences.value) continue;
    let full = false;
    let other = false;
    for (const h of hits) {
      const a = analyze(h.sentence.text);
      const toks = a.tokens;
      for (let k = 0; k < toks.length && !other; k++) {
        if (toks[k].kind !== 'word' || toks[k].lower.replace(/['’]s$/, '') !== surname || !isCapitalized(toks[k])) continue;
        // the capitalised words right before the surname: given names (an honorific or nothing is no other person)
        const before: string[] = [];
        for (let j = k - 1; j >= 0 && j >= k - 3 && toks[j].kind === 'word' && isCapitalized(toks[j]) && toks[j].end + 1 >= toks[j + 1].start; j--) {
          if (NOT_GIVEN_NAMES.has(toks[j].lower)) break;
          before.unshift(toks[j].lower);
        }
        if (!before.length) continue;
        // a sentence-initial word ("Yesterday Jones said") or a given name the draft does not use: another person?
        if (before.every((w) => given.has(w))) full = full || before.length === given.size;
        else other = true;
      }
      if (other) break;
    }
    if (full && !other) for (let k = m.first; k <= m.last; k++) out.add(k);
  }
  return out;
}

/**
 * Honorifics ("Mr", "Ms", "Dr."...) before a name the evidence carries (aligned, or resolved above): the
 * source need not write them ("said Ioannidis" carries "Mr Ioannidis"), so they are neither missing nor absent.
 */
export function honorificsOfNames(claim: Analyzed, alignment: number[], resolved: Set<number>): number[] {
  const out: number[] = [];
  const ct = claim.tokens;
  for (let i = 0; i + 1 < ct.length; i++) {
    if (ct[i].kind !== 'word' || !HONORIFICS.has(ct[i].lower) || !isCapitalized(ct[i]) || alignment[i] >= 0) continue;
    const n = ct[i + 1].lower === '.' && ct[i + 1].start === ct[i].end ? i + 2 : i + 1;
    const t = ct[n];
    if (t && t.kind === 'word' && isCapitalized(t) && ((alignment[n] ?? -1) >= 0 || resolved.has(n))) out.push(i);
  }
  return out;
}

const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'add',
  'state',
  'write',
  'report',
  'claim',
  'insist',
  'explain',
  'argue',
  'warn',
  'describe',
  'comment',
  'note',
  'stress',
]);

/**
 * "According" in "according to Mr Okafor, ..." where the evidence gives the words to that person with a speech
 * verb ("..., said Okafor"): the same attribution in house style, so the word is carried.
 */
export function accordingToCarried(claim: Analyzed, evidence: Analyzed, alignment: number[], resolved: Set<number>): number[] {
  const ct = claim.tokens;
  if (!evidence.tokens.some((t) => t.kind === 'word' && SPEECH_LEMMAS.has(t.lemma))) return [];
  const out: number[] = [];
  for (let i = 0; i + 2 < ct.length; i++) {
    if (ct[i].lower !== 'according' || ct[i + 1].lower !== 'to' || alignment[i] >= 0) continue;
    let n = i + 2;
    while (n < ct.length && (ct[n].lower === 'the' || ct[n].lower === '.' || HONORIFICS.has(ct[n].lower))) n++;
    const t = ct[n];
    if (t && t.kind === 'word' && isCapitalized(t) && ((alignment[n] ?? -1) >= 0 || resolved.has(n))) out.push(i);
  }
  return out;
}

/**
 * A name the evidence gives under another of its aliases ("the Academy Awards" / "the Oscars", "U.S." / "the
 * United States"): the claim's tokens of that name, as carried. Runs of one to four capitalised words on each side,
 * two or more on one side at least.
 */
export function aliasesResolved(claim: Analyzed, evidence: Analyzed): Set<number> {
  const out = new Set<number>();
  const runs = (a: Analyzed) => {
    const found: { from: number; to: number; key: string }[] = [];
    const toks = a.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!isCapitalized(toks[i])) continue;
      for (let j = i; j < toks.length && j < i + 4; j++) {
        if (j > i && !isCapitalized(toks[j])) break;
        const key = aliasKey(a.text.slice(toks[i].start, toks[j].end));
        if (key) found.push({ from: i, to: j, key });
      }
    }
    return found;
  };
  const claimRuns = runs(claim);
  if (!claimRuns.length) return out;
  // one-word names on both sides ("Moscow" / "Russia") are a city for its country as often as one name for another
  const evidenceRuns = runs(evidence);
  for (const r of claimRuns) if (evidenceRuns.some((e) => e.key === r.key && (r.to > r.from || e.to > e.from))) for (let k = r.from; k <= r.to; k++) out.add(k);
  return out;
}
