import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSql } from '../db/sqlFile.ts';
import { type Warehouse, withConnection } from '../db/warehouse.ts';
import { message } from '../messages/catalogue.ts';
import { ensureRawSchema } from './ensureRawSchema.ts';
import { expandPaths } from './expandPaths.ts';
import { ingestFile } from './ingestFile.ts';
import type { IngestFileResult, IngestOptions } from './ingestTypes.ts';

export type { IngestFileResult, IngestOptions, IngestProgress } from './ingestTypes.ts';

/**
 * Ingests extracts into the warehouse, one transaction per file, in path order (directories expanded,
 * sorted by name; faults.csv, manifests, READMEs and hidden files in a directory are skipped, each with a
 * `skipped` result). Returns one result per file.
 * Example: `await ingestFiles(wh, ['data/extracts'], { now: () => new Date() })`.
 */
export async function ingestFiles(
  wh: Warehouse,
  paths: string[],
  options: IngestOptions,
): Promise<IngestFileResult[]> {
  const { files, skipped } = expandPaths(paths);
  const tmpDir = mkdtempSync(join(tmpdir(), 'xw-ingest-'));
  try {
    return await withConnection(wh, async (con) => {
      await ensureRawSchema(con);
      await con.run(readSql('statements/ingest/macros.sql'));
      const results: IngestFileResult[] = skipped.map(skippedResult);
      for (const [index, file] of files.entries()) {
        const progress = (stage: Parameters<NonNullable<IngestOptions['onProgress']>>[0]['stage']) =>
          options.onProgress?.({ file, index, total: files.length, stage });
        const result = await ingestFile(con, file, options, tmpDir, progress);
        progress('done');
        results.push(result);
      }
      return results;
    });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

function skippedResult(file: string): IngestFileResult {
  return {
    file,
    sha256: '',
    kind: null,
    format: null,
    encoding: null,
    as_of: null,
    status: 'skipped',
    rows_read: 0,
    rows_loaded: 0,
    rows_quarantined: 0,
    rows_dropped: 0,
    rows_flagged: 0,
    message: message('ingest.sidecar_skipped'),
    notes: [],
  };
}
