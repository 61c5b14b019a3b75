/**
 * The index: every sentence of every source, with a BM25 inverted index over content
 * lemmas. Files can be added, replaced and removed one at a time (incremental); each
 * change bumps `generation`, which keys cached verdicts.
 */
import { FolderTree } from './folderTree';
import { LineIndex } from './positions';
import { splitSentences } from './segment';
import { contentKeyOf } from './text';
import { TokenTermTable } from './tokenTerms';
import { originRange } from './origin';
import type { LineRange, SourceOrigin, SourcePlace, SourceSentence } from './types';

/** addFileSteps yields after this many sentences of one file. */
export const ADD_SLICE_SENTENCES = 4096;

export interface IndexedFile {
  path: string;
  text: string;
  sentenceIds: number[];
  size?: number;
  mtimeMs?: number;
  /** set when the file was only partly usable (kept so a warm start can report it again) */
  warning?: string;
  /** an extracted source's places (pages, headings, cue times), ascending by offset */
  places?: SourcePlace[];
  /** where an extracted source's text stands in its original file (HTML), see SourceOrigin */
  origin?: SourceOrigin;
}

/** What addFile keeps about a file besides its text. */
export interface FileMeta {
  size?: number;
  mtimeMs?: number;
  warning?: string;
  places?: SourcePlace[];
  origin?: SourceOrigin;
}

/**
 * Everything an index holds, as compact arrays (ids renumbered densely, in file order).
 * What persist.ts writes to disk; SourceIndex.fromSnapshot validates it before use.
 */
export interface IndexSnapshot {
  files: { path: string; text: string; size?: number; mtimeMs?: number; warning?: string; places?: SourcePlace[]; origin?: SourceOrigin; sentences: number }[];
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
const EMPTY = new Int32Array(0);
const B = 0.75;

export class SourceIndex {
  /**
   * Per sentence id: its file (undefined once removed), and its span, line, character and
   * ordinal in typed arrays; the SourceSentence objects are made when asked for (most never are).
   */
  private sentFile: (IndexedFile | undefined)[] = [];
  private sentCount = 0;
  private sStart = new Int32Array(1024);
  private sEnd = new Int32Array(1024);
  private sLine = new Int32Array(1024);
  private sChar = new Int32Array(1024);
  private sOrd = new Int32Array(1024);
  private sentObjs: (SourceSentence | undefined)[] = [];
  private lengths: number[] = [];
  private termIds = new Map<string, number>();
  /**
   * per term: flat [sentenceId, tf, sentenceId, tf, ...] in postings[t][0, postingLen[t]) (the
   * rest is room to grow; a warm start's lists are views into the cache's one array)
   */
  private postings: Int32Array[] = [];
  private postingLen: number[] = [];
  private df: number[] = [];
  /** per term: the largest tf it ever had in one sentence (bounds its BM25 contribution) */
  private maxTf: number[] = [];
  /**
   * Postings added since the last flush, as [termId, sentenceId, tf] triples: appending to
   * one flat buffer is much cheaper than growing tens of thousands of small arrays while a
   * corpus is read. Flushed (one counting pass) before anything reads the postings.
   */
  private pending = new Int32Array(3 * 4096);
  private pendingLen = 0;
  /** per term: where in `pending` its latest triple was written (see addFile) */
  private pendingAt = new Int32Array(1024);
  private files = new Map<string, IndexedFile>();
  /** the files' folders: the files below a deleted folder are found without a scan of every file */
  private folders = new FolderTree();
  private live = 0;
  private dead = 0;
  private totalLength = 0;
  private scratch = new Float64Array(0);
  private touchedBuf = new Int32Array(0);
  private candBuf = new Int32Array(0);
  private norms = new Float64Array(0);
  private normGeneration = -1;
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
    const file = this.sentFile[id];
    if (file === undefined) return undefined;
    let s = this.sentObjs[id];
    if (s === undefined) {
      s = new LazySentence(id, file, this.sStart[id], this.sEnd[id], this.sLine[id], this.sChar[id], this.sOrd[id]);
      this.sentObjs[id] = s;
    }
    return s;
  }

  /** Room for sentence ids up to n - 1 in the per-sentence arrays. */
  private reserveSentences(n: number): void {
    if (n <= this.sStart.length) return;
    const cap = Math.max(n, this.sStart.length * 2);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.sentCount));
      return b;
    };
    this.sStart = grow(this.sStart);
    this.sEnd = grow(this.sEnd);
    this.sLine = grow(this.sLine);
    this.sChar = grow(this.sChar);
    this.sOrd = grow(this.sOrd);
  }

  /** Sentence `delta` positions away in the same file (neighbours for two-sentence evidence). */
  neighbour(s: SourceSentence, delta: number): SourceSentence | undefined {
    const f = this.files.get(s.source);
    if (!f) return undefined;
    const id = f.sentenceIds[s.ordinal + delta];
    return id === undefined ? undefined : this.sentence(id);
  }

  /** The place (page, heading, cue time) of an offset in an extracted source; undefined for plain text. */
  placeAt(path: string, offset: number): string | undefined {
    const places = this.files.get(path)?.places;
    if (!places?.length) return undefined;
    let lo = 0;
    let hi = places.length - 1;
    if (places[0].offset > offset) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (places[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return places[lo].label;
  }

  /** The range in the original file of [start, end) of an extracted source's text, where it maps back (HTML). */
  originalRange(path: string, start: number, end: number): LineRange | undefined {
    return originRange(this.files.get(path)?.origin, start, end);
  }

  /** Adds (or replaces) one source file. */
  addFile(path: string, text: string, meta: FileMeta = {}): IndexedFile {
    const steps = this.addFileSteps(path, text, meta);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * addFile in steps: it yields after every ADD_SLICE_SENTENCES sentences, so a loader can give the
   * event loop a turn in the middle of one huge source. The index must not be used by anything else
   * until the steps are done (the file counts only then); a load builds a fresh index, so it is not.
   */
  *addFileSteps(path: string, text: string, meta: FileMeta = {}): Generator<void, IndexedFile> {
    if (this.files.has(path)) this.removeFile(path);
    const lineStarts = new LineIndex(text).lineStarts;
    let line = 0;
    const spans = splitSentences(text);
    const ids: number[] = [];
    const file: IndexedFile = { path, text, sentenceIds: ids, ...meta };
    this.reserveSentences(this.sentCount + spans.length);
    for (let i = 0; i < spans.length; i++) {
      if (i > 0 && i % ADD_SLICE_SENTENCES === 0) yield;
      const sp = spans[i];
      // spans come in order: the line of each start is found by walking forward
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= sp.start) line++;
      const id = this.sentCount++;
      this.sentFile.push(file);
      this.sentObjs.push(undefined);
      this.sStart[id] = sp.start;
      this.sEnd[id] = sp.end;
      this.sLine[id] = line;
      this.sChar[id] = sp.start - lineStarts[line];
      this.sOrd[id] = i;
      ids.push(id);
      const n = this.termsOf(text, sp.start, sp.end);
      this.lengths.push(n);
      this.totalLength += n;
      this.live++;
      if (n === 0) continue;
      const buf = this.tidBuf;
      const df = this.df;
      const maxTf = this.maxTf;
      if (this.pendingLen + 3 * n > this.pending.length) {
        const bigger = new Int32Array(Math.max(this.pending.length * 2, this.pendingLen + 3 * n));
        bigger.set(this.pending.subarray(0, this.pendingLen));
        this.pending = bigger;
      }
      const pend = this.pending;
      if (this.pendingAt.length < this.postings.length) {
        const bigger = new Int32Array(Math.max(this.pendingAt.length * 2, this.postings.length));
        bigger.set(this.pendingAt);
        this.pendingAt = bigger;
      }
      const at = this.pendingAt;
      const pl0 = this.pendingLen;
      let pl = pl0;
      // one (term, sentence, tf) triple per distinct term, in order of first occurrence: a term's
      // triple of this sentence is the one at[tid] points to, if that lies in this sentence's part
      for (let k = 0; k < n; k++) {
        const tid = buf[k];
        const a = at[tid];
        if (a >= pl0 && a < pl && pend[a] === tid) pend[a + 2]++;
        else {
          at[tid] = pl;
          pend[pl++] = tid;
          pend[pl++] = id;
          pend[pl++] = 1;
          df[tid]++;
        }
      }
      for (let q = pl0; q < pl; q += 3) {
        const tid = pend[q];
        if (pend[q + 2] > maxTf[tid]) maxTf[tid] = pend[q + 2];
      }
      this.pendingLen = pl;
    }
    this.files.set(path, file);
    this.folders.add(path);
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
      this.postings.push(EMPTY);
      this.postingLen.push(0);
      this.df.push(0);
      this.maxTf.push(0);
    }
    return tid;
  }

  /**
   * Moves pending postings into the per-term lists (ids stay ascending: new ids are the
   * largest). Searching flushes by itself; loaders call it so that a load's time includes it.
   */
  flush(): void {
    const L = this.pendingLen;
    if (L === 0) return;
    const P = this.pending;
    const postings = this.postings;
    const plen = this.postingLen;
    const T = postings.length;
    const counts = new Int32Array(T);
    for (let i = 0; i < L; i += 3) counts[P[i]]++;
    const big = L >= 3 * 20_000;
    for (let t = 0; t < T; t++) {
      const c = counts[t];
      if (c === 0) continue;
      const old = postings[t];
      const used = plen[t];
      const need = used + 2 * c;
      if (need <= old.length) continue;
      // a load's flush sizes each list exactly; small (incremental) ones leave room to grow
      const a = new Int32Array(big ? need : Math.max(need, 2 * old.length, 8));
      a.set(old.subarray(0, used));
      postings[t] = a;
    }
    for (let i = 0; i < L; i += 3) {
      const t = P[i];
      const o = plen[t];
      const a = postings[t];
      a[o] = P[i + 1];
      a[o + 1] = P[i + 2];
      plen[t] = o + 2;
    }
    this.pendingLen = 0;
    if (P.length > 3 * 65536) this.pending = new Int32Array(3 * 4096);
  }

  removeFile(path: string): boolean {
    const f = this.files.get(path);
    if (!f) return false;
    for (const id of f.sentenceIds) {
      if (this.sentFile[id] === undefined) continue;
      this.sentFile[id] = undefined;
      this.sentObjs[id] = undefined;
      this.totalLength -= this.lengths[id];
      this.live--;
      this.dead++;
      // document frequencies of its terms
      const n = this.termsOf(f.text.slice(this.sStart[id], this.sEnd[id]));
      const buf = this.tidBuf.subarray(0, n).sort();
      for (let k = 0; k < n; k++) if (k === 0 || buf[k] !== buf[k - 1]) this.df[buf[k]]--;
    }
    this.files.delete(path);
    this.folders.remove(path);
    this.generation++;
    if (this.dead > 50_000 && this.dead > this.live) this.compact();
    return true;
  }

  /**
   * Removes `p`: the file of that path, or every file below the folder of that path (a deleted
   * folder). Costs the files removed, not the size of the index. Returns how many were removed.
   */
  removePath(p: string): number {
    if (this.removeFile(p)) return 1;
    let n = 0;
    for (const f of this.folders.filesUnder(p)) if (this.removeFile(f)) n++;
    return n;
  }

  /** Drops postings of removed sentences. */
  private compact() {
    this.flush();
    for (let t = 0; t < this.postings.length; t++) {
      const p = this.postings[t];
      const m = this.postingLen[t];
      let w = 0;
      for (let i = 0; i < m; i += 2) if (this.sentFile[p[i]]) w += 2;
      // a new array: a list may be a view into a snapshot, never written to
      const q = new Int32Array(w);
      w = 0;
      for (let i = 0; i < m; i += 2) {
        if (!this.sentFile[p[i]]) continue;
        q[w++] = p[i];
        q[w++] = p[i + 1];
      }
      this.postings[t] = q;
      this.postingLen[t] = w;
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
   *
   * Exact, with pruning: terms are scored rarest first (by their largest possible
   * contribution); once the contribution the remaining terms could still add cannot lift a
   * sentence not yet seen into the top k, only the sentences already seen (and still able to
   * reach the top k) get the remaining terms, looked up by binary search instead of a scan of
   * the long posting lists. The final scores are summed in the order of the query keys, so
   * scores and ties are exactly those of a full scan.
   */
  search(keys: string[], k = 10, onlySources?: Set<string>): Hit[] {
    this.flush();
    const n = this.sentCount;
    if (k <= 0) return [];
    if (this.scratch.length < n) {
      const size = Math.max(n, this.scratch.length * 2);
      this.scratch = new Float64Array(size);
      this.touchedBuf = new Int32Array(size);
      this.candBuf = new Int32Array(size);
    }
    const acc = this.scratch;
    const touched = this.touchedBuf;
    const norm = this.lengthNorms();
    const sentFile = this.sentFile;
    // postings of removed sentences linger until compaction: check liveness only then
    const check = this.dead > 0 || onlySources !== undefined;
    const terms: { tid: number; idf: number; ub: number }[] = [];
    for (const key of new Set(keys)) {
      const tid = this.termIds.get(key);
      if (tid === undefined) continue;
      const idf = this.idf(key);
      const mt = this.maxTf[tid];
      terms.push({ tid, idf, ub: (idf * (mt * (K1 + 1))) / (mt + K1 * (1 - B)) });
    }
    const order = terms.map((_, i) => i).sort((x, y) => terms[y].ub - terms[x].ub || x - y);
    const rest = new Float64Array(order.length + 1);
    /** postings still to scan from term i on */
    const volume = new Float64Array(order.length + 1);
    for (let i = order.length - 1; i >= 0; i--) {
      rest[i] = rest[i + 1] + terms[order[i]].ub;
      volume[i] = volume[i + 1] + this.postingLen[terms[order[i]].tid] / 2;
    }

    let nt = 0;
    let i = 0;
    let cands: Int32Array | undefined;
    let nc = 0;
    // the k-th best score at the last pruning attempt, and rest[] then: the k-th best score can
    // have grown since by at most what the terms scanned in between add (an attempt that must
    // fail is not made: it would cost a pass over the sentences seen)
    let lastTheta = Infinity;
    let lastRest = 0;
    for (; i < order.length; i++) {
      // trying to prune costs a pass over the sentences seen: only when the scan saved is larger
      if (i > 0 && nt >= k && volume[i] > 2 * nt) {
        const bound = lastTheta + (lastRest - rest[i]);
        if (!(rest[i] >= bound + 1e-6 * Math.max(1, bound))) {
          const theta = kthLargest(acc, touched, nt, k);
          lastTheta = theta;
          lastRest = rest[i];
          const eps = theta - 1e-9 * Math.max(1, theta);
          if (rest[i] < eps) {
            cands = this.candBuf;
            const r = rest[i];
            for (let x = 0; x < nt; x++) {
              const id = touched[x];
              if (acc[id] + r >= eps) cands[nc++] = id;
            }
            break;
          }
        }
      }
      const { tid, idf } = terms[order[i]];
      const p = this.postings[tid];
      const m = this.postingLen[tid];
      nt = check ? scanChecked(p, m, idf, norm, acc, touched, nt, sentFile, onlySources) : scan(p, m, idf, norm, acc, touched, nt);
    }
    if (cands) {
      // the remaining (common) terms, for the candidates only
      for (; i < order.length && nc > 0; i++) {
        const { tid, idf } = terms[order[i]];
        const p = this.postings[tid];
        const pl = this.postingLen[tid];
        const m = pl >> 1;
        if (nc * (Math.log2(m + 1) + 1) * 4 < m) {
          for (let x = 0; x < nc; x++) {
            const id = cands[x];
            const tf = tfIn(p, pl, id);
            if (tf === 0) continue;
            acc[id] += (idf * (tf * (K1 + 1))) / (tf + norm[id]);
          }
        } else scanSeen(p, pl, idf, norm, acc); // many candidates: a scan is cheaper
        if (nc > k && i + 1 < order.length) {
          const theta = kthLargest(acc, cands, nc, k);
          const r = rest[i + 1];
          const eps = theta - 1e-9 * Math.max(1, theta);
          let w = 0;
          for (let x = 0; x < nc; x++) {
            const id = cands[x];
            if (acc[id] + r >= eps) cands[w++] = id;
          }
          nc = w;
        }
      }
    } else {
      cands = touched;
      nc = nt;
    }

    // the top k (and near ties) by the accumulated scores, then exact scores in key order
    const chosen: number[] = [];
    const theta = nc > k ? kthLargest(acc, cands, nc, k) : -Infinity;
    const eps = theta - 1e-9 * Math.max(1, theta);
    for (let x = 0; x < nc; x++) {
      const id = cands[x];
      if (nc <= k || acc[id] >= eps) chosen.push(id);
    }
    for (let x = 0; x < nt; x++) acc[touched[x]] = 0;
    const top: Hit[] = [];
    for (const id of chosen) {
      let sc = 0;
      const nm = norm[id];
      for (const t of terms) {
        const tf = tfIn(this.postings[t.tid], this.postingLen[t.tid], id);
        if (tf === 0) continue;
        sc += (t.idf * (tf * (K1 + 1))) / (tf + nm);
      }
      top.push({ sentence: this.sentence(id)!, score: sc });
    }
    top.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
    if (top.length > k) top.length = k;
    return top;
  }

  /**
   * Per sentence, BM25's length part of the denominator, K1 * (1 - B + B * length / average),
   * computed once per index generation (the same expression as before, so the same doubles).
   */
  private lengthNorms(): Float64Array {
    if (this.normGeneration === this.generation && this.norms.length >= this.sentCount) return this.norms;
    const n = this.sentCount;
    if (this.norms.length < n) this.norms = new Float64Array(Math.max(n, this.norms.length * 2));
    const avg = this.live > 0 ? this.totalLength / this.live : 1;
    const lengths = this.lengths;
    const norms = this.norms;
    for (let id = 0; id < n; id++) norms[id] = K1 * (1 - B + (B * lengths[id]) / avg);
    this.normGeneration = this.generation;
    return norms;
  }

  /** Sentences of the given files (for a claim checked against named sources only). */
  sentencesOf(path: string): SourceSentence[] {
    const f = this.files.get(path);
    if (!f) return [];
    return f.sentenceIds.map((id) => this.sentence(id)!).filter(Boolean);
  }

  /** The index as compact arrays (removed sentences left out, ids renumbered). */
  toSnapshot(): IndexSnapshot {
    this.flush();
    const newId = new Int32Array(this.sentCount).fill(-1);
    const files: IndexSnapshot['files'] = [];
    let n = 0;
    for (const f of this.files.values()) {
      for (const id of f.sentenceIds) newId[id] = n++;
      files.push({
        path: f.path,
        text: f.text,
        size: f.size,
        mtimeMs: f.mtimeMs,
        warning: f.warning,
        ...(f.places ? { places: f.places } : {}),
        ...(f.origin ? { origin: f.origin } : {}),
        sentences: f.sentenceIds.length,
      });
    }
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const lines = new Int32Array(n);
    const chars = new Int32Array(n);
    for (const f of this.files.values()) {
      for (const id of f.sentenceIds) {
        const k = newId[id];
        starts[k] = this.sStart[id];
        ends[k] = this.sEnd[id];
        lines[k] = this.sLine[id];
        chars[k] = this.sChar[id];
      }
    }
    // ids are assigned in file insertion order, so the renumbering keeps posting lists ascending
    let total = 0;
    for (const m of this.postingLen) total += m;
    const postings = new Int32Array(total);
    const postingCounts = new Int32Array(this.postings.length);
    let o = 0;
    for (let t = 0; t < this.postings.length; t++) {
      const p = this.postings[t];
      const m = this.postingLen[t];
      const before = o;
      for (let i = 0; i < m; i += 2) {
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
    idx.reserveSentences(n);
    idx.lengths = new Array<number>(n).fill(0);
    const sentFile: (IndexedFile | undefined)[] = new Array(n);
    let id = 0;
    for (const f of snap.files) {
      if (typeof f.path !== 'string' || typeof f.text !== 'string' || !(f.sentences >= 0) || idx.files.has(f.path)) fail('bad file entry');
      const ids: number[] = [];
      const file: IndexedFile = { path: f.path, text: f.text, sentenceIds: ids, size: f.size, mtimeMs: f.mtimeMs };
      if (f.warning) file.warning = f.warning;
      if (f.places?.length) file.places = f.places;
      if (f.origin?.length) file.origin = f.origin;
      let prevEnd = 0;
      for (let i = 0; i < f.sentences; i++, id++) {
        if (id >= n) fail('more sentences than stored');
        const start = snap.starts[id];
        const end = snap.ends[id];
        if (!(start >= prevEnd && end > start && end <= f.text.length) || snap.lines[id] < 0 || snap.chars[id] < 0) fail(`bad sentence span in ${f.path}`);
        prevEnd = end;
        sentFile[id] = file;
        idx.sOrd[id] = i;
        ids.push(id);
      }
      idx.files.set(f.path, file);
      idx.folders.add(f.path);
    }
    if (id !== n) fail('fewer sentences than stored');
    idx.sStart.set(snap.starts);
    idx.sEnd.set(snap.ends);
    idx.sLine.set(snap.lines);
    idx.sChar.set(snap.chars);
    idx.sentFile = sentFile;
    idx.sentObjs = new Array<SourceSentence | undefined>(n).fill(undefined);
    idx.sentCount = n;
    let o = 0;
    const P = snap.postings;
    for (let t = 0; t < snap.terms.length; t++) {
      const key = snap.terms[t];
      if (typeof key !== 'string' || key === '' || idx.termIds.has(key)) fail('bad term');
      const count = snap.postingCounts[t];
      if (!(count >= 0) || o + count * 2 > P.length) fail('postings out of bounds');
      let prev = -1;
      let maxTf = 0;
      const lengths = idx.lengths;
      const end = o + count * 2;
      for (let i = o; i < end; i += 2) {
        const sid = P[i];
        const tf = P[i + 1];
        if (!(sid > prev && sid < n && tf > 0)) fail('bad posting');
        prev = sid;
        if (tf > maxTf) maxTf = tf;
        lengths[sid] += tf;
      }
      // a view into the snapshot's array (copied when the list grows)
      idx.postings.push(P.subarray(o, end));
      idx.postingLen.push(count * 2);
      o = end;
      idx.termIds.set(key, t);
      idx.terms.push(key);
      idx.df.push(count);
      idx.maxTf.push(maxTf);
    }
    if (o !== P.length) fail('postings left over');
    idx.live = n;
    for (let i = 0; i < n; i++) idx.totalLength += idx.lengths[i];
    idx.generation = 1;
    return idx;
  }
}

/** tf of sentence `id` in a posting list (flat [id, tf, ...], ascending ids), 0 if absent. */
function tfIn(p: Int32Array, len: number, id: number): number {
  let lo = 0;
  let hi = (len >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = p[mid * 2];
    if (v === id) return p[mid * 2 + 1];
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The k-th largest of acc[id] over ids[0, n) (n >= k): a min-heap of size k. */
function kthLargest(acc: Float64Array, ids: Int32Array, n: number, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let x = 0; x < n; x++) {
    const v = acc[ids[x]];
    if (size < k) {
      // sift up
      let c = size++;
      heap[c] = v;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (heap[p] <= heap[c]) break;
        const t = heap[p];
        heap[p] = heap[c];
        heap[c] = t;
        c = p;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < k && heap[l] < heap[m]) m = l;
        if (r < k && heap[r] < heap[m]) m = r;
        if (m === c) break;
        const t = heap[m];
        heap[m] = heap[c];
        heap[c] = t;
        c = m;
      }
    }
  }
  return size < k ? -Infinity : heap[0];
}

/** Adds one term's BM25 contributions to acc (ids first seen are appended to touched); returns the new count. */
function scan(p: Int32Array, m: number, idf: number, norm: Float64Array, acc: Float64Array, touched: Int32Array, nt: number): number {
  const w1 = K1 + 1;
  for (let j = 0; j < m; j += 2) {
    const id = p[j];
    const tf = p[j + 1];
    const w = (idf * (tf * w1)) / (tf + norm[id]);
    const a = acc[id];
    if (a === 0) touched[nt++] = id;
    acc[id] = a + w;
  }
  return nt;
}

/** scan, skipping removed sentences and sentences outside onlySources. */
function scanChecked(
  p: Int32Array,
  m: number,
  idf: number,
  norm: Float64Array,
  acc: Float64Array,
  touched: Int32Array,
  nt: number,
  sentFile: (IndexedFile | undefined)[],
  onlySources: Set<string> | undefined,
): number {
  for (let j = 0; j < m; j += 2) {
    const id = p[j];
    const f = sentFile[id];
    if (!f) continue;
    if (onlySources && !onlySources.has(f.path)) continue;
    const tf = p[j + 1];
    const w = (idf * (tf * (K1 + 1))) / (tf + norm[id]);
    if (acc[id] === 0) touched[nt++] = id;
    acc[id] += w;
  }
  return nt;
}

/** scan for sentences already seen only (acc != 0); sentences pruned away are updated too, harmlessly. */
function scanSeen(p: Int32Array, m: number, idf: number, norm: Float64Array, acc: Float64Array): void {
  for (let j = 0; j < m; j += 2) {
    const id = p[j];
    if (acc[id] === 0) continue;
    const tf = p[j + 1];
    acc[id] += (idf * (tf * (K1 + 1))) / (tf + norm[id]);
  }
}

/**
 * A source sentence whose text is cut from its file's text when asked for: indexing creates
 * hundreds of thousands of these, and most are never quoted.
 */
class LazySentence implements SourceSentence {
  constructor(
    readonly id: number,
    private readonly file: IndexedFile,
    readonly start: number,
    readonly end: number,
    readonly line: number,
    readonly character: number,
    readonly ordinal: number,
  ) {}

  get source(): string {
    return this.file.path;
  }

  get text(): string {
    return this.file.text.slice(this.start, this.end);
  }
}
