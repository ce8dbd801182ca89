import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { INCREMENTAL_MODELS } from '../../pipelines/models/incrementalModels.ts';
import { parseModelFile, readModels } from '../../pipelines/models/modelFile.ts';
import { CheckFailedError, checkModel } from '../../pipelines/models/runModels.ts';

// An incremental update checks its model's unique key on the rows it replaced only (incrementalModels.ts). That
// is sound only while each model's recompute filter selects rows by the key columns alone: then a kept row, which
// the filter does not select, can never share its key with a replacing row, which it does.
describe('the key check of an incremental update', () => {
  const models = readModels(join(REPO_ROOT, 'sql'), ['models']);

  it.each([...INCREMENTAL_MODELS])('%s: the recompute filter reads the key columns only', (name, spec) => {
    const model = models.find((m) => m.name === name);
    const unique = model?.checks.find((c) => c.kind === 'unique');
    expect(unique?.kind).toBe('unique');
    const key = unique?.kind === 'unique' ? unique.columns : [];
    const sql = readSql(`statements/incremental/${spec.recompute}`)
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('--'))
      .join('\n');
    // The filtered relation is `{{relation}} as m`: every column it reads is m.<column>.
    expect(sql).toMatch(/from \{\{relation\}\} as m\b/);
    const read = [...sql.matchAll(/\bm\.("?)(\w+)\1/g)].map((x) => x[2]).filter((c) => c !== '*');
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((c) => !key.includes(c))).toEqual([]);
  });

  // A firm-year table after an update: ('a', 2020) twice among the kept rows (the filter, year 2021, leaves them)
  // and a null county in a kept row; `replaced` adds ('b', 2021) twice among the replacing rows.
  const table = (replaced: boolean) => `create or replace table mart.kt as
    select * from (values ('a', 2020, '330502'), ('a', 2020, '330502'), ('c', 2020, null), ('b', 2021, '330502')
      ${replaced ? ", ('b', 2021, '330503')" : ''}) as t (uscc, year, county_code)`;
  const keyOver = '(select m.* from mart.kt as m where m.year in (2021))';
  const model = (checks: string) =>
    parseModelFile(`-- model: mart.kt\n-- materialized: table\n${checks}\nselect 1`, 'mart.kt.sql');

  /** Runs `fn` on an in-memory warehouse holding that table. */
  async function onTable(replaced: boolean, fn: (con: DuckDBConnection) => Promise<void>): Promise<void> {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        await con.run('create schema if not exists mart');
        await con.run(table(replaced));
        await fn(con);
      });
    } finally {
      wh.close();
    }
  }

  it('finds a key the replacing rows hold twice, and says it checked the rows replaced', () =>
    onTable(true, async (con) => {
      const err = await checkModel(con, model('-- check unique: uscc, year'), new Map(), 0, {
        keyOver,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CheckFailedError);
      const failed = err as CheckFailedError;
      expect(failed.check).toBe('unique(uscc, year) of the rows replaced');
      expect(failed.total).toBe(1);
      expect(failed.offending).toEqual([{ uscc: 'b', year: 2021, n_rows: 2 }]);
    }));

  it('leaves the kept rows’ keys to the build that checked them, and runs every other check on the whole table', () =>
    onTable(false, async (con) => {
      // The duplicate ('a', 2020) is kept, outside the rows replaced: the key check passes over it.
      const passed = await checkModel(con, model('-- check unique: uscc, year'), new Map(), 0, { keyOver });
      expect(passed).toMatchObject({ model: 'mart.kt', rows: 4, checks: 1, incremental: true });
      // The same table checked as a full build does: the key check sees it.
      const full = await checkModel(con, model('-- check unique: uscc, year'), new Map(), 0).catch(
        (e: unknown) => e,
      );
      expect((full as CheckFailedError).offending).toEqual([{ uscc: 'a', year: 2020, n_rows: 2 }]);
      // A not_null check of an incremental update still reads every row: the null county is a kept row.
      const err = await checkModel(con, model('-- check not_null: county_code'), new Map(), 0, {
        keyOver,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CheckFailedError);
      expect((err as CheckFailedError).total).toBe(1);
    }));
});
