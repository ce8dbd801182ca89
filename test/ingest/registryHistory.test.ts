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

// Three snapshots. a: 存续 → 迁出 → 存续 (moves out, then back: its first and third states are equal, which
// the speed path must not merge into one); c: unchanged in all three; e: listed 2018 and 2020, absent from
// 2019 (unchanged: one state seen twice); d: new in 2020 (so the 2020 file differs from the 2018 one).
describe('staging.stg_registry_history: a firm that returns to an earlier state', () => {
  let r: TestWarehouse;
  beforeAll(async () => {
    r = await testWarehouse();
    const a = (status: string) => `${CODES.a},甲,有限责任公司,2015-03-05,${status},,330502,C1713,100,否,,,`;
    const c = `${CODES.c},丙,有限责任公司,2017-01-01,在业,,330521,F5123,5,否,,,`;
    const e = `${CODES.e},戊,有限责任公司,2016-06-01,存续,,330523,C1713,0,否,,,`;
    const d = `${CODES.d},丁,个体工商户,2020-05-01,存续,,330522,F5243,1,否,,,`;
    const file = (date: string, lines: string[]) =>
      r.write(`registry_${date}.csv`, `${REGISTRY_HEADER}\n${lines.join('\n')}\n`);
    await r.ingest([
      file('2018-12-31', [a('存续'), c, e]),
      file('2019-12-31', [a('迁出'), c]),
      file('2020-12-31', [a('存续'), c, e, d]),
    ]);
    await withConnection(r.wh, buildRegistryHistory);
  });
  afterAll(() => r.close());

  it('keeps A → B → A as three states, each with its own first and last snapshot', async () => {
    const rows = await r.rows(
      `select uscc, valid_from, valid_to, last_seen_on, snapshots_seen, is_current, status,
         parse_filename(source_file) as source_file
       from staging.stg_registry_history where uscc <> $d order by uscc, valid_from`,
      { d: CODES.d },
    );
    const key = (u: string) => u.slice(0, 8) + u.slice(-2);
    const row = (
      u: string,
      from: string,
      to: string | null,
      last: string,
      seen: string,
      status: string,
      file: string,
    ) => ({
      uscc: key(u),
      valid_from: from,
      valid_to: to,
      last_seen_on: last,
      snapshots_seen: seen,
      is_current: to === null,
      status,
      source_file: file,
    });
    expect(rows.map((x) => ({ ...x, uscc: key(x.uscc as string) }))).toEqual([
      row(CODES.a, '2018-12-31', '2019-12-31', '2018-12-31', '1', '存续', 'registry_2018-12-31.csv'),
      row(CODES.a, '2019-12-31', '2020-12-31', '2019-12-31', '1', '迁出', 'registry_2019-12-31.csv'),
      // the third state is the first one again, but a state of its own, from its own snapshot
      row(CODES.a, '2020-12-31', null, '2020-12-31', '1', '存续', 'registry_2020-12-31.csv'),
      // unchanged in three snapshots: one state, last seen in the latest snapshot
      row(CODES.c, '2018-12-31', null, '2020-12-31', '3', '在业', 'registry_2018-12-31.csv'),
      // absent from the 2019 snapshot, unchanged otherwise: one state seen twice
      row(CODES.e, '2018-12-31', null, '2020-12-31', '2', '存续', 'registry_2018-12-31.csv'),
    ]);
  });
});
