import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { computeUncertainty } from '../../pipelines/uncertainty/computeUncertainty.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';

// Generated data (tiny, seed 5, methodology v1): the uncertainty marts exported to CSV and compared byte for byte.
let wh: Warehouse;
let dir: string;

beforeAll(async () => {
  ({ wh, dir } = await buildGeneratedWarehouse({ scale: 'tiny', seed: 5, from: 2013, to: 2024, dirty: 0 }));
});
afterAll(() => wh?.close());

describe('reproducibility', () => {
  const TABLES = ['mart.rank_uncertainty', 'mart.sensitivity_sobol', 'mart.sensitivity_drop_one'];
  async function exportTables(tag: string): Promise<string[]> {
    return withConnection(wh, async (con) => {
      const hashes = [];
      for (const table of TABLES) {
        const file = join(dir, `${tag}-${table}.csv`);
        // Table names and the temp path are this test's own values (COPY takes no parameters); no ORDER BY, so
        // the row order is compared too.
        await con.run(`copy (select * from ${table}) to '${file}' (header)`);
        hashes.push(createHash('sha256').update(readFileSync(file)).digest('hex'));
      }
      return hashes;
    });
  }
  const run = (draws: number, seed: number) =>
    withConnection(wh, (con) => computeUncertainty(con, { draws, seed }));

  it('writes byte-identical tables for the same seed, and different ones for another seed', async () => {
    await run(300, 11);
    const first = await exportTables('a');
    await run(300, 11);
    const second = await exportTables('b');
    expect(second).toEqual(first);
    await run(300, 12);
    const other = await exportTables('c');
    expect(other[0]).not.toBe(first[0]);
    expect(other[1]).not.toBe(first[1]);
    // Drop-one does not sample: the seed cannot change it.
    expect(other[2]).toBe(first[2]);
  });
});
