import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import { generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { ensureReferenceTables } from '../../pipelines/reference/loadReference.ts';
import {
  addsUp,
  CODES,
  FIXED_NOW,
  INDICATORS_HEADER,
  PLAN_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

// Values that parse as numbers but that no extract can mean: infinity (1e309 overflows a double), NaN-like
// text, and amounts beyond the documented ranges (extractKinds.ts `range`: |amount| ≤ 1e10 万元, head counts
// ≤ 1e7, plan 数值 ≤ 1e12). Each is quarantined as out_of_range naming its column; nothing such reaches raw.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const GOOD_IND = `${CODES.a},2019,25,1200.5,800,-12.5,30,60,5,0,否,是,`;

async function quarantined(name: string, text: string) {
  const path = t.write(name, text);
  const [r] = await t.ingest([path]);
  expect(r.status, r.message).toBe('loaded');
  expect(addsUp(r)).toBe(true);
  const q = await t.read(
    z.object({ line: z.number(), column_name: z.string(), reason: z.string() }),
    'select line, column_name, reason from ops.quarantine where file = $f order by line',
    { f: path },
  );
  return { r, q };
}

describe('poison numbers', () => {
  it('quarantines an amount of 1e309 as out_of_range', async () => {
    // 1e309 is beyond the largest double (≈1.8e308): it reads as infinity
    const bad = `${CODES.b},2019,25,1e309,800,-12.5,30,60,5,0,否,是,`;
    const { r, q } = await quarantined('ind_inf.csv', `${INDICATORS_HEADER}\n${GOOD_IND}\n${bad}\n`);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([2, 1, 1]);
    expect(q).toEqual([{ line: 3, column_name: 'revenue', reason: 'out_of_range' }]);
  });

  it('quarantines amounts beyond 1e10 万元 as out_of_range, in every amount column, 元 headers converted first', async () => {
    // line 3: assets 1e10 万元 + 1; line 4: profit −2e10; line 5: exports 1e32 (what broke DECIMAL(38,6));
    // line 6: 营业收入 under a 元 header — 1e14 元 = 1e10 万元 is the bound itself and loads, line 7: 1e15 元 does not
    const header = INDICATORS_HEADER.replace('营业收入（万元）', '营业收入（元）');
    const rows = [
      `${CODES.a},2019,25,1200,800,-12.5,30,60,5,0,否,是,`,
      `${CODES.b},2019,25,1200,10000000001,1,1,1,1,0,否,否,`,
      `${CODES.c},2019,25,1200,800,-20000000000,1,1,1,0,否,否,`,
      `${CODES.d},2019,25,1200,800,1,1,1,1,1e32,否,否,`,
      `${CODES.e},2019,25,100000000000000,800,1,1,1,1,0,否,否,`,
      `${CODES.a},2020,25,1000000000000000,800,1,1,1,1,0,否,否,`,
    ];
    const { r, q } = await quarantined('ind_big.csv', `${header}\n${rows.join('\n')}\n`);
    expect([r.rows_read, r.rows_loaded, r.rows_quarantined]).toEqual([6, 2, 4]);
    expect(q).toEqual([
      { line: 3, column_name: 'assets', reason: 'out_of_range' },
      { line: 4, column_name: 'profit', reason: 'out_of_range' },
      { line: 5, column_name: 'exports', reason: 'out_of_range' },
      { line: 7, column_name: 'revenue', reason: 'out_of_range' },
    ]);
    const [loaded] = await t.read(
      z.object({ revenue_wan: z.number() }),
      'select revenue_wan from raw.enterprise_indicators where source_file like $f and source_line = 6',
      { f: '%ind_big.csv' },
    );
    expect(loaded.revenue_wan).toBe(1e10);
  });

  it('quarantines a head count above ten million as out_of_range', async () => {
    const bad = `${CODES.b},2019,10000001,1,1,1,1,1,0,0,否,否,`;
    const { q } = await quarantined('ind_staff.csv', `${INDICATORS_HEADER}\n${GOOD_IND}\n${bad}\n`);
    expect(q).toEqual([{ line: 3, column_name: 'employees', reason: 'out_of_range' }]);
  });

  it('quarantines a registered capital of 1e309 or beyond 1e10 万元 as out_of_range', async () => {
    const good = `${CODES.a},甲,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,`;
    const inf = `${CODES.b},乙,有限责任公司,2015-03-05,存续,,330503,C1713,1e309,否,,,`;
    const big = `${CODES.c},丙,有限责任公司,2015-03-05,存续,,330521,C1713,"12,000,000,000",否,,,`;
    const { q } = await quarantined(
      'registry_2018-12-31.csv',
      `${REGISTRY_HEADER}\n${good}\n${inf}\n${big}\n`,
    );
    expect(q).toEqual([
      { line: 3, column_name: 'registered_capital', reason: 'out_of_range' },
      { line: 4, column_name: 'registered_capital', reason: 'out_of_range' },
    ]);
  });

  it('quarantines a plan 数值 of 1e309 or beyond 1e12 as out_of_range, and inf/nan text as value_unparseable', async () => {
    const rows = ['2019,1,330502,1,1523,甲', '2019,2,330502,1,1e309,甲', '2019,3,330502,1,2e12,甲'];
    rows.push('2019,4,330502,1,inf,甲', '2019,,330502,2,NaN,甲');
    const { q } = await quarantined('plan_poison.csv', `${PLAN_HEADER}\n${rows.join('\n')}\n`);
    expect(q).toEqual([
      { line: 3, column_name: 'value', reason: 'out_of_range' },
      { line: 4, column_name: 'value', reason: 'out_of_range' },
      { line: 5, column_name: 'value', reason: 'value_unparseable' },
      { line: 6, column_name: 'value', reason: 'value_unparseable' },
    ]);
  });
});

describe('a value ingest accepts never breaks a build', () => {
  let tmp: TestWarehouse;
  afterAll(() => tmp?.close());

  it('builds after ingesting the largest accepted amounts, head counts, plan values and oldest dates', async () => {
    tmp = await testWarehouse();
    const out = join(tmp.dir, 'tiny');
    await generateExtracts({
      scale: 'tiny',
      seed: 3,
      outDir: out,
      from: 2017,
      to: 2020,
      format: 'csv',
      encoding: 'utf8',
      dirty: 0,
    });
    // Every amount at the top of its range (1e10 万元 exactly, or −1e10 profit), every head count at 1e7, every
    // plan value at 1e12, every registered capital at 1e10 and the established dates at 1900-01-01, the
    // oldest date ingest reads: sums over thousands of such rows must still fit the models' DECIMAL(38,6).
    for (const f of readdirSync(out).filter((n) => n.endsWith('.csv') && n !== 'faults.csv')) {
      const p = join(out, f);
      const [header, ...rows] = readFileSync(p, 'utf8').trimEnd().split('\n');
      const fields = header.split(',');
      const at = (name: string) => fields.findIndex((h) => h.startsWith(name));
      const set: Array<[number, string]> = f.startsWith('registry')
        ? [
            [at('注册资本'), '10000000000'],
            [at('成立日期'), '1900-01-01'],
          ]
        : f.startsWith('indicators')
          ? [
              [at('从业人员'), '10000000'],
              [at('科技人员'), '10000000'],
              ...['营业收入', '资产总额', '纳税总额', '研发费用', '出口额'].map(
                (h) => [at(h), '10000000000'] as [number, string],
              ),
              [at('利润总额'), '-10000000000'],
            ]
          : [[at('数值'), '1000000000000']];
      const rewritten = rows.map((line) => {
        const cells = line.split(',');
        for (const [i, v] of set) if (i >= 0 && cells[i] !== '') cells[i] = v;
        return cells.join(',');
      });
      writeFileSync(p, `${header}\n${rewritten.join('\n')}\n`);
    }
    await withConnection(tmp.wh, ensureReferenceTables);
    const results = await tmp.ingest([out]);
    const extracts = results.filter((r) => r.status !== 'skipped');
    for (const r of extracts) {
      expect(r.status, r.message).toBe('loaded');
      expect(addsUp(r)).toBe(true);
    }
    const [{ out_of_range }] = await tmp.read(
      z.object({ out_of_range: z.number() }),
      "select count(*)::int as out_of_range from ops.quarantine where reason = 'out_of_range'",
    );
    expect(out_of_range).toBe(0); // the bounds themselves are accepted
    const [{ extreme }] = await tmp.read(
      z.object({ extreme: z.number() }),
      'select count(*)::int as extreme from raw.enterprise_indicators where revenue_wan = 1e10',
    );
    expect(extreme).toBeGreaterThan(100);
    const built = await buildWarehouse(tmp.wh, { runId: 'poison', now: FIXED_NOW });
    expect(built.models.length).toBeGreaterThan(5);
  }, 180_000);
});
