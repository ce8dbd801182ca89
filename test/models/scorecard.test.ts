import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';
import { rowsOf } from './rows.ts';

// Small/micro firms active at the end of 2017 (five_enterprises.sql): city 4, 吴兴 3, 南浔 1, others 0,
// so default county targets are city target × 0.75 (吴兴) and × 0.25 (南浔). A test methodology adds
// configured targets of 1000 for indicator 3 in 德清 and 长兴, which both report 400 in 2018: a tie.
let wh: Warehouse;
let rows: Record<string, unknown>[];
const get = (region: string, no: number) => {
  const r = rows.find(
    (x) => x.region_code === region && x.indicator_no === no && x.period_end === '2018-12-31',
  );
  if (!r) throw new Error(`no row ${region} ${no}`);
  return r;
};

beforeAll(async () => {
  const v1 = JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));
  v1.version = 'v1-tie-test';
  v1.scorecard.county_targets = [
    { region_code: '330521', indicator_no: 3, target: 1000 },
    { region_code: '330522', indicator_no: 3, target: 1000 },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'xw-meth-')), 'v1-tie-test.json');
  writeFileSync(file, JSON.stringify(v1));
  wh = await buildFixtureWarehouse(['five_enterprises.sql', 'plan_2018.sql'], [file]);
  rows = await withConnection(wh, (con) =>
    rowsOf(
      con,
      "select * exclude (period_end), strftime(period_end, '%Y-%m-%d') as period_end from mart.plan_scorecard where methodology_version = 'v1-tie-test'",
    ),
  );
});
afterAll(() => wh?.close());

describe('"8631" scorecard (methodology §5)', () => {
  it('scores a cumulative indicator against elapsed time with a default county target', () => {
    // 吴兴 no. 3: target 30000·0.75 = 22500; c = 8000/22500 = 0.35556; e = 12/36; score = 100·c/e = 106.667.
    const r = get('330502', 3);
    expect(r.target).toBe(22500);
    expect(r.completion).toBeCloseTo(8000 / 22500, 12);
    expect(r.expected).toBeCloseTo(1 / 3, 12);
    expect(r.score).toBeCloseTo(106.6667, 3);
    expect(r.status).toBe('正常');
  });

  it('sums four quarters into the year and marks a severe lag', () => {
    // 南浔 no. 3: 4·450 = 1800 against 7500: c = 0.24, c/e = 0.72 < 0.8 → 严重滞后, score 72.
    const r = get('330503', 3);
    expect(r.actual).toBe(1800);
    expect(r.score).toBeCloseTo(72, 9);
    expect(r.status).toBe('严重滞后');
  });

  it('needs all four quarters for a year value', () => {
    expect(get('330523', 3).actual).toBeNull();
    expect(get('330523', 3).score).toBeNull();
  });

  it('scores an annual indicator against the full target and a stock against its baseline path', () => {
    // 吴兴 no. 2: 36000 / (60000·0.75) = 0.8, e = 1 → 滞后, score 80.
    expect(get('330502', 2)).toMatchObject({ kind: 'annual', status: '滞后' });
    expect(get('330502', 2).score).toBeCloseTo(80, 9);
    // 吴兴 no. 1: baseline 10, target 60; e = (10 + 50/3)/60 = 0.44444; c = 30/60 = 0.5; score = 112.5.
    expect(get('330502', 1).expected).toBeCloseTo((10 + 50 / 3) / 60, 12);
    expect(get('330502', 1).score).toBeCloseTo(112.5, 9);
  });

  it('caps a score at 120 and gives tied counties the better rank', () => {
    // 德清 and 长兴: c = 0.4, e = 1/3, c/e = 1.2 → 120 each, total 120 each: both rank 1.
    expect(get('330521', 3).score).toBeCloseTo(120, 9);
    expect(get('330521', 3).rank).toBe(1);
    expect(get('330522', 3).rank).toBe(1);
    // 吴兴 total = mean(106.667, 80, 112.5) = 99.722 → rank 3 (1, 1, 3, 4); 南浔 72 → rank 4.
    expect(get('330502', 3).total_score).toBeCloseTo((800 / 7.5 + 80 + 112.5) / 3, 9);
    expect(get('330502', 3).rank).toBe(3);
    expect(get('330503', 3).rank).toBe(4);
  });

  it('scores the city against the annex targets without ranking it', () => {
    // City no. 3: 9000 / 30000 = 0.3; its own report, not the sum of counties.
    expect(get('330500', 3).actual).toBe(9000);
    expect(get('330500', 3).completion).toBeCloseTo(0.3, 12);
    expect(get('330500', 3).rank).toBeNull();
  });
});
