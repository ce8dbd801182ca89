import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { readAlertNotices } from '../../pipelines/monitor/readAlertNotices.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';

// A notification leaves the building like the bulletin does: an alert on a county month of 1–2 enterprises must
// not carry the count (mart.alerts words every alert with its numbers; the notifier used to send that sentence).
// Tiny data never reach the alert thresholds, so the test adds two alerts to the built mart: one on a county
// month of 1–2 firms (withheld) and a quarterly one (sent as the mart words it).
let wh: Warehouse;
let dir: string;
const Cell = z.object({ region_code: z.string(), month: z.string(), metric: z.string(), value: z.number() });
let small: z.infer<typeof Cell>;

beforeAll(async () => {
  ({ wh, dir } = await buildGeneratedWarehouse({ scale: 'tiny', seed: 5, from: 2017, to: 2020, dirty: 0 }));
  await withConnection(wh, async (con) => {
    const pick = (where: string, order: string) =>
      readRows(
        con,
        Cell,
        `select region_code, month, metric, value::integer as value from mart.monthly_flows
         where metric = 'births' and region_code <> '330500' and ${where}
         order by ${order}, month, region_code limit 1`,
      );
    [small] = await pick('value between 1 and 2', 'value');
    const insert = (c: z.infer<typeof Cell>, message: string) =>
      con.run(
        `insert into mart.alerts (methodology_version, alert_id, rule, region_code, period, metric, observed,
           expected, lower, upper, severity, message_zh, first_seen_run)
         select max(methodology_version), $id, 'monthly', $region, $month, 'births', $observed, 9.5, 4.0, 15.0,
           '关注', $message, 'e2e-1' from mart.alerts`,
        {
          id: `monthly:${c.region_code}:${c.month}:births`,
          region: c.region_code,
          month: c.month,
          observed: c.value,
          message,
        },
      );
    await insert(small, `【关注】测试：新设企业${small.value}户，比预期（约9.5户）少${9.5 - small.value}户`);
    // A quarterly "8631" alert: a departmental score, never a firm count, sent as the mart words it.
    await con.run(
      `insert into mart.alerts (methodology_version, alert_id, rule, region_code, period, metric, observed,
         expected, lower, upper, severity, message_zh, first_seen_run)
       select max(methodology_version), 'quarterly:330521:2020Q2:plan_03', 'quarterly', '330521', '2020Q2',
         'plan_03', 60, 80, 60, 80, '预警', '【预警】测试：德清县2020年第2季度“8631”第3项转为严重滞后', 'e2e-1'
       from mart.alerts`,
    );
  });
  wh.close();
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('alert notifications go through the publication rules', () => {
  it('leaves a withheld count (1–2 firms) out of the message, and sends any other alert as worded', async () => {
    expect(small).toBeDefined();
    const notices = await readAlertNotices(join(dir, 'w.duckdb'));
    const byId = new Map(notices.map((n) => [n.alert_id, n.message_zh]));
    const withheld = byId.get(`monthly:${small.region_code}:${small.month}:births`);
    expect(withheld).toMatch(/^【关注】.+月新设企业明显低于预期（约9\.5户），实际数按发布规则不予公布。$/);
    expect(withheld).not.toMatch(new RegExp(`${small.value}户`));
    expect(byId.get('quarterly:330521:2020Q2:plan_03')).toBe(
      '【预警】测试：德清县2020年第2季度“8631”第3项转为严重滞后',
    );
    expect(notices.length).toBeGreaterThanOrEqual(2);
  });
});
