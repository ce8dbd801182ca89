import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import type { Methodology } from '../../pipelines/methodology/schema.ts';
import { rankRegions } from '../../pipelines/report/rankRegions.ts';
import { buildGeneratedWarehouse } from '../e2e/generatedWarehouse.ts';

// Generated data (tiny, seed 3) built with v1 and with copies of v1 that each lack one indicator: the drop-one
// table of v1 must equal those builds exactly. The copies draw little (their own uncertainty is not examined).
const DROPPED = [
  ['growth', 'A2'],
  ['growth', 'B3'],
  ['growth', 'C2'],
  ['growth', 'D4'],
  ['vitality', 'V1c'],
  ['vitality', 'V3a'],
  ['vitality', 'V4b'],
] as const;
const versionWithout = (code: string) => `v1-without-${code}`;

function writeMethodologyCopies(dir: string): string[] {
  const v1: Methodology = JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));
  const files = [];
  const v1Light = join(dir, 'v1.json');
  writeFileSync(v1Light, JSON.stringify({ ...v1, uncertainty: { ...v1.uncertainty, draws: 100 } }));
  files.push(v1Light);
  for (const [index, code] of DROPPED) {
    const copy: Methodology = structuredClone(v1);
    copy.version = versionWithout(code);
    copy.uncertainty.draws = 2;
    for (const m of copy.indices[index].modules) m.indicators = m.indicators.filter((i) => i.code !== code);
    const file = join(dir, `${copy.version}.json`);
    writeFileSync(file, JSON.stringify(copy));
    files.push(file);
  }
  return files;
}

const Total = z.object({
  year: z.number(),
  region_code: z.string(),
  level: z.string(),
  value: z.number().nullable(),
});
const DropOne = z.object({
  year: z.number(),
  region_code: z.string(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
});

let wh: Warehouse;

beforeAll(async () => {
  ({ wh } = await buildGeneratedWarehouse(
    { scale: 'tiny', seed: 3, from: 2013, to: 2022, dirty: 0 },
    undefined,
    writeMethodologyCopies,
  ));
});
afterAll(() => wh?.close());

describe('drop-one on generated data', () => {
  it.each(DROPPED)(
    '%s without %s equals a full build of a methodology that lacks it',
    async (index, code) => {
      const [built, dropped] = await withConnection(wh, async (con) => [
        await readRows(
          con,
          Total,
          `select t.year, t.region_code, r.level, t.value from mart.${index}_index as t
         inner join ref.regions as r using (region_code)
         where t.methodology_version = $version and t.level = 'total' order by t.year, t.region_code`,
          { version: versionWithout(code) },
        ),
        await readRows(
          con,
          DropOne,
          `select year, region_code, value, rank from mart.sensitivity_drop_one
         where methodology_version = 'v1' and index_name = $index and dropped_code = $code
         order by year, region_code`,
          { index, code },
        ),
      ]);
      expect(built.length).toBeGreaterThan(50);
      // Ranks of the full build as the report ranks them (counties only, higher first, ties share).
      const expected = built.map((b) => {
        const counties = built.filter((o) => o.year === b.year && o.level === 'county');
        const ranks = rankRegions(counties.map((o) => ({ code: o.region_code, value: o.value })));
        return {
          year: b.year,
          region_code: b.region_code,
          value: b.value,
          rank: ranks.get(b.region_code) ?? null,
        };
      });
      expect(dropped).toEqual(expected);
    },
  );

  it('scorecard without one indicator: the mean of the other non-empty scores, ranked', async () => {
    const Score = z.object({
      year: z.number(),
      region_code: z.string(),
      level: z.string(),
      indicator_no: z.number(),
      score: z.number().nullable(),
    });
    const [scores, dropped] = await withConnection(wh, async (con) => [
      await readRows(
        con,
        Score,
        `select year(s.period_end)::integer as year, s.region_code, r.level, s.indicator_no, s.score
         from mart.plan_scorecard as s inner join ref.regions as r using (region_code)
         where s.methodology_version = 'v1' and month(s.period_end) = 12 and day(s.period_end) = 31`,
      ),
      await readRows(
        con,
        DropOne.extend({ dropped_code: z.string() }),
        `select year, region_code, dropped_code, value, rank from mart.sensitivity_drop_one
         where methodology_version = 'v1' and index_name = 'scorecard'`,
      ),
    ]);
    expect(dropped).toHaveLength(3 * 6 * 19);
    for (const d of dropped) {
      const rest = (region: string) => {
        // As mart.plan_scorecard: the non-empty scores summed in ascending order, divided by their count.
        const xs = scores
          .filter(
            (s) => s.year === d.year && s.region_code === region && String(s.indicator_no) !== d.dropped_code,
          )
          .flatMap((s) => (s.score === null ? [] : [s.score]))
          .sort((a, b) => a - b);
        return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
      };
      const counties = [...new Set(scores.filter((s) => s.level === 'county').map((s) => s.region_code))];
      const ranks = rankRegions(counties.map((c) => ({ code: c, value: rest(c) })));
      expect({ value: d.value, rank: d.rank }).toEqual({
        value: rest(d.region_code),
        rank: ranks.get(d.region_code) ?? null,
      });
    }
  });
});
