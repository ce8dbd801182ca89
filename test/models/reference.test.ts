import { describe, expect, it } from 'vitest';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { loadReferenceTables } from '../../pipelines/reference/loadReference.ts';
import { rowsOf } from './rows.ts';

describe('reference tables', () => {
  it('loads every committed CSV into ref with codes kept as text', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await withConnection(wh, async (con) => {
        const tables = await loadReferenceTables(con);
        expect(tables).toEqual(
          expect.arrayContaining(['regions', 'population', 'plan_indicators', 'plan_targets']),
        );
        const types = await rowsOf(
          con,
          `select table_name as t, column_name as c, data_type as d from information_schema.columns
           where table_schema = 'ref' and (column_name like '%\\_code' escape '\\' or column_name like 'division%')`,
        );
        expect(types.length).toBeGreaterThan(5);
        expect(types.filter((x) => x.d !== 'VARCHAR')).toEqual([]);
        // Division 06 keeps its leading zero; the annex has 19 indicators with the city's 2020 targets.
        const mining = await rowsOf(con, "select name_zh from ref.gbt4754_divisions where division = '06'");
        expect(mining).toEqual([{ name_zh: '煤炭开采和洗选业' }]);
        const plan = await rowsOf(
          con,
          'select count(*)::integer as n, max(target_2020) filter (where indicator_no = 12) as total_loans from ref.plan_indicators',
        );
        expect(plan).toEqual([{ n: 19, total_loans: 100 }]);
        const regions = await rowsOf(
          con,
          'select region_code, name_zh, parent_code from ref.regions order by 1',
        );
        expect(regions[0]).toEqual({ region_code: '330500', name_zh: '湖州市', parent_code: '330000' });
        expect(regions).toHaveLength(6);
      });
    } finally {
      wh.close();
    }
  });
});
