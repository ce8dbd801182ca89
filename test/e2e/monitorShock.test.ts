import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { loadMonitorMonth, loadRecentMonitorMonths } from '../../pipelines/monitor/loadMonitorMonth.ts';
import { writeMonitorBulletin } from '../../pipelines/monitor/writeMonitorBulletin.ts';
import { buildGeneratedWarehouse, fixedNow } from './generatedWarehouse.ts';

// Monitoring on city-scale generated data (methodology §10): the same register twice, once clean and once with
// 南浔区's 注销 of June 2020 tripled (`--event 330503:2020-06:deaths_cancelled:3`). The simulation ends with
// 2020 so the two registers agree on every other month (the event is applied at the end of 2020's simulation).
// Only the 2013 and 2020 snapshots are loaded: a snapshot lists closed entities too, so the 2020 one holds every
// month's flows, and the 2013 one starts the covered months at 2013-01 (about a minute each, twice).
const SHOCK = 'monthly:330503:2020-06:deaths_cancelled';
let clean: Warehouse;
let shocked: Warehouse;
let shockedDir: string;
let cleanDir: string;
const pick = (out: string) => [join(out, 'registry_2013-12-31.csv'), join(out, 'registry_2020-12-31.csv')];
const Alert = z.object({ alert_id: z.string(), severity: z.string(), first_seen_run: z.string() });
const alertsOf = (wh: Warehouse) =>
  withConnection(wh, (con) =>
    readRows(
      con,
      Alert,
      "select alert_id, severity, first_seen_run from mart.alerts where rule = 'monthly' order by alert_id",
    ),
  );

beforeAll(async () => {
  const gen = { scale: 'city', seed: 3, from: 2013, to: 2020, dirty: 0 } as const;
  ({ wh: clean, dir: cleanDir } = await buildGeneratedWarehouse(gen, pick));
  ({ wh: shocked, dir: shockedDir } = await buildGeneratedWarehouse(
    { ...gen, events: ['330503:2020-06:deaths_cancelled:3'] },
    pick,
  ));
}, 900_000);
afterAll(() => {
  clean?.close();
  shocked?.close();
  // Two city-scale extracts and warehouses (≈ 250 MB each): never left in the temp folder.
  for (const dir of [cleanDir, shockedDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const sentences = (html: string) => [...html.matchAll(/<li>(【[^<]*)<\/li>/g)].map((m) => m[1]);

describe('monitoring on city-scale generated data', () => {
  it('raises an alert for exactly the shocked county, month and metric', async () => {
    const before = new Set((await alertsOf(clean)).map((a) => a.alert_id));
    const after = await alertsOf(shocked);
    expect(after.filter((a) => !before.has(a.alert_id)).map((a) => a.alert_id)).toEqual([SHOCK]);
    expect(after.find((a) => a.alert_id === SHOCK)?.severity).toBe('预警');
    // The spike also lifts the trend factor g of the same series for the next 12 months, so a borderline alert
    // there may go quiet (the rule as §10 defines it); nothing else changes.
    const quieted = [...before].filter((id) => !after.some((a) => a.alert_id === id));
    for (const id of quieted)
      expect(id).toMatch(/^monthly:330503:(2020-(0[7-9]|1[0-2])|2021-0[1-6]):deaths_cancelled$/);
  });

  it('keeps clean data quiet: at most 5 % of region-month-metric cells alert', async () => {
    const [rate] = await withConnection(clean, (con) =>
      readRows(
        con,
        z.object({ cells: z.number(), judged: z.number(), alerts: z.number() }),
        `select count(*)::integer as cells, count(expected)::integer as judged,
           count(direction)::integer as alerts
         from mart.monthly_expected where not is_partial`,
      ),
    );
    // 96 months × 6 regions × 6 metrics; 2013–14 have too few previous years to be judged.
    expect(rate.cells).toBe(96 * 36);
    expect(rate.judged).toBe(72 * 36);
    expect(rate.alerts / rate.judged).toBeLessThanOrEqual(0.05);
  });

  it('gives the same alert ids on a rebuild, each keeping the run that first raised it', async () => {
    const first = await alertsOf(clean);
    await buildWarehouse(clean, { runId: 'e2e-2', now: fixedNow });
    const again = await alertsOf(clean);
    expect(again).toEqual(first);
    expect(again.every((a) => a.first_seen_run === 'e2e-1')).toBe(true);
  });

  it("names the county in the month's bulletin, and the bulletin passes the publication guard", async () => {
    const outDir = join(shockedDir, 'monitor');
    const r = await writeMonitorBulletin({ dbPath: join(shockedDir, 'w.duckdb'), month: '2020-06', outDir });
    expect(r.guard.findings).toEqual([]);
    const html = readFileSync(r.htmlPath, 'utf8');
    const shock = sentences(html).filter((t) => t.includes('南浔区2020年6月注销企业'));
    expect(shock).toHaveLength(1);
    expect(shock[0]).toMatch(/^【预警】南浔区2020年6月注销企业\d+户，比预期（约[\d.]+户）多[\d.]+户/);
    const csv = readFileSync(join(r.dir, 'tables', 'monitor-alerts.csv'), 'utf8');
    expect(csv).toMatch(/预警,南浔区,2020年6月,注销企业,/);
  });

  it("reads the dashboard's twelve months in one pass exactly as month by month, alerts included", async () => {
    const path = join(shockedDir, 'w.duckdb');
    const { recent, oneByOne } = await withConnection(shocked, async (con) => {
      const recent = await loadRecentMonitorMonths(con, { path, count: 12 });
      const oneByOne = [];
      for (const m of recent) oneByOne.push(await loadMonitorMonth(con, { month: m.month, path }));
      return { recent, oneByOne };
    });
    expect(recent.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2020-${String(12 - i).padStart(2, '0')}`),
    );
    const strip = ({ publication, ...rest }: (typeof recent)[number]) => rest;
    expect(recent.map(strip)).toEqual(oneByOne.map(strip));
    expect(recent.find((m) => m.month === '2020-06')?.alerts.map((a) => a.alert_id)).toContain(SHOCK);
    expect(recent.every((m) => m.series.length === 24 * 36)).toBe(true);
  });
});
