import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { compareWithEngine } from '../../pipelines/indices/compareWithEngine.ts';
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
    create table ref.regions (region_code varchar);
    create table mart.index_inputs (year integer, region_code varchar, variable varchar, value double, n_enterprises integer);
    create table mart.methodology (methodology_version varchar, base_year integer);
    create table mart.index_meta (methodology_version varchar, "index" varchar, code varchar, level varchar,
      name_zh varchar, name_en varchar, parent varchar, weight double, direction integer, variable varchar,
      sort_order integer)`);
  const regionsAppender = await con.createAppender('regions', 'ref');
  for (const r of regions) {
    regionsAppender.appendVarchar(r);
    regionsAppender.endRow();
  }
  regionsAppender.closeSync();
  const inputs = await con.createAppender('index_inputs', 'mart');
  regions.forEach((region, ri) => {
    for (let year = 2013; year <= 2027; year++) {
      if (ri < 10 && (year === 2017 || year === 2020)) continue;
      for (const variable of variables) {
        const u = rnd();
        inputs.appendInteger(year);
        inputs.appendVarchar(region);
        inputs.appendVarchar(variable);
        if (u < 0.08) inputs.appendNull();
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
      for (const name of ['intermediate.index_scores', 'mart.growth_index', 'mart.vitality_index']) {
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
    expect(result.rows).toBeGreaterThan(25_000);
    expect(result.maxAbsDiff).toBeLessThanOrEqual(1e-12);
  });
});
