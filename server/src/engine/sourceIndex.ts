/**
 * The index: every sentence of every source, with a BM25 inverted index over content
 * lemmas. Files can be added, replaced and removed one at a time (incremental); each
 * change bumps `generation`, which keys cached verdicts.
 */
import { LineIndex } from './positions';
import { splitSentences } from './segment';
import { contentKeyOf } from './text';
import { TokenTermTable } from './tokenTerms';
import type { SourceSentence } from './types';

export interface IndexedFile {
  path: string;
  text: string;
  sentenceIds: number[];
  size?: number;
  mtimeMs?: number;
  /** set when the file was only partly usable (kept so a warm start can report it again) */
  warning?: string;
}

/**
 * Everything an index holds, as compact arrays (ids renumbered densely, in file order).
 * What persist.ts writes to disk; SourceIndex.fromSnapshot validates it before use.
 */
export interface IndexSnapshot {
  files: { path: string; text: string; size?: number; mtimeMs?: number; warning?: string; sentences: number }[];
  /** per sentence, file by file in order */
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  chars: Int32Array;
  /** term id -> key */
  terms: string[];
  /** per term: how many (sentence, tf) pairs it has in `postings` */
  postingCounts: Int32Array;
  /** flat [sentenceId, tf, ...], term by term, ascending sentence ids within a term */
  postings: Int32Array;
}

export interface Hit {
  sentence: SourceSentence;
  score: number;
}

const K1 = 1.2;
const B = 0.75;

export class SourceIndex {
  private sentences: (SourceSentence | undefined)[] = [];
  private lengths: number[] = [];
  private termIds = new Map<string, number>();
  /** per term: flat [sentenceId, tf, sentenceId, tf, ...] */
  private postings: number[][] = [];
  private df: number[] = [];
  private files = new Map<string, IndexedFile>();
  private live = 0;
  private dead = 0;
  private totalLength = 0;
  private scratch = new Float64Array(0);
  /** raw token -> term id (or -1: not indexed), without a string per token */
  private tokenTable = new TokenTermTable((token) => {
    const key = contentKeyOf(token);
    return key === null ? -1 : this.termId(key);
  });
  private tidBuf: Int32Array = new Int32Array(256);
  /** term id -> key */
  private terms: string[] = [];
  generation = 0;

  get fileCount(): number {
    return this.files.size;
  }

  get sentenceCount(): number {
    return this.live;
  }

  get vocabularySize(): number {
    return this.termIds.size;
  }

  filePaths(): string[] {
    return [...this.files.keys()];
  }

  file(path: string): IndexedFile | undefined {
    return this.files.get(path);
  }

  sentence(id: number): SourceSentence | undefined {
    return this.sentences[id];
  }

  /** Sentence `delta` positions away in the same file (neighbours for two-sentence evidence). */
  neighbour(s: SourceSentence, delta: number): SourceSentence | undefined {
    const f = this.files.get(s.source);
    if (!f) return undefined;
    const id = f.sentenceIds[s.ordinal + delta];
    return id === undefined ? undefined : this.sentences[id];
  }

  /** Adds (or replaces) one source file. */
  addFile(path: string, text: string, meta: { size?: number; mtimeMs?: number; warning?: string } = {}): IndexedFile {
    if (this.files.has(path)) this.removeFile(path);
    const lineStarts = new LineIndex(text).lineStarts;
    let line = 0;
    const spans = splitSentences(text);
    const ids: number[] = [];
    const file: IndexedFile = { path, text, sentenceIds: ids, ...meta };
    for (let i = 0; i < spans.length; i++) {
      const sp = spans[i];
      const sentText = text.slice(sp.start, sp.end);
      // spans come in order: the line of each start is found by walking forward
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= sp.start) line++;
      const id = this.sentences.length;
      const sentence: SourceSentence = { id, source: path, start: sp.start, end: sp.end, line, character: sp.start - lineStarts[line], text: sentText, ordinal: i };
      this.sentences.push(sentence);
      ids.push(id);
      const n = this.termsOf(text, sp.start, sp.end);
      this.lengths.push(n);
      this.totalLength += n;
      this.live++;
      if (n === 0) continue;
      const buf = this.tidBuf.subarray(0, n).sort();
      const postings = this.postings;
      const df = this.df;
      for (let k = 0; k < n; ) {
        const tid = buf[k];
        let j = k + 1;
        while (j < n && buf[j] === tid) j++;
        postings[tid].push(id, j - k);
        df[tid]++;
        k = j;
      }
    }
    this.files.set(path, file);
    this.generation++;
    return file;
  }

  /**
   * Term ids of the content keys of `text` (as contentKeys computes them), into tidBuf;
   * returns how many. New terms are created on the way.
   */
  private termsOf(text: string, from = 0, to = text.length): number {
    const r = this.tokenTable.scan(text, this.tidBuf, from, to);
    this.tidBuf = r.buf;
    return r.n;
  }

  /** The index keys of a text as the index computes them (equal to contentKeys). */
  keysOf(text: string): string[] {
    const n = this.termsOf(text);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.terms[this.tidBuf[i]]);
    return out;
  }

  private termId(key: string): number {
    let tid = this.termIds.get(key);
    if (tid === undefined) {
      tid = this.postings.length;
      this.termIds.set(key, tid);
      this.terms.push(key);
      this.postings.push([]);
      this.df.push(0);
    }
    return tid;
  }

  removeFile(path: string): boolean {
    const f = this.files.get(path);
    if (!f) return false;
    for (const id of f.sentenceIds) {
      const s = this.sentences[id];
      if (!s) continue;
      this.sentences[id] = undefined;
      this.totalLength -= this.lengths[id];
      this.live--;
      this.dead++;
      // document frequencies of its terms
      const n = this.termsOf(s.text);
      const buf = this.tidBuf.subarray(0, n).sort();
      for (let k = 0; k < n; k++) if (k === 0 || buf[k] !== buf[k - 1]) this.df[buf[k]]--;
    }
    this.files.delete(path);
    this.generation++;
    if (this.dead > 50_000 && this.dead > this.live) this.compact();
    return true;
  }

  /** Drops postings of removed sentences. */
  private compact() {
    for (let t = 0; t < this.postings.length; t++) {
      const p = this.postings[t];
      const q: number[] = [];
      for (let i = 0; i < p.length; i += 2) if (this.sentences[p[i]]) q.push(p[i], p[i + 1]);
      this.postings[t] = q;
    }
    this.dead = 0;
  }

  /** Inverse document frequency of a lemma (BM25's, floored at a small positive value). */
  idf(key: string): number {
    const tid = this.termIds.get(key);
    const n = Math.max(1, this.live);
    const df = tid === undefined ? 0 : Math.max(0, this.df[tid]);
    return Math.max(0.05, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }

  documentFrequency(key: string): number {
    const tid = this.termIds.get(key);
    return tid === undefined ? 0 : this.df[tid];
  }

  /**
   * BM25 top-k sentences for the query keys (lemmas), optionally only from `onlySources`.
   */
  search(keys: string[], k = 10, onlySources?: Set<string>): Hit[] {
    const n = this.sentences.length;
    if (this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, this.scratch.length * 2));
    const acc = this.scratch;
    const touched: number[] = [];
    const avg = this.live > 0 ? this.totalLength / this.live : 1;
    const uniq = [...new Set(keys)];
    for (const key of uniq) {
      const tid = this.termIds.get(key);
      if (tid === undefined) continue;
      const idf = this.idf(key);
      const p = this.postings[tid];
      for (let i = 0; i < p.length; i += 2) {
        const id = p[i];
        const s = this.sentences[id];
        if (!s) continue;
        if (onlySources && !onlySources.has(s.source)) continue;
        const tf = p[i + 1];
        const len = this.lengths[id];
        const w = (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avg));
        if (acc[id] === 0) touched.push(id);
        acc[id] += w;
      }
    }
    // partial selection of the top k
    const top: Hit[] = [];
    let minScore = -Infinity;
    for (const id of touched) {
      const sc = acc[id];
      acc[id] = 0;
      if (top.length < k || sc > minScore) {
        top.push({ sentence: this.sentences[id]!, score: sc });
        if (top.length > k * 4) {
          top.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
          top.length = k;
          minScore = top[k - 1].score;
        }
      }
    }
    top.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
    if (top.length > k) top.length = k;
    return top;
  }

  /** Sentences of the given files (for a claim checked against named sources only). */
  sentencesOf(path: string): SourceSentence[] {
    const f = this.files.get(path);
    if (!f) return [];
    return f.sentenceIds.map((id) => this.sentences[id]!).filter(Boolean);
  }

  /** The index as compact arrays (removed sentences left out, ids renumbered). */
  toSnapshot(): IndexSnapshot {
    const newId = new Int32Array(this.sentences.length).fill(-1);
    const files: IndexSnapshot['files'] = [];
    let n = 0;
    for (const f of this.files.values()) {
      for (const id of f.sentenceIds) newId[id] = n++;
      files.push({ path: f.path, text: f.text, size: f.size, mtimeMs: f.mtimeMs, warning: f.warning, sentences: f.sentenceIds.length });
    }
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const lines = new Int32Array(n);
    const chars = new Int32Array(n);
    for (const f of this.files.values()) {
      for (const id of f.sentenceIds) {
        const s = this.sentences[id]!;
        const k = newId[id];
        starts[k] = s.start;
        ends[k] = s.end;
        lines[k] = s.line;
        chars[k] = s.character;
      }
    }
    // ids are assigned in file insertion order, so the renumbering keeps posting lists ascending
    let total = 0;
    for (const p of this.postings) total += p.length;
    const postings = new Int32Array(total);
    const postingCounts = new Int32Array(this.postings.length);
    let o = 0;
    for (let t = 0; t < this.postings.length; t++) {
      const p = this.postings[t];
      const before = o;
      for (let i = 0; i < p.length; i += 2) {
        const k = newId[p[i]];
        if (k < 0) continue;
        postings[o++] = k;
        postings[o++] = p[i + 1];
      }
      postingCounts[t] = (o - before) / 2;
    }
    return { files, starts, ends, lines, chars, terms: [...this.terms], postingCounts, postings: postings.subarray(0, o) };
  }

  /** An index from a snapshot; throws if the snapshot is inconsistent in any way. */
  static fromSnapshot(snap: IndexSnapshot): SourceIndex {
    const fail = (why: string): never => {
      throw new Error(`invalid index snapshot: ${why}`);
    };
    const n = snap.starts.length;
    if (snap.ends.length !== n || snap.lines.length !== n || snap.chars.length !== n) fail('sentence arrays differ in length');
    if (snap.postingCounts.length !== snap.terms.length) fail('term arrays differ in length');
    const idx = new SourceIndex();
    let id = 0;
    for (const f of snap.files) {
      if (typeof f.path !== 'string' || typeof f.text !== 'string' || !(f.sentences >= 0) || idx.files.has(f.path)) fail('bad file entry');
      const ids: number[] = [];
      const file: IndexedFile = { path: f.path, text: f.text, sentenceIds: ids, size: f.size, mtimeMs: f.mtimeMs };
      if (f.warning) file.warning = f.warning;
      let prevEnd = 0;
      for (let i = 0; i < f.sentences; i++, id++) {
        if (id >= n) fail('more sentences than stored');
        const start = snap.starts[id];
        const end = snap.ends[id];
        if (!(start >= prevEnd && end > start && end <= f.text.length) || snap.lines[id] < 0 || snap.chars[id] < 0) fail(`bad sentence span in ${f.path}`);
        prevEnd = end;
        idx.sentences.push({ id, source: f.path, start, end, line: snap.lines[id], character: snap.chars[id], text: f.text.slice(start, end), ordinal: i });
        idx.lengths.push(0);
        ids.push(id);
      }
      idx.files.set(f.path, file);
    }
    if (id !== n) fail('fewer sentences than stored');
    let o = 0;
    const P = snap.postings;
    for (let t = 0; t < snap.terms.length; t++) {
      const key = snap.terms[t];
      if (typeof key !== 'string' || key === '' || idx.termIds.has(key)) fail('bad term');
      const count = snap.postingCounts[t];
      if (!(count >= 0) || o + count * 2 > P.length) fail('postings out of bounds');
      const list: number[] = new Array(count * 2);
      let prev = -1;
      for (let i = 0; i < count * 2; i += 2) {
        const sid = P[o + i];
        const tf = P[o + i + 1];
        if (!(sid > prev && sid < n && tf > 0)) fail('bad posting');
        prev = sid;
        list[i] = sid;
        list[i + 1] = tf;
        idx.lengths[sid] += tf;
      }
      o += count * 2;
      idx.termIds.set(key, t);
      idx.terms.push(key);
      idx.postings.push(list);
      idx.df.push(count);
    }
    if (o !== P.length) fail('postings left over');
    idx.live = n;
    for (let i = 0; i < n; i++) idx.totalLength += idx.lengths[i];
    idx.generation = 1;
    return idx;
  }
}
