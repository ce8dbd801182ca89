import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';
import { rowsOf } from './rows.ts';

// test/fixtures/models/edge_cases.sql: four firms in 德清, all established 2016-04-01.
let wh: Warehouse;
let rows: Record<string, unknown>[];
const year = (y: number) => rows.find((r) => r.year === y);

beforeAll(async () => {
  wh = await buildFixtureWarehouse(['edge_cases.sql']);
  rows = await withConnection(wh, (con) =>
    rowsOf(
      con,
      "select year, active, births, deaths, upgrades from mart.business_demography where region_code = '330521' order by year",
    ),
  );
});
afterAll(() => wh?.close());

describe('edge cases of scope and population', () => {
  it('counts an enterprise type the reference table does not list, by its 91 code', () => {
    // All four were born in 2016 (no filing → in scope), M1 included although its type is unlisted.
    expect(year(2016)?.births).toBe(4);
  });

  it('treats a firm without an industry row as unknown size (in scope), whatever it files', () => {
    // 2017: M1, M2, M3 active (M3 files 500 persons but has no size row); M4 has moved out.
    expect(year(2017)?.active).toBe(3);
  });

  it('takes a 迁出 firm out of the active population while it is out, and back when it returns', () => {
    expect(year(2018)?.active).toBe(2); // M2 out in 2018
    expect(year(2019)?.active).toBe(3); // M2 back in 2019
  });

  it('does not count the closure of a firm that had already moved out as a death', () => {
    expect(year(2019)?.deaths).toBe(0);
  });

  it('counts a firm listed without a county code for the city only', async () => {
    const city = await withConnection(wh, (con) =>
      rowsOf(con, "select births from mart.business_demography where region_code = '330500' and year = 2016"),
    );
    // 德清's four plus M5: 5 births in the city; 德清 itself still has 4.
    expect(city[0].births).toBe(5);
    expect(year(2016)?.births).toBe(4);
  });

  it('leaves upgrades unknown in the first data year', () => {
    expect(year(2016)?.upgrades).toBeNull();
    expect(year(2017)?.upgrades).toBe(0);
  });
});
