import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// Quarter-end "8631" scorecards (methodology §5) and the quarterly alert rule (§10) for 德清县 330521, with
// configured targets: no. 1 (stock) 20, no. 2 (annual) 1000, no. 3 (cumulative) 1200 (plan_quarters.sql).
// elapsed = months since 2018-01-01 / 36; score = 100·min(c/e, 1.2); 正常 c ≥ e, 滞后 c ≥ 0.8e, else 严重滞后.
//   no. 3 cumulative (quarters 120, 60, 0, 420; 2019 Q1 150):
//     2018Q1 120/1200 = 0.10 vs 3/36 → 1.2 → 120 正常;   2018Q2 180 → 0.15 vs 6/36 → 0.9 → 90 滞后;
//     2018Q3 180 → 0.15 vs 9/36 → 0.6 → 60 严重滞后;   2018 (= Q4) 600 → 0.5 vs 1/3 → 1.5 → 120 正常;
//     2019Q1 600 + 150 = 750 → 0.625 vs 15/36 → 1.5 → 120 正常 (the full year 2018 plus the year to date).
//   no. 2 annual (quarters 300, 180, 250, 250): year to date against target × share of the year elapsed:
//     Q1 300 → 0.3 vs 0.25 → 120 正常; Q2 480 → 0.48 vs 0.5 → 96 滞后; Q3 730 → 0.73 vs 0.75 → 97.33 滞后;
//     2018 980 → 0.98 vs 1 → 98 滞后 (the year-end row: expected 1, as before).
//   no. 1 stock (2017 baseline 8; quarter-end stocks 12, 9, 9, 14): e = (8 + 12·elapsed) / 20:
//     Q1 12/20 = 0.6 vs 0.45 → 120 正常; Q2 0.45 vs 0.5 → 90 滞后; Q3 0.45 vs 0.55 → 81.82 滞后; 2018 0.7 vs 0.6 → 正常.
// Quarterly alerts = a worsening between consecutive quarter ends: no. 1, 2 and 3 in 2018Q2 (正常 → 滞后, 关注)
// and no. 3 in 2018Q3 (滞后 → 严重滞后: 预警).
let wh: Warehouse;
let methodologyFile: string;
const Score = z.object({
  period: z.string(),
  period_type: z.string(),
  indicator_no: z.number(),
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  score: z.number().nullable(),
  status: z.string().nullable(),
});
const Alert = z.object({
  alert_id: z.string(),
  severity: z.string(),
  observed: z.number(),
  expected: z.number().nullable(),
  message_zh: z.string(),
  first_seen_run: z.string(),
});
const alertsSql = `select alert_id, severity, observed, expected, message_zh, first_seen_run from mart.alerts
  where methodology_version = 'v1-q-test' and rule = 'quarterly' order by alert_id`;

beforeAll(async () => {
  const v1 = JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));
  v1.version = 'v1-q-test';
  v1.scorecard.county_targets = [
    { region_code: '330521', indicator_no: 1, target: 20 },
    { region_code: '330521', indicator_no: 2, target: 1000 },
    { region_code: '330521', indicator_no: 3, target: 1200 },
  ];
  methodologyFile = join(mkdtempSync(join(tmpdir(), 'xw-meth-')), 'v1-q-test.json');
  writeFileSync(methodologyFile, JSON.stringify(v1));
  wh = await buildFixtureWarehouse(['five_enterprises.sql', 'plan_quarters.sql'], [methodologyFile]);
});
afterAll(() => wh?.close());

const scores = () =>
  withConnection(wh, (con) =>
    readRows(
      con,
      Score,
      `select period, period_type, indicator_no, actual, expected, score, status from mart.plan_scorecard
       where region_code = '330521' and indicator_no <= 3 and period_end <= date '2019-03-31' order by indicator_no, period_end`,
    ),
  );

describe('quarter-end "8631" scorecard (methodology §5)', () => {
  it('scores a cumulative indicator at quarter ends: full plan years before plus the year to date', async () => {
    const rows = (await scores()).filter((r) => r.indicator_no === 3);
    expect(rows.map((r) => [r.period, r.period_type, r.actual, r.status])).toEqual([
      ['2018Q1', 'quarter', 120, '正常'],
      ['2018Q2', 'quarter', 180, '滞后'],
      ['2018Q3', 'quarter', 180, '严重滞后'],
      ['2018', 'year', 600, '正常'],
      ['2019Q1', 'quarter', 750, '正常'],
    ]);
    expect(rows.map((r) => r.score)).toEqual([120, expect.closeTo(90, 9), expect.closeTo(60, 9), 120, 120]);
    expect(rows[4].expected).toBeCloseTo(15 / 36, 12);
  });

  it('compares an annual indicator year to date with the share of the year elapsed (1 at the year end)', async () => {
    const rows = (await scores()).filter((r) => r.indicator_no === 2);
    expect(rows.map((r) => [r.period, r.actual, r.expected, r.status])).toEqual([
      ['2018Q1', 300, 0.25, '正常'],
      ['2018Q2', 480, 0.5, '滞后'],
      ['2018Q3', 730, 0.75, '滞后'],
      ['2018', 980, 1, '滞后'],
      // Nothing reported for 2019 Q1 (yet): no actual, no status.
      ['2019Q1', null, 0.25, null],
    ]);
    expect(rows[2].score).toBeCloseTo((100 * 0.73) / 0.75, 9);
  });

  it('takes a stock indicator at the quarter end against the baseline path', async () => {
    const rows = (await scores()).filter((r) => r.indicator_no === 1);
    expect(rows.map((r) => [r.period, r.actual, r.status])).toEqual([
      ['2018Q1', 12, '正常'],
      ['2018Q2', 9, '滞后'],
      ['2018Q3', 9, '滞后'],
      ['2018', 14, '正常'],
      ['2019Q1', null, null],
    ]);
    expect(rows.map((r) => r.expected)).toEqual([
      expect.closeTo(0.45, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0.55, 12),
      expect.closeTo(0.6, 12),
      expect.closeTo(0.65, 12),
    ]);
  });
});

describe('quarterly alerts (methodology §10)', () => {
  it('raises one alert per county indicator whose status worsens between consecutive quarter ends', async () => {
    const alerts = await withConnection(wh, (con) => readRows(con, Alert, alertsSql));
    expect(alerts.map((a) => [a.alert_id, a.severity, a.observed, a.expected])).toEqual([
      ['quarterly:330521:2018Q2:plan_01', '关注', expect.closeTo(90, 9), 120],
      ['quarterly:330521:2018Q2:plan_02', '关注', expect.closeTo(96, 9), 120],
      ['quarterly:330521:2018Q2:plan_03', '关注', expect.closeTo(90, 9), 120],
      ['quarterly:330521:2018Q3:plan_03', '预警', expect.closeTo(60, 9), expect.closeTo(90, 9)],
    ]);
    expect(alerts[3].message_zh).toBe(
      '【预警】德清县“8631”第3项指标（新设小微企业数量）2018年第3季度末进度由“滞后”转为“严重滞后”（得分60.0，上季度末90.0）。',
    );
    expect(alerts.every((a) => a.first_seen_run === 'test-run')).toBe(true);
  });

  it('keeps alert ids and first_seen_run across a rebuild; an alert new in a later build gets that run', async () => {
    const before = await withConnection(wh, (con) => readRows(con, Alert, alertsSql));
    // Late data: 2019 Q1 of no. 2 is 100 → 0.1 vs 0.25 → 严重滞后 after 滞后 at the end of 2018: a new 预警.
    await withConnection(wh, (con) =>
      con.run(
        `insert into raw.plan_indicators values
         ('fixture-plan-late', 'plan_late.csv', 2, 2019, 1, '330521', 2, 100.0, '市人力社保局')`,
      ),
    );
    await buildWarehouse(wh, {
      runId: 'run-2',
      methodologies: [methodologyFile],
      now: () => new Date('2026-02-28T02:00:00Z'),
    });
    const after = await withConnection(wh, (con) => readRows(con, Alert, alertsSql));
    expect(after.filter((a) => a.first_seen_run === 'test-run')).toEqual(before);
    expect(after.filter((a) => a.first_seen_run === 'run-2').map((a) => [a.alert_id, a.severity])).toEqual([
      ['quarterly:330521:2019Q1:plan_02', '预警'],
    ]);
    const notices = await withConnection(wh, (con) =>
      readRows(con, z.object({ alert_id: z.string() }), readSql('queries/monitor/period_alerts.sql'), {
        version: '',
        month: '',
        quarter: '',
        year: '',
        all_periods: true,
      }),
    );
    expect(notices.map((n) => n.alert_id)).toContain('quarterly:330521:2019Q1:plan_02');
  });
});
