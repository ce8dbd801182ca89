import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// methodology §6: a late filing changes a published value; the next build records old and new values.
let wh: Warehouse;
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['five_enterprises.sql']);
});
afterAll(() => wh?.close());

describe('revisions', () => {
  it('records nothing when a rebuild changes nothing', async () => {
    await buildWarehouse(wh, { runId: 'rebuild-same', now: () => new Date('2026-02-01T00:00:00Z') });
    const rows = await withConnection(wh, (con) => queryRows(con, 'select * from mart.revisions'));
    expect(rows).toEqual([]);
  });

  it('records old and new values when late data change a published number', async () => {
    // A late 2017 filing makes E1 中型 (300 persons, 2000万): it leaves the 2017 scope, so 吴兴's 2017 births
    // drop from 2 to 1 and active from 3 to 2.
    await withConnection(wh, (con) =>
      con.run(`insert into raw.enterprise_indicators values ('late', 'late.csv', 2, 'E1', true, 2017, 300, 2000.0,
        3000.0, 0.0, 0.0, 0.0, 0, 0.0, false, false, null)`),
    );
    await buildWarehouse(wh, { runId: 'late-data', now: () => new Date('2026-02-02T00:00:00Z') });
    const rows = await withConnection(wh, (con) =>
      queryRows(
        con,
        `select measure, old_value, new_value, old_run_id, new_run_id from mart.revisions
         where table_name = 'business_demography' and region_code = '330502' and year = 2017
           and measure in ('births', 'active') order by measure`,
      ),
    );
    expect(rows).toEqual([
      { measure: 'active', old_value: 3, new_value: 2, old_run_id: 'rebuild-same', new_run_id: 'late-data' },
      { measure: 'births', old_value: 2, new_value: 1, old_run_id: 'rebuild-same', new_run_id: 'late-data' },
    ]);
  });
});
