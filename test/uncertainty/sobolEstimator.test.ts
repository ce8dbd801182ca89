import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { readRows } from '../../pipelines/db/warehouse.ts';
import { createRng } from '../../pipelines/generate/random.ts';
import { saltelliDesign } from '../../pipelines/uncertainty/saltelliDesign.ts';

const Sobol = z.object({ input: z.string(), first_order: z.number(), total_order: z.number() });

/** Runs the warehouse's Sobol estimator (insert_sensitivity_sobol.sql) on outputs y(run) of a toy model. */
async function estimate(n: number, model: (u: number[]) => number, inputs: string[]) {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    await con.run('create schema mart');
    for (const f of [
      'macros/safe_div.sql',
      'statements/uncertainty/create_uncertainty_tables.sql',
      'statements/uncertainty/create_scenario_tables.sql',
    ]) {
      await con.run(readSql(f));
    }
    const design = saltelliDesign(
      n,
      inputs.map(() => 1),
      createRng(20180608, 9),
    );
    await con.run("insert into uncertainty_ranking values (0, 'toy', 'toy')");
    for (const [i, input] of inputs.entries()) {
      await con.run('insert into uncertainty_input values (0, $block, $input)', { block: 2 + i, input });
    }
    const a = await con.createAppender('uncertainty_shift', 'main', 'temp');
    for (const r of design) {
      a.appendInteger(0);
      a.appendInteger(2020);
      a.appendInteger(r.block);
      a.appendInteger(r.draw);
      a.appendDouble(model(r.inputs.map((x) => x[0])));
      a.endRow();
    }
    a.closeSync();
    await con.run(readSql('statements/uncertainty/insert_sensitivity_sobol.sql'));
    return await readRows(con, Sobol, 'select input, first_order, total_order from mart.sensitivity_sobol');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

describe('Sobol estimator (Saltelli 2010 first order, Jansen total)', () => {
  it('recovers the analytic indices of the additive model Y = X1 + 2·X2', async () => {
    // X1, X2 ~ U(0, 1) independent: V1 = 1/12, V2 = 4/12, V = 5/12, no interaction, so
    // S1 = ST1 = 1/5 = 0.2 and S2 = ST2 = 4/5 = 0.8.
    const rows = await estimate(4000, ([x1, x2]) => x1 + 2 * x2, ['x1', 'x2']);
    const [s1, s2] = rows;
    expect([s1.input, s2.input]).toEqual(['x1', 'x2']);
    expect(Math.abs(s1.first_order - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(s1.total_order - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(s2.first_order - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(s2.total_order - 0.8)).toBeLessThan(0.03);
  });

  it('gives an input the model ignores indices of zero', async () => {
    // Y = 3·X1: X2 never moves Y, so y_ABi = y_A for every draw of input 2 and both of its estimates are exactly 0.
    const rows = await estimate(500, ([x1]) => 3 * x1, ['x1', 'x2']);
    expect(rows[1]).toEqual({ input: 'x2', first_order: 0, total_order: 0 });
    expect(Math.abs(rows[0].total_order - 1)).toBeLessThan(0.05);
  });

  it('separates an interaction: Y = X1·X2 has total indices above first-order ones', async () => {
    // X1, X2 ~ U(0, 1): E[Y|X1] = X1/2, V1 = 1/48; V = E[Y²] − E[Y]² = 1/9 − 1/16 = 7/144.
    // S1 = S2 = (1/48)/(7/144) = 3/7 ≈ 0.4286; ST1 = ST2 = 1 − S2 = 4/7 ≈ 0.5714.
    const rows = await estimate(4000, ([x1, x2]) => x1 * x2, ['x1', 'x2']);
    for (const r of rows) {
      expect(Math.abs(r.first_order - 3 / 7)).toBeLessThan(0.04);
      expect(Math.abs(r.total_order - 4 / 7)).toBeLessThan(0.04);
    }
  });
});
