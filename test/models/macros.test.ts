import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse } from '../../pipelines/db/warehouse.ts';

// The index formulas live once, as macros (sql/macros/); each is tested here on values worked out by hand.
let wh: Warehouse;
let con: DuckDBConnection;
beforeAll(async () => {
  wh = await openWarehouse(':memory:');
  con = await wh.connect();
  await con.run(readSql('macros/base_year_index.sql'));
  await con.run(readSql('macros/weighted_mean.sql'));
});
afterAll(() => {
  con?.closeSync();
  wh?.close();
});

const value = z.object({ v: z.number().nullable() });
const one = async (sql: string) => (await readRows(con, value, `select (${sql})::double as v`))[0].v;
const reason = async (sql: string) =>
  (await readRows(con, z.object({ r: z.string().nullable() }), `select ${sql} as r`))[0].r;

describe('base_year_index and base_year_drop_reason (methodology §3)', () => {
  it('indexes direction 1 as 100·x/base and −1 as 100·base/x', async () => {
    expect(await one('base_year_index(250.0, 200.0, 1)')).toBe(125); // 100·250/200
    expect(await one('base_year_index(40.0, 50.0, -1)')).toBe(125); // 100·50/40
    expect(await one('base_year_index(200.0, 200.0, 1)')).toBe(100); // the base year itself
  });

  it('is missing, with the base checked first, when x or the base is missing or not positive', async () => {
    const cases: [string, string | null][] = [
      ['null, null', 'base_missing'],
      ['5.0, null', 'base_missing'],
      ['null, 0.0', 'base_nonpositive'],
      ['5.0, -1.0', 'base_nonpositive'],
      ['null, 5.0', 'value_missing'],
      ['0.0, 5.0', 'value_nonpositive'],
      ['5.0, 5.0', null],
    ];
    for (const [args, why] of cases) {
      expect(await reason(`base_year_drop_reason(${args})`)).toBe(why);
      const indexed = await one(`base_year_index(${args}, 1)`);
      expect(indexed === null).toBe(why !== null);
    }
  });
});

describe('weighted_mean and compensated_sum (methodology §3, §7)', () => {
  it('renormalises the weights over the present values', async () => {
    // [100, NULL, 130] with weights [0.3, 0.5, 0.2]: present weights 0.5, so 0.6·100 + 0.4·130 = 112.
    expect(await one('weighted_mean([100, null, 130]::double[], [0.3, 0.5, 0.2]::double[])')).toBeCloseTo(
      112,
      12,
    );
    // Module weights 0.6 and 0.4, values 125 and 120: 75 + 48 = 123.
    expect(await one('weighted_mean([125, 120]::double[], [0.6, 0.4]::double[])')).toBeCloseTo(123, 12);
  });

  it('is missing when no value is present, never 0', async () => {
    expect(await one('weighted_mean([null, null]::double[], [1, 1]::double[])')).toBeNull();
  });

  it('sums with compensation, as the engine does: 1e16 + 1 − 1e16 = 1 (a plain sum gives 0)', async () => {
    expect(await one('compensated_sum([1e16, 1, -1e16]::double[])')).toBe(1);
    expect(await one('list_sum([1e16, 1, -1e16]::double[])')).toBe(0);
    expect(await one('compensated_sum([]::double[])')).toBe(0);
  });
});
