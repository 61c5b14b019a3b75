/** The formats read by extraction, without the extractors (light enough for every bundle to import). */

/** Bump when any extractor's output changes: cached extractions (the persisted index) are made again. */
export const EXTRACTOR_VERSION = 2;

/** Format name -> its extensions (what `corroborate.sourceFormats` turns on and off). */
export const EXTRACTED_FORMATS: Record<string, string[]> = {
  pdf: ['.pdf'],
  html: ['.html', '.htm', '.xhtml'],
  docx: ['.docx'],
  odt: ['.odt'],
  epub: ['.epub'],
  eml: ['.eml'],
  subtitles: ['.vtt', '.srt'],
};

/** Extensions that are extracted, to their format. */
export const EXTRACTED_EXTENSIONS = new Map<string, string>(
  Object.entries(EXTRACTED_FORMATS).flatMap(([f, exts]) => exts.map((e): [string, string] => [e, f])),
);
