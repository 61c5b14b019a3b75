/**
 * The indexing fast path: text -> term ids without allocating a string per token.
 *
 * Tokens are found exactly as TOKEN_RE (text.ts) finds them: ASCII text is scanned by hand,
 * and at any non-ASCII character that could belong to a token the scan hands the token over
 * to the regular expression itself. Each distinct token is looked up once in an
 * open-addressing table keyed by its characters (hash computed while scanning), whose value
 * is the token's term id, or -1 for tokens that are not indexed (stop words, punctuation).
 */
import { TOKEN_RE } from './text';

export class TokenTermTable {
  private slots: (string | undefined)[];
  private hashes: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;
  private re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);

  constructor(
    /** term id of a token (created if new), or -1 if the token is not indexed */
    private readonly resolve: (token: string) => number,
    private readonly maxEntries = 2_000_000,
  ) {
    this.mask = 0;
    this.slots = [];
    this.hashes = new Int32Array(0);
    this.vals = new Int32Array(0);
    this.reset(1 << 16);
  }

  private reset(capacity: number) {
    this.slots = new Array(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.vals = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  /** Term id of s[a, b) (hash precomputed over the same characters). */
  private lookup(s: string, a: number, b: number, h: number): number {
    const len = b - a;
    const mask = this.mask;
    const hashes = this.hashes;
    const slots = this.slots;
    let i = h & mask;
    for (;;) {
      const k = slots[i];
      if (k === undefined) break;
      if (hashes[i] === h && k.length === len) {
        let x = 0;
        while (x < len && k.charCodeAt(x) === s.charCodeAt(a + x)) x++;
        if (x === len) return this.vals[i];
      }
      i = (i + 1) & mask;
    }
    // new token
    const token = s.slice(a, b);
    const v = this.resolve(token);
    if (this.count >= this.maxEntries) this.reset(this.slots.length);
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.insert(token, h, v);
    return v;
  }

  private insert(token: string, h: number, v: number) {
    let i = h & this.mask;
    while (this.slots[i] !== undefined) i = (i + 1) & this.mask;
    this.slots[i] = token;
    this.hashes[i] = h;
    this.vals[i] = v;
    this.count++;
  }

  private grow() {
    const old = this.slots;
    const oh = this.hashes;
    const ov = this.vals;
    this.reset(old.length * 2);
    for (let i = 0; i < old.length; i++) {
      const k = old[i];
      if (k !== undefined) this.insert(k, oh[i], ov[i]);
    }
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
      let j = -1; // end of an ASCII-scanned token; -1: none; -2: hand over to the regex
      if (c >= 128) j = -2;
      else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        // word: letter [letters digits]* ('letters+)*
        j = i + 1;
        let apos = false;
        for (;;) {
          const d = j < len ? s.charCodeAt(j) : -1;
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) j++;
          else if (d >= 48 && d <= 57) {
            if (apos) break;
            j++;
          } else if (d === 39) {
            const e = j + 1 < len ? s.charCodeAt(j + 1) : -1;
            if ((e >= 97 && e <= 122) || (e >= 65 && e <= 90)) {
              j += 2;
              apos = true;
            } else if (e >= 128) {
              j = -2;
              break;
            } else break;
          } else if (d >= 128) {
            j = -2;
            break;
          } else break; // includes NaN at the end
        }
      } else if (c >= 48 && c <= 57) {
        // number: digits ([.,:] digits)*
        j = i + 1;
        for (;;) {
          const d = j < len ? s.charCodeAt(j) : -1;
          if (d >= 48 && d <= 57) j++;
          else if (d === 46 || d === 44 || d === 58) {
            const e = j + 1 < len ? s.charCodeAt(j + 1) : -1;
            if (e >= 48 && e <= 57) j += 2;
            else if (e >= 128) {
              j = -2;
              break;
            } else break;
          } else if (d >= 128) {
            j = -2;
            break;
          } else break;
        }
      } else {
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
