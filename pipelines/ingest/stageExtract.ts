import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { arrowToCsv } from './arrowToCsv.ts';
import type { FormatDetection } from './detectFormat.ts';
import { stageParquetLines, stageTextLines } from './stageLines.ts';
import { transcodeToUtf8 } from './transcodeToUtf8.ts';
import { xlsxToCsv } from './xlsxToCsv.ts';

type Detected = Extract<FormatDetection, { ok: true }>;

/**
 * Puts any supported file into temp table `_xw_lines` and returns its header row. GBK, XLSX and Arrow go
 * through a UTF-8 temp file in `tmpDir` (streamed); UTF-8 text and Parquet are read by DuckDB directly.
 */
export async function stageExtract(
  con: DuckDBConnection,
  path: string,
  detected: Detected,
  tmpDir: string,
  onConvert: () => void,
): Promise<string[] | null> {
  const tmp = join(tmpDir, 'extract.utf8.csv');
  switch (detected.format) {
    case 'parquet':
      return stageParquetLines(con, path);
    case 'xlsx':
      onConvert();
      await xlsxToCsv(path, tmp);
      return stageTextLines(con, tmp, ',');
    case 'arrow':
      onConvert();
      await arrowToCsv(path, tmp);
      return stageTextLines(con, tmp, ',');
    default: {
      const delimiter = detected.delimiter ?? ',';
      if (detected.encoding === 'gbk' || detected.encoding === 'gb18030') {
        onConvert();
        await transcodeToUtf8(path, tmp);
        return stageTextLines(con, tmp, delimiter);
      }
      return stageTextLines(con, path, delimiter);
    }
  }
}
