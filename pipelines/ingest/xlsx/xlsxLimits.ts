import { message } from '../../messages/catalogue.ts';
import type { ZipEntry } from './zipEntries.ts';

/**
 * What an XLSX workbook may hold before it is refused (pipelines/ingest/README.md): a workbook is a zip of XML
 * files, and a tiny file can inflate to gigabytes ("zip bomb") or hold one enormous cell that the XML parser
 * would build in memory.
 */
export const XLSX_LIMITS = {
  /** all entries together, inflated: about two million registry rows */
  maxUncompressedBytes: 2 * 1024 ** 3,
  /** the shared-strings table, which the reader keeps in memory */
  maxSharedStringsBytes: 256 * 1024 ** 2,
  /** inflated ÷ compressed, for entries above 1 MiB: real sheets compress 5–20×, bombs 1000× */
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  /** Excel's own limit for the text of one cell */
  maxCellChars: 32_767,
} as const;

/** Thrown when a workbook breaks a limit; the file is rejected with this message. */
export class XlsxLimitError extends Error {}

/**
 * Checks the sizes a workbook's zip directory declares against XLSX_LIMITS, before anything is inflated.
 * (What an entry really inflates to is counted while it is read: zipEntries.ts stops at the declared size.)
 */
export function checkXlsxLimits(entries: readonly ZipEntry[]): void {
  const limits = XLSX_LIMITS;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const tooBig =
      e.uncompressed === 0xffffffff ||
      total > limits.maxUncompressedBytes ||
      (e.name === 'xl/sharedStrings.xml' && e.uncompressed > limits.maxSharedStringsBytes);
    if (tooBig)
      throw new XlsxLimitError(message('ingest.xlsx_too_big', { entry: e.name, bytes: e.uncompressed }));
    const ratio = e.compressed > 0 ? e.uncompressed / e.compressed : Number.POSITIVE_INFINITY;
    if (e.uncompressed > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new XlsxLimitError(
        message('ingest.xlsx_ratio', { entry: e.name, ratio: Math.round(ratio), max: limits.maxRatio }),
      );
    }
  }
}
