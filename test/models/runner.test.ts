import { describe, expect, it } from 'vitest';
import { openWarehouse, queryRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { orderModels, parseModelFile } from '../../pipelines/models/modelFile.ts';
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

  it('fails a build on a duplicated key, naming model, check and keys, and leaves no table behind', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        const bad = model(
          'mart.bad',
          '',
          "select * from (values ('330502', 2020), ('330502', 2020), ('330503', 2020)) as t (region_code, year)",
          '-- check unique: region_code, year',
        );
        const err = await runModel(con, bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CheckFailedError);
        const failed = err as CheckFailedError;
        expect(failed.model).toBe('mart.bad');
        expect(failed.check).toBe('unique(region_code, year)');
        expect(failed.offending).toEqual([{ region_code: '330502', year: 2020, n_rows: 2 }]);
        expect(failed.message).toContain('"region_code":"330502"');
        const left = await queryRows(con, "select * from information_schema.tables where table_name = 'bad'");
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
});
