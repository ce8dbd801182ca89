import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { compareWithEngine, INDUSTRY_MARTS } from '../../pipelines/indices/compareWithEngine.ts';
import { readModels } from '../../pipelines/models/modelFile.ts';
import { runModel } from '../../pipelines/models/runModels.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';

// mart.growth_index and mart.vitality_index are SQL models; the TypeScript engine (computeIndex, the oracle)
// recomputes them from the same inputs and methodology tables, and every row must agree to 1e-12.

describe('index marts agree with the engine on generated data (tiny, seed 7, 2 % dirty rows)', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    ({ wh } = await buildGeneratedWarehouse({ scale: 'tiny', seed: 7, from: 2013, to: 2024, dirty: 0.02 }));
  });
  afterAll(() => wh?.close());

  it('compares every row of both marts and finds no difference above 1e-12', async () => {
    const result = await withConnection(wh, (con) => compareWithEngine(con));
    expect(result.mismatches).toEqual([]);
    // 6 regions × 12 years × (growth: 17 indicators + 4 modules + total; vitality: 13 + 4 + 1) = 1584 + 1296.
    expect(result.rows).toBe(2880);
    expect(result.maxAbsDiff).toBeLessThanOrEqual(1e-12);
  });

  it('compares every row of both industry marts (city × 8 industries, v1) and finds no difference above 1e-12', async () => {
    const result = await withConnection(wh, (con) => compareWithEngine(con, INDUSTRY_MARTS));
    expect(result.mismatches).toEqual([]);
    // 1 city × 8 industries × 12 years × (22 growth + 18 vitality rows) = 3840.
    expect(result.rows).toBe(3840);
    expect(result.maxAbsDiff).toBeLessThanOrEqual(1e-12);
  });
});

/** A seeded generator (mulberry32), so the synthetic run is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inputs no generator would produce, on purpose: 150 regions × 15 years × 12 variables with missing values,
 * zeros, negatives and magnitudes from 1e-6 to 1e9; ten regions have no base-year rows at all; two methodology
 * versions with other base years, random trees, weights from 0.01 to 10 and both directions.
 */
async function loadSyntheticInputs(con: DuckDBConnection): Promise<void> {
  const rnd = random(20261126);
  const regions = Array.from({ length: 150 }, (_, i) => `R${String(i).padStart(3, '0')}`);
  const variables = Array.from({ length: 12 }, (_, i) => `v${String(i).padStart(2, '0')}`);
  await con.run(`create schema if not exists ref; create schema if not exists mart;
    create schema if not exists intermediate;
    create table ref.regions (region_code varchar, level varchar);
    create table ref.priority_industries as select 'K' || range as priority_industry from range(100, 150);
    create table intermediate.slice_index_inputs (year integer, region_code varchar, priority_industry varchar,
      variable varchar, value double, n_enterprises integer);
    create view mart.index_inputs as select * exclude (priority_industry) from intermediate.slice_index_inputs
      where priority_industry is null;
    create view mart.index_inputs_by_industry as select * from intermediate.slice_index_inputs
      where priority_industry is not null;
    create table mart.methodology (methodology_version varchar, base_year integer);
    create table mart.methodology_industry_slices (methodology_version varchar, county_by_industry boolean,
      region_level_only varchar[], constant_within_industry varchar[], proxy_note_zh varchar);
    insert into mart.methodology_industry_slices values
      ('va', false, ['v03', 'v04'], ['v07'], 'note'), ('vb', true, [], ['v05'], 'note');
    create table mart.index_meta (methodology_version varchar, "index" varchar, code varchar, level varchar,
      name_zh varchar, name_en varchar, parent varchar, weight double, direction integer, variable varchar,
      sort_order integer)`);
  const regionsAppender = await con.createAppender('regions', 'ref');
  regions.forEach((r, ri) => {
    regionsAppender.appendVarchar(r);
    regionsAppender.appendVarchar(ri % 3 === 0 ? 'county' : 'city');
    regionsAppender.endRow();
  });
  regionsAppender.closeSync();
  // Slices 0–99 are regions; 100–149 are industries K100…K149 of the regions R000…R029 (a third of them counties,
  // which version va does not publish by industry).
  const inputs = await con.createAppender('slice_index_inputs', 'intermediate');
  regions.forEach((region, ri) => {
    for (let year = 2013; year <= 2027; year++) {
      if (ri < 10 && (year === 2017 || year === 2020)) continue;
      for (const variable of variables) {
        const u = rnd();
        inputs.appendInteger(year);
        inputs.appendVarchar(ri < 100 ? region : regions[ri % 30]);
        ri < 100 ? inputs.appendNull() : inputs.appendVarchar(`K${ri}`);
        inputs.appendVarchar(variable);
        // An industry slice has no value for the inputs some version drops there (as the inputs model leaves
        // plan data and the priority share NULL).
        if (ri >= 100 && ['v03', 'v04', 'v05', 'v07'].includes(variable)) inputs.appendNull();
        else if (u < 0.08) inputs.appendNull();
        else if (u < 0.12) inputs.appendDouble(0);
        else if (u < 0.15) inputs.appendDouble(-rnd() * 100);
        else inputs.appendDouble(10 ** (rnd() * 15 - 6));
        inputs.appendInteger(Math.floor(rnd() * 500));
        inputs.endRow();
      }
    }
  });
  inputs.closeSync();
  const meta = await con.createAppender('index_meta', 'mart');
  for (const [version, baseYear] of [
    ['va', 2017],
    ['vb', 2020],
  ] as const) {
    await con.run('insert into mart.methodology values ($1, $2)', [version, baseYear]);
    let order = 0;
    for (const index of ['growth', 'vitality']) {
      const modules = 2 + Math.floor(rnd() * 3);
      for (let m = 0; m < modules; m++) {
        const row = (
          code: string,
          level: string,
          parent: string | null,
          dir: number | null,
          variable: string | null,
        ) => {
          meta.appendVarchar(version);
          meta.appendVarchar(index);
          meta.appendVarchar(code);
          meta.appendVarchar(level);
          meta.appendVarchar(code);
          meta.appendVarchar(code);
          parent === null ? meta.appendNull() : meta.appendVarchar(parent);
          meta.appendDouble(0.01 + rnd() * 10);
          dir === null ? meta.appendNull() : meta.appendInteger(dir);
          variable === null ? meta.appendNull() : meta.appendVarchar(variable);
          meta.appendInteger(order++);
          meta.endRow();
        };
        row(`M${m}`, 'module', null, null, null);
        const indicators = 1 + Math.floor(rnd() * 5);
        for (let i = 0; i < indicators; i++) {
          const variable = variables[Math.floor(rnd() * variables.length)];
          row(`M${m}_${i}`, 'indicator', `M${m}`, rnd() < 0.3 ? -1 : 1, variable);
        }
      }
    }
  }
  meta.closeSync();
}

describe('index marts agree with the engine on a larger synthetic run', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await withConnection(wh, async (con) => {
      await loadSyntheticInputs(con);
      for (const file of ['base_year_index.sql', 'weighted_mean.sql'])
        await con.run(readSql(`macros/${file}`));
      const models = readModels(join(REPO_ROOT, 'sql'), ['models']);
      for (const name of [
        'intermediate.index_scores',
        'mart.growth_index',
        'mart.vitality_index',
        'mart.growth_index_by_industry',
        'mart.vitality_index_by_industry',
      ]) {
        const model = models.find((m) => m.name === name);
        if (!model) throw new Error(`no model ${name}`);
        await runModel(con, model);
      }
    });
  });
  afterAll(() => wh?.close());

  it('compares every row of both marts for both versions and finds no difference above 1e-12', async () => {
    const result = await withConnection(wh, (con) => compareWithEngine(con));
    expect(result.mismatches).toEqual([]);
    expect(result.rows).toBeGreaterThan(15_000);
    expect(result.maxAbsDiff).toBeLessThanOrEqual(1e-12);
  });

  it('compares every row of both industry marts, county slices only where the version publishes them', async () => {
    const result = await withConnection(wh, (con) => compareWithEngine(con, INDUSTRY_MARTS));
    expect(result.mismatches).toEqual([]);
    expect(result.rows).toBeGreaterThan(5_000);
    expect(result.maxAbsDiff).toBeLessThanOrEqual(1e-12);
    const counts = await withConnection(wh, (con) =>
      con.runAndReadAll(`select methodology_version as v, count(distinct region_code || priority_industry)::integer as n
        from mart.growth_index_by_industry group by 1 order by 1`),
    );
    // va: the 50 industry slices less those of county regions (region R(ri % 30) is a county when ri % 3 = 0:
    // 102, 105, …, 147, i.e. 16 of 100–149) = 34; vb: all 50.
    expect(counts.getRowObjectsJson()).toEqual([
      { v: 'va', n: 34 },
      { v: 'vb', n: 50 },
    ]);
    // Every indicator row of an input the version drops in industry slices says why (va: v03, v04 region level
    // only, v07 constant; vb: v05 constant), and no other row gives those reasons.
    const reasons = await withConnection(wh, (con) =>
      con.runAndReadAll(`select count(*) filter (where case
            when g.methodology_version = 'va' and m.variable in ('v03', 'v04') then g.dropped_reason = 'region_level_only'
            when (g.methodology_version, m.variable) in (('va', 'v07'), ('vb', 'v05'))
              then g.dropped_reason = 'constant_within_industry'
            else coalesce(g.dropped_reason not in ('region_level_only', 'constant_within_industry'), true)
          end = false)::integer as wrong,
          count(*) filter (where g.dropped_reason in ('region_level_only', 'constant_within_industry'))::integer as n
        from mart.growth_index_by_industry as g
        inner join mart.index_meta as m on g.methodology_version = m.methodology_version and m."index" = 'growth'
          and g.code = m.code and g.level = 'indicator'`),
    );
    const [r] = reasons.getRowObjectsJson();
    expect(r.wrong).toBe(0);
    expect(r.n).toBeGreaterThan(100);
  });
});
