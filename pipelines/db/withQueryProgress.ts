import type { DuckDBConnection } from '@duckdb/node-api';

export interface QueryProgress {
  /** Share of the running statement done, 0–1, or null while DuckDB cannot tell. */
  fraction: number | null;
  /** Rows the statement has processed so far. */
  rows: number;
}

/**
 * Runs `work` (statements on `con`) while reading DuckDB's progress of the running statement every
 * `intervalMs` and passing it to `onProgress`. The statement runs on DuckDB's threads, so the event loop
 * is free to poll. Example: `await withQueryProgress(con, show, () => con.run('create table …'))`.
 */
export async function withQueryProgress<T>(
  con: DuckDBConnection,
  onProgress: (p: QueryProgress) => void,
  work: () => Promise<T>,
  intervalMs = 150,
): Promise<T> {
  // DuckDB tracks progress only with its progress bar on; its own printing stays off (we draw our own).
  await con.run('set enable_progress_bar = true; set enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const p = con.progress;
    const percentage = Number(p.percentage);
    onProgress({
      fraction: percentage >= 0 ? Math.min(1, percentage / 100) : null,
      rows: Number(p.rows_processed),
    });
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
