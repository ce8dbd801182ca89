import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildHandWarehouse } from './handWarehouse.ts';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env: {},
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
}

let dir: string;
let path: string;

beforeAll(async () => {
  const built = await buildHandWarehouse();
  ({ dir, path } = built);
  built.wh.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xiaowei = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(['node', 'xiaowei', 'uncertainty', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('xiaowei uncertainty', () => {
  it('recomputes the marts of the current build with the draws and seed given, and says what it wrote', async () => {
    const r = await xiaowei('--db', path, '--draws', '40', '--seed', '7');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // Intervals: (2 growth years + 1 scorecard year) × 5 counties. Drop-one, every region incl. the city:
    // growth 2 years × 6 × 17 indicators + scorecard 6 × 19 = 204 + 114. Sobol: growth 4 inputs × 2 years + 1.
    expect(r.out).toBe(
      'uncertainty v1 (N 40, seed 7): 15 rank intervals, 318 drop-one rows, 9 Sobol indices; 2 checks passed\n',
    );
    const wh = await openWarehouse(path, { readOnly: true });
    try {
      const settings = await withConnection(wh, (con) =>
        readRows(
          con,
          z.object({ index_name: z.string(), draws: z.number(), seed: z.number(), runs: z.number() }),
          'select index_name, draws, seed::integer as seed, runs from mart.uncertainty_settings order by all',
        ),
      );
      // growth and vitality vary 4 inputs: 40 · (4 + 2) runs; the scorecard 1 input: 40 · 3.
      expect(settings).toEqual([
        { index_name: 'growth', draws: 40, seed: 7, runs: 240 },
        { index_name: 'scorecard', draws: 40, seed: 7, runs: 120 },
        { index_name: 'vitality', draws: 40, seed: 7, runs: 240 },
      ]);
    } finally {
      wh.close();
    }
  });

  it('refuses a draw count that is not a whole number from 2, naming the option', async () => {
    for (const bad of ['1', '1.5', 'many']) {
      const r = await xiaowei('--db', path, '--draws', bad);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`xiaowei: --draws ${bad}: expected a whole number from 2 to 1000000\n`);
    }
  });

  it('tells the user to build first when there is no warehouse, or nothing built in it', async () => {
    const none = await xiaowei('--db', join(dir, 'none.duckdb'));
    expect(none.code).toBe(1);
    expect(none.err).toContain('no warehouse at');
    expect(none.err).toContain('run `xiaowei build` first');
    const empty = join(dir, 'empty.duckdb');
    (await openWarehouse(empty)).close();
    const r = await xiaowei('--db', empty);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no mart.growth_index, mart.index_meta, mart.methodology');
  });
});
