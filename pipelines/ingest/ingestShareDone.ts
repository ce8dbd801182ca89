import type { IngestProgress } from './ingestTypes.ts';

/**
 * The share of the whole ingest done: bytes done over all bytes (a 40 MB registry is not one 28th of the work),
 * or files done over all files when no size is known.
 * Example: 10 bytes of the other files done, this file of 20 bytes half done, 100 bytes in all → 0.2.
 */
export function ingestShareDone(p: IngestProgress): number {
  const share =
    p.bytesTotal > 0
      ? (p.bytesBefore + p.fileFraction * p.fileBytes) / p.bytesTotal
      : (p.index + p.fileFraction) / Math.max(1, p.total);
  return Math.min(1, share);
}
