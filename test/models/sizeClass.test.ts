import { describe, expect, it } from 'vitest';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { runSqlScript } from '../../pipelines/models/runSqlScript.ts';
import { rowsOf } from './rows.ts';

// 工业 row of the 2011 standard: 小型 ≥ 20 persons and ≥ 300万元; 中型 ≥ 300 and ≥ 2000; 大型 ≥ 1000 and ≥ 40000.
const industry = '20, 300, null, 300, 2000, null, 1000, 40000, null';
const cases: [string, string, string | null][] = [
  ['20, 300.0, null', industry, '小型'], // exactly on both 小型 bounds
  ['19, 99999.0, null', industry, '微型'], // one criterion below is enough for 微型
  ['1000, 39999.0, null', industry, '中型'], // large needs both: one tier down
  ['1000, 40000.0, null', industry, '大型'],
  ['null, 100.0, null', industry, '微型'], // revenue below 300 decides 微型 even without employees
  ['null, 500.0, null', industry, null], // employees missing and revenue not decisive: unknown
  ['500, 50000.0, 50000.0', 'null, null, null, null, null, null, null, null, null', null], // no industry row
];

describe('size_class macro (工信部联企业〔2011〕300号)', () => {
  it.each(cases)('classifies filing (%s) under bounds (%s) as %s', async (filing, bounds, expected) => {
    const wh = await openWarehouse(':memory:');
    try {
      const rows = await withConnection(wh, async (con) => {
        await runSqlScript(con, readSql('macros/size_class.sql'));
        // Literal test values only: the macro's arguments are the case table above.
        return rowsOf(con, `select size_class(${filing}, ${bounds}) as c`);
      });
      expect(rows[0].c).toBe(expected);
    } finally {
      wh.close();
    }
  });
});
