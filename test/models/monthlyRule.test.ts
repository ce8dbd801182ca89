import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { loadMethodology } from '../../pipelines/methodology/loadMethodology.ts';
import { parseModelFile } from '../../pipelines/models/modelFile.ts';
import { runModel } from '../../pipelines/models/runModels.ts';
import { runSqlScript } from '../../pipelines/models/runSqlScript.ts';
import { writeMonitoringMethodology } from '../../pipelines/monitor/writeMonitoringMethodology.ts';
import { CONFIG_AS_MART } from './configAsMart.ts';

// The monthly rule of methodology §10 (sql/models/marts/monthly_expected.sql) on hand-made series, with the
// thresholds of v1 (3 years, ≥ 2 needed, 12-month trend, 3√μ, 1.5× / 0.5×, ≥ 10, 预警 at 2× the threshold).
// Months 2016-01 … 2019-02 (the last one partial). 吴兴区 330502, every metric: 40 a month in 2016, 50 in
// 2017, 60 in 2018; January 2019 differs by metric:
//   E = (60 + 50 + 40) / 3 = 50; g = Σ 2018 / Σ 2017 = 720 / 600 = 1.2; μ = g·E = 60; 3√μ = 23.24.
//   High threshold T = max(23.24, (1.5 − 1)·60 = 30, 10) = 30 → upper 90; low T = max(23.24, 30, 10) = 30 →
//   lower 30. 预警 when |y − μ| ≥ 2·30 = 60.
//   births 95: 95 > 83.24, ≥ 90, +35 ≥ 10 → high, 35 < 60 → 关注.
//   deaths_cancelled 121: +61 ≥ 60 → high 预警.
//   deaths_revoked 89: above μ + 3√μ but below 1.5μ = 90 → no alert.
//   conversions 29: < 36.76, ≤ 30, −31 → low 关注.   indiv_births 0: −60 → low 预警.   indiv_deaths 60: none.
// 安吉县 330523 births: the same series but 500 in June 2017 — one previous year only (2016): no expectation.
// 德清县 330521 births: zero until 50 in January 2019: g = 0/0 is undefined → no expectation, no alert.
// 长兴县 330522 births: 10 a month but 0 every January 2016–2018, then 12 in January 2019: E = 0, g = 110/110 = 1,
//   μ = 0, T = max(0, 0, 10) = 10 → 12 is a high 关注 (the ≥ 10 absolute condition alone decides).
let wh: Warehouse;
const Row = z.object({
  methodology_version: z.string(),
  region_code: z.string(),
  month: z.string(),
  metric: z.string(),
  observed: z.number(),
  is_partial: z.boolean(),
  seasonal_mean: z.number().nullable(),
  years_used: z.number(),
  trend_factor: z.number().nullable(),
  expected: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  direction: z.string().nullable(),
  severity: z.string().nullable(),
});
let rows: z.infer<typeof Row>[];
const cell = (region: string, month: string, metric: string, version = 'v1') => {
  const r = rows.find(
    (x) =>
      x.methodology_version === version &&
      x.region_code === region &&
      x.month === month &&
      x.metric === metric,
  );
  if (!r) throw new Error(`no row ${version} ${region} ${month} ${metric}`);
  return r;
};

beforeAll(async () => {
  wh = await openWarehouse(':memory:');
  rows = await withConnection(wh, async (con) => {
    await runSqlScript(con, 'create schema if not exists mart; create schema if not exists ops;');
    await runSqlScript(con, readSql('macros/safe_div.sql'));
    await runSqlScript(con, readSql('statements/config/create_config.sql'));
    await runSqlScript(con, readSql('statements/config/create_monitoring.sql'));
    const v1 = loadMethodology('v1');
    await writeMonitoringMethodology(con, v1);
    // A variant that needs three previous years: isolates the too-few-years rule from the trend window.
    await writeMonitoringMethodology(con, {
      ...v1,
      version: 'v1-min3',
      monitoring: { ...v1.monitoring, monthly: { ...v1.monitoring.monthly, min_years: 3 } },
    });
    await runSqlScript(
      con,
      `create table mart.monthly_flows as
       with months as (
         select m::date as m from range(date '2016-01-01', date '2019-03-01', interval 1 month) as t (m)
       ),
       jan2019 (metric, v) as (values ('births', 95), ('deaths_cancelled', 121), ('deaths_revoked', 89),
         ('conversions', 29), ('indiv_births', 0), ('indiv_deaths', 60)),
       wuxing as (
         select '330502' as region_code, m, j.metric,
           case when year(m) = 2016 then 40 when year(m) = 2017 then 50 when year(m) = 2018 then 60
                when m = date '2019-01-01' then j.v
                when j.metric = 'births' then 500 else 60 end as value
         from months, jan2019 as j
       ),
       anji as (
         select '330523', m, 'births', case when m = date '2017-06-01' then 500 else 40 + 10 * least(year(m) - 2016, 2) end
         from months
       ),
       deqing as (select '330521', m, 'births', case when m = date '2019-01-01' then 50 else 0 end from months),
       changxing as (
         select '330522', m, 'births', case when m = date '2019-01-01' then 12 when month(m) = 1 then 0 else 10 end
         from months
       )
       select region_code, strftime(m, '%Y-%m') as month, metric, value::integer as value, m = date '2019-02-01' as is_partial
       from (select * from wuxing union all select * from anji union all select * from deqing
             union all select * from changxing)`,
    );
    await con.run("set variable xiaowei_run_id = 'test'");
    const file = join(REPO_ROOT, 'sql', 'models', 'marts', 'monthly_expected.sql');
    await runModel(
      con,
      parseModelFile(readFileSync(file, 'utf8'), 'models/marts/monthly_expected.sql'),
      CONFIG_AS_MART,
    );
    return readRows(con, Row, 'select * from mart.monthly_expected');
  });
});
afterAll(() => wh?.close());

describe('monthly rule (methodology §10): seasonal mean × trend factor, μ ± 3√μ, 1.5× / 0.5×, ≥ 10', () => {
  it('scales the mean of the same month in three previous years by the trend factor', () => {
    const r = cell('330502', '2019-01', 'births');
    expect(r.seasonal_mean).toBe(50);
    expect(r.years_used).toBe(3);
    expect(r.trend_factor).toBeCloseTo(1.2, 12);
    expect(r.expected).toBeCloseTo(60, 9);
    expect(r.lower).toBeCloseTo(30, 9);
    expect(r.upper).toBeCloseTo(90, 9);
  });

  it('raises 关注 above the band, 预警 at twice the threshold, and nothing below 1.5 μ', () => {
    expect([
      cell('330502', '2019-01', 'births').direction,
      cell('330502', '2019-01', 'births').severity,
    ]).toEqual(['high', '关注']);
    const severe = cell('330502', '2019-01', 'deaths_cancelled');
    expect([severe.direction, severe.severity]).toEqual(['high', '预警']);
    const belowRatio = cell('330502', '2019-01', 'deaths_revoked');
    expect([belowRatio.direction, belowRatio.severity]).toEqual([null, null]);
    expect(cell('330502', '2019-01', 'indiv_deaths').direction).toBeNull();
  });

  it('raises low alerts: 关注 below 0.5 μ, 预警 when the fall reaches twice the threshold', () => {
    const low = cell('330502', '2019-01', 'conversions');
    expect([low.direction, low.severity]).toEqual(['low', '关注']);
    const collapse = cell('330502', '2019-01', 'indiv_births');
    expect([collapse.direction, collapse.severity]).toEqual(['low', '预警']);
  });

  it('uses two previous years when only two are covered (E over 2016 and 2017, g = 600 / 480)', () => {
    // 2018-01: E = (50 + 40) / 2 = 45, g = 1.25, μ = 56.25; T = max(22.5, 28.125, 10) = 28.125.
    const r = cell('330502', '2018-01', 'births');
    expect([r.years_used, r.seasonal_mean, r.trend_factor]).toEqual([2, 45, 1.25]);
    expect(r.expected).toBeCloseTo(56.25, 12);
    expect(r.upper).toBeCloseTo(84.375, 12);
    expect(r.lower).toBeCloseTo(28.125, 12);
  });

  it('gives no expectation and no alert with fewer previous years than needed', () => {
    const oneYear = cell('330523', '2017-06', 'births');
    expect([oneYear.observed, oneYear.years_used, oneYear.expected, oneYear.direction]).toEqual([
      500,
      1,
      null,
      null,
    ]);
    // Needing three years: 2018-01 has two, so no expectation although the trend factor exists.
    const strict = cell('330502', '2018-01', 'births', 'v1-min3');
    expect([strict.years_used, strict.trend_factor, strict.expected, strict.direction]).toEqual([
      2,
      1.25,
      null,
      null,
    ]);
  });

  it('gives no expectation when the trend factor is undefined (nothing a year earlier)', () => {
    const r = cell('330521', '2019-01', 'births');
    expect([r.observed, r.trend_factor, r.expected, r.direction]).toEqual([50, null, null, null]);
  });

  it('alerts on a month that never had any once it reaches the absolute minimum of 10', () => {
    const r = cell('330522', '2019-01', 'births');
    expect([r.seasonal_mean, r.trend_factor, r.expected, r.upper]).toEqual([0, 1, 0, 10]);
    expect([r.direction, r.severity]).toEqual(['high', '关注']);
  });

  it('shows the partial month against its expectation but never alerts on it', () => {
    // 2019-02: E = 50, g = (60·11 + 95) / (50·11 + 60) = 755 / 610; y = 500 would be far above.
    const r = cell('330502', '2019-02', 'births');
    expect(r.is_partial).toBe(true);
    expect(r.expected).toBeCloseTo((50 * 755) / 610, 9);
    expect(r.observed).toBeGreaterThan(r.upper ?? 0);
    expect([r.direction, r.severity]).toEqual([null, null]);
  });
});
