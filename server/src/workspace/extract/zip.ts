/**
 * A look at a zip archive's central directory before it is opened (.docx, .epub): the sizes its entries
 * declare, so that an archive that would inflate to far more than any document (a zip bomb) is refused
 * without inflating it.
 */

import JSZip from 'jszip';
import { problemOf } from './types';

/** Archives that declare more than this, inflated, are not opened. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** The inflated size the central directory declares (Infinity for ZIP64 sizes), or undefined if there is none. */
export function declaredInflatedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: in the last 22 + 65,535 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return Infinity; // ZIP64
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** Why an archive is not opened, if it declares too much. */
export function tooLargeWhenInflated(bytes: Uint8Array): string | undefined {
  const n = declaredInflatedSize(bytes);
  if (n === undefined || n <= MAX_INFLATED_BYTES) return undefined;
  return `the archive would inflate to ${Number.isFinite(n) ? `${Math.round(n / 1024 / 1024)} MB` : 'more than 4 GB'} (more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB): not opened, not indexed`;
}

/** The archive opened, or why it is not (too large when inflated, or not a zip `what` can be read from). */
export async function openZip(bytes: Uint8Array, what: string): Promise<{ zip: JSZip } | { problem: string }> {
  const bomb = tooLargeWhenInflated(bytes);
  if (bomb) return { problem: bomb };
  try {
    return { zip: await JSZip.loadAsync(bytes) };
  } catch (e) {
    return { problem: `not a readable ${what} (${problemOf(e)}): not indexed` };
  }
}
