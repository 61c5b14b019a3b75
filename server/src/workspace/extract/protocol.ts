/** Messages between the loading thread and the extraction worker. */
import type { ExtractOutcome } from './types';

/** A file larger than this is not extracted (a source's text cap applies to the extracted text). */
export const MAX_EXTRACT_FILE_BYTES = 100 * 1024 * 1024;

export interface ExtractRequest {
  id: number;
  path: string;
  ext: string;
  sync?: boolean;
}

export interface ExtractReply {
  id: number;
  outcome: ExtractOutcome;
}
