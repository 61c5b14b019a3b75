/**
 * The indexing fast path: text -> term ids without allocating a string per token.
 *
 * Tokens are found exactly as TOKEN_RE (text.ts) finds them: ASCII text is scanned by hand
 * (text.ts's asciiTokenEnd, which tokenize uses too), and at any non-ASCII character that could
 * belong to a token the scan hands the token over to the regular expression itself. Each distinct
 * token is looked up once in an open-addressing table keyed by its characters, whose value
 * is the token's term id, or -1 for tokens that are not indexed (stop words, punctuation).
 */
import { asciiTokenEnd, TOKEN_RE } from './text';

export class TokenTermTable {
  /**
   * Four Int32 per slot: hash, length (0: empty; tokens are never empty), offset of the
   * characters in `pool`, value. One slot fits in a cache line with its key's length and
   * hash, and the characters of all keys sit together in one array: a lookup touches two
   * places in memory, not four (a slots array, a hashes array, a string, a values array).
   */
  private tab: Int32Array;
  private pool: Uint16Array;
  private poolLen = 0;
  private mask: number;
  private count = 0;
  private re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);

  constructor(
    /** term id of a token (created if new), or -1 if the token is not indexed */
    private readonly resolve: (token: string) => number,
    private readonly maxEntries = 2_000_000,
  ) {
    this.mask = 0;
    this.tab = new Int32Array(0);
    this.pool = new Uint16Array(0);
    this.reset(1 << 16);
  }

  private reset(capacity: number) {
    this.tab = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    this.count = 0;
    this.pool = new Uint16Array(1 << 18);
    this.poolLen = 0;
  }

  get size(): number {
    return this.count;
  }

  /** Term id of s[a, b) (hash precomputed over the same characters). */
  private lookup(s: string, a: number, b: number, h: number): number {
    const len = b - a;
    const tab = this.tab;
    const pool = this.pool;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const o = i << 2;
      const l = tab[o + 1];
      if (l === 0) break;
      if (l === len && tab[o] === h) {
        const off = tab[o + 2];
        let x = 0;
        while (x < len && pool[off + x] === s.charCodeAt(a + x)) x++;
        if (x === len) return tab[o + 3];
      }
      i = (i + 1) & mask;
    }
    // new token
    const v = this.resolve(s.slice(a, b));
    if (this.count >= this.maxEntries) this.reset((this.mask + 1) | 0);
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    if (this.poolLen + len > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      bigger.set(this.pool.subarray(0, this.poolLen));
      this.pool = bigger;
    }
    const off = this.poolLen;
    for (let x = 0; x < len; x++) this.pool[off + x] = s.charCodeAt(a + x);
    this.poolLen += len;
    this.insert(h, len, off, v);
    return v;
  }

  private insert(h: number, len: number, off: number, v: number) {
    const tab = this.tab;
    const mask = this.mask;
    let i = h & mask;
    while (tab[(i << 2) + 1] !== 0) i = (i + 1) & mask;
    const o = i << 2;
    tab[o] = h;
    tab[o + 1] = len;
    tab[o + 2] = off;
    tab[o + 3] = v;
    this.count++;
  }

  private grow() {
    const old = this.tab;
    const capacity = (this.mask + 1) * 2;
    this.tab = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    this.count = 0;
    for (let o = 0; o < old.length; o += 4) if (old[o + 1] !== 0) this.insert(old[o], old[o + 1], old[o + 2], old[o + 3]);
  }

  /**
   * Term ids of the indexed tokens of `s`, in order, written to `out` (grown as needed).
   * Returns the (possibly new) buffer and the count.
   */
  scan(s: string, out: Int32Array, from = 0, to = s.length): { buf: Int32Array; n: number } {
    let n = 0;
    let buf = out;
    const len = to;
    let i = from;
    while (i < len) {
      const c = s.charCodeAt(i);
      let j: number; // end of an ASCII-scanned token; -2: hand over to the regex
      if (c >= 128) j = -2;
      else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) j = asciiTokenEnd(s, i, len);
      else {
        // white space or a one-character ASCII token (never indexed)
        i++;
        continue;
      }
      let a = i;
      let b = j;
      if (j === -2) {
        const re = this.re;
        re.lastIndex = i;
        const m = re.exec(s);
        if (!m || m.index >= to) break;
        a = m.index;
        b = a + m[0].length;
        if (b > to) {
          // the token runs past the range: tokenise the range on its own, as a slice would be
          const part = s.slice(from, to);
          re.lastIndex = a - from;
          const m2 = re.exec(part);
          if (!m2) break;
          a = m2.index + from;
          b = a + m2[0].length;
        }
      }
      // FNV-1a of the token's characters
      let h = 0x811c9dc5 | 0;
      for (let x = a; x < b; x++) h = Math.imul(h ^ s.charCodeAt(x), 16777619);
      h ^= h >>> 15;
      const tid = this.lookup(s, a, b, h);
      if (tid >= 0) {
        if (n === buf.length) {
          const bigger = new Int32Array(buf.length * 2);
          bigger.set(buf);
          buf = bigger;
        }
        buf[n++] = tid;
      }
      i = b;
    }
    return { buf, n };
  }
}
