import { lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { parseMemoryAmount } from '../db/duckdbSettings.ts';
import { readSql } from '../db/sqlFile.ts';
import { readRows, type Warehouse, withConnection } from '../db/warehouse.ts';
import { message } from '../messages/catalogue.ts';
import { ensureRawSchema } from './ensureRawSchema.ts';
import { expandPaths } from './expandPaths.ts';
import { type InTurn, ingestFile } from './ingestFile.ts';
import type { IngestFileResult, IngestOptions, IngestStage } from './ingestTypes.ts';
import { fileHead, memoryAdmission, memoryWeight } from './memoryAdmission.ts';

export type { IngestFileResult, IngestOptions, IngestProgress } from './ingestTypes.ts';

/**
 * Files ingested at once, each on a connection of its own. One file's statements leave DuckDB's threads idle part
 * of the time (hashing in JavaScript, small queries, the commit), and the load of one file overlaps the validation
 * of the next: city-scale ingest took 13.6–14.1 s with two against 17.7–19.2 s with one, same CPU time
 * (bench/results/2026-11-26.md). More than two did not pay on two cores and holds more staged files in memory.
 */
export const INGEST_LANES = 2;

/**
 * Ingests extracts into the warehouse, one transaction per file, in path order (directories expanded,
 * sorted by name; faults.csv, events.csv, manifests, READMEs and hidden files in a directory are skipped, each
 * with a `skipped` result). Returns one result per file.
 * Up to `options.lanes` (default INGEST_LANES) files are read and validated at once, as many as fit DuckDB's
 * memory limit (memoryAdmission.ts: a large registry goes alone), but every write happens in
 * path order (ingestFile.ts `inTurn`): each file's raw rows, quarantine rows and log row land after those of the
 * files before it, and every outcome is the one an ingest of the files one by one would give.
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
    const budget = await withConnection(wh, async (con) => {
      await ensureRawSchema(con);
      return memoryLimit(con);
    });
    const admission = memoryAdmission(budget);
    const sizes = files.map((f) => lstatSync(f, { throwIfNoEntry: false })?.size ?? 0);
    const report = progressReporter(files, sizes, options.onProgress);
    const turns = files.map(() => deferred());
    const results: IngestFileResult[] = [];
    let next = 0;
    let failed = false;
    // Each lane stages in a temp folder of its own: a file decoded or converted to text is copied there under a
    // fixed name (stageExtract.ts), which two files at once would otherwise share.
    const lane = async (con: DuckDBConnection, laneDir: string) => {
      mkdirSync(laneDir);
      await con.run(readSql('statements/ingest/macros.sql'));
      await con.run(readSql('statements/ingest/create_uscc_checks.sql'));
      while (!failed && next < files.length) {
        const index = next++;
        const weight = memoryWeight(sizes[index], fileHead(files[index]));
        await admission.enter(weight);
        const inTurn: InTurn = async (write) => {
          if (index > 0) await turns[index - 1].promise;
          // one by one, nothing after a file that failed outright would be written
          if (failed) throw new IngestStopped();
          return write();
        };
        try {
          const progress = (stage: IngestStage, within = 0, rows = 0) => report(index, stage, within, rows);
          results[index] = await ingestFile(con, files[index], options, laneDir, progress, inTurn);
          report(index, 'done', 0, results[index].rows_read);
        } catch (e) {
          failed = true; // an error no file outcome explains (the warehouse failing): no further file is started
          throw e;
        } finally {
          turns[index].resolve();
          admission.leave(weight);
        }
      }
    };
    const lanes = Math.max(1, Math.min(options.lanes ?? INGEST_LANES, files.length));
    const settled = await Promise.allSettled(
      Array.from({ length: lanes }, (_, n) =>
        withConnection(wh, (con) => lane(con, join(tmpDir, `lane${n}`))),
      ),
    );
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    if (errors.length > 0) throw errors.find((e) => !(e instanceof IngestStopped)) ?? errors[0];
    return [...skipped.map(skippedResult), ...results];
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Progress over every file, whichever are in flight: the bytes and rows of the other files done so far (files
 * finished, and the share done of a file ingested alongside) are the `bytesBefore` and rows of each report.
 */
function progressReporter(
  files: string[],
  sizes: number[],
  onProgress: IngestOptions['onProgress'],
): (index: number, stage: IngestStage, within: number, rows: number) => void {
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const fractions = files.map(() => 0);
  const rowsRead = files.map(() => 0);
  return (index, stage, within, rows) => {
    fractions[index] = stageFraction(stage, within);
    rowsRead[index] = rows;
    if (!onProgress) return;
    let bytesBefore = 0;
    let rowsOther = 0;
    for (let i = 0; i < files.length; i++) {
      if (i === index) continue;
      bytesBefore += fractions[i] * sizes[i];
      rowsOther += rowsRead[i];
    }
    onProgress({
      file: files[index],
      index,
      total: files.length,
      stage,
      fileFraction: fractions[index],
      bytesBefore,
      fileBytes: sizes[index],
      bytesTotal,
      rows: rowsOther + rows,
    });
  };
}

/** DuckDB's memory limit in bytes (0 when it cannot be read: then every file goes alone). */
async function memoryLimit(con: DuckDBConnection): Promise<number> {
  const [row] = await readRows(
    con,
    z.object({ memory_limit: z.string() }),
    readSql('statements/ingest/memory_limit.sql'),
  );
  return parseMemoryAmount(row.memory_limit) ?? 0;
}

/** A file in flight stopped before writing anything, because an earlier file failed outright. */
class IngestStopped extends Error {
  constructor() {
    super('ingest stopped: an earlier file failed');
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
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
