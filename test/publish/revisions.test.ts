import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { diffSnapshots } from '../../pipelines/publish/diffSnapshots.ts';
import type { SnapshotRow } from '../../pipelines/publish/publishedSnapshot.ts';
import { revisionLabel } from '../../pipelines/publish/revisionLabels.ts';
import { buildFixtureWarehouse } from '../models/buildFixture.ts';

const Rev = z.object({
  measure: z.string(),
  old_text: z.string(),
  new_text: z.string(),
  old_run_id: z.string(),
  new_run_id: z.string(),
});

// methodology §6: a late filing changes a published value; the next build records what was printed before and after.
let wh: Warehouse;
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['five_enterprises.sql']);
});
afterAll(() => wh?.close());

describe('revisions recorded by the build', () => {
  it('records nothing when a rebuild changes nothing', async () => {
    await buildWarehouse(wh, { runId: 'rebuild-same', now: () => new Date('2026-02-01T00:00:00Z') });
    const rows = await withConnection(wh, (con) => readRows(con, Rev, 'select * from mart.revisions'));
    expect(rows).toEqual([]);
  });

  it('records a revision of a withheld figure as withheld: "—" → "—", never the values', async () => {
    // A late 2017 filing makes E1 中型 (300 persons, 2000万): it leaves the 2017 scope, so 吴兴's 2017 births
    // drop from 2 to 1 (withheld: 2 firms) and active from 3 to 2 (withheld before too: 南浔's one active
    // firm is withheld and city = 吴兴 + 南浔 would give it back, so 吴兴's 3 went with it). Both are
    // revisions, and both print "—" on each side.
    await withConnection(wh, (con) =>
      con.run(`insert into raw.enterprise_indicators values ('late', 'late.csv', 2, 'E1', true, 2017, 300, 2000.0,
        3000.0, 0.0, 0.0, 0.0, 0, 0.0, false, false, null)`),
    );
    await buildWarehouse(wh, { runId: 'late-data', now: () => new Date('2026-02-02T00:00:00Z') });
    const rows = await withConnection(wh, (con) =>
      readRows(
        con,
        Rev,
        `select measure, old_text, new_text, old_run_id, new_run_id from mart.revisions
         where topic = 'demography' and region_code = '330502' and year = 2017
           and measure in ('births', 'active') order by measure`,
      ),
    );
    expect(rows).toEqual([
      {
        measure: 'active',
        old_text: '—',
        new_text: '—',
        old_run_id: 'rebuild-same',
        new_run_id: 'late-data',
      },
      {
        measure: 'births',
        old_text: '—',
        new_text: '—',
        old_run_id: 'rebuild-same',
        new_run_id: 'late-data',
      },
    ]);
  });
});

describe('diffSnapshots', () => {
  const row = (
    key: string,
    value: number | null,
    text: string,
    status: SnapshotRow['status'] = 'shown',
  ): SnapshotRow => ({
    cell_key: key,
    methodology_version: 'v1',
    topic: 'growth',
    year: 2019,
    period: '',
    region_code: '330502',
    measure: key,
    value,
    value_text: text,
    status,
  });
  const runs = { previous: 'a', current: 'b' };

  it('reports a change only when the printed figure changes (134.65 → 134.6 is no revision; 92.1 → 92.4 is)', () => {
    const before = [row('x', 134.7, '134.7'), row('y', 92.1, '92.1'), row('z', 50, '50.0')];
    const after = [
      row('x', 134.7, '134.7'),
      row('y', 92.4, '92.4'),
      row('z', 50, '50.0'),
      row('new year', 1, '1.0'),
    ];
    expect(diffSnapshots(before, after, runs).map((r) => [r.cell_key, r.old_text, r.new_text])).toEqual([
      ['y', '92.1', '92.4'],
    ]);
  });

  it('a change of suppression pattern alone is no revision; a withheld side prints "—"; a missing value is not revised', () => {
    const before = [
      row('a', 40, '40'),
      row('b', 7, '7'),
      row('c', null, '…', 'missing'),
      row('s', null, '正常'),
    ];
    const after = [
      row('a', 40, '—', 'withheld'),
      row('b', 8, '—', 'withheld'),
      row('c', 3, '3'),
      row('s', null, '滞后'),
    ];
    expect(diffSnapshots(before, after, runs).map((r) => [r.cell_key, r.old_text, r.new_text])).toEqual([
      ['b', '7', '—'],
      ['s', '正常', '滞后'],
    ]);
  });
});

describe('revisions of the indices per 八大万亿产业', () => {
  // test/fixtures/models/industry_slices.sql: the city's 时尚 growth total 2018 is 135.2 (worked out in
  // test/models/industryIndex.test.ts). S8 then files for 2018 late (4 persons, 30万 revenue, 40万 assets, profit
  // 1, tax 0, R&D 0, 1 technician): 时尚 2018 sums become revenue 440, employees 43, assets 640, profit+tax 24,
  // tech staff 7, R&D 4 over 7 filers, so A = (140 + 146.67 + 143.33 + 116.36 + 120)/5 = 133.2727,
  // B = (126.04 + 244.19 + 272.73 + 102.33)/4 = 186.3201, C = 100: total = (0.3·A + 0.25·B + 0.3·C)/0.85 = 137.13.
  let industryWh: Warehouse;
  beforeAll(async () => {
    industryWh = await buildFixtureWarehouse(['industry_slices.sql']);
  });
  afterAll(() => industryWh?.close());

  it('records the printed 时尚 growth total of 2018 before and after a late filing', async () => {
    await withConnection(industryWh, (con) =>
      con.run(`insert into raw.enterprise_indicators values ('late', 'late.csv', 2, 'S8', true, 2018, 4, 30.0,
        40.0, 1.0, 0.0, 0.0, 1, 0.0, false, false, null)`),
    );
    await buildWarehouse(industryWh, { runId: 'late-s8', now: () => new Date('2026-02-02T00:00:00Z') });
    const rows = await withConnection(industryWh, (con) =>
      readRows(
        con,
        Rev,
        `select measure, old_text, new_text, old_run_id, new_run_id from mart.revisions
         where topic = 'industry' and region_code = '330500' and year = 2018 and measure = 'growth:时尚'`,
      ),
    );
    expect(
      revisionLabel(
        { topic: 'industry', measure: 'growth:时尚' },
        {
          indexNames: { growth: '小微企业成长指数', vitality: '活力' },
          indexItems: new Map(),
          planIndicators: new Map(),
        },
      ),
    ).toBe('八大万亿产业 · 时尚 · 小微企业成长指数');
    expect(rows).toEqual([
      {
        measure: 'growth:时尚',
        old_text: '135.2',
        new_text: '137.1',
        old_run_id: 'test-run',
        new_run_id: 'late-s8',
      },
    ]);
  });
});
