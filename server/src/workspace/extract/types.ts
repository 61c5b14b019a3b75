/**
 * What an extractor gives back: the text to index (paragraphs and pages separated by blank lines, so
 * the segmenter sees the layout), the places in it (a page, a heading, a cue time) and the document's
 * metadata. An extractor never throws for a bad file: it returns `{ problem }` with the reason.
 */
import type { SourceOrigin } from '../../engine/types';

/** A place in the extracted text: from `offset` on (until the next place), citations name `label`. */
export interface Place {
  offset: number;
  /** "p. 3", "“Harbour fees”", "00:01:05, Ada Quist", "from Ada Quist, 3 May 2026" */
  label: string;
}

export interface Extracted {
  text: string;
  /** ascending by offset */
  places: Place[];
  /** where the text stands in the raw file, for a format shown as text (HTML): see engine SourceOrigin */
  origin?: SourceOrigin;
  metadata: Record<string, string>;
  warnings: string[];
}

export type ExtractOutcome = Extracted | { problem: string };

/** Builds an extracted text block by block: blank lines between blocks, places at block starts. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly places: Place[] = [];

  /** Appends a block (its inner white space collapsed to single spaces, line breaks kept if `keepLines`). */
  block(text: string, opts: { place?: string; keepLines?: boolean } = {}): void {
    const t = opts.keepLines
      ? text
          .replace(/[^\S\n]+/g, ' ')
          .replace(/ *\n */g, '\n')
          .trim()
      : text.replace(/\s+/g, ' ').trim();
    if (t === '') return;
    if (this.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    if (opts.place !== undefined) this.mark(opts.place);
    this.parts.push(t);
    this.length += t.length;
  }

  /** A place that starts with the next block. */
  mark(label: string): void {
    const offset = this.nextOffset;
    const last = this.places[this.places.length - 1];
    if (last && last.offset === offset) last.label = label;
    else if (!last || last.label !== label) this.places.push({ offset, label });
  }

  /** The offset the next block will start at. */
  get nextOffset(): number {
    return this.length === 0 ? 0 : this.length + 2;
  }

  get text(): string {
    return this.parts.join('');
  }
}

export function problemOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0].slice(0, 200);
}
