import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duckdbSettings, openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { rowsOf } from './rows.ts';

describe('warehouse settings from the environment', () => {
  it('passes XIAOWEI_MEMORY_LIMIT and XIAOWEI_THREADS to DuckDB and nothing when unset', async () => {
    expect(duckdbSettings({})).toEqual({});
    const env = { XIAOWEI_MEMORY_LIMIT: '512MB', XIAOWEI_THREADS: '1' };
    const wh = await openWarehouse(join(mkdtempSync(join(tmpdir(), 'xw-set-')), 'w.duckdb'), { env });
    try {
      const rows = await withConnection(wh, (con) =>
        rowsOf(con, "select current_setting('memory_limit') as m, current_setting('threads')::integer as t"),
      );
      // DuckDB reports 512MB as 488.2 MiB.
      expect(rows).toEqual([{ m: '488.2 MiB', t: 1 }]);
    } finally {
      wh.close();
    }
  });
});
