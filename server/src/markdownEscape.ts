/**
 * Text from sources (and drafts) shown in Markdown (the hover, the report) is escaped so it
 * renders as the same characters and never as markup: a source cannot put an image that the
 * editor would fetch (`![](https://…)`), raw HTML (`<img src=…>`), a link (`[x](command:…)`),
 * an autolink (`<https://…>`, `https://…`, `www.…`, an e-mail address), an entity, code,
 * emphasis, a table, a heading or a list into the hover. The characters that start markup get a
 * backslash (CommonMark lets any ASCII punctuation be escaped, and the escape renders as the
 * character alone), so ordinary prose stays as it is. Only the server's own links (to the source
 * file and line) are Markdown, with their destination percent-encoded so a name cannot end it.
 */

/** Characters that start inline markup: links and images, HTML and autolinks, entities, code, emphasis, tables. */
const INLINE = /[\\`*_[\]<>&~|]/g;
/**
 * Autolink literals (GFM: `https://…`, `www.…`, `name@host`) are found by some renderers across
 * backslash escapes and character references, so they are broken with an invisible WORD JOINER
 * (U+2060) inside the trigger (before '://', after the first 'w', before '@'): the hover shows the
 * same characters, and no renderer makes a link of them.
 */
export const WORD_JOINER = '\u2060';
const SCHEME = /([A-Za-z])(:\/\/)/g;
const WWW = /(?<![\p{L}\p{N}_])([wW])([wW]{2}\.)/gu;
const EMAIL = /([\p{L}\p{N}._+-])@/gu;
/** Block markup at the start of a line: headings, quotations, lists, thematic breaks, setext underlines, fences, indented code. */
const LINE_START = /^([ \t]*)([#>+=-]|\d{1,9}(?=[.)]))/gm;

/** `s` as Markdown text that renders as exactly `s` (line breaks kept; word joiners added in autolink triggers). */
export function escapeMarkdownText(s: string): string {
  return s
    .replace(INLINE, '\\$&')
    .replace(SCHEME, `$1${WORD_JOINER}$2`)
    .replace(WWW, `$1${WORD_JOINER}$2`)
    .replace(EMAIL, `$1${WORD_JOINER}@`)
    .replace(LINE_START, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/** Text inside the brackets of a link: nothing in it may open markup (a link cannot hold a link, so autolinks need nothing). */
export function escapeLinkText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(INLINE, '\\$&');
}

/**
 * A URI as a Markdown link destination: characters that could end the destination or start
 * markup there (space, parentheses, angle brackets, backslash, quotes, controls) percent-encoded.
 */
export function markdownLinkDestination(uri: string): string {
  let out = '';
  for (const c of uri) {
    const code = c.charCodeAt(0);
    const unsafe = code < 0x20 || code === 0x7f || /[\s()<>\\"'`]/.test(c);
    out += unsafe ? encodeURIComponent(c).replace(/[()'`]/g, (x) => '%' + x.charCodeAt(0).toString(16).toUpperCase()) : c;
  }
  return out;
}

/** A Markdown link whose text and destination come from outside: `[text](destination)`, both made inert. */
export function markdownLink(text: string, uri: string): string {
  return `[${escapeLinkText(text)}](${markdownLinkDestination(uri)})`;
}
