import { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { buildGeneratedWarehouse, fixedNow } from '../e2e/generatedWarehouse.ts';

// A full build creates every model as a new table, so DuckDB's checkpoint vacuum would only merge their row
// groups (1.8 s of a 10 s city build): the build pauses it and checkpoints once at the end. An incremental build
// deletes rows of the firm-level tables and keeps the vacuum, which reclaims them. Either way the setting (global)
// is left as the build found it.
let wh: Warehouse;
beforeAll(async () => {
  ({ wh } = await buildGeneratedWarehouse({ scale: 'tiny', seed: 5, from: 2018, to: 2021, dirty: 0 }));
}, 120_000);
afterAll(() => wh?.close());

const vacuumTasks = async () =>
  (
    await withConnection(wh, (con) =>
      readRows(con, z.object({ n: z.number() }), "select current_setting('max_vacuum_tasks')::integer as n"),
    )
  )[0].n;

/** The statements a build runs, in order (first lines), and its mode. */
async function statementsOfBuild(incremental: boolean): Promise<{ mode: string; sql: string[] }> {
  const sql: string[] = [];
  const run = DuckDBConnection.prototype.run;
  const spy = vi.spyOn(DuckDBConnection.prototype, 'run').mockImplementation(function (
    this: DuckDBConnection,
    ...args: Parameters<DuckDBConnection['run']>
  ) {
    sql.push(String(args[0]).trim());
    return run.apply(this, args);
  });
  try {
    const summary = await buildWarehouse(wh, { runId: 'vacuum', now: fixedNow, incremental });
    return { mode: summary.mode, sql };
  } finally {
    spy.mockRestore();
  }
}

describe('the checkpoint vacuum during a build', () => {
  it('a full build pauses it before the first model, checkpoints after the swap, and restores the value (37)', async () => {
    await withConnection(wh, (con) => con.run('set max_vacuum_tasks = 37'));
    const { mode, sql } = await statementsOfBuild(false);
    expect(mode).toBe('full');
    const pause = sql.indexOf('set max_vacuum_tasks = 0');
    const firstModel = sql.findIndex((s) =>
      s.startsWith('create table "staging"."stg_registry_history__next"'),
    );
    const commit = sql.lastIndexOf('commit');
    const checkpoint = sql.lastIndexOf('checkpoint');
    expect(pause).toBeGreaterThanOrEqual(0);
    expect(pause).toBeLessThan(firstModel);
    expect(checkpoint).toBeGreaterThan(commit);
    expect(sql.indexOf('set max_vacuum_tasks = 37')).toBeGreaterThan(checkpoint);
    expect(await vacuumTasks()).toBe(37);
  });

  it('an incremental build (nothing added) keeps it', async () => {
    await withConnection(wh, (con) => con.run('set max_vacuum_tasks = 37'));
    const { mode, sql } = await statementsOfBuild(true);
    expect(mode).toBe('incremental');
    expect(sql.filter((s) => s.startsWith('set max_vacuum_tasks'))).toEqual([]);
    expect(await vacuumTasks()).toBe(37);
  });
});
