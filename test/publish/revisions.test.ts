import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { diffSnapshots } from '../../pipelines/publish/diffSnapshots.ts';
import type { SnapshotRow } from '../../pipelines/publish/publishedSnapshot.ts';
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
