import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import {
  loadMethodology,
  methodologyPath,
  parseMethodology,
} from '../../pipelines/methodology/loadMethodology.ts';
import { buildWarehouse } from '../../pipelines/models/buildWarehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';
import { rowsOf } from './rows.ts';

const v1Text = readFileSync(methodologyPath('v1'), 'utf8');

describe('methodology config', () => {
  it('loads v1 with the weights of methodology §3 and §4', () => {
    const m = loadMethodology('v1');
    expect(m.base_year).toBe(2017);
    expect(m.indices.growth.modules.map((x) => [x.code, x.weight])).toEqual([
      ['A', 0.3],
      ['B', 0.25],
      ['C', 0.3],
      ['D', 0.15],
    ]);
    expect(m.indices.vitality.modules.map((x) => x.weight)).toEqual([0.3, 0.3, 0.2, 0.2]);
  });

  it('rejects an invalid file with file: dotted.path: message', () => {
    const bad = JSON.parse(v1Text);
    bad.indices.growth.modules[1].weight = -1;
    bad.scorecard.indicator_kinds.annual = [];
    expect(() => parseMethodology(JSON.stringify(bad), 'v9.json')).toThrow(
      /v9\.json: indices\.growth\.modules\.1\.weight: .*\n.*v9\.json: scorecard\.indicator_kinds: each indicator 1–19 needs exactly one kind/s,
    );
  });
});

describe('several methodology versions in one warehouse', () => {
  let wh: Warehouse;
  let v2File: string;
  beforeAll(async () => {
    // v2 drops indicator A2 and moves weight from module A to module C.
    const v2 = JSON.parse(v1Text);
    v2.version = 'v2-test';
    v2.indices.growth.modules[0].indicators = v2.indices.growth.modules[0].indicators.filter(
      (i: { code: string }) => i.code !== 'A2',
    );
    v2.indices.growth.modules[0].weight = 0.2;
    v2.indices.growth.modules[2].weight = 0.4;
    v2File = join(mkdtempSync(join(tmpdir(), 'xw-v2-')), 'v2-test.json');
    writeFileSync(v2File, JSON.stringify(v2));
    wh = await buildFixtureWarehouse(['five_enterprises.sql']);
  });
  afterAll(() => wh?.close());

  it('keeps each version’s rows, and v1 is unchanged by building v2 beside it', async () => {
    const v1Only = await withConnection(wh, (con) =>
      rowsOf(con, "select * from mart.growth_index where methodology_version = 'v1' order by all"),
    );
    await buildWarehouse(wh, {
      runId: 'two-versions',
      methodologies: ['v1', v2File],
      now: () => new Date(0),
    });
    const counts = await withConnection(wh, (con) =>
      rowsOf(
        con,
        `select methodology_version as v, count(distinct code)::integer as codes from mart.growth_index
         group by all order by v`,
      ),
    );
    // v1: 17 indicators + 4 modules + total = 22 codes; v2 has one indicator fewer.
    expect(counts).toEqual([
      { v: 'v1', codes: 22 },
      { v: 'v2-test', codes: 21 },
    ]);
    const v1After = await withConnection(wh, (con) =>
      rowsOf(con, "select * from mart.growth_index where methodology_version = 'v1' order by all"),
    );
    expect(v1After).toEqual(v1Only);
  });

  it('drops a version left out of a later build, so no index outlives the data it came from', async () => {
    await buildWarehouse(wh, { runId: 'v1-again', methodologies: ['v1'], now: () => new Date(0) });
    const versions = await withConnection(wh, (con) =>
      rowsOf(
        con,
        'select distinct methodology_version as v from mart.growth_index union select methodology_version from mart.methodology',
      ),
    );
    expect(versions).toEqual([{ v: 'v1' }]);
  });
});
