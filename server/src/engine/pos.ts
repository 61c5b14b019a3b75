/**
 * Part-of-speech tags for a claim's tokens, from wink-nlp's English model (wink-eng-lite-web-model, MIT):
 * a pure JavaScript tagger, loaded once on first use (about 60 ms, 40 MB of heap), tagging about 2 MB of text
 * a second. Only claims are tagged (short texts, once per text): sources are never tagged at index time.
 * Tags are Universal Dependencies' (VERB, AUX, NOUN, PROPN, ADJ, ADV, NUM, ...). Pure: text in, tags out.
 */
import type { Analyzed } from './types';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

interface ModelCore {
  features: { lexeme: { list: string[]; intrinsicSize: number } };
}
let core: ModelCore | undefined;

/** The model's core tables, unpacked once (about 50 ms) for both the tagger and the lexicon. */
function modelCore(): ModelCore {
  core ??= (model as unknown as { core(): ModelCore }).core();
  return core;
}

function tagger(): Nlp {
  if (!nlp) nlp = winkNLP({ ...model, core: modelCore } as unknown as typeof model, ['pos']);
  return nlp;
}

const cache = new WeakMap<Analyzed, string[]>();

/** One tag per token of `a` ('' for a token the tagger does not cover), cached per analysed text. */
export function posTags(a: Analyzed): string[] {
  const hit = cache.get(a);
  if (hit) return hit;
  const tags = new Array<string>(a.tokens.length).fill('');
  if (a.tokens.length > 0) {
    const n = tagger();
    const doc = n.readDoc(a.text);
    const values = doc.tokens().out(n.its.value) as string[];
    const pos = doc.tokens().out(n.its.pos) as string[];
    // wink's tokens carry no offsets: find each in the text in turn (one not found is left out)
    const found: { start: number; end: number; pos: string }[] = [];
    let at = 0;
    values.forEach((v, k) => {
      const start = a.text.indexOf(v, at);
      if (start < 0) return;
      found.push({ start, end: start + v.length, pos: pos[k] });
      at = start + v.length;
    });
    // each of our tokens takes the tag of the wink token it starts in
    let w = 0;
    for (let i = 0; i < a.tokens.length && found.length; i++) {
      const t = a.tokens[i];
      while (w + 1 < found.length && found[w + 1].start <= t.start) w++;
      if (found[w].start <= t.start && t.start < found[w].end) tags[i] = found[w].pos;
    }
  }
  cache.set(a, tags);
  return tags;
}

let lexicon: Set<string> | undefined;

/**
 * Loads the tagger and the lexicon now rather than on the first check (about 60 ms together: the model is
 * unpacked once for both). A server calls this once its index is ready, as it builds the lexicon's tables, so
 * that the first draft does not pay for them.
 */
export function warmUpTagger(): void {
  tagger().readDoc('The council approved the plan.');
  isDictionaryWord('council');
}

/**
 * Whether a lower-case word is in the English model's lexicon (about 87,600 common words and their forms, no
 * proper names: "london" and "john" are not in it). Lower-cased text gives no capitals to tell a name from a
 * word: a word outside the lexicon is most likely a name or a coinage.
 */
export function isDictionaryWord(word: string): boolean {
  if (!lexicon) {
    // the first intrinsicSize entries: the tagger appends the words it meets outside the lexicon to the same list
    const lx = modelCore().features.lexeme;
    lexicon = new Set(lx.list.slice(0, lx.intrinsicSize));
  }
  return lexicon.has(word);
}
