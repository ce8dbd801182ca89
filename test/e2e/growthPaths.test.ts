import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildGeneratedWarehouse } from './generatedWarehouse.ts';

// End to end on generated data (tiny, seed 7, 2013–2020, clean): generate → ingest → build, then the growth-path
// marts are checked against independent computations from the staged registry and filings.
let wh: Warehouse;
const query = <S extends z.ZodType>(schema: S, sql: string) =>
  withConnection(wh, (con) => readRows(con, schema, sql));

beforeAll(async () => {
  ({ wh } = await buildGeneratedWarehouse({ scale: 'tiny', seed: 7, from: 2013, to: 2020, dirty: 0 }));
}, 300_000);
afterAll(() => wh?.close());

const Flow = z.object({
  year: z.number(),
  flow: z.string(),
  board: z.string().nullable(),
  n: z.number().nullable(),
});

describe('growth paths on generated data', () => {
  it('counts each change of type to 股份有限公司 between year-end snapshots as one 规改股', async () => {
    // Independent route: consecutive states of an entity in the registry history, old type not 股份, new type 股份.
    const changes = await query(
      z.object({ n: z.number() }),
      `select count(*)::integer as n from (
         select entity_type, lag(entity_type) over (partition by uscc order by valid_from) as before, valid_from
         from staging.stg_registry_history)
       where before is not null and before not like '股份有限公司%' and entity_type like '股份有限公司%'`,
    );
    const flows = await query(
      z.object({ n: z.number() }),
      "select sum(enterprises)::integer as n from mart.growth_paths where region_code = '330500' and flow = '规改股'",
    );
    expect(flows[0].n).toBe(changes[0].n);
  });

  it('counts new listings per board like an independent reading of the filings', async () => {
    const independent = await query(
      Flow,
      `select i.year, '挂牌上市' as flow, i.listing as board, count(*)::integer as n
       from staging.stg_enterprise_indicators as i
       left join staging.stg_enterprise_indicators as p on p.uscc = i.uscc and p.year = i.year - 1
       where i.listing is not null and p.listing is null and i.year > 2013
       group by all order by all`,
    );
    const mart = await query(
      Flow,
      `select year, flow, board, enterprises as n from mart.growth_paths
       where region_code = '330500' and flow = '挂牌上市' and enterprises > 0 order by all`,
    );
    expect(mart).toEqual(independent);
  });

  it('finds the same high-growth enterprises as a direct computation from the filings', async () => {
    const firms = await query(
      z.object({
        uscc: z.string(),
        year: z.number(),
        established: z.number(),
        in_scope: z.boolean(),
        alive_end: z.boolean(),
        has_filing: z.boolean(),
        employees: z.number().nullable(),
        revenue: z.number().nullable(),
      }),
      `select uscc, year, year(established_on)::integer as established, in_scope, alive_end, has_filing, employees,
              revenue_wan as revenue
       from mart.enterprise_year`,
    );
    const byKey = new Map(firms.map((f) => [`${f.uscc}|${f.year}`, f]));
    const expected: Record<string, { base: number; hge: number; gazelles: number; jobs: number }> = {};
    for (const end of firms) {
      const start = byKey.get(`${end.uscc}|${end.year - 3}`);
      if (!start?.in_scope || !start.alive_end || !start.has_filing || !end.alive_end || !end.has_filing)
        continue;
      if ((start.employees ?? 0) < 10) continue;
      for (const measure of ['employment', 'revenue'] as const) {
        const [a, b] =
          measure === 'employment' ? [start.employees, end.employees] : [start.revenue, end.revenue];
        const key = `${end.year}|${measure}`;
        expected[key] ??= { base: 0, hge: 0, gazelles: 0, jobs: 0 };
        const e = expected[key];
        e.base++;
        // (b / a)^(1/3) − 1 > 10 %, rounded to 9 decimals like the mart so that exactly 10 % is not counted.
        if (a === null || b === null || a <= 0 || Math.round(((b / a) ** (1 / 3) - 1) * 1e9) / 1e9 <= 0.1)
          continue;
        e.hge++;
        if (end.established >= end.year - 5) e.gazelles++;
        e.jobs += (end.employees ?? 0) - (start.employees ?? 0);
      }
    }
    const mart = await query(
      z.object({
        year: z.number(),
        measure: z.string(),
        base: z.number(),
        hge: z.number(),
        gazelles: z.number(),
        jobs: z.number(),
      }),
      `select year, measure, base_population as base, hge, gazelles, jobs_created as jobs
       from mart.high_growth where region_code = '330500' and base_population > 0`,
    );
    expect(
      Object.fromEntries(
        mart.map((r) => [
          `${r.year}|${r.measure}`,
          { base: r.base, hge: r.hge, gazelles: r.gazelles, jobs: r.jobs },
        ]),
      ),
    ).toEqual(expected);
    // Plausible: a population every year from 2016, and a few percent high-growth by employment overall.
    const totals = mart
      .filter((r) => r.measure === 'employment')
      .reduce((s, r) => ({ base: s.base + r.base, hge: s.hge + r.hge }), { base: 0, hge: 0 });
    expect(mart.filter((r) => r.measure === 'employment').map((r) => r.year)).toEqual([
      2016, 2017, 2018, 2019, 2020,
    ]);
    expect(totals.hge / totals.base).toBeLessThan(0.15);
  });

  it('shows every flow and stage in plausible order of magnitude city-wide', async () => {
    const stages = await query(
      z.object({ year: z.number(), stage: z.string(), n: z.number() }),
      "select year, stage, enterprises as n from mart.growth_stages where region_code = '330500' and year = 2020",
    );
    const at = (s: string) => stages.find((r) => r.stage === s)?.n ?? -1;
    // 个体 and small/micro firms are the many, 规上 fewer, 股份 and listed firms the few.
    expect(at('P1')).toBeGreaterThan(at('P2'));
    expect(at('P2')).toBeGreaterThan(at('P4'));
    expect(at('P0')).toBeGreaterThan(at('P3'));
    const conversions = await query(
      z.object({ n: z.number() }),
      "select min(enterprises)::integer as n from mart.growth_paths where region_code = '330500' and flow = '个转企' and year >= 2014",
    );
    expect(conversions[0].n).toBeGreaterThan(0);
  });

  it('reconciles the departments’ reports of 2017–2020 for every region and indicator 4, 6, 7, 8', async () => {
    const rows = await query(
      z.object({ n: z.number(), reported: z.number() }),
      "select count(*)::integer as n, count(reported_value)::integer as reported from mart.plan_reconciliation where methodology_version = 'v1'",
    );
    // Reports exist for 2017 (baseline) to 2020: 4 years × 6 regions × 4 indicators, all with a value.
    expect(rows[0]).toEqual({ n: 96, reported: 96 });
  });
});
