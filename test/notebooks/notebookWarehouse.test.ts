import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWarehouse, connection, sql, warehousePath } from '../../notebooks/lib/notebookWarehouse.ts';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { DEFAULT_DB, openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';

describe('warehousePath', () => {
  it('resolves XIAOWEI_DB from the repository root, not the kernel’s working directory (notebooks/)', () => {
    expect(warehousePath({ XIAOWEI_DB: 'data/w.duckdb' })).toBe(join(REPO_ROOT, 'data/w.duckdb'));
    expect(warehousePath({ XIAOWEI_DB: '/abs/w.duckdb' })).toBe('/abs/w.duckdb');
    expect(warehousePath({})).toBe(join(REPO_ROOT, DEFAULT_DB));
  });
});

describe('sql', () => {
  let path = '';
  beforeAll(async () => {
    path = join(mkdtempSync(join(tmpdir(), 'xw-')), 'w.duckdb');
    const wh = await openWarehouse(path);
    await withConnection(wh, async (con) => {
      await con.run(
        "create table mart.t as select 7::bigint as n, date '2024-12-31' as d, 1.5::decimal(5,2) as x",
      );
    });
    wh.close();
  });
  afterAll(() => closeWarehouse());

  it('returns plain objects: BIGINT as number, DATE as YYYY-MM-DD, DECIMAL as number', async () => {
    await connection(path);
    expect(await sql('select * from mart.t')).toEqual([{ n: 7, d: '2024-12-31', x: 1.5 }]);
  });

  it('binds named parameters', async () => {
    await connection(path);
    expect(await sql('select n + $k as m from mart.t', { k: 3 })).toEqual([{ m: 10 }]);
  });

  it('opens the warehouse read-only, so a notebook cannot change it', async () => {
    await connection(path);
    await expect(sql('create table mart.u (a integer)')).rejects.toThrow(/read-only/i);
  });
});
