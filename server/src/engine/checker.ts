/**
 * The checker: from a draft's text to a verdict per statement.
 *
 *   statements (draft.ts) -> retrieval (sourceIndex.ts, BM25 over lemmas)
 *   -> coverage (coverage.ts: how much of the claim each candidate carries, one sentence or two neighbours)
 *   -> signals (signals/*.ts: clashes against well-matching evidence)
 *   -> verdict (supported / unsupported / contradicted / skipped) with evidence and signals.
 */
import { align, contentIndices, hyphenPartner, type Alignment, type Relatedness } from './coverage';
import { draftStatements, type DraftFormat, type Statement } from './draft';
import { withConfidence } from './confidence';
import { findQuotes, quoteWordString, type QuoteSpan } from './signals/quote';
import { holdsQuotes, otherSpeaker, speakerOf } from './quoteOrigin';
import { CHECKER, checkerDefaults, LOOKUPS } from './policy';
import { isNegationCue, negatesPredicate, uncarriedNegation } from './signals/negation';
import { predicateLemmas, uncarriedPredicates, TUNING as PREDICATE } from './signals/predicate';
import { extractQuantities, spelledNumberDigits } from './signals/number';
import { isCapitalized, isClauseBreak, isSentenceStart, quoted } from './signals/util';
import { LineIndex } from './positions';
import { isDictionaryWord } from './pos';
import { answerPolarity, asksQuestion, reportedAnswer } from './answers';
import { entityElsewhere, gapReason, quoteElsewhere, trueGapMessages, venueTokensNamed } from './mentions';
import { accordingToCarried, aliasesResolved, fullNamesResolved, honorificsOfNames, resolvedIn, rivalIsReferent, roleReferences } from './roles';
import type { SourceIndex } from './sourceIndex';
import { analyze, ownString } from './text';
import type { Analyzed, ClaimResult, Evidence, Signal, SignalDetector, SignalFinding, SourceSentence, Span } from './types';

/** What a caller may set per checker; the defaults, each documented, are CHECKER_OPTIONS in policy.ts (the tuning table). */
export interface CheckerOptions {
  /** signal detectors run against well-matching evidence */
  detectors?: SignalDetector[];
  /** word relations beyond equality for coverage (synonyms, hypernyms); none: lemmas and stems only */
  related?: Relatedness;
  /** coverage at or above which a claim counts as supported */
  supportThreshold?: number;
  /** the support threshold for claims of 20 content words or more (it falls linearly from 8 words) */
  longClaimThreshold?: number;
  /** share of credit for claim words found elsewhere in the best evidence's source document (0 = none) */
  contextCredit?: number;
  /** the best sentence's own coverage below which no document credit is given */
  contextMinCoverage?: number;
  /** a number or name the cited source document never mentions keeps a claim from being supported */
  strictNames?: boolean;
  /** with strictNames: a rare word (outside the English lexicon) the cited source document never uses counts as a name */
  strictRareWords?: boolean;
  /** at most this many (the rarest) claim words go into the retrieval query */
  queryTerms?: number;
  /** coverage below which evidence is not cited at all */
  relatedThreshold?: number;
  /** coverage a candidate needs before a contradiction signal is trusted (topicality) */
  contradictionGate?: number;
  /** sentences retrieved per claim */
  retrieve?: number;
  /** evidence cited per claim */
  maxEvidence?: number;
  /** how many sentences of one source may jointly support a claim (1 = no spread evidence) */
  spread?: number;
  /** coverage subtracted from spread evidence (0: a summary's sentence drawn from several source sentences is as well carried as by one) */
  spreadPenalty?: number;
  /** sentences of other sources that spread evidence may add for the words its source leaves out (0 = one source only) */
  crossSourceSpread?: number;
  /** main verbs weigh more in coverage, and spread evidence must carry one of them (signals/predicate.ts) */
  predicates?: boolean;
}

/**
 * Colours: a detail a source either gives or does not ("pink and green paint" where the source says "yellow and
 * blue"). One the document never uses is absent, like a name; shades that a writer may name for one another
 * are not listed.
 */
const COLOURS = new Set(['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'black', 'white', 'grey', 'gray', 'violet', 'turquoise']);

/**
 * Counts spelled out: as exact as digits, and a source that never gives the count (in words or digits) does
 * not back it. Not "one" (a pronoun as often as a count), nor the rarer words (measured on the dev sets).
 */
const COUNT_WORDS = new Set([
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'dozen',
  'hundred',
  'thousand',
  'million',
  'billion',
]);
/**
 * Verdicts kept per checker: about two drafts at the size cap (corroborate.maxDraftKB, 512 KB: some 5,000
 * statements), so re-checking even the largest draft after an edit verifies only the statements that changed.
 */
const RESULT_CACHE_ENTRIES = 10_000;

interface Candidate {
  sentences: SourceSentence[];
  /** evidence text: the source text from the first sentence's start to the last one's end */
  analyzed: Analyzed;
  alignment: Alignment;
  bm25: number;
  /** evidence spread over several non-adjacent sentences (each cited on its own) */
  spread?: boolean;
}

export class Checker {
  readonly options: Required<Omit<CheckerOptions, 'detectors' | 'related'>>;
  private readonly related?: Relatedness;
  readonly detectors: SignalDetector[];
  private lineIndexes = new Map<string, { text: string; li: LineIndex }>();
  private vocabularies = new Map<string, { text: string; vocab: Set<string> }>();
  private quoteTexts = new Map<string, { text: string; words: string }>();
  private analyzedCache = new Map<number | string, Analyzed>();
  private analyzedGeneration = -1;
  /** verdicts by statement text (`key`: the text as kept), least recently used first, all of index generation `cacheGeneration` */
  private cache = new Map<string, { key: string; result: ClaimResult }>();
  private cacheGeneration = -1;
  cacheHits = 0;
  cacheMisses = 0;

  constructor(
    readonly index: SourceIndex,
    opts: CheckerOptions = {},
  ) {
    this.options = { ...checkerDefaults(), ...stripUndefined(opts) };
    this.detectors = opts.detectors ?? [];
    this.related = opts.related;
  }

  /** Every statement of a draft with its verdict. */
  checkDraft(text: string, format: DraftFormat, onlySources?: Set<string>): ClaimResult[] {
    const { statements } = draftStatements(text, format);
    return statements.map((st) => this.checkStatement(st, onlySources));
  }

  /**
   * One statement (offsets of the result are draft offsets). Cached by text and index generation: the
   * RESULT_CACHE_ENTRIES statements checked last (a hit counts as checked), so a statement typed and left
   * behind drops out while every statement of the drafts being checked stays.
   */
  checkStatement(st: Statement, onlySources?: Set<string>): ClaimResult {
    if (st.skip) return skipped(st, st.skip);
    if (this.cacheGeneration !== this.index.generation) {
      this.cache.clear(); // verdicts of another index: none can be used again
      this.cacheGeneration = this.index.generation;
    }
    const key = st.prose.replace(/\s+/g, ' ') + (onlySources ? '\u0000' + [...onlySources].join('\u0001') : '');
    const cached = this.cache.get(key);
    if (cached) {
      this.cacheHits++;
      this.cache.delete(cached.key);
      this.cache.set(cached.key, cached);
      return shift(cached.result, st);
    }
    this.cacheMisses++;
    // the prose (and the key made of it) are slices of the draft: the cached key and result (its text, its
    // signals' words) must not keep that version of the draft alive
    const rel = this.verify(ownString(st.prose), onlySources);
    if (this.cache.size >= RESULT_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    const own = ownString(key);
    this.cache.set(own, { key: own, result: rel });
    return shift(rel, st);
  }

  /**
   * Verifies one claim text; offsets relative to `prose`. A long statement joining several facts (", with",
   * ", and", "; ") is also checked clause by clause for a number clash: a source sentence that states
   * one clause's count ("only two MEPs backed the draft") carries too little of the whole statement to be
   * compared with it.
   */
  verify(prose: string, onlySources?: Set<string>): ClaimResult {
    const whole = this.verifyWhole(prose, onlySources);
    if (!CHECKER.clauseClashes.value || whole.verdict === 'contradicted' || whole.verdict === 'skipped') return whole;
    for (const c of clausesOf(prose)) {
      // only a count can clash in a clause (CLAUSE_KINDS): a clause without one is not checked again
      if (!extractQuantities(analyze(prose.slice(c.start, c.end))).length) continue;
      const sub = this.verifyWhole(prose.slice(c.start, c.end), onlySources);
      if (sub.verdict !== 'contradicted' || !sub.signals.some((x) => x.effect === 'contradicts' && CLAUSE_KINDS.has(x.kind))) continue;
      return {
        ...sub,
        text: whole.text,
        start: whole.start,
        end: whole.end,
        signals: sub.signals
          .filter((x) => x.effect !== 'contradicts' || CLAUSE_KINDS.has(x.kind))
          .map((x) => ({ ...x, start: x.start + c.start, end: x.end + c.start })),
      };
    }
    return whole;
  }

  private verifyWhole(prose: string, onlySources?: Set<string>): ClaimResult {
    const claim = analyze(prose);
    // a publication named as where the words were said ("told BBC Sport") that a source in scope names is the
    // report's venue: no content the evidence must carry (mentions.ts)
    const venues = venueTokensNamed(this.index, claim, onlySources);
    const content = contentIndices(claim).filter((i) => !venues.has(i));
    const text = prose.trim();
    const base: ClaimResult = { text: prose, start: 0, end: prose.length, verdict: 'unsupported', score: 0, reason: '', evidence: [], signals: [] };
    if (content.length === 0) return { ...base, verdict: 'skipped', reason: 'no factual content', text };
    const idf = (lemma: string) => this.index.idf(lemma);
    // the claim's main verbs weigh at least PREDICATE.weightFloor times its mean content word: under IDF alone a
    // common verb weighs a few per cent, and "sales fell" against "sales jumped" would read as mostly carried
    const predLemmas = this.options.predicates ? predicateLemmas(claim, content) : undefined;
    let weight = idf;
    if (predLemmas?.size) {
      const floor = PREDICATE.weightFloor.value * (content.reduce((n, i) => n + idf(claim.tokens[i].lemma), 0) / content.length);
      weight = (lemma: string) => (predLemmas.has(lemma) ? Math.max(idf(lemma), floor) : idf(lemma));
    }

    const keys = content.map((i) => claim.tokens[i].lemma);
    // the rarest words find the sentence; the commonest only slow the search down
    const queryKeys =
      keys.length > this.options.queryTerms ? [...new Set(keys)].sort((a, b) => this.index.idf(b) - this.index.idf(a)).slice(0, this.options.queryTerms) : keys;
    const hits = this.index.search(queryKeys, this.options.retrieve, onlySources);
    if (hits.length === 0) {
      return {
        ...base,
        reason: 'no source sentence shares its words',
        signals: [
          {
            kind: 'coverage',
            effect: 'unsupported',
            message: 'no source sentence found for this statement',
            start: spanOf(claim, content).start,
            end: spanOf(claim, content).end,
          },
        ],
      };
    }

    const claimQuotes = findQuotes(claim.text);
    // candidates: each retrieved sentence, and the best ones joined with a neighbour
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    const addCandidate = (sentences: SourceSentence[], bm25: number) => {
      const k = sentences.map((s) => s.id).join(',');
      if (seen.has(k)) return;
      seen.add(k);
      const analyzed = this.analyzedEvidence(sentences);
      candidates.push({ sentences, analyzed, alignment: align(claim, content, analyzed, weight, this.related), bm25 });
    };
    for (const h of hits) addCandidate([h.sentence], h.score);
    const singles = [...candidates].sort(byCoverage);
    for (const c of singles.slice(0, CHECKER.pairSeeds.value)) {
      if (c.alignment.coverage >= CHECKER.pairSkipCoverage.value) continue;
      const s = c.sentences[0];
      const prev = this.index.neighbour(s, -1);
      const next = this.index.neighbour(s, 1);
      if (prev) addCandidate([prev, s], c.bm25);
      if (next) addCandidate([s, next], c.bm25);
    }
    // a pair must add something over its best single sentence
    for (const c of candidates) if (c.sentences.length === 2) c.alignment.coverage -= CHECKER.pairPenalty.value;
    candidates.sort(byCoverage);
    // evidence spread over the best few sentences of one source (a summary's sentence is often backed by several)
    if (
      this.options.spread > 1 &&
      candidates[0].alignment.coverage < this.options.supportThreshold &&
      candidates[0].alignment.coverage >= CHECKER.spreadMinCoverage.value
    ) {
      const picked: SourceSentence[] = [];
      for (const c of singles) {
        if (picked.length >= this.options.spread) break;
        if (c.sentences[0].source !== candidates[0].sentences[0].source) continue;
        if (c.alignment.coverage < this.options.relatedThreshold) break;
        picked.push(c.sentences[0]);
      }
      // then sentences of other sources for what the first source leaves out: a sentence drawn from two
      // sources ("... charges of fraud, and he has pleaded not guilty") is carried by the two together
      if (picked.length > 0) this.addOtherSources(picked, singles, claim, content);
      if (picked.length > 1) {
        picked.sort((a, b) =>
          a.source === b.source ? a.start - b.start : a.source === picked[0].source ? -1 : b.source === picked[0].source ? 1 : a.source < b.source ? -1 : 1,
        );
        const cand = spreadCandidate(picked, claim, content, weight, this.related);
        cand.alignment.coverage -= this.options.spreadPenalty;
        if (cand.alignment.coverage > candidates[0].alignment.coverage) candidates.unshift(cand);
      }
    }
    // a best sentence that carries enough of the claim but not its negation or one of its names: the sentences
    // of other sources may carry what it lacks ("... and he has pleaded not guilty" from a second article)
    const top = candidates[0];
    if (this.options.crossSourceSpread > 0 && !top.spread && top.alignment.coverage >= this.options.supportThreshold) {
      const lacksNegation = !!uncarriedNegation(claim, top.analyzed, top.alignment.map, claimQuotes);
      const lacksName = content.some((i) => top.alignment.map[i] < 0 && isNameOrNumber(claim, i));
      if (lacksNegation || lacksName) {
        const picked = [...top.sentences];
        if (lacksNegation) {
          // first the other source's sentence that itself carries the negation
          const clause = singles.find(
            (c) =>
              c.sentences[0].source !== picked[0].source &&
              c.alignment.coverage >= CHECKER.clauseMinCoverage.value &&
              !uncarriedNegation(claim, c.analyzed, c.alignment.map, claimQuotes),
          );
          if (clause) picked.push(clause.sentences[0]);
        }
        // a short clause of another source may carry the negation ("He pleads not guilty"): then it needs only
        // to share the negated words, not a good part of the claim
        this.addOtherSources(picked, singles, claim, content, lacksNegation ? CHECKER.clauseMinCoverage.value : CHECKER.crossSourceMinCoverage.value);
        if (picked.length > 1) {
          const cand = spreadCandidate(picked, claim, content, weight, this.related);
          const resolved = lacksNegation ? !uncarriedNegation(claim, cand.analyzed, cand.alignment.map, claimQuotes) : true;
          if (resolved && cand.alignment.coverage > top.alignment.coverage) candidates.unshift(cand);
        }
      }
    }
    const best = candidates[0];
    // "the Labour leader" where a source says "Labour leader John Smith" and the evidence names Mr Smith (roles.ts)
    const roleRefs = roleReferences(this.index, claim, onlySources);
    const resolved = resolvedIn(roleRefs, best.analyzed);
    for (const k of fullNamesResolved(this.index, claim, best.analyzed, onlySources)) resolved.add(k);
    for (const k of honorificsOfNames(claim, best.alignment.map, resolved)) resolved.add(k);
    for (const k of accordingToCarried(claim, best.analyzed, best.alignment.map, resolved)) resolved.add(k);
    for (const k of aliasesResolved(claim, best.analyzed)) resolved.add(k);
    // words the evidence sentence lacks but its source document has (a name given earlier, "he" in
    // the sentence itself) count for part: the document is about them
    const docVocab = this.options.contextCredit > 0 ? this.documentVocabulary(best.sentences[0].source) : undefined;
    let support = best.alignment.coverage;
    if (docVocab) {
      let total = 0;
      let extra = 0;
      let named = 0;
      for (const i of content) {
        const t = claim.tokens[i];
        const w = weight(t.lemma);
        total += w;
        if (best.alignment.map[i] < 0 && resolved.has(i)) named += w;
        else if (best.alignment.map[i] < 0 && (docVocab.has(t.lemma) || docVocab.has(t.lower))) extra += w;
      }
      // only on top of a sentence that already carries a good part of the claim: a document that merely
      // shares the claim's vocabulary supports nothing
      if (total > 0 && support >= this.options.contextMinCoverage) support += (this.options.contextCredit * extra + named) / total;
    }
    // numbers and names the whole source document never mentions: the claim says more than the source
    const absent: number[] = [];
    if (docVocab && this.options.strictNames) {
      for (const i of content) {
        const t = claim.tokens[i];
        if (best.alignment.map[i] >= 0 || resolved.has(i)) continue;
        // a word outside the English lexicon is a name in lower-cased text ("kemp") or a rare term
        const isName =
          (i > 0 && t.text.length > 1 && isCapitalized(t)) ||
          (this.options.strictRareWords && isRareWord(t)) ||
          (CHECKER.absentColours.value && COLOURS.has(t.lower));
        const digits = COUNT_WORDS.has(t.lower) ? spelledNumberDigits(t.lower) : undefined;
        if ((t.kind === 'number' || isName || digits !== undefined) && !docVocab.has(t.lemma) && !docVocab.has(t.lower) && !(digits && docVocab.has(digits)))
          absent.push(i);
      }
      // a statement written all in lower case gives no capital to tell a name from a word ("storey", "mark"):
      // enough words the document never uses keep it from support, whatever the dictionary says of them
      const most = CHECKER.lowerCasedAbsentWords.value;
      if (most > 0 && !/\p{Lu}/u.test(claim.text)) {
        const unused = content.filter((i) => {
          const t = claim.tokens[i];
          return best.alignment.map[i] < 0 && !resolved.has(i) && !absent.includes(i) && !docVocab.has(t.lemma) && !docVocab.has(t.lower);
        });
        if (unused.length >= most) absent.push(...unused);
      }
    }

    // signals against the well-matching candidates
    const findings: { f: SignalFinding; cand: Candidate }[] = [];
    const failures = new Set<string>();
    const examined = candidates.filter((c) => !c.spread).slice(0, CHECKER.detectorCandidates.value);
    // a quotation's own sentence is examined even when sentences sharing the rest of the claim rank above it:
    // the quote signals compare its words ("... an entry that was wrong" against "... that wasn't right")
    const holder = claimQuotes.length ? quoteHolder(claim, claimQuotes, candidates) : undefined;
    if (holder && !examined.includes(holder)) examined.push(holder);
    for (const cand of examined) {
      if (cand.alignment.coverage < this.options.contradictionGate * CHECKER.detectorGateFactor.value) continue;
      for (const d of this.detectors) {
        // quotations found verbatim in this source need no fuzzy search: they can only support
        if (d.kind === 'quote' && claimQuotes.length > 0 && claimQuotes.every((q) => this.documentHasQuote(cand.sentences[0].source, q.text))) continue;
        let fs: SignalFinding[] = [];
        try {
          fs = d.detect({ claim, evidence: cand.analyzed, alignment: cand.alignment.map, coverage: cand.alignment.coverage });
        } catch (e) {
          // a detector's bug costs its findings on this statement, never the check; it is recorded (ClaimResult.notes)
          fs = [];
          failures.add(`signal ${d.kind} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        for (const f of fs) {
          if (!clashInTopicalSentence(f, cand)) continue;
          // the source asks, it does not state: "Did you ever know him to make an entry?" clashes with nothing
          // (the words of a quotation are compared as quoted, whatever the sentence asks)
          if (f.effect === 'contradicts' && f.evidenceSpan && !QUOTED_KINDS.has(f.kind) && inQuestion(f.evidenceSpan, cand.analyzed)) continue;
          // a quotation found verbatim elsewhere in the same source is no misquote
          if (
            (f.kind === 'misquote' || f.kind === 'quote') &&
            f.effect !== 'supports' &&
            this.documentHasQuote(cand.sentences[0].source, quotationAround(claimQuotes, f.claimSpan, claim.text))
          )
            continue;
          findings.push({ f, cand });
        }
      }
    }
    // the draft's quotations, looked up in every source in scope: found anywhere, they are not missing; given
    // to another named person than the one the source names, they are contradicted
    const origin = claimQuotes.length ? this.quoteOrigin(claim, claimQuotes, onlySources) : undefined;
    if (origin) {
      for (let k = findings.length - 1; k >= 0; k--) {
        const { f } = findings[k];
        if ((f.kind === 'quote' || f.kind === 'misquote') && f.effect !== 'supports') findings.splice(k, 1);
      }
      // words inside a quotation the sources hold verbatim are the source's own: no other signal speaks for them
      const inQuote = (f: SignalFinding) => claimQuotes.some((q) => f.claimSpan.start >= q.start && f.claimSpan.end <= q.end);
      for (let k = findings.length - 1; k >= 0; k--) if (findings[k].f.effect === 'contradicts' && inQuote(findings[k].f)) findings.splice(k, 1);
      // the quotation's own sentence decides who spoke it: another sentence naming another speaker (a spokesman
      // quoted on something else) does not
      if (!origin.clash)
        for (let k = findings.length - 1; k >= 0; k--)
          if (findings[k].f.kind === 'attribution' && findings[k].f.effect === 'contradicts') findings.splice(k, 1);
      if (origin.clash) {
        const cand = this.candidateOf([origin.sentence], claim, content, weight);
        candidates.push(cand);
        findings.push({ f: origin.clash, cand });
      }
    }
    const clashes = findings.filter(
      ({ f, cand }) =>
        f.effect === 'contradicts' &&
        f.strength >= CHECKER.minStrength.value &&
        (cand.alignment.coverage >= this.gateFor(f.kind) ||
          // the quotation's own sentence: its words decide, however little of the rest of the claim it carries
          (f.kind === 'misquote' && cand === holder) ||
          f === origin?.clash ||
          (SLOT_KINDS.has(f.kind) && cand.alignment.coverage >= this.options.contradictionGate && inSameSlot(f, claim, cand)) ||
          (f.kind === 'negation' && cand.alignment.coverage >= this.options.contradictionGate && namedSubject(f, claim, cand))) &&
        !this.namedElsewhere(f, claim, cand) &&
        !(
          f.kind === 'negation' &&
          !negatesPredicate(
            f,
            claim,
            (g) => cand.alignment.coverage >= CHECKER.negatedNounCoverage.value || inSameSlot(g, claim, cand),
            (i) => {
              const j = cand.alignment.map[i];
              return j >= 0 && isCapitalized(cand.analyzed.tokens[j]) && !isSentenceStart(cand.analyzed.tokens, j);
            },
          )
        ),
    );
    // "Asked whether ..., X said he had" where the source's answer, in the sentence after the question, is "No"
    if (CHECKER.reportedAnswers.value && !clashes.length) {
      const answer = this.answerClash(claim, candidates, content, weight);
      if (answer) {
        candidates.push(answer.cand);
        clashes.push(answer);
      }
    }
    // a role reference whose rival is the very person the sources give that role to (roles.ts)
    for (let k = clashes.length - 1; k >= 0; k--) if (rivalIsReferent(roleRefs, claim, clashes[k].f, clashes[k].cand.analyzed)) clashes.splice(k, 1);
    // a clash from one sentence when another single sentence, that clashes with nothing, states the claim with the very
    // words in question ("has scored 17 goals this season" against "five goals in 29 games" years before): the
    // source says what the draft says, and the other sentence is about something else
    if (CHECKER.carrierOverridesClash.value && clashes.length) {
      const clashing = new Set(findings.filter(({ f }) => f.effect === 'contradicts').map(({ cand }) => cand));
      for (let k = clashes.length - 1; k >= 0; k--) {
        const { f, cand } = clashes[k];
        if (f === origin?.clash) continue;
        const carrier = examined.find(
          (c) =>
            c !== cand &&
            c.sentences.length === 1 &&
            !clashing.has(c) &&
            c.alignment.coverage >= Math.max(cand.alignment.coverage, CHECKER.carrierMinCoverage.value) &&
            carriesWords(claim, c, f.claimSpan) &&
            !content.some((i) => isNameOrNumber(claim, i) && cand.alignment.map[i] >= 0 && c.alignment.map[i] < 0),
        );
        if (carrier) clashes.splice(k, 1);
      }
    }
    const missing = findings.filter(
      ({ f, cand }) =>
        f.effect === 'unsupported' &&
        f.strength >= CHECKER.minStrength.value &&
        cand === best &&
        !(f.kind === 'entity' && docVocab && mentioned(claim.text.slice(f.claimSpan.start, f.claimSpan.end), docVocab)),
    );
    // a name another source in scope gives is not one "the source does not mention" (mentions.ts)
    const bestIds = new Set(best.sentences.map((x) => x.id));
    for (let k = missing.length - 1; k >= 0; k--) {
      const { f } = missing[k];
      if (f.kind === 'quote' && best.alignment.coverage >= this.options.relatedThreshold) {
        const message = quoteElsewhere(this.index, claim.text.slice(f.claimSpan.start, f.claimSpan.end), onlySources, bestIds);
        if (message) missing[k] = { f: { ...f, message }, cand: best };
      }
      if (f.kind !== 'entity') continue;
      if (claim.tokens.some((t, i) => (venues.has(i) || resolved.has(i)) && t.start >= f.claimSpan.start && t.end <= f.claimSpan.end)) {
        missing.splice(k, 1);
        continue;
      }
      const message = entityElsewhere(
        this.index,
        claim.text.slice(f.claimSpan.start, f.claimSpan.end),
        onlySources,
        bestIds,
        best.alignment.coverage >= this.options.relatedThreshold,
      );
      if (message) missing[k] = { f: { ...f, message }, cand: best };
    }

    // a quotation no source holds, in a claim backed by evidence spread over several sentences (which the
    // detectors do not examine): the spread carries its words, not the quotation
    if (best.spread && claimQuotes.some(spokenWords) && !origin && !missing.some(({ f }) => f.kind === 'quote' || f.kind === 'misquote')) {
      const unheld = findings.find(({ f }) => f.kind === 'quote' && f.effect === 'unsupported');
      if (unheld) missing.push({ f: unheld.f, cand: best });
    }
    // a negation in the claim ("cannot save") that the best evidence does not carry: never supported
    const polarity = uncarriedNegation(claim, best.analyzed, best.alignment.map, claimQuotes);
    if (polarity) missing.push({ f: polarity, cand: best });
    // evidence spread over several sentences must carry one of the claim's main verbs: names and nouns gathered
    // from all over a document are not the claim's event (signals/predicate.ts)
    if (this.options.predicates && best.spread)
      for (const f of uncarriedPredicates(claim, content, best.alignment.map, claimQuotes, resolved)) missing.push({ f, cand: best });

    const evidence: Evidence[] = [];
    const evIndex = new Map<Candidate, number>();
    const cite = (cand: Candidate, relation: Evidence['relation']): number => {
      const existing = evIndex.get(cand);
      if (existing !== undefined) return existing;
      if (cand.spread) {
        // each sentence is its own piece of evidence; the first one stands for the candidate
        // best-carrying sentence first (the spread's text keeps the source's order)
        const first = evidence.length;
        const parts: Candidate[] = [];
        for (const s of cand.sentences) {
          const single = candidates.find((c) => !c.spread && c.sentences.length === 1 && c.sentences[0].id === s.id);
          if (single) parts.push(single);
        }
        for (const single of parts.sort(byCoverage)) cite(single, relation);
        evIndex.set(cand, first);
        return first;
      }
      const first = cand.sentences[0];
      const last = cand.sentences[cand.sentences.length - 1];
      const li = this.lineIndex(first.source);
      const place = this.index.placeAt(first.source, first.start);
      const original = this.index.originalRange(first.source, first.start, last.end);
      evidence.push({
        source: first.source,
        ...(place !== undefined ? { place } : {}),
        ...(original ? { original } : {}),
        start: first.start,
        end: last.end,
        range: li
          ? li.range(first.start, last.end)
          : { start: { line: first.line, character: first.character }, end: { line: last.line, character: last.character + last.text.length } },
        quote: this.evidenceText(cand.sentences),
        score: round(Math.max(0, cand.alignment.coverage)),
        relation,
        sentenceIds: cand.sentences.map((s) => s.id),
        matched: matchedSpans(cand),
      });
      evIndex.set(cand, evidence.length - 1);
      return evidence.length - 1;
    };

    const signals: Signal[] = [];
    let verdict: ClaimResult['verdict'];
    let reason: string;
    if (clashes.length > 0) {
      clashes.sort((a, b) => b.f.strength - a.f.strength || b.cand.alignment.coverage - a.cand.alignment.coverage);
      const top = clashes[0];
      const ei = cite(top.cand, 'contradicts');
      for (const { f, cand } of clashes) {
        if (cand !== top.cand) continue;
        // one clash, one finding: a second signal on the same words (an entity and an attribution on one name,
        // an antonym and a negation on one verb) is left out; the stronger one, sorted first, speaks
        if (signals.some((x) => x.start < f.claimSpan.end && f.claimSpan.start < x.end)) continue;
        signals.push(toSignal(f, ei, cand));
      }
      verdict = 'contradicted';
      reason = top.f.message.startsWith(top.f.kind) ? top.f.message : `${top.f.kind}: ${top.f.message}`;
    } else if (support >= this.supportThresholdFor(content.length) && missing.length === 0 && absent.length === 0) {
      const ei = cite(best, 'supports');
      verdict = 'supported';
      reason = `${Math.round(best.alignment.coverage * 100)}% of its content is in the source`;
      signals.push({
        kind: 'coverage',
        effect: 'supports',
        message: reason,
        start: spanOf(claim, content).start,
        end: spanOf(claim, content).end,
        evidence: ei,
      });
      for (const { f } of findings) if (f.effect === 'supports') signals.push(toSignal(f, ei, best));
    } else {
      verdict = 'unsupported';
      const ei = best.alignment.coverage >= this.options.relatedThreshold ? cite(best, 'related') : undefined;
      for (const { f } of missing) signals.push(toSignal(f, ei, best));
      // words counted as carried otherwise (an honorific before a carried name, a role the sources give that
      // person) are no gap: "no source carries 'Ms'" would not be true
      const gaps = uncoveredSpans(claim, content, best.alignment, resolved);
      const words = gaps.map((g) => claim.text.slice(g.start, g.end));
      if (best.alignment.coverage < this.options.relatedThreshold) {
        reason = 'no source sentence carries this statement';
        const sp = spanOf(claim, content);
        signals.push({ kind: 'coverage', effect: 'unsupported', message: reason, start: sp.start, end: sp.end });
      } else {
        reason = words.length
          ? `no source carries ${words.map((w) => `'${w}'`).join(', ')}`
          : `only ${Math.round(best.alignment.coverage * 100)}% of its content is in the best source sentence`;
        if (missing.length) reason = missing[0].f.message;
        for (const g of gaps)
          signals.push({
            kind: 'coverage',
            effect: 'unsupported',
            message: `no source carries '${claim.text.slice(g.start, g.end)}'`,
            start: g.start,
            end: g.end,
            evidence: ei,
          });
        if (gaps.length === 0 && missing.length === 0) {
          const sp = spanOf(claim, content);
          signals.push({ kind: 'coverage', effect: 'unsupported', message: reason, start: sp.start, end: sp.end, evidence: ei });
        }
        // gaps another source sentence in scope carries are worded as such (mentions.ts)
        const worded = trueGapMessages(this.index, claim.text, signals, onlySources, bestIds);
        signals.splice(0, signals.length, ...worded);
        if (!missing.length) reason = gapReason(signals) ?? reason;
      }
    }
    // cite further related evidence: ranked by coverage and, for a part, by retrieval score (rare shared words)
    const maxBm25 = Math.max(1e-9, ...candidates.map((c) => c.bm25));
    const rankOf = (c: Candidate) => c.alignment.coverage + CHECKER.relatedBm25Weight.value * (c.bm25 / maxBm25);
    const further = candidates.filter((c) => !c.spread && c.alignment.coverage >= this.options.relatedThreshold).sort((a, b) => rankOf(b) - rankOf(a));
    for (const c of further) {
      if (evidence.length >= this.options.maxEvidence) break;
      if (evIndex.has(c)) continue;
      if (evidence.some((e) => c.sentences.some((s) => e.sentenceIds.includes(s.id)))) continue;
      cite(c, verdict === 'supported' && c.alignment.coverage >= this.options.supportThreshold ? 'supports' : 'related');
    }
    const result: ClaimResult = { ...base, verdict, score: round(Math.max(0, best.alignment.coverage)), reason, evidence, signals };
    if (failures.size) result.notes = [...failures];
    return withConfidence(result, {
      strength: clashes[0]?.f.strength,
      support,
      supportGate: this.supportThresholdFor(content.length),
      clashGate: clashes[0] ? this.gateFor(clashes[0].f.kind) : undefined,
    });
  }

  /**
   * Adds to `picked` (sentences of one source) up to `crossSourceSpread` sentences of other sources that carry
   * claim words the picked ones do not: each about the same thing (crossSourceMinCoverage on its own), and a
   * name or number it adds standing among the claim's own neighbours there.
   */
  private addOtherSources(
    picked: SourceSentence[],
    singles: Candidate[],
    claim: Analyzed,
    content: number[],
    minCoverage = CHECKER.crossSourceMinCoverage.value,
  ): void {
    const covered = new Set<number>();
    for (const c of singles) if (picked.includes(c.sentences[0])) for (const i of content) if (c.alignment.map[i] >= 0) covered.add(i);
    let added = 0;
    for (const c of singles) {
      if (added >= this.options.crossSourceSpread || picked.length >= this.options.spread + this.options.crossSourceSpread) break;
      if (c.sentences[0].source === picked[0].source || picked.includes(c.sentences[0])) continue;
      if (c.alignment.coverage < minCoverage) continue;
      const adds = content.filter((i) => !covered.has(i) && c.alignment.map[i] >= 0);
      if (!adds.length) continue;
      // "Greek Athletics Federation (Segas)" may lend "Segas"; "Segas chairman Vassilis Sevastis" may not lend
      // "Vassilis Sevastis" to "the tribunal's head, Vassilis Sevastis"
      if (adds.some((i) => isNameOrNumber(claim, i) && !sameNeighbours(claim, i, c, covered))) continue;
      for (const i of adds) covered.add(i);
      picked.push(c.sentences[0]);
      added++;
    }
  }

  /**
   * The draft's elliptical answer to a reported question ("Asked whether ..., Mr Hale said he had") against the
   * answer the source gives in the one or two sentences after the question sentence that carries the claim
   * ('"Not that I recall," Mr Hale replied'): a clash when their polarity differs (answers.ts).
   */
  private answerClash(
    claim: Analyzed,
    candidates: Candidate[],
    content: number[],
    weight: (lemma: string) => number,
  ): { f: SignalFinding; cand: Candidate } | undefined {
    const ra = reportedAnswer(claim.text);
    if (!ra) return undefined;
    const asking = candidates.filter((c) => !c.spread && c.alignment.coverage >= this.options.supportThreshold).sort(byCoverage);
    for (const c of asking) {
      const q = c.sentences.find((x) => asksQuestion(x.text));
      if (!q) continue;
      let n = this.index.neighbour(q, 1);
      for (let d = 0; d < 2 && n; d++, n = this.index.neighbour(n, 1)) {
        const p = answerPolarity(n.text);
        if (!p) continue;
        if (p.negative === ra.negative) return undefined;
        const cand = this.candidateOf([n], claim, content, weight);
        const at = Math.max(0, n.text.indexOf(p.words));
        return {
          f: {
            kind: 'negation',
            effect: 'contradicts',
            message: `negation: the draft says ${quoted(claim.text.slice(ra.span.start, ra.span.end))}, the source's answer is ${quoted(p.words)}`,
            claimSpan: ra.span,
            evidenceSpan: { start: at, end: at + p.words.length },
            strength: 0.9,
          },
          cand,
        };
      }
      return undefined;
    }
    return undefined;
  }

  private candidateOf(sentences: SourceSentence[], claim: Analyzed, content: number[], weight: (lemma: string) => number): Candidate {
    const analyzed = this.analyzedEvidence(sentences);
    return { sentences, analyzed, alignment: align(claim, content, analyzed, weight, this.related), bm25: 0 };
  }

  /**
   * The source sentence that holds all of the claim's quotations (at least two words between them), looked up
   * by retrieval over the quotations' own words in every source in scope, and a clash when the draft gives
   * the words to another named person than the source does.
   */
  private quoteOrigin(claim: Analyzed, spans: QuoteSpan[], onlySources?: Set<string>): { sentence: SourceSentence; clash?: SignalFinding } | undefined {
    const quotes = spans.map((q) => q.text);
    const words = quotes
      .map((q) => quoteWordString(q))
      .join(' ')
      .split(' ')
      .filter(Boolean);
    if (words.length < 2) return undefined;
    const keys = [...new Set(quotes.flatMap((q) => contentKeys(q)))];
    if (!keys.length) return undefined;
    const hits = this.index.search(
      keys.length > this.options.queryTerms ? keys.slice(0, this.options.queryTerms) : keys,
      CHECKER.quoteOriginHits.value,
      onlySources,
    );
    for (const h of hits) {
      const s = h.sentence;
      if (!holdsQuotes(s.text, quotes)) continue;
      const before: string[] = [];
      let prev = this.index.neighbour(s, -1);
      for (let k = 0; prev && k < LOOKUPS.speakerLookback.value; k++, prev = this.index.neighbour(prev, -1)) before.push(prev.text);
      // a clash needs words enough to be someone's (four or more, or two fragments found together): a two-word
      // title in quotation marks is no quote
      const speaker = words.length >= CHECKER.minAttributedWords.value || quotes.length >= 2 ? speakerOf(s.text, before) : undefined;
      const other = speaker ? otherSpeaker(claim, speaker, [s.text, ...before], spans) : undefined;
      if (!speaker || !other) return { sentence: s };
      const sourceName = speaker.analyzed.text.slice(speaker.analyzed.tokens[speaker.speaker.first].start, speaker.analyzed.tokens[speaker.speaker.last].end);
      return {
        sentence: s,
        clash: {
          kind: 'attribution',
          effect: 'contradicts',
          message: `attribution: the draft gives these words to ${quoted(other.text)}, the source to ${quoted(sourceName)}`,
          claimSpan: { start: claim.tokens[other.first].start, end: claim.tokens[other.last].end },
          strength: 0.8,
        },
      };
    }
    return undefined;
  }

  /**
   * Coverage a claim needs to count as supported. A long claim (many content words) is rarely
   * carried word for word, so the bar comes down with its length, to `longClaimThreshold`.
   */
  private supportThresholdFor(contentWords: number): number {
    const { supportThreshold: hi, longClaimThreshold: lo } = this.options;
    const short = CHECKER.shortClaimWords.value;
    const long = CHECKER.longClaimWords.value;
    if (contentWords <= short) return hi;
    if (contentWords >= long) return Math.min(hi, lo);
    return hi - ((hi - Math.min(hi, lo)) * (contentWords - short)) / (long - short);
  }

  /**
   * A name the draft gives that the clashing sentence's own document mentions too ("Richard Amardi" in a
   * roster further down): the sentence is about another part of the story, not a rival to the name.
   */
  private namedElsewhere(f: SignalFinding, claim: Analyzed, cand: Candidate): boolean {
    if (f.kind !== 'entity' || f.anchored || this.options.contextCredit <= 0) return false;
    return this.documentHasQuote(cand.sentences[0].source, claim.text.slice(f.claimSpan.start, f.claimSpan.end));
  }

  /** Topicality needed before a clash of this kind is trusted: the rest of the claim must match the evidence. */
  private gateFor(kind: string): number {
    const g = this.options.contradictionGate;
    // each signal's own gate (signals/<kind>.ts); misquotes are the quote detector's
    const d = this.detectors.find((x) => x.kind === kind || (kind === 'misquote' && x.kind === 'quote'));
    return Math.min(CHECKER.maxGate.value, g + (d?.gate ?? 0));
  }

  /** Evidence texts analysed once per index generation (the same sentences come back claim after claim). */
  private analyzedEvidence(sentences: SourceSentence[]): Analyzed {
    if (this.analyzedGeneration !== this.index.generation || this.analyzedCache.size > 50_000) {
      this.analyzedCache.clear();
      this.analyzedGeneration = this.index.generation;
    }
    const key = sentences.length === 1 ? sentences[0].id : sentences.map((s) => s.id).join(',');
    let a = this.analyzedCache.get(key);
    if (!a) {
      a = analyze(this.evidenceText(sentences));
      this.analyzedCache.set(key, a);
    }
    return a;
  }

  /** Does the source file hold these words in this order (case, punctuation and possessives aside)? */
  private documentHasQuote(source: string, quoted: string): boolean {
    const f = this.index.file(source);
    if (!f) return false;
    const words = quoteWordString(quoted);
    if (!words) return false;
    let c = this.quoteTexts.get(source);
    if (!c || c.text !== f.text) {
      c = { text: f.text, words: ' ' + quoteWordString(f.text) + ' ' };
      if (this.quoteTexts.size > 200) this.quoteTexts.clear();
      this.quoteTexts.set(source, c);
    }
    return c.words.includes(' ' + words + ' ');
  }

  /** Lemmas and lower-case words of a whole source file (cached per file text). */
  private documentVocabulary(source: string): Set<string> | undefined {
    const f = this.index.file(source);
    if (!f) return undefined;
    const c = this.vocabularies.get(source);
    if (c && c.text === f.text) return c.vocab;
    const vocab = new Set<string>();
    const toks = analyze(f.text.length > CHECKER.documentVocabularyChars.value ? f.text.slice(0, CHECKER.documentVocabularyChars.value) : f.text).tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.kind === 'punct') continue;
      vocab.add(t.lemma);
      vocab.add(t.lower);
      // a hyphenated word also stands for its closed form ("re-drafted" for "redrafted"), as in coverage
      const b = hyphenPartner(toks, k);
      if (b) {
        vocab.add(t.lower + b.lemma);
        vocab.add(t.lower + b.lower);
      }
    }
    if (this.vocabularies.size > 500) this.vocabularies.clear();
    this.vocabularies.set(source, { text: f.text, vocab });
    return vocab;
  }

  private evidenceText(sentences: SourceSentence[]): string {
    if (sentences.length === 1) return sentences[0].text;
    const f = this.index.file(sentences[0].source);
    const last = sentences[sentences.length - 1];
    return f ? f.text.slice(sentences[0].start, last.end) : sentences.map((s) => s.text).join(' ');
  }

  private lineIndex(source: string): LineIndex | undefined {
    const f = this.index.file(source);
    if (!f) return undefined;
    const c = this.lineIndexes.get(source);
    if (c && c.text === f.text) return c.li;
    const li = new LineIndex(f.text);
    if (this.lineIndexes.size > 2000) this.lineIndexes.clear();
    this.lineIndexes.set(source, { text: f.text, li });
    return li;
  }
}

/**
 * A quotation of someone's words, not a title or a phrase: five words or more, no elision ("[...]", "..."), most
 * of its words not capitalised ("The Hunger Games: Mockingjay" is a title).
 */
function spokenWords(q: { text: string }): boolean {
  if (/\.\.\.|…|\[/.test(q.text)) return false;
  const words = q.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 5) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length;
}

/**
 * The single-sentence candidate that carries the most of the claim's quoted words (at least two thirds of them,
 * and four or more), or undefined.
 */
function quoteHolder(claim: Analyzed, quotes: Span[], candidates: Candidate[]): Candidate | undefined {
  const inQuote: number[] = [];
  claim.tokens.forEach((t, i) => {
    if (t.kind === 'word' && quotes.some((q) => t.start >= q.start && t.end <= q.end)) inQuote.push(i);
  });
  if (inQuote.length < 4) return undefined;
  let best: Candidate | undefined;
  let bestShare = 2 / 3;
  for (const c of candidates) {
    if (c.spread || c.sentences.length !== 1) continue;
    const words = new Set(c.analyzed.tokens.map((t) => t.lower));
    const share = inQuote.filter((i) => c.alignment.map[i] >= 0 || words.has(claim.tokens[i].lower)).length / inQuote.length;
    if (share > bestShare) {
      best = c;
      bestShare = share;
    }
  }
  return best;
}

/**
 * The evidence words lie in a question the source asks or quotes ("Did you ever know Mr Hale to sign a
 * cheque?"): the first sentence mark after them is a question mark.
 */
function inQuestion(span: Span, a: Analyzed): boolean {
  const toks = a.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.start < span.end || t.kind !== 'punct') continue;
    // a tag question ("..., aren't you?", "..., isn't it?") asks nothing of what comes before it
    if (t.text === '?') return !(toks[k - 1]?.kind === 'word' && toks[k - 2]?.lower.endsWith("n't") && toks[k - 3]?.lower === ',');
    if (t.text === '.' || t.text === '!' || t.text === ';') return false;
  }
  return false;
}

/** Kinds that compare the words of a quotation or its speaker: a question quoted is quoted all the same. */
const QUOTED_KINDS = new Set(['quote', 'misquote', 'attribution']);

/**
 * In two joined neighbours, a clash counts only if it lies in a sentence that itself carries
 * several of the claim's words: a neighbour can be about something else entirely.
 */
function clashInTopicalSentence(f: SignalFinding, cand: Candidate): boolean {
  if (cand.sentences.length === 1 || !f.evidenceSpan || f.effect !== 'contradicts') return true;
  const boundary = cand.sentences[0].end - cand.sentences[0].start;
  const inFirst = f.evidenceSpan.start < boundary;
  let aligned = 0;
  for (const j of cand.alignment.map) {
    if (j < 0) continue;
    const t = cand.analyzed.tokens[j];
    if (t.stop) continue;
    if (t.start < boundary === inFirst) aligned++;
  }
  // a clash tied to the claim's own word there ("no guarantee that the directive will become law" for "will ...
  // become law"): two aligned words in that sentence suffice
  return aligned >= (f.anchored ? CHECKER.anchoredTopicalWords.value : CHECKER.topicalWords.value);
}

/**
 * Kinds whose clash may pass at the plain gate when it sits in the same slot on both sides. Not numbers: measured
 * on the dev sets, the same unit too often counts another quantity ("cents per litre", "watts per square metre").
 */
const SLOT_KINDS = new Set(['date']);

/** The first and last token of a clash's words in the claim and in the evidence, or undefined without both. */
function clashTokens(f: SignalFinding, claim: Analyzed, cand: Candidate): { first: number; last: number; eFirst: number; eLast: number } | undefined {
  if (!f.evidenceSpan) return undefined;
  const es = f.evidenceSpan;
  const ct = claim.tokens;
  const et = cand.analyzed.tokens;
  const first = ct.findIndex((t) => t.start >= f.claimSpan.start);
  let last = first;
  while (last + 1 < ct.length && ct[last + 1].end <= f.claimSpan.end) last++;
  const eFirst = et.findIndex((t) => t.start >= es.start);
  let eLast = eFirst;
  while (eLast + 1 < et.length && et[eLast + 1].end <= es.end) eLast++;
  if (first < 0 || eFirst < 0) return undefined;
  return { first, last, eFirst, eLast };
}

/**
 * The clashing words stand in the same slot on both sides: at least two content words right around them in the
 * claim (five tokens either side) are aligned to words right around the source's words, on the same sides
 * ("at the Olympic Village on 13 August" / "at the Olympic village on 12 August"; "bankruptcy protection in 2003"
 * / "bankruptcy protection in 2004"). Such a clash needs only the plain contradiction gate: the sentence is
 * about the same event even where the rest of the claim is reworded.
 */
function inSameSlot(f: SignalFinding, claim: Analyzed, cand: Candidate): boolean {
  const at = clashTokens(f, claim, cand);
  if (!at) return false;
  const { first, last, eFirst, eLast } = at;
  const ct = claim.tokens;
  let anchors = 0;
  const win = CHECKER.sameSlotWindow.value;
  const reach = CHECKER.sameSlotReach.value;
  for (let k = Math.max(0, first - win); k < first; k++) {
    const j = cand.alignment.map[k];
    if (!ct[k].stop && j >= 0 && j < eFirst && j >= eFirst - reach) anchors++;
  }
  for (let k = last + 1; k <= Math.min(ct.length - 1, last + win); k++) {
    const j = cand.alignment.map[k];
    if (!ct[k].stop && j > eLast && j <= eLast + reach) anchors++;
  }
  return anchors >= CHECKER.sameSlotAnchors.value;
}

/**
 * A negation clash whose subject is a name both sides give right before the predicate ("Fiat will not continue to
 * supply" / "Fiat will keep supplying"): the same party, the same act, one negated. It needs only the plain gate.
 */
function namedSubject(f: SignalFinding, claim: Analyzed, cand: Candidate): boolean {
  const at = clashTokens(f, claim, cand);
  if (!at) return false;
  const { first, eFirst, eLast } = at;
  const ct = claim.tokens;
  const et = cand.analyzed.tokens;
  // the draft's negation against the source's plain statement (a negative verb of the source, "declined to give",
  // may govern something else than the draft's act)
  for (let j = eFirst; j <= eLast; j++) if (isNegationCue(et[j], et, j)) return false;
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    if (isClauseBreak(ct[k])) return false;
    const j = cand.alignment.map[k];
    if (j < 0 || j >= eFirst || j < eFirst - 4) continue;
    if (isCapitalized(ct[k]) && !ct[k].stop && isCapitalized(et[j]) && !isSentenceStart(et, j)) return true;
  }
  return false;
}

/** Sentences (of one source or several) joined into one evidence text, aligned to the claim as a whole. */
function spreadCandidate(picked: SourceSentence[], claim: Analyzed, content: number[], weight: (lemma: string) => number, related?: Relatedness): Candidate {
  const analyzed = analyze(picked.map((p) => p.text).join(' '));
  return { sentences: picked, analyzed, alignment: align(claim, content, analyzed, weight, related), bm25: 0, spread: true };
}

/** The clash kind a clause checked on its own may show: a count (a date in a clause is too often another event's). */
const CLAUSE_KINDS = new Set(['number']);
const CLAUSE_BREAK = /,\s+(?:and|but|with|while|whereas|although|including|as well as)\s+|;\s+/g;

/** The clauses of a long statement (CHECKER.clauseMinWords words or more), each of a few words at least. */
function clausesOf(prose: string): Span[] {
  const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (words(prose) < CHECKER.clauseMinWords.value) return [];
  const out: Span[] = [];
  let at = 0;
  for (const m of prose.matchAll(CLAUSE_BREAK)) {
    out.push({ start: at, end: m.index! });
    at = m.index! + m[0].length;
  }
  if (!out.length) return [];
  out.push({ start: at, end: prose.length });
  return out.filter((c) => words(prose.slice(c.start, c.end)) >= CHECKER.clauseWords.value);
}

/** Whether the candidate holds each word of the claim's span (a negation too) as the very word (same lemma), and at least one. */
function carriesWords(claim: Analyzed, cand: Candidate, span: Span): boolean {
  let any = false;
  for (let i = 0; i < claim.tokens.length; i++) {
    const t = claim.tokens[i];
    if (t.start < span.start || t.end > span.end || t.kind === 'punct') continue;
    const j = cand.alignment.map[i];
    if (j < 0 || cand.analyzed.tokens[j].lemma !== t.lemma) return false;
    any = true;
  }
  return any;
}

/** A word of three letters or more that neither in lower case nor as its lemma is in the English model's lexicon. */
function isRareWord(t: Analyzed['tokens'][number]): boolean {
  return t.kind === 'word' && /^[a-z]{3,}$/.test(t.lower) && !isDictionaryWord(t.lower) && !isDictionaryWord(t.lemma);
}

function isNameOrNumber(claim: Analyzed, i: number): boolean {
  const t = claim.tokens[i];
  return t.kind === 'number' || (i > 0 && isCapitalized(t));
}

/**
 * Most content words within 3 tokens of claim token i that the first source carries (`anchored`) also stand
 * within 3 tokens of i's counterpart in the other source's sentence: the two sources speak of the same thing
 * there ("Greek Athletics Federation (Segas)"). Titles and speech verbs are no anchor.
 */
function sameNeighbours(claim: Analyzed, i: number, cand: { alignment: Alignment; analyzed: Analyzed }, anchored: Set<number>): boolean {
  const j = cand.alignment.map[i];
  if (j < 0) return false;
  let anchors = 0;
  let kept = 0;
  const win = CHECKER.lendClaimWindow.value;
  for (let k = Math.max(0, i - win); k <= Math.min(claim.tokens.length - 1, i + win); k++) {
    if (k === i || !anchored.has(k)) continue;
    const t = claim.tokens[k];
    if (t.stop || t.kind === 'punct' || /^(say|tell|add|state|claim|report|mr|mrs|ms|dr)$/.test(t.lemma)) continue;
    anchors++;
    const jk = cand.alignment.map[k];
    if (jk >= 0 && Math.abs(jk - j) <= CHECKER.lendEvidenceDistance.value) kept++;
  }
  return anchors > 0 && kept * 2 > anchors;
}

/** Index keys (lemmas) of the content words of a text. */
function contentKeys(text: string): string[] {
  const a = analyze(text);
  return contentIndices(a).map((i) => a.tokens[i].lemma);
}

/** Every word of a name is in the document's vocabulary. */
function mentioned(name: string, vocab: Set<string>): boolean {
  const words = name.toLowerCase().match(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((w) => vocab.has(w) || vocab.has(w.replace(/['’]s$/, '')));
}

function byCoverage(a: Candidate, b: Candidate): number {
  return b.alignment.coverage - a.alignment.coverage || b.bm25 - a.bm25 || a.sentences.length - b.sentences.length;
}

function toSignal(f: SignalFinding, evidenceIndex: number | undefined, cand: Candidate): Signal {
  const s: Signal = { kind: f.kind, effect: f.effect, message: f.message, start: f.claimSpan.start, end: f.claimSpan.end };
  if (evidenceIndex !== undefined) s.evidence = evidenceIndex;
  if (f.evidenceSpan) s.sourceWords = cand.analyzed.text.slice(f.evidenceSpan.start, f.evidenceSpan.end);
  return s;
}

/** The span from the first to the last content token. */
function spanOf(claim: Analyzed, content: number[]): Span {
  if (content.length === 0) return { start: 0, end: claim.text.length };
  return { start: claim.tokens[content[0]].start, end: claim.tokens[content[content.length - 1]].end };
}

/** The evidence words the claim aligned to, as spans of the quote (neighbouring words joined across spaces). */
export function matchedSpans(cand: { analyzed: Analyzed; alignment: Alignment }): Span[] {
  const toks = cand.analyzed.tokens;
  const idx = [...new Set(cand.alignment.map.filter((j) => j >= 0 && j < toks.length))].sort((a, b) => a - b);
  const out: Span[] = [];
  for (const j of idx) {
    const t = toks[j];
    const last = out[out.length - 1];
    if (last && /^[ \t]*$/.test(cand.analyzed.text.slice(last.end, t.start))) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out;
}

/** Runs of content words the alignment left uncovered (stop words between them join a run). */
export function uncoveredSpans(claim: Analyzed, content: number[], alignment: Alignment, carried?: Set<number>): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  let lastContent = -1;
  for (const i of content) {
    const covered = alignment.map[i] >= 0 || !!carried?.has(i);
    if (!covered) {
      const t = claim.tokens[i];
      const joinable = cur && lastContent >= 0 && !hasCoveredBetween(content, alignment, lastContent, i, carried) && i - lastContent <= 3;
      if (cur && joinable) cur.end = t.end;
      else {
        cur = { start: t.start, end: t.end };
        spans.push(cur);
      }
      lastContent = i;
    } else {
      cur = null;
      lastContent = -1;
    }
  }
  return spans;
}

function hasCoveredBetween(content: number[], alignment: Alignment, a: number, b: number, carried?: Set<number>): boolean {
  for (const i of content) if (i > a && i < b && (alignment.map[i] >= 0 || !!carried?.has(i))) return true;
  return false;
}

function skipped(st: Statement, why: string): ClaimResult {
  return { text: st.text, start: st.start, end: st.end, verdict: 'skipped', score: 0, reason: why, evidence: [], signals: [] };
}

/** Moves a result computed on `prose` (offsets relative to it) onto the draft statement. */
function shift(rel: ClaimResult, st: Statement): ClaimResult {
  return {
    ...rel,
    text: st.text,
    start: st.start,
    end: st.end,
    evidence: rel.evidence,
    signals: rel.signals.map((s) => ({ ...s, start: s.start + st.start, end: s.end + st.start })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && k !== 'detectors' && k !== 'related') (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The text of the draft's quotation that holds the span (a misquote's squiggle is only its differing words). */
function quotationAround(quotes: QuoteSpan[], sp: Span, text: string): string {
  const q = quotes.find((x) => x.start <= sp.start && sp.end <= x.end);
  return q ? q.text : text.slice(sp.start, sp.end);
}
