/**
 * The direction lexicon: words that report an event going one way, against words that report it going the
 * other way. Each axis is two sets of lemmas; any word of one side is the opposite of any word of the other
 * ("profits jumped" against "profits slid"; "the assembly passed the motion" against "rejected the motion").
 * WordNet's direct antonyms hold few of these pairs (rise/fall, win/lose), and its synonyms are too broad to
 * derive them. Curated by hand; each axis has a test sentence pair in test/unit/signals/antonym.test.ts.
 */
export interface DirectionAxis {
  /** what the axis is about, for messages and tests */
  name: string;
  one: string[];
  other: string[];
}

export const DIRECTION_AXES: DirectionAxis[] = [
  {
    name: 'up/down',
    one: ['rise', 'jump', 'climb', 'soar', 'gain', 'increase', 'grow', 'surge', 'rocket', 'rally', 'rebound', 'double', 'treble', 'triple', 'intensify'],
    other: ['fall', 'drop', 'slide', 'slip', 'plunge', 'lose', 'decline', 'decrease', 'shrink', 'slump', 'tumble', 'sink', 'dip', 'plummet', 'halve', 'ease'],
  },
  { name: 'approve/reject', one: ['approve', 'pass', 'accept', 'adopt', 'endorse', 'ratify'], other: ['reject', 'veto', 'refuse'] },
  { name: 'uphold/overturn', one: ['uphold', 'confirm'], other: ['overturn', 'quash', 'overrule', 'reverse'] },
  { name: 'win/lose', one: ['win', 'beat', 'defeat'], other: ['lose'] },
  { name: 'admit/deny', one: ['admit', 'acknowledge', 'confirm', 'concede'], other: ['deny', 'dispute', 'reject'] },
  { name: 'convict/acquit', one: ['convict', 'condemn'], other: ['acquit', 'clear', 'exonerate'] },
  { name: 'hire/fire', one: ['hire', 'appoint', 'recruit'], other: ['fire', 'sack', 'dismiss'] },
  { name: 'buy/sell', one: ['buy', 'acquire', 'purchase'], other: ['sell'] },
  { name: 'import/export', one: ['import'], other: ['export'] },
  { name: 'open/close', one: ['open', 'reopen'], other: ['close', 'shut'] },
  { name: 'welcome/criticise', one: ['welcome', 'praise', 'hail', 'applaud'], other: ['criticise', 'criticize', 'condemn', 'denounce', 'slam', 'oppose'] },
  { name: 'favourite/outsider', one: ['favourite', 'favorite'], other: ['outsider', 'underdog'] },
  { name: 'score/miss', one: ['score', 'convert', 'land'], other: ['miss'] },
  { name: 'wet/dry', one: ['wet', 'rainy'], other: ['dry'] },
  {
    name: 'thriving/struggling',
    one: ['thrive', 'flourish', 'prosper', 'prosperous', 'boom', 'successful', 'triumphant'],
    other: ['struggle', 'trouble', 'ail', 'beleaguer', 'embattle', 'flounder'],
  },
];

/** Every opposite pair of the lexicon, once each (the two words of a pair differ). */
export function directionPairs(): [string, string][] {
  const out: [string, string][] = [];
  for (const a of DIRECTION_AXES) for (const x of a.one) for (const y of a.other) if (x !== y) out.push([x, y]);
  return out;
}

let axisIndex: Map<string, string> | undefined;

/** The axis on which the two words are opposites, or undefined when the lexicon does not pair them. */
export function axisOf(a: string, b: string): string | undefined {
  if (!axisIndex) {
    axisIndex = new Map();
    for (const ax of DIRECTION_AXES) for (const x of ax.one) for (const y of ax.other) if (x !== y) axisIndex.set(x < y ? `${x}\t${y}` : `${y}\t${x}`, ax.name);
  }
  return axisIndex.get(a < b ? `${a}\t${b}` : `${b}\t${a}`);
}
