import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { arrowToCsv } from './arrowToCsv.ts';
import type { FormatDetection } from './detectFormat.ts';
import type { HeadRecord } from './findHeader.ts';
import { IngestRejection } from './ingestRejection.ts';
import { type BlankLines, stageLineFaults, stageParquetLines, stageTextLines } from './stageLines.ts';
import { transcodeByLine } from './transcodeByLine.ts';
import { XlsxLimitError } from './xlsx/xlsxLimits.ts';
import { xlsxToCsv } from './xlsx/xlsxToCsv.ts';

type Detected = Extract<FormatDetection, { ok: true }>;

export interface StagedExtract {
  /** the text encoding as decoded (legacy files: utf8, gbk or gb18030 after the line-by-line pass) */
  encoding: string;
  /** lines refused before parsing (undecodable), already staged with their reason */
  faultLines: number[];
  /** printed notes (sheets skipped) */
  notes: string[];
  /** blank lines skipped (text files) */
  blank: BlankLines;
  /** Parquet: the column names are the header (line 1) */
  header?: string[];
}

/**
 * Puts any supported file into temp table `_xw_lines`. Text that is not valid UTF-8, XLSX and Arrow go
 * through a UTF-8 temp file in `tmpDir` (streamed); UTF-8 text and Parquet are read by DuckDB directly.
 * `hasHeader` picks the workbook sheet that holds the data.
 */
export async function stageExtract(
  con: DuckDBConnection,
  path: string,
  detected: Detected,
  tmpDir: string,
  onConvert: () => void,
  hasHeader: (records: readonly HeadRecord[]) => boolean,
): Promise<StagedExtract> {
  const tmp = join(tmpDir, 'extract.utf8.csv');
  const staged: StagedExtract = {
    encoding: detected.encoding,
    faultLines: [],
    notes: [],
    blank: { count: 0, lines: [] },
  };
  switch (detected.format) {
    case 'parquet':
      return { ...staged, header: await stageParquetLines(con, path) };
    case 'xlsx': {
      onConvert();
      try {
        staged.notes = (await xlsxToCsv(path, tmp, hasHeader)).notes;
      } catch (e) {
        if (e instanceof XlsxLimitError)
          throw new IngestRejection('ingest.xlsx_refused', { problem: e.message });
        throw e;
      }
      staged.blank = await stageTextLines(con, tmp, ',');
      return staged;
    }
    case 'arrow':
      onConvert();
      await arrowToCsv(path, tmp);
      staged.blank = await stageTextLines(con, tmp, ',');
      return staged;
    default: {
      const delimiter = detected.delimiter ?? ',';
      if (detected.encoding !== 'legacy') {
        staged.blank = await stageTextLines(con, path, delimiter, detected.newline);
        return staged;
      }
      onConvert();
      const decoded = await transcodeByLine(path, tmp, detected.newline ?? 0x0a);
      // A file most of whose lines decode in neither encoding is not text we can read: refuse it whole
      // rather than quarantine it line by line.
      if (decoded.undecodable > 0 && decoded.undecodable * 2 >= decoded.nonBlank) {
        throw new IngestRejection('ingest.unknown_encoding', {
          bad: decoded.undecodable,
          lines: decoded.nonBlank,
          first: decoded.faults.find((f) => f.found === 'bad')?.line ?? '?',
        });
      }
      const blank = await stageTextLines(con, tmp, delimiter);
      await stageLineFaults(con, decoded.faults);
      // An undecodable line is blank in the decoded copy, but it was not blank in the file.
      const faultLines = decoded.faults.map((f) => f.line);
      const isFault = new Set(faultLines);
      return {
        ...staged,
        encoding: decoded.encoding,
        faultLines,
        blank: { count: blank.count - faultLines.length, lines: blank.lines.filter((l) => !isFault.has(l)) },
      };
    }
  }
}
