import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { buildGeneratedWarehouse, fixedNow } from './generatedWarehouse.ts';

// End to end on generated data: generate (tiny, seed 7) → ingest → build, then rebuild and compare.
const MARTS = [
  ['mart.business_demography', 'year, region_code'],
  ['mart.growth_index', 'methodology_version, year, region_code, level, code'],
  ['mart.vitality_index', 'methodology_version, year, region_code, level, code'],
  ['mart.plan_scorecard', 'methodology_version, period_end, region_code, indicator_no'],
  ['mart.rank_uncertainty', 'methodology_version, index_name, year, region_code'],
  ['mart.sensitivity_sobol', 'methodology_version, index_name, year, input'],
  ['mart.sensitivity_drop_one', 'methodology_version, index_name, year, region_code, dropped_code'],
] as const;
let dir: string;
let wh: Warehouse;

async function exportMarts(w: Warehouse, tag: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  await withConnection(w, async (con) => {
    for (const [table, order] of MARTS) {
      const file = join(dir, `${tag}-${table}.csv`);
      // Table names, order columns and the temp path are this test's own values (COPY takes no parameters).
      await con.run(`copy (select * from ${table} order by ${order}) to '${file}' (header)`);
      hashes[table] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  });
  return hashes;
}

beforeAll(async () => {
  ({ wh, dir } = await buildGeneratedWarehouse({
    scale: 'tiny',
    seed: 7,
    from: 2013,
    to: 2024,
    dirty: 0.02,
  }));
});
afterAll(() => wh?.close());

describe('pipeline on generated data', () => {
  it('accounts for every input row of a dirty extract', async () => {
    const log = await withConnection(wh, (con) =>
      readRows(
        con,
        z.object({ bad: z.number(), files: z.number() }),
        `select count(*) filter (where rows_read <> rows_loaded + rows_quarantined + rows_dropped)::integer as bad,
                count(*)::integer as files from ops.ingest_log`,
      ),
    );
    expect(log).toEqual([{ bad: 0, files: 28 }]);
  });

  it('gives byte-identical mart exports when rebuilt on the same inputs', async () => {
    const first = await exportMarts(wh, 'a');
    await buildWarehouse(wh, { runId: 'e2e-2', now: fixedNow });
    const second = await exportMarts(wh, 'b');
    expect(second).toEqual(first);
  });

  it('fills all four marts for every region and year', async () => {
    const counts = await withConnection(wh, (con) =>
      readRows(
        con,
        z.object({
          demography: z.number(),
          growth_totals: z.number(),
          scorecard_rows: z.number(),
          regions: z.number(),
        }),
        `select
           (select count(*) from mart.business_demography)::integer as demography,
           (select count(*) from mart.growth_index where level = 'total')::integer as growth_totals,
           (select count(*) from mart.plan_scorecard)::integer as scorecard_rows,
           (select count(distinct region_code) from mart.business_demography)::integer as regions`,
      ),
    );
    // 6 regions × 12 years (2013–2024); scorecard: (3 year ends + 9 other quarter ends) × 6 regions × 19
    // indicators = 1368, of which the year ends are 342.
    expect(counts).toEqual([{ demography: 72, growth_totals: 72, scorecard_rows: 1368, regions: 6 }]);
  });

  it('keeps the growth index at exactly 100 in the base year for the city', async () => {
    const base = await withConnection(wh, (con) =>
      readRows(
        con,
        z.object({ value: z.number() }),
        "select value from mart.growth_index where year = 2017 and region_code = '330500' and level = 'total'",
      ),
    );
    expect(base[0].value).toBeCloseTo(100, 12);
  });
});
