import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from '../db/warehouse.ts';

/**
 * Runs `fn` (an ingest) with DuckDB's checkpoint vacuum paused, checkpoints, then restores the setting.
 * Ingest only appends, one transaction per file: a file's rows arrive as new row groups, and the vacuum of each
 * automatic checkpoint (every registry file's commit, and the one at close) merges the partly filled row groups
 * they leave behind — reading, recompressing and writing again rows already on disk, for nothing to reclaim
 * (ingest deletes no row). Same rows, same order either way; only the row-group boundaries differ. Measured at
 * city scale: the checkpoint at close 0.9 s → 0.1 s, the warehouse file 150 MB → 120 MB (pipelines/ingest/README.md,
 * "Speed"). The next checkpoint with the vacuum (usually the build's) still merges them, but once, not at every
 * registry file's commit. The setting is global, so it is restored for whatever the process does next (a build
 * deletes rows).
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
    // It can only fail when another connection holds a transaction open; every file is committed by then, so
    // the close does it instead (with the vacuum).
    await con.run('checkpoint').catch(() => undefined);
    return out;
  } finally {
    await con.run(`set max_vacuum_tasks = ${tasks}`);
  }
}
