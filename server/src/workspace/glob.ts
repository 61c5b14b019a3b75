/**
 * Globs (`**`, `*`, `?`, `{a,b}`, `[abc]`, `[!abc]`) over '/'-separated relative paths, matched in
 * linear time: a glob is compiled to a small automaton and a path is matched by stepping the set
 * of live states once per character (O(path length x glob length), never backtracking), so a
 * glob from a hostile `.corroborate.json` (`*a*a*a*a...*b`) cannot stall the server. Invalid
 * globs are reported with the reason instead of silently matching nothing. No fs, no LSP here.
 */

/** Longer globs are refused (a real one is short). */
export const MAX_GLOB_CHARS = 1000;
/** Brace alternatives of one glob, after expansion. */
export const MAX_GLOB_ALTERNATIVES = 256;

type Token =
  | { t: 'lit'; c: string }
  /** `?`: one character, not '/' */
  | { t: 'one' }
  /** `[...]`: one character of the set (or not of it), never '/' */
  | { t: 'class'; negate: boolean; items: (string | [string, string])[] }
  /** `*`: any run of characters without '/' */
  | { t: 'star' }
  /** `**` not followed by '/': anything */
  | { t: 'any' }
  /** `**` followed by '/': any number of whole folders, also none */
  | { t: 'folders' };

export interface GlobMatcher {
  glob: string;
  test(relPath: string): boolean;
}

export type CompiledGlob = { ok: true; matcher: GlobMatcher } | { ok: false; glob: string; message: string };

const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';

/** Compiles one glob; an invalid one comes back with the reason. */
export function compileGlob(glob: string, opts: { caseInsensitive?: boolean } = {}): CompiledGlob {
  const fail = (message: string): CompiledGlob => ({
    ok: false,
    glob,
    message: `invalid glob "${glob.length > 80 ? glob.slice(0, 80) + '…' : glob}": ${message}`,
  });
  if (glob.length > MAX_GLOB_CHARS) return fail(`longer than ${MAX_GLOB_CHARS} characters`);
  const fold = opts.caseInsensitive ?? caseInsensitive;
  let g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (fold) g = g.toLowerCase();
  if (g.trim() === '') return fail('empty');
  const alts = expandBraces(g);
  if (typeof alts === 'string') return fail(alts);
  const programs: Token[][] = [];
  for (const a of alts) {
    const p = tokenize(a);
    if (typeof p === 'string') return fail(p);
    programs.push(p);
  }
  return {
    ok: true,
    matcher: {
      glob,
      test: (rel: string) => {
        const s = fold ? rel.toLowerCase() : rel;
        return programs.some((p) => run(p, s));
      },
    },
  };
}

/** `a{b,c{d,e}}f` -> abf, acdf, acef; a string is the reason it is invalid. */
function expandBraces(g: string): string[] | string {
  const open = g.indexOf('{');
  if (open < 0) return g.includes('}') ? 'a "}" without its "{"' : [g];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < g.length; i++) {
    const c = g[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return 'a "{" without its "}"';
  if (g.slice(0, open).includes('}')) return 'a "}" without its "{"';
  const parts: string[] = [];
  let from = open + 1;
  for (const c of [...commas, close]) {
    parts.push(g.slice(from, c));
    from = c + 1;
  }
  const head = g.slice(0, open);
  const tails = expandBraces(g.slice(close + 1));
  if (typeof tails === 'string') return tails;
  const out: string[] = [];
  for (const part of parts) {
    const inner = expandBraces(part);
    if (typeof inner === 'string') return inner;
    for (const i of inner) {
      for (const t of tails) {
        out.push(head + i + t);
        if (out.length > MAX_GLOB_ALTERNATIVES) return `more than ${MAX_GLOB_ALTERNATIVES} alternatives`;
      }
    }
  }
  return out;
}

function tokenize(g: string): Token[] | string {
  const out: Token[] = [];
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      let j = i;
      while (g[j + 1] === '*') j++;
      if (j > i) {
        // `**/` any folders; a `**` elsewhere anything
        if (g[j + 1] === '/') {
          out.push({ t: 'folders' });
          i = j + 1;
        } else {
          out.push({ t: 'any' });
          i = j;
        }
      } else if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
    } else if (c === '?') out.push({ t: 'one' });
    else if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (g[j] === '!' || g[j] === '^') {
        negate = true;
        j++;
      }
      const items: (string | [string, string])[] = [];
      let closed = false;
      for (let first = true; j < g.length; j++, first = false) {
        if (g[j] === ']' && !first) {
          closed = true;
          break;
        }
        if (g[j + 1] === '-' && j + 2 < g.length && g[j + 2] !== ']') {
          if (g[j] > g[j + 2]) return `the range "${g[j]}-${g[j + 2]}" is backwards`;
          items.push([g[j], g[j + 2]]);
          j += 2;
        } else items.push(g[j]);
      }
      if (!closed) return 'a "[" without its "]"';
      out.push({ t: 'class', negate, items });
      i = j;
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function classHas(tok: Extract<Token, { t: 'class' }>, c: string): boolean {
  if (c === '/') return false;
  let hit = false;
  for (const it of tok.items) {
    if (typeof it === 'string' ? it === c : c >= it[0] && c <= it[1]) {
      hit = true;
      break;
    }
  }
  return hit !== tok.negate;
}

/**
 * Steps the set of live states over `s`. State i (0..m) is "before token i"; state m + 1 + i is
 * "inside a folder name" of a `**\/` token i. Star-like tokens may be skipped (epsilon moves).
 */
function run(p: Token[], s: string): boolean {
  const m = p.length;
  const size = 2 * m + 1;
  let cur = new Uint8Array(size);
  let next = new Uint8Array(size);
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) if (set[i] && (p[i].t === 'star' || p[i].t === 'any' || p[i].t === 'folders')) set[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    next.fill(0);
    let live = false;
    for (let i = 0; i < m; i++) {
      if (cur[i]) {
        const tok = p[i];
        switch (tok.t) {
          case 'lit':
            if (tok.c === c) next[i + 1] = 1;
            break;
          case 'one':
            if (c !== '/') next[i + 1] = 1;
            break;
          case 'class':
            if (classHas(tok, c)) next[i + 1] = 1;
            break;
          case 'star':
            if (c !== '/') next[i] = 1;
            break;
          case 'any':
            next[i] = 1;
            break;
          case 'folders':
            if (c === '/') next[i] = 1;
            else next[m + 1 + i] = 1;
            break;
        }
      }
      // inside a folder name of `**/`: more of the name, or its '/' back to the token
      if (cur[m + 1 + i]) {
        if (c === '/') next[i] = 1;
        else next[m + 1 + i] = 1;
      }
    }
    close(next);
    for (let i = 0; i < size; i++) if (next[i]) live = true;
    if (!live) return false;
    const t = cur;
    cur = next;
    next = t;
  }
  return cur[m] === 1;
}

/** Compiles every glob: the matchers of the valid ones, and the reasons the others are invalid. */
export function compileGlobs(globs: string[]): { matchers: GlobMatcher[]; invalid: { glob: string; message: string }[] } {
  const matchers: GlobMatcher[] = [];
  const invalid: { glob: string; message: string }[] = [];
  for (const g of globs) {
    const c = compileGlob(g);
    if (c.ok) matchers.push(c.matcher);
    else invalid.push({ glob: c.glob, message: c.message });
  }
  return { matchers, invalid };
}
