import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { writeMethodologyTables } from '../../pipelines/indices/methodologyTables.ts';
import { loadMethodology } from '../../pipelines/methodology/loadMethodology.ts';
import { parseModelFile } from '../../pipelines/models/modelFile.ts';
import { runModel } from '../../pipelines/models/runModels.ts';
import { runSqlScript } from '../../pipelines/models/runSqlScript.ts';
import { writeMonitoringMethodology } from '../../pipelines/monitor/writeMonitoringMethodology.ts';
import { loadReferenceTables } from '../../pipelines/reference/loadReference.ts';
import { CONFIG_AS_MART } from './configAsMart.ts';

// The annual rule of methodology §10 (mart.alerts over mart.growth_index / mart.vitality_index) on hand-made
// index values, v1 thresholds: a total falling ≥ 5 points year on year, a module ≥ 10; 预警 at twice that.
//   吴兴区 growth total 110 → 104.5 (−5.5: 关注) → 94 (−10.5 ≥ 10: 预警); module A 120 → 111 (−9: none) → 100
//     (−11: 关注, < 20).
//   南浔区 vitality total 100 → 95 (−5, exactly the threshold: 关注); module V1 130 → 105 (−25 ≥ 20: 预警).
//   德清县 growth total 120 in 2016, 100 in 2018: no 2017 value, so no year-on-year fall.
//   长兴县 growth total missing in 2018, 80 in 2019: nothing to compare.
let wh: Warehouse;
const Alert = z.object({
  alert_id: z.string(),
  severity: z.string(),
  observed: z.number(),
  expected: z.number(),
  lower: z.number(),
  upper: z.number().nullable(),
  message_zh: z.string(),
  first_seen_run: z.string(),
});
let alerts: z.infer<typeof Alert>[];

beforeAll(async () => {
  wh = await openWarehouse(':memory:');
  alerts = await withConnection(wh, async (con) => {
    await loadReferenceTables(con);
    await runSqlScript(con, 'create schema if not exists mart; create schema if not exists ops;');
    for (const script of [
      'config/create_config.sql',
      'config/create_monitoring.sql',
      'ops/create_alert_first_seen.sql',
    ]) {
      await runSqlScript(con, readSql(`statements/${script}`));
    }
    const v1 = loadMethodology('v1');
    await writeMethodologyTables(con, v1);
    await writeMonitoringMethodology(con, v1);
    await runSqlScript(
      con,
      `create table mart.monthly_expected (methodology_version varchar, region_code varchar, month varchar,
         metric varchar, observed integer, expected double, lower double, upper double, direction varchar,
         severity varchar);
       create table mart.plan_scorecard (methodology_version varchar, period_end date, region_code varchar,
         indicator_no integer, score double, status varchar);
       create table mart.growth_index (methodology_version varchar, year integer, region_code varchar,
         level varchar, code varchar, value double);
       create table mart.vitality_index as from mart.growth_index limit 0;
       insert into mart.growth_index (methodology_version, year, region_code, level, code, value) values
         ('v1', 2018, '330502', 'total', 'total', 110), ('v1', 2019, '330502', 'total', 'total', 104.5),
         ('v1', 2020, '330502', 'total', 'total', 94),
         ('v1', 2018, '330502', 'module', 'A', 120), ('v1', 2019, '330502', 'module', 'A', 111),
         ('v1', 2020, '330502', 'module', 'A', 100),
         -- Indicators never alert on their own.
         ('v1', 2018, '330502', 'indicator', 'A1', 200), ('v1', 2019, '330502', 'indicator', 'A1', 100),
         ('v1', 2016, '330521', 'total', 'total', 120), ('v1', 2018, '330521', 'total', 'total', 100),
         ('v1', 2018, '330522', 'total', 'total', null), ('v1', 2019, '330522', 'total', 'total', 80);
       insert into mart.vitality_index (methodology_version, year, region_code, level, code, value) values
         ('v1', 2018, '330503', 'total', 'total', 100), ('v1', 2019, '330503', 'total', 'total', 95),
         ('v1', 2018, '330503', 'module', 'V1', 130), ('v1', 2019, '330503', 'module', 'V1', 105);`,
    );
    await con.run("set variable xiaowei_run_id = 'run-a'");
    const file = join(REPO_ROOT, 'sql', 'models', 'marts', 'alerts.sql');
    await runModel(
      con,
      parseModelFile(readFileSync(file, 'utf8'), 'models/marts/alerts.sql'),
      CONFIG_AS_MART,
    );
    return readRows(
      con,
      Alert,
      `select alert_id, severity, observed, expected, lower, upper, message_zh, first_seen_run
       from mart.alerts order by alert_id`,
    );
  });
});
afterAll(() => wh?.close());

describe('annual alerts (methodology §10)', () => {
  it('alerts on a total falling ≥ 5 points and a module ≥ 10, 预警 from twice the threshold', () => {
    expect(alerts.map((a) => [a.alert_id, a.severity, a.observed, a.expected, a.lower])).toEqual([
      ['annual:330502:2019:growth.total', '关注', 104.5, 110, 105],
      ['annual:330502:2020:growth.A', '关注', 100, 111, 101],
      ['annual:330502:2020:growth.total', '预警', 94, 104.5, 99.5],
      ['annual:330503:2019:vitality.V1', '预警', 105, 130, 120],
      ['annual:330503:2019:vitality.total', '关注', 95, 100, 95],
    ]);
    expect(alerts.every((a) => a.upper === null && a.first_seen_run === 'run-a')).toBe(true);
  });

  it('says it in one Chinese sentence with the region, the index, the module and the fall', () => {
    expect(alerts.find((a) => a.alert_id === 'annual:330503:2019:vitality.V1')?.message_zh).toBe(
      '【预警】南浔区新设小微企业活力指数2019年创业活跃度模块为105.0，比上年（130.0）下降25.0点。',
    );
    expect(alerts.find((a) => a.alert_id === 'annual:330502:2019:growth.total')?.message_zh).toBe(
      '【关注】吴兴区小微企业成长指数2019年总指数为104.5，比上年（110.0）下降5.5点。',
    );
  });
});
