import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSql } from '../db/sqlFile.ts';
import { type Warehouse, withConnection } from '../db/warehouse.ts';
import { message } from '../messages/catalogue.ts';
import { ensureRawSchema } from './ensureRawSchema.ts';
import { expandPaths } from './expandPaths.ts';
import { ingestFile } from './ingestFile.ts';
import type { IngestFileResult, IngestOptions, IngestStage } from './ingestTypes.ts';

export type { IngestFileResult, IngestOptions, IngestProgress } from './ingestTypes.ts';

/**
 * Ingests extracts into the warehouse, one transaction per file, in path order (directories expanded,
 * sorted by name; faults.csv, events.csv, manifests, READMEs and hidden files in a directory are skipped, each
 * with a `skipped` result). Returns one result per file.
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
      await con.run(readSql('statements/ingest/create_uscc_checks.sql'));
      const results: IngestFileResult[] = skipped.map(skippedResult);
      const sizes = files.map((f) => lstatSync(f, { throwIfNoEntry: false })?.size ?? 0);
      const bytesTotal = sizes.reduce((a, b) => a + b, 0);
      let bytesBefore = 0;
      let rowsBefore = 0;
      for (const [index, file] of files.entries()) {
        const progress = (stage: IngestStage, within = 0, rows = 0) =>
          options.onProgress?.({
            file,
            index,
            total: files.length,
            stage,
            fileFraction: stageFraction(stage, within),
            bytesBefore,
            fileBytes: sizes[index],
            bytesTotal,
            rows: rowsBefore + rows,
          });
        const result = await ingestFile(con, file, options, tmpDir, progress);
        progress('done');
        results.push(result);
        bytesBefore += sizes[index];
        rowsBefore += result.rows_read;
      }
      return results;
    });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

// How much of a file's ingest each stage is, measured on city-scale registry files: hashing and staging are
// quick, validation is most of it, the load transaction the rest. `within` is the running statement's share.
const STAGE_SPANS: Record<IngestStage, [number, number]> = {
  hashing: [0, 0.05],
  converting: [0.05, 0.15],
  staging: [0.05, 0.15],
  validating: [0.15, 0.7],
  loading: [0.7, 1],
  done: [1, 1],
};

/** Share of a file done at `stage`, `within` (0–1) of the way through it. Example: validating, 0.5 → 0.425. */
export function stageFraction(stage: IngestStage, within = 0): number {
  const [from, to] = STAGE_SPANS[stage];
  return from + (to - from) * Math.min(1, Math.max(0, within));
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
