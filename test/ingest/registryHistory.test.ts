import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import { buildRegistryHistory } from '../../pipelines/ingest/buildRegistryHistory.ts';
import { CODES, REGISTRY_HEADER, type TestWarehouse, testWarehouse } from './helpers.ts';

// Two snapshots. a: 存续 → 注销 (status change); b: county 330503 → 330502; c: unchanged; d: new in 2020.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
  const s2019 = [
    `${CODES.a},甲,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,`,
    `${CODES.b},乙,有限责任公司,2016-01-01,存续,,330503,C1713,10,否,,,`,
    `${CODES.c},丙,有限责任公司,2017-01-01,在业,,330521,F5123,5,否,,,`,
  ];
  const s2020 = [
    `${CODES.a},甲,有限责任公司,2015-03-05,注销,2020-06-30,330502,C1713,100,否,,,`,
    `${CODES.b},乙,有限责任公司,2016-01-01,存续,,330502,C1713,10,否,,,`,
    `${CODES.c},丙,有限责任公司,2017-01-01,在业,,330521,F5123,5,否,,,`,
    `${CODES.d},丁,个体工商户,2020-05-01,存续,,330522,F5243,1,否,,,`,
  ];
  const results = await t.ingest([
    t.write('registry_2019-12-31.csv', `${REGISTRY_HEADER}\n${s2019.join('\n')}\n`),
    t.write('registry_2020-12-31.csv', `${REGISTRY_HEADER}\n${s2020.join('\n')}\n`),
  ]);
  expect(results.map((r) => r.rows_loaded)).toEqual([3, 4]);
  await withConnection(t.wh, buildRegistryHistory);
});
afterAll(() => t.close());

describe('staging.stg_registry_history', () => {
  it('keeps one row per entity state with valid_from/valid_to across two snapshots', async () => {
    const rows = await t.rows(
      `select uscc, valid_from, valid_to, is_current, status, closed_on, county_code, snapshots_seen
       from staging.stg_registry_history order by uscc, valid_from`,
    );
    const key = (u: string) => u.slice(0, 8) + u.slice(-2);
    expect(rows.map((r) => ({ ...r, uscc: key(r.uscc as string) }))).toEqual([
      // a: status change kept as two states
      {
        uscc: key(CODES.a),
        valid_from: '2019-12-31',
        valid_to: '2020-12-31',
        is_current: false,
        status: '存续',
        closed_on: null,
        county_code: '330502',
        snapshots_seen: '1',
      },
      {
        uscc: key(CODES.a),
        valid_from: '2020-12-31',
        valid_to: null,
        is_current: true,
        status: '注销',
        closed_on: '2020-06-30',
        county_code: '330502',
        snapshots_seen: '1',
      },
      // b: county change kept as two states
      {
        uscc: key(CODES.b),
        valid_from: '2019-12-31',
        valid_to: '2020-12-31',
        is_current: false,
        status: '存续',
        closed_on: null,
        county_code: '330503',
        snapshots_seen: '1',
      },
      {
        uscc: key(CODES.b),
        valid_from: '2020-12-31',
        valid_to: null,
        is_current: true,
        status: '存续',
        closed_on: null,
        county_code: '330502',
        snapshots_seen: '1',
      },
      // c: unchanged → one state seen in both snapshots
      {
        uscc: key(CODES.c),
        valid_from: '2019-12-31',
        valid_to: null,
        is_current: true,
        status: '在业',
        closed_on: null,
        county_code: '330521',
        snapshots_seen: '2',
      },
      // d: new in the second snapshot
      {
        uscc: key(CODES.d),
        valid_from: '2020-12-31',
        valid_to: null,
        is_current: true,
        status: '存续',
        closed_on: null,
        county_code: '330522',
        snapshots_seen: '1',
      },
    ]);
  });

  it('satisfies its declared checks: unique (uscc, valid_from), not null uscc and valid_from', async () => {
    const dup = await t.rows(
      'select uscc, valid_from from staging.stg_registry_history group by all having count(*) > 1',
    );
    const nulls = await t.rows(
      'select * from staging.stg_registry_history where uscc is null or valid_from is null',
    );
    expect([dup, nulls]).toEqual([[], []]);
  });
});
