/**
 * Named entities and titles: capitalised names, multiword ("Deputy Secretary of Defense", "Bank of England",
 * "U.S."). An entity the evidence does not mention (directly or through an alias: US = United States =
 * Washington) is unsupported; a different entity in the same role (same title head, shared name part, or the
 * same slot between aligned words) contradicts.
 */
import type { Analyzed, SignalDetector, SignalFinding, SignalInput, Token } from '../types';
import { aliasKey } from '../lexicon';
import { samePlace } from '../text';
import { decodeCharRefs, isCapitalized, isSentenceStart, monthAt, quoted, wordEnd } from './util';
import { knob } from '../knob';

export interface EntityMention {
  first: number;
  last: number;
  text: string;
  /** lower-case content words of the name ("deputy", "secretary", "defense") */
  parts: string[];
  /** alias key when the whole mention is a known alias */
  alias?: string;
  /** it contains a title word (Secretary, Minister, President...) */
  title: boolean;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'la', 'von', 'van', 'del', 'on', '&']);
const TITLES = new Set([
  'president',
  'vice',
  'prime',
  'minister',
  'secretary',
  'deputy',
  'under',
  'assistant',
  'chancellor',
  'governor',
  'senator',
  'ambassador',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'general',
  'admiral',
  'commander',
  'chief',
  'king',
  'queen',
  'premier',
  'mayor',
  'judge',
  'justice',
  'attorney',
  'representative',
  'minister',
  'envoy',
  'adviser',
  'advisor',
  'head',
  'officer',
]);
/**
 * Honorifics: "Mr Ioannidis" is the "Gregory Ioannidis" of the source. They are kept in a mention's text but not
 * in its parts, so they are neither needed in the evidence nor a shared role word between two people.
 */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'miss', 'sir', 'dame', 'mx']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Capitalised words that start sentences or headlines without naming anything. */
const NOT_NAMES = new Set([
  'i',
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'it',
  'he',
  'she',
  'they',
  'we',
  'you',
  'there',
  'in',
  'on',
  'at',
  'as',
  'for',
  'but',
  'and',
  'or',
  'if',
  'when',
  'while',
  'after',
  'before',
  'meanwhile',
  'however',
  'officials',
  'analysts',
  'observers',
  'experts',
]);

function isNameToken(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (!isCapitalized(t)) return false;
  if (WEEKDAYS.has(t.lower) || monthAt(toks, i)) return false;
  if (t.text.length === 1) {
    // "U.S.", "U.K.": a capital letter glued to a dot and another capital letter
    const d = toks[i + 1];
    const n = toks[i + 2];
    const p = toks[i - 1];
    const q = toks[i - 2];
    const after = !!d && d.lower === '.' && d.start === t.end && !!n && n.start === d.end && n.text.length === 1 && isCapitalized(n);
    const before = !!p && p.lower === '.' && p.end === t.start && !!q && q.end === p.start && q.text.length === 1 && isCapitalized(q);
    return after || before;
  }
  if (t.stop && !/^[A-Z]{2,}$/.test(t.text)) return false; // "The", but keep "US"
  return true;
}

/** mentions per analysed text: the claim meets up to three candidates and the checker's own look-ups */
const mentionCache = new WeakMap<Analyzed, EntityMention[]>();

/** Entity mentions in order. Sentence-initial single words count only when known aliases or all-caps. */
export function extractEntities(a: Analyzed): EntityMention[] {
  let ms = mentionCache.get(a);
  if (!ms) {
    ms = computeEntities(a);
    mentionCache.set(a, ms);
  }
  return ms;
}

function computeEntities(a: Analyzed): EntityMention[] {
  const toks = a.tokens;
  const out: EntityMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isNameToken(toks, i)) continue;
    let last = i;
    let k = i + 1;
    while (k < toks.length) {
      const t = toks[k];
      if (isNameToken(toks, k)) {
        last = k;
        k++;
        continue;
      }
      // "Mr. Smith": an honorific's dot, glued to it, before the name
      if (t.lower === '.' && t.start === toks[k - 1].end && HONORIFICS.has(toks[k - 1].lower) && toks[k + 1] && isNameToken(toks, k + 1)) {
        k++;
        continue;
      }
      // U.S. / U.K.: letter-dot-letter-dot glued together
      if (t.lower === '.' && t.start === toks[k - 1].end && toks[k - 1].text.length === 1) {
        const n = toks[k + 1];
        if (n && n.start === t.end && isCapitalized(n) && n.text.length === 1) {
          last = k + 1;
          k += 2;
          continue;
        }
        last = k;
        k++;
        break;
      }
      // hyphenated names: "Indo-Pacific"
      if (t.lower === '-' && t.start === toks[k - 1].end && toks[k + 1] && toks[k + 1].start === t.end && isCapitalized(toks[k + 1])) {
        last = k + 1;
        k += 2;
        continue;
      }
      if (CONNECTORS.has(t.lower) && toks[k + 1] && isNameToken(toks, k + 1)) {
        k++;
        continue;
      }
      break;
    }
    // drop a trailing possessive "'s" from the text
    let text = a.text.slice(toks[i].start, toks[last].end);
    text = text.replace(/['’]s$/, '');
    const parts: string[] = [];
    for (let j = i; j <= last; j++) {
      const t = toks[j];
      if (t.kind !== 'word' || CONNECTORS.has(t.lower)) continue;
      if (HONORIFICS.has(t.lower)) continue;
      parts.push(t.lower.replace(/['’]s$/, ''));
    }
    const alias = aliasKey(text.toLowerCase());
    const title = parts.some((p) => TITLES.has(p));
    const m: EntityMention = { first: i, last, text, parts, alias, title };
    if (i === last && isSentenceStart(toks, i) && !alias && !/^[A-Z]{2,}$/.test(toks[i].text)) {
      // sentence-initial single capitalised word: usually a common word ("Officials", "Scientists")
      if (NOT_NAMES.has(toks[i].lower) || !appearsCapitalizedElsewhere(a, toks[i].lower, i)) {
        i = last;
        continue;
      }
    }
    if (NOT_NAMES.has(toks[i].lower) && i === last) {
      i = last;
      continue;
    }
    out.push(m);
    i = last;
  }
  return out;
}

function appearsCapitalizedElsewhere(a: Analyzed, lower: string, not: number): boolean {
  return a.tokens.some((t, j) => j !== not && t.lower === lower && isCapitalized(t) && !isSentenceStart(a.tokens, j));
}

/** keys per analysed text: a claim meets up to three candidates, and a cached sentence many claims */
const keyCache = new WeakMap<Analyzed, { words: Set<string>; aliases: Set<string> }>();

/** Lower-case words and alias keys of n-grams (1..5 tokens) of a text, to look names up. */
function evidenceKeys(a: Analyzed): { words: Set<string>; aliases: Set<string> } {
  let keys = keyCache.get(a);
  if (!keys) {
    keys = computeKeys(a);
    keyCache.set(a, keys);
  }
  return keys;
}

function computeKeys(a: Analyzed): { words: Set<string>; aliases: Set<string> } {
  const words = new Set<string>();
  const aliases = new Set<string>();
  const toks = a.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'word') {
      words.add(t.lower.replace(/['’]s$/, ''));
    }
    if (t.kind !== 'word' || (t.stop && !/^[A-Z]{2,}$/.test(t.text))) continue;
    for (let j = i; j < toks.length && j < i + 6; j++) {
      const k = aliasKey(a.text.slice(t.start, toks[j].end).toLowerCase());
      if (k) aliases.add(k);
    }
  }
  return { words, aliases };
}

function isFoundWord(t: Token, keys: { words: Set<string>; aliases: Set<string> }): boolean {
  const a = aliasKey(t.lower);
  return keys.words.has(t.lower) || (a !== undefined && keys.aliases.has(a));
}

/** "Libyan" is found where the evidence says "Libya" (and the reverse). */
function placeFound(part: string, words: Set<string>): boolean {
  if (part.length < 4) return false;
  for (const w of words) if (w.length >= 4 && w[0] === part[0] && samePlace(part, w)) return true;
  return false;
}

export function mentionFound(m: EntityMention, keys: { words: Set<string>; aliases: Set<string> }): boolean {
  if (m.alias && keys.aliases.has(m.alias)) return true;
  if (!m.parts.length) return true;
  // every name word present, or each missing word is itself an alias found (e.g. "US Navy" vs "United States
  // Navy"); a plural or plural possessive in the draft ("Olympics", "Presidents'") is found as the singular
  // ("Olympic Games", "President's"), not the other way round, so "State" is never found in "United States"
  return m.parts.every(
    (p) =>
      keys.words.has(p) ||
      (p.length > 4 && p.endsWith('s') && keys.words.has(p.slice(0, -1))) ||
      (aliasKey(p) !== undefined && keys.aliases.has(aliasKey(p)!)) ||
      placeFound(p, keys.words),
  );
}

/**
 * Two names that are one spelled two ways: as many words, each the same or a variant of it (same first letter,
 * four letters or more, at most two letters apart: "Vassilis" / "Vassilli", "Mohammed" / "Muhammad" is not).
 */
export function spellingVariant(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = b.toLowerCase().split(/\s+/);
  if (wa.length !== wb.length || wa.length < 2) return false;
  let same = 0;
  for (let k = 0; k < wa.length; k++) {
    if (wa[k] === wb[k]) {
      same++;
      continue;
    }
    if (wa[k][0] !== wb[k][0] || wa[k].length < 4 || wb[k].length < 4 || editDistance(wa[k], wb[k]) > 2) return false;
  }
  // the surname or another word the same: a variant of one name, not two names alike
  return same > 0;
}

/** Levenshtein distance between two short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** This signal's tuned numbers (listed with every other in engine/policy.ts and docs/TUNING.md). */
export const TUNING = {
  strongCoverage: knob(0.5, 'Coverage from which a rival name is a strong clash (0.8), below it a weak one (0.6)', 'higher: weaker entity clashes'),
  sameSlotCoverage: knob(0.5, 'Coverage a candidate needs before a rival name standing in the same slot counts', 'higher: fewer entity findings'),
};

export const entity: SignalDetector = {
  kind: 'entity',
  description: 'The statement names someone or something the source does not',
  gate: 0.25,
  detect(input: SignalInput): SignalFinding[] {
    const out: SignalFinding[] = [];
    const cm = extractEntities(input.claim);
    if (!cm.length) return out;
    const em = extractEntities(input.evidence);
    const keys = evidenceKeys(input.evidence);
    const claimKeys = evidenceKeys(input.claim);
    const ct = input.claim.tokens;
    const et = input.evidence.tokens;
    const roles = roleClashes(input);
    out.push(...roles);
    for (const m of cm) {
      if (mentionFound(m, keys)) continue;
      if (roles.some((r) => r.claimSpan.start <= ct[m.first].start && ct[m.last].end <= r.claimSpan.end)) continue;
      const rival = em.find((f) => sameRole(m, f, input) && !mentionFound(f, claimKeys));
      // "Vassilis Sevastis" for "Vassilli Sevastis": the same name spelled another way, no other person
      if (rival && spellingVariant(m.text, rival.text)) continue;
      // "José" written "Jos&#233;" in the source: the name is there once its character references are read
      // (the source's name is cut at the reference, "EC President Jos" + "&#233; Manuel Barroso": the same person
      // when the draft's surname follows)
      if (rival) {
        const after = input.evidence.text.slice(input.evidence.tokens[rival.last].end, input.evidence.tokens[rival.last].end + 60);
        const surname = m.text.split(/\s+/).at(-1)!.toLowerCase();
        if (
          /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(after) &&
          decodeCharRefs(after)
            .toLowerCase()
            .split(/[^\p{L}'’-]+/u)
            .includes(surname)
        )
          continue;
      }
      const claimSpan = { start: ct[m.first].start, end: ct[m.first].start + m.text.length };
      if (rival) {
        // tighten: drop leading name words the source has ("US" in "US Secretary of State")
        let f = m.first;
        while (f < m.last && !TITLES.has(ct[f].lower) && (isFoundWord(ct[f], keys) || ct[f].kind === 'punct')) f++;
        if (ct[f].kind === 'word' && CONNECTORS.has(ct[f].lower)) f = m.first;
        claimSpan.start = ct[f].start;
        const rivalStart = et[rival.first].start;
        const rivalEnd = wordEnd(input.evidence.text, rivalStart + rival.text.length);
        out.push({
          kind: 'entity',
          effect: 'contradicts',
          message: `entity: the draft says ${quoted(input.claim.text.slice(claimSpan.start, claimSpan.end))}, the source says ${quoted(decodeCharRefs(input.evidence.text.slice(rivalStart, rivalEnd)))}`,
          claimSpan,
          evidenceSpan: { start: rivalStart, end: rivalEnd },
          strength: input.coverage >= TUNING.strongCoverage.value ? 0.8 : 0.6,
        });
      } else {
        out.push({
          kind: 'entity',
          effect: 'unsupported',
          message: `entity: the source does not mention ${quoted(m.text)}`,
          claimSpan,
          strength: 0.6,
        });
      }
    }
    return out;
  },
};

/** Role nouns that stand between an organisation and a person's name ("Enron chief Dennis Kozlowski"). */
export const ROLE_NOUNS = new Set([
  'chief',
  'boss',
  'head',
  'chairman',
  'chairwoman',
  'chair',
  'president',
  'director',
  'executive',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'coach',
  'manager',
  'captain',
  'wing',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'prop',
  'leader',
  'editor',
  'minister',
  'secretary',
  'founder',
  'owner',
  'lawyer',
  'analyst',
  'economist',
  'correspondent',
  'mep',
  'mp',
  'member',
  'star',
  'winger',
  'forward',
  'fly-half',
  'scrum-half',
]);

/** Capitalised words right before index `at` (an organisation in front of a role noun), at most 4. */
export function orgBefore(tokens: Token[], at: number): [number, number] | undefined {
  let first = at;
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const t = tokens[k];
    if (t.kind === 'word' && isCapitalized(t) && !isSentenceStart(tokens, k) && !NOT_NAMES.has(t.lower)) first = k;
    else break;
  }
  return first < at ? [first, at - 1] : undefined;
}

/**
 * A person named with one organisation's role in the draft and another's in the source: "former Enron chief
 * Dennis Kozlowski" against "former Tyco International chief Dennis Kozlowski"; "Wasps wing Cueto" against
 * "Sale wing Cueto". The name is aligned, the role noun is the same, the organisations differ and the source
 * does not give the draft's organisation next to the name.
 */
function roleClashes(input: SignalInput): SignalFinding[] {
  const out: SignalFinding[] = [];
  const ct = input.claim.tokens;
  const et = input.evidence.tokens;
  for (let r = 1; r + 1 < ct.length; r++) {
    const role = ct[r];
    if (role.kind !== 'word' || isCapitalized(role) || !(ROLE_NOUNS.has(role.lower) || ROLE_NOUNS.has(role.lemma))) continue;
    const org = orgBefore(ct, r);
    if (!org || !isCapitalized(ct[r + 1]) || (input.alignment[r + 1] ?? -1) < 0) continue;
    // the name: capitalised words after the role noun; its last word's counterpart in the evidence
    let last = r + 1;
    while (last + 1 < ct.length && isCapitalized(ct[last + 1]) && (input.alignment[last + 1] ?? -1) >= 0) last++;
    const j = input.alignment[r + 1];
    // the source's role noun in front of the name, with its own organisation
    let er = -1;
    for (let k = j - 1; k >= 0 && k >= j - 3; k--)
      if (et[k].lemma === role.lemma || et[k].lower === role.lower) {
        er = k;
        break;
      }
    // else a second reference later in the sentence: "put in Mark Cueto ..., but the Sale wing was ruled offside"
    if (er < 0) {
      for (let k = j + 2; k < et.length && k <= j + 15; k++) {
        if (et[k].kind === 'punct' && /^[.;:!?]$/.test(et[k].lower)) break;
        if ((et[k].lemma === role.lemma || et[k].lower === role.lower) && orgBefore(et, k) && et[orgBefore(et, k)![0] - 1]?.lower === 'the') {
          er = k;
          break;
        }
      }
    }
    if (er < 0) continue;
    // the source gives the draft's own organisation and role together somewhere: no clash
    const claimPair = ct
      .slice(org[0], r + 1)
      .map((t) => t.lower)
      .join(' ');
    if (
      et.some(
        (_, k) =>
          et
            .slice(k, k + r + 1 - org[0])
            .map((t) => t.lower)
            .join(' ') === claimPair,
      )
    )
      continue;
    const eorg = orgBefore(et, er);
    if (!eorg) continue;
    const claimOrg = ct.slice(org[0], org[1] + 1).map((t) => t.lower);
    const sourceOrg = et.slice(eorg[0], eorg[1] + 1).map((t) => t.lower);
    if (claimOrg.some((w) => sourceOrg.includes(w)) || sameAlias(claimOrg.join(' '), sourceOrg.join(' '))) continue;
    out.push({
      kind: 'entity',
      effect: 'contradicts',
      message: `entity: the draft says ${quoted(input.claim.text.slice(ct[org[0]].start, role.end))}, the source says ${quoted(input.evidence.text.slice(et[eorg[0]].start, et[er].end))}`,
      claimSpan: { start: ct[org[0]].start, end: ct[org[1]].end },
      evidenceSpan: { start: et[eorg[0]].start, end: et[eorg[1]].end },
      strength: 0.8,
      anchored: true,
    });
  }
  return out;
}

function sameAlias(a: string, b: string): boolean {
  const ka = aliasKey(a);
  return !!ka && ka === aliasKey(b);
}

/** Does evidence mention f hold the same role as claim mention m? */
function sameRole(m: EntityMention, f: EntityMention, input: SignalInput): boolean {
  if (m.alias && f.alias && m.alias !== f.alias) {
    // two different known places/organisations: a clash only in the same slot
    return sameSlot(m, f, input);
  }
  const shared = m.parts.filter((p) => f.parts.includes(p));
  if (shared.length) {
    const mOnly = m.parts.filter((p) => !f.parts.includes(p));
    const fOnly = f.parts.filter((p) => !m.parts.includes(p));
    if (mOnly.length && fOnly.length) return true; // "Secretary of State" vs "Deputy Secretary of Defense"
    return false;
  }
  return sameSlot(m, f, input);
}

/** The claim words right before/after m are aligned to the evidence words right before/after f. */
function sameSlot(m: EntityMention, f: EntityMention, input: SignalInput): boolean {
  if (input.coverage < TUNING.sameSlotCoverage.value) return false;
  const al = input.alignment;
  // the nearest aligned words on each side; every side that has one must frame f the same way
  let left: boolean | undefined;
  let right: boolean | undefined;
  for (let k = m.first - 1; k >= 0 && k >= m.first - 3; k--) {
    const e = al[k] ?? -1;
    if (e >= 0) {
      left = e < f.first && e >= f.first - 4;
      break;
    }
  }
  for (let k = m.last + 1; k < al.length && k <= m.last + 3; k++) {
    const e = al[k] ?? -1;
    if (e >= 0) {
      right = e > f.last && e <= f.last + 4;
      break;
    }
  }
  return left !== false && right !== false && (left === true || right === true);
}
