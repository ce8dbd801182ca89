import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inTransaction, openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { orderModels, parseModelFile } from '../../pipelines/models/modelFile.ts';
import { renameRelations } from '../../pipelines/models/renameRelations.ts';
import { CheckFailedError, runModel } from '../../pipelines/models/runModels.ts';

const model = (name: string, deps: string, body: string, checks = '') =>
  parseModelFile(
    `-- model: ${name}\n-- materialized: table\n-- depends_on: ${deps}\n${checks}\n${body}`,
    `${name}.sql`,
  );

describe('model runner', () => {
  it('orders models after the models they depend on and ignores external tables', () => {
    const a = model('mart.a', 'mart.b, raw.x', 'select 1');
    const b = model('mart.b', 'staging.c', 'select 1');
    const c = model('staging.c', 'raw.x', 'select 1');
    expect(orderModels([a, b, c]).map((m) => m.name)).toEqual(['staging.c', 'mart.b', 'mart.a']);
  });

  it('refuses a dependency cycle and names it', () => {
    const a = model('mart.a', 'mart.b', 'select 1');
    const b = model('mart.b', 'mart.a', 'select 1');
    expect(() => orderModels([a, b])).toThrow('mart.a -> mart.b -> mart.a');
  });

  it('fails on a duplicated key, naming model, check and keys; the caller’s transaction leaves no table', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        const bad = model(
          'mart.bad',
          '',
          "select * from (values ('330502', 2020), ('330502', 2020), ('330503', 2020)) as t (region_code, year)",
          '-- check unique: region_code, year',
        );
        const err = await inTransaction(con, () => runModel(con, bad)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CheckFailedError);
        const failed = err as CheckFailedError;
        expect(failed.model).toBe('mart.bad');
        expect(failed.check).toBe('unique(region_code, year)');
        expect(failed.offending).toEqual([{ region_code: '330502', year: 2020, n_rows: 2 }]);
        expect(failed.message).toContain('"region_code":"330502"');
        const left = await readRows(
          con,
          z.object({ table_name: z.string() }),
          "select table_name from information_schema.tables where table_name = 'bad'",
        );
        expect(left).toHaveLength(0);
      });
    } finally {
      wh.close();
    }
  });

  it('runs not_null, accepted_values, relationships and expression checks', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        await con.run("create table ref.regions as select '330502' as region_code");
        const body =
          "select * from (values ('330502', 'ok', 1), ('330599', 'bad', -1)) as t (region_code, status, n)";
        const cases: [string, string][] = [
          ["-- check accepted_values: status in ('ok')", 'accepted_values(status)'],
          [
            '-- check relationships: region_code -> ref.regions.region_code',
            'relationships(region_code -> ref.regions.region_code)',
          ],
          ['-- check expression: n_positive: n > 0', 'expression(n_positive)'],
        ];
        for (const [check, label] of cases) {
          const err = (await runModel(con, model('mart.m', '', body, check)).catch(
            (e: unknown) => e,
          )) as CheckFailedError;
          expect(err.check).toBe(label);
          expect(err.total).toBe(1);
        }
        const nulls = model('mart.n', '', 'select null::integer as x', '-- check not_null: x');
        await expect(runModel(con, nulls)).rejects.toThrow('not_null(x)');
        const good = await runModel(con, model('mart.g', '', body, '-- check unique: region_code'));
        expect(good).toMatchObject({ model: 'mart.g', rows: 2, checks: 1 });
      });
    } finally {
      wh.close();
    }
  });

  it('rewrites the names of the models a build writes aside, and nothing else', () => {
    const names = new Map([
      ['mart.a', 'mart.a__next'],
      ['staging.b', 'staging.b__next'],
    ]);
    const sql = `-- reads mart.a\nselect a.x, 'mart.a' as label from mart.a as a join staging.b using (x), mart.ab, db.mart.a`;
    expect(renameRelations(sql, names)).toBe(
      `-- reads mart.a\nselect a.x, 'mart.a' as label from mart.a__next as a join staging.b__next using (x), mart.ab, db.mart.a`,
    );
  });

  it('builds a model aside: created under its aside name, reading and checking the other models there', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        const names = new Map([
          ['mart.a', 'mart.a__next'],
          ['mart.b', 'mart.b__next'],
        ]);
        await runModel(con, model('mart.a', '', 'select 1 as x'), names);
        const b = model(
          'mart.b',
          'mart.a',
          'select x + 1 as y from mart.a',
          '-- check relationships: y -> mart.a.x',
        );
        const err = (await runModel(con, b, names).catch((e: unknown) => e)) as CheckFailedError;
        // y = 2 has no x = 2 in mart.a__next: the check read the aside table, and names the model, not the aside.
        expect(err.model).toBe('mart.b');
        expect(err.check).toBe('relationships(y -> mart.a.x)');
        const tables = await readRows(
          con,
          z.object({ t: z.string() }),
          "select table_name as t from duckdb_tables() where schema_name = 'mart' order by 1",
        );
        expect(tables.map((r) => r.t)).toEqual(['a__next', 'b__next']);
      });
    } finally {
      wh.close();
    }
  });
});
