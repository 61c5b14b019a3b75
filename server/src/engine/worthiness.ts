/**
 * Check-worthiness: which statements say something a source could confirm or contradict.
 *
 * Pure and conservative. A statement is skipped (with the reason, shown in the hover) when it is:
 * - a byline ("By Jane Smith, BBC News", "By our political staff", "Reporting by ...");
 * - a dateline on its own ("LONDON (Reuters) -"); a dateline before a sentence is masked and the rest checked;
 * - the writer's opinion with no checkable fact: a first-person frame ("I think", "in my view", "I doubt")
 *   around an evaluation or a forecast ("I doubt it will last");
 * - an evaluation with no checkable fact ("It was a shameful decision.") or a rhetorical exclamation.
 * An opinion frame around a checkable fact ("I think the council spent £3m") is masked and the fact is
 * checked. Anything in quotation marks is someone's reported words, a claim about what they said: never
 * skipped as opinion, and neither is reported opinion ("Mr Smith said he thought ...": no first person).
 */
import { WORTHINESS } from './policy';

export interface Worthiness {
  /** why the statement is not checked */
  skip?: string;
  /** spans of the statement (offsets in its prose) masked before checking: a dateline, an opinion frame */
  mask?: [number, number][];
}

/** Words that judge rather than report. */
const EVALUATIVE = new Set(
  (
    'wrong right good bad great terrible awful excellent brilliant disgrace disgraceful shameful shame mistake ' +
    'foolish wise unfair ridiculous absurd outrageous remarkable impressive disappointing disappointment ' +
    'unacceptable appalling deplorable overdue misguided flawed naive reckless sensible admirable ' +
    'pity tragedy tragic farce fiasco nonsense wonderful fantastic poor deserved undeserved ' +
    'interesting surprising astonishing shocking sad regrettable unfortunate fortunate ' +
    'bizarre strange weird odd silly stupid crazy insane scandal scandalous embarrassing embarrassment ' +
    'laughable pathetic magnificent superb dreadful horrible amazing incredible extraordinary ' +
    'pointless useless worthwhile justified unjustified hypocritical cynical brave courageous bold ' +
    'honest dishonest right-headed wrong-headed ill-judged ill-advised short-sighted long-overdue'
  ).split(/\s+/),
);

/** A forecast or a wish: nothing a source can settle yet. */
const SPECULATIVE_WORD = /\b(will|won't|would|wouldn't|could|couldn't|might|may|should|shouldn't|must|ought|can't|cannot|going to)\b/;

/** The main clause is a forecast or a wish: a modal within its first five words ("it will last", "Labour could win"). */
const SPECULATIVE = { test: (s: string) => SPECULATIVE_WORD.test(s.trim().split(/\s+/).slice(0, WORTHINESS.speculativeWords.value).join(' ')) };

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAYS =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|January|February|March|April|May|June|July|August|September|October|November|December)$/;

const ROLE_WORDS =
  /\b(reporter|correspondent|editor|writer|staff|journalist|columnist|contributor|analyst|team|desk|bureau|news|reuters|ap|afp|press|agency|times|online|sport|service|producer|presenter|reporters|correspondents|editors)\b/i;

/** A byline: "By Jane Smith", "By Jane Smith, BBC News", "By our political staff", "Reporting by Jane Smith; editing by ...". */
function isByline(p: string): boolean {
  const s = p.replace(/[.\s]+$/, '');
  if (
    /^(additional\s+)?(reporting|writing|editing)\s+by\s+\p{Lu}/iu.test(s) &&
    s.split(/\s+/).length <= WORTHINESS.creditLineMaxWords.value &&
    !/\d{2,}/.test(s) &&
    !ATTRIBUTION.test(s) &&
    !/\b(shows?|showed|found|finds)\b/.test(s)
  )
    return true;
  if (!/^By\s/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > WORTHINESS.bylineMaxWords.value) return false;
  const rest = s.slice(3).trim();
  // "By our political staff", "By our correspondent in Paris", "By a staff reporter"
  if (/^(our|a|an|the)\s/i.test(rest)) {
    const head = rest.split(',')[0];
    return ROLE_WORDS.test(head) && head.split(/\s+/).length <= WORTHINESS.staffBylineMaxWords.value && !/\d/.test(head);
  }
  // "By Jane Smith[ and John Doe][, tail]": two or more capitalised name words, not a time ("By Tuesday, ...")
  const [names, ...tailParts] = rest.split(/\s*[,|;]\s*|\s+[-–—]\s+/);
  const nameWords = names.split(/\s+/).filter((w) => !/^(and|&|de|da|van|von|der|al|bin|le|la|du|del)$/i.test(w));
  if (nameWords.length < 2 || nameWords.length > WORTHINESS.bylineMaxNames.value) return false;
  if (!nameWords.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) && !WEEKDAYS.test(w.replace(/[.’']+$/, '')))) return false;
  if (!tailParts.length) return true;
  const tail = tailParts.join(' ');
  if (/\d{3,}/.test(tail)) return false;
  // the tail is a role or a place: "business reporter", "BBC News", "rugby union correspondent, Lansdowne Road"
  return tailParts.every((t) => ROLE_WORDS.test(t) || t.split(/\s+/).every((w) => /^(\p{Lu}|of$|the$|in$|at$|on$|and$)/u.test(w)));
}

/** A dateline at the start: "LONDON (Reuters) - ", "NEW YORK, March 3 (AP) — ", "Dublin, 12 March - ". Returns its length. */
function datelineLength(p: string): number {
  const agency = String.raw`(?:\s*\((?:Reuters|AP|AFP|PA|Bloomberg|dpa|IANS|PTI|Xinhua|UPI|CNN|BBC)\))`;
  const date = String.raw`(?:\d{1,2}\s+(?:${MONTHS})\.?|(?:${MONTHS})\.?\s+\d{1,2})(?:,?\s+\d{4})?`;
  const dash = String.raw`\s*(?:-{1,2}|–|—)(?:\s+(?=\S)|\s*$)`;
  const res = [
    // LONDON (Reuters) -    /    NEW YORK, March 3 (AP) —
    new RegExp(String.raw`^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*${date})?${agency}${dash}`, 'u'),
    // Dublin, 12 March -    /    BRUSSELS, 4 May 2025 -
    new RegExp(String.raw`^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2},\s*${date}${agency}?${dash}`, 'u'),
    // LONDON -   (a bare all-capitals place of five letters or more, or of two or three words: not an acronym)
    new RegExp(String.raw`^(?:\p{Lu}{5,}|\p{Lu}{2,}(?:\s+\p{Lu}{2,}){1,2})${dash}(?=\p{Lu})`, 'u'),
  ];
  for (let k = 0; k < res.length; k++) {
    const m = res[k].exec(p);
    if (!m) continue;
    // the rest is a sentence (an all-capitals headline "WHEAT EXPORTS UP - USDA" is no dateline), or nothing
    const rest = p.slice(m[0].length);
    if (/\p{Ll}/u.test(rest) || (k < 2 && !/[\p{L}\p{N}]/u.test(rest))) return m[0].length;
  }
  return 0;
}

/** Quotation marks: the statement reports someone's words (or is part of a quotation). */
function hasQuotation(p: string): boolean {
  return /["“”‘«»„]/.test(p) || /(^|\s)'\p{L}/u.test(p);
}

/** Something a source can confirm: a number, a date, a name (a capitalised word that does not start the text). */
function hasCheckableFact(rest: string, fromStart = false): boolean {
  if (/\d/.test(rest)) return true;
  if (
    /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|third|quarter)\b/i.test(
      rest,
    )
  )
    return true;
  const words = rest.match(/[\p{L}\p{M}'’-]+/gu) ?? [];
  for (let i = fromStart ? 0 : 1; i < words.length; i++) {
    const w = words[i];
    if (w === 'I' || /^I['’]/.test(w)) continue;
    if (/^\p{Lu}/u.test(w)) return true;
  }
  return false;
}

const COPULA = /^(is|was|are|were|be|been|being|seems|seemed|seem|looks|looked|look|remains|remained|sounds|sounded|feels|felt|['’]s)$/;

/** A judging word as the predicate: after a copula ("is deeply flawed", "was a mistake"), at most three words on. */
function evaluativeWord(s: string): string | undefined {
  const words = s.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    if (!EVALUATIVE.has(words[i])) continue;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) if (COPULA.test(words[k]) || /['’]s$/.test(words[k])) return words[i];
    // "its so weird" (an informal "it's"), not "its doors for good"
    if (words[i - 1] === 'its' || (words[i - 2] === 'its' && /^(so|very|really|a|an|quite|pretty|too)$/.test(words[i - 1]))) return words[i];
  }
  return undefined;
}

/** Words that give the statement to someone: it reports what they said, a claim to check. */
const ATTRIBUTION =
  /\b(said|says|say|told|tells|added|adds|argued|argues|wrote|writes|according\s+to|insisted|insists|claimed|claims|stated|states|explained|explains|warned|warns|believes|thinks|suggested|suggests|reported|reports|announced|announces|admitted|admits|denied|denies|asked|asks|replied|replies|acknowledged|conceded|noted|notes|maintained|maintains)\b/i;

/** First-person frames that assert what follows ("I think X": X is the writer's claim). */
const ASSERTING_START =
  /^(?:(?:personally|frankly|honestly),?\s+)?(?:I|we)\s+(?:(?:really|honestly|personally|still|also|firmly|strongly)\s+)?(?:think|believe|reckon|feel|suspect|guess|would\s+(?:argue|say|suggest)|['’]d\s+(?:argue|say|suggest)|am\s+(?:sure|convinced|certain|confident)|['’]m\s+(?:sure|convinced|certain|confident)|are\s+(?:sure|convinced|certain|confident)|['’]re\s+(?:sure|convinced|certain|confident))\b(?!\s+(?:about|of|so|not|too|otherwise|twice|back|aloud)\b)(?:\s+that)?,?\s*/i;
const ADVERB_START =
  /^(?:in\s+my\s+(?:view|opinion|judgement|judgment|experience)|in\s+our\s+(?:view|opinion)|to\s+my\s+mind|it\s+seems\s+to\s+me(?:\s+that)?|if\s+you\s+ask\s+me|as\s+I\s+see\s+it|personally|arguably|frankly|in\s+hindsight)\s*,?\s*/i;
/** First-person frames that do not assert what follows ("I doubt X", "I hope X"), and a preference ("I love X"). */
const NON_ASSERTING_START =
  /^(?:(?:personally|frankly|honestly|well|yes|yeah|oh),?\s+)?(?:I|we)\s+(?:(?:really|honestly|personally|still|also|strongly|seriously|just|absolutely)\s+)?(?:doubt|wonder|hope|fear|wish|worry|question|love|like|enjoy|adore|prefer|hate|dislike|(?:do\s+not|don['’]t|did\s+not|didn['’]t)\s+(?:think|believe|expect|see)|can(?:not|['’]t)\s+(?:see|imagine|believe)|would\s+(?:like|love|hate)|['’]d\s+(?:like|love|hate))\b/i;
const WISH = /\b(hope|wish|like|love|hate|enjoy|adore|prefer|dislike)$/i;
const MID_FRAME =
  /,\s*(?:in\s+my\s+(?:view|opinion)|to\s+my\s+mind|I\s+(?:think|believe|suspect|reckon|feel)|arguably)\s*,|,\s*(?:I\s+(?:think|believe|suspect|reckon|feel)|in\s+my\s+(?:view|opinion))\s*(?=[.!]?\s*$)/i;

/** An evaluation with nothing to check: "It was a shameful decision.", "This is nonsense." */
const EVALUATION =
  /^(?:it|this|that|these|those|such\s+\w+|the\s+(?:decision|move|result|outcome|idea|plan|whole\s+\w+))\s+(?:is|was|are|were|seems|seemed|looks|looked|remains|remained|feels|felt|sounds|sounded|would\s+be|will\s+be|['’]s)\s+(?:not\s+|surely\s+|simply\s+|clearly\s+|frankly\s+|quite\s+|rather\s+|very\s+|deeply\s+|truly\s+|utterly\s+)*(?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)/iu;
const RHETORICAL =
  /^(?:what\s+an?\b|how\s+\w+\s+(?:it|that|this)\b(?=.*!\W*$)|(?:only\s+)?time\s+will\s+tell|it\s+remains\s+to\s+be\s+seen|who\s+knows|so\s+much\s+for|if\s+only|few\s+would\s+(?:argue|disagree|deny))/i;

/** Whether a statement (its prose, non-prose characters already masked) is worth checking. */
export function worthiness(prose: string): Worthiness {
  const lead = prose.length - prose.trimStart().length;
  const p = prose.trim();
  if (!p) return {};
  if (isByline(p)) return { skip: 'byline' };
  const mask: [number, number][] = [];
  let at = 0;
  const dl = datelineLength(p);
  if (dl) {
    const rest = p.slice(dl);
    if (!/[\p{L}\p{N}]/u.test(rest) || (rest.match(/[\p{L}\p{M}'’-]+|\p{N}+/gu) ?? []).length < WORTHINESS.datelineMinWords.value) return { skip: 'dateline' };
    mask.push([lead, lead + dl]);
    at = dl;
  }
  const body = p.slice(at);
  const done = (w: Worthiness): Worthiness => (mask.length && !w.skip ? { ...w, mask: [...mask, ...(w.mask ?? [])] } : w);
  if (hasQuotation(body)) return done({});
  // reported speech without quotation marks ("We believe it will last, the company said"): someone else's words
  if (ATTRIBUTION.test(body)) return done({});

  const frame = ASSERTING_START.exec(body) ?? ADVERB_START.exec(body);
  if (frame) {
    const rest = body.slice(frame[0].length);
    const fact = hasCheckableFact(rest, true) && !(SPECULATIVE.test(rest) && !/\d/.test(rest));
    const words = (rest.match(/[\p{L}\p{M}'’-]+|\p{N}+/gu) ?? []).length;
    const shown = frame[0]
      .trim()
      .replace(/[,\s]+$/, '')
      .replace(/\s+that$/i, '');
    if (!fact && (evaluativeWord(rest) || SPECULATIVE.test(rest) || words < WORTHINESS.opinionMinWords.value)) return done({ skip: `opinion ("${shown}")` });
    // the frame is the writer's; the fact inside it is checked on its own
    if (words >= WORTHINESS.frameMaskMinWords.value) mask.push([lead + at, lead + at + frame[0].length]);
    return done({});
  }
  const doubt = NON_ASSERTING_START.exec(body);
  if (doubt) {
    const rest = body.slice(doubt[0].length);
    // a wish asserts nothing, whatever it names ("I would love to see Leeds promoted")
    if (WISH.test(doubt[0]) || !hasCheckableFact(rest, true) || (SPECULATIVE.test(rest) && !/\d/.test(rest)))
      return done({ skip: `opinion ("${doubt[0].trim()}")` });
    return done({});
  }
  const mid = MID_FRAME.exec(body);
  if (mid) {
    const without = body.slice(0, mid.index) + ' ' + body.slice(mid.index + mid[0].length);
    const shown = mid[0].replace(/^,\s*/, '').replace(/[,.!\s]+$/, '');
    if (!hasCheckableFact(without) && (evaluativeWord(without) || SPECULATIVE.test(without))) return done({ skip: `opinion ("${shown}")` });
    // "The council, in my view, spent £3m": the parenthesis is masked, commas and all
    mask.push([lead + at + mid.index, lead + at + mid.index + mid[0].length]);
    return done({});
  }
  if (!hasCheckableFact(body)) {
    const r = RHETORICAL.exec(body);
    if (r) return done({ skip: `rhetorical ("${r[0].trim()}")` });
    if (/!["'”’)\]]*$/.test(body) && body.split(/\s+/).length <= WORTHINESS.exclamationMaxWords.value) return done({ skip: 'rhetorical (an exclamation)' });
    const e = EVALUATION.exec(body);
    const w = e && (EVALUATIVE.has(e[1].toLowerCase()) ? e[1].toLowerCase() : evaluativeWord(body.slice(0, e.index + e[0].length)));
    if (e && w && body.split(/\s+/).length <= WORTHINESS.evaluationMaxWords.value) return done({ skip: `evaluation with no checkable fact ("${w}")` });
  }
  return done({});
}
