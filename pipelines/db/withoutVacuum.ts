import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from './warehouse.ts';

/**
 * Runs `fn` (an ingest, or a full build) with DuckDB's checkpoint vacuum paused, checkpoints, then restores the
 * setting. Both only add data where the vacuum has nothing to reclaim: ingest appends, one transaction per file; a
 * full build creates every model as a new table (and deletes a few rows of small bookkeeping tables). New rows
 * arrive as new row groups, and the vacuum of each automatic checkpoint (and of the one at close) merges the partly
 * filled row groups they leave behind — reading, recompressing and writing again rows already on disk. Same rows,
 * same order either way; only the row-group boundaries differ. Measured at city scale: ingest's checkpoint at close
 * 0.9 s → 0.1 s, the warehouse file 150 MB → 120 MB (pipelines/ingest/README.md, "Speed"); a full build's
 * checkpoint 1.8 s → 0.2 s, the file 291 MB → 230 MB. An incremental build deletes rows of the firm-level tables
 * and keeps the vacuum. The setting is global, so it is restored for whatever the process does next.
 */
export async function withoutVacuum<T>(con: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  const [{ tasks }] = await readRows(
    con,
    z.object({ tasks: z.coerce.number().int().nonnegative() }),
    "select current_setting('max_vacuum_tasks')::bigint as tasks",
  );
  await con.run('set max_vacuum_tasks = 0');
  try {
    const out = await fn();
    // Checkpoint now, while the vacuum is paused: the checkpoint at close would otherwise merge them after all.
    // It can only fail when another connection holds a transaction open; everything is committed by then, so
    // the close does it instead (with the vacuum).
    await con.run('checkpoint').catch(() => undefined);
    return out;
  } finally {
    await con.run(`set max_vacuum_tasks = ${tasks}`);
  }
}
