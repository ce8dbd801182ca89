import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GrowthPathMarts, loadGrowthPathMarts } from '../../pipelines/publish/growthPathMarts.ts';
import { scanPublicFiles } from '../../pipelines/publish/guard/scanPublicFiles.ts';
import type { FullPublication } from '../../pipelines/publish/loadPublication.ts';
import type { MartData } from '../../pipelines/publish/martData.ts';
import { listFiles } from '../../pipelines/publish/publicOutput.ts';
import { attack, presentKeys, readerEquations } from './differencingAttack.ts';
import { growthPathEquations } from './growthPathAttack.ts';
import { type TinyPublicRun, tinyPublicRun } from './tinyPublicRun.ts';

// 培育库成长路径 through the publication layer on tiny generated data (seed 1, 2013–2020): counties of ~50 firms,
// so many stage, flow and high-growth cells rest on 1–2 enterprises.
let run: TinyPublicRun<GrowthPathMarts>;
let dir: string;
let mart: MartData;
let paths: GrowthPathMarts;
let pub: FullPublication;
const out = () => run.out;
const csv = (path: string) => run.csv(path);

beforeAll(async () => {
  run = await tinyPublicRun(
    async (con) => {
      const m = await loadGrowthPathMarts(con);
      if (!m) throw new Error('the warehouse has no paths marts');
      return m;
    },
    ['330502'],
  );
  ({ dir, mart, pub, extra: paths } = run);
}, 300_000);
afterAll(() => run?.remove());

const code = (name: string) => mart.regions.find((r) => r.name_zh === name)?.region_code ?? name;
const small = (v: number | null | undefined) => typeof v === 'number' && v > 0 && v < 3;
const STAGE_COLUMNS: Record<string, string> = {
  个体工商户: 'P0',
  小微企业: 'P1',
  规上企业: 'P2',
  股份公司: 'P3',
  挂牌上市企业: 'P4',
};
const FLOW_COLUMNS: Record<string, [string, string | null]> = {
  个转企: ['个转企', null],
  小升规: ['小升规', null],
  规改股: ['规改股', null],
  新三板挂牌: ['挂牌上市', '新三板'],
  浙股交挂牌: ['挂牌上市', '浙江股权交易中心'],
  上市: ['挂牌上市', '上市'],
};

describe('培育库成长路径 in the public outputs', () => {
  it('adds the section, its chart and five tables to the report, and passes the publication guard', async () => {
    const html = readFileSync(join(out(), '2020', 'report-2020.html'), 'utf8');
    expect(html).toContain('培育库成长路径');
    for (const t of ['stages', 'flows', 'upgrade-times', 'reconciliation', 'high-growth'])
      expect(
        readFileSync(join(out(), '2020', 'tables', `growth-paths-${t}.csv`), 'utf8').length,
      ).toBeGreaterThan(0);
    expect(readFileSync(join(out(), 'site', 'index.html'), 'utf8')).toContain('培育库成长路径');
    const files = listFiles(out()).map((relPath) => ({ path: join(out(), relPath), relPath }));
    const report = await scanPublicFiles(files, {
      min: 3,
      withheldValues: pub.disclosure.withheldValues(),
      machinePaths: [dir],
    });
    expect(report.findings).toEqual([]);
  });

  it('prints every stage and flow count as the marts hold it, and "—" for each count of 1–2 firms', () => {
    let smallCells = 0;
    for (const row of csv('2020/tables/growth-paths-stages.csv'))
      for (const [label, stage] of Object.entries(STAGE_COLUMNS)) {
        const v = paths.stages.find(
          (s) => s.region_code === code(row.地区) && s.year === 2020 && s.stage === stage,
        )?.enterprises;
        if (small(v)) smallCells++;
        if (small(v)) expect(row[label], `${row.地区} ${label}`).toBe('—');
        else if (row[label] !== '—') expect(Number(row[label]), `${row.地区} ${label}`).toBe(v);
      }
    for (const row of csv('2020/tables/growth-paths-flows.csv'))
      for (const [label, [flow, board]] of Object.entries(FLOW_COLUMNS)) {
        const v = paths.flows.find(
          (f) => f.region_code === code(row.地区) && f.year === 2020 && f.flow === flow && f.board === board,
        )?.enterprises;
        if (small(v)) smallCells++;
        if (small(v)) expect(row[label], `${row.地区} ${label}`).toBe('—');
        else if (row[label] !== '—') expect(Number(row[label]), `${row.地区} ${label}`).toBe(v);
      }
    expect(smallCells).toBeGreaterThan(3); // the data do have such cells, and none is printed
  });

  it('withholds high-growth counts, shares and jobs of 1–2 firms', () => {
    let smallCells = 0;
    for (const row of csv('2020/tables/growth-paths-high-growth.csv')) {
      const h = paths.highGrowth.find(
        (x) => x.region_code === code(row.地区) && x.year === 2020 && x.measure === 'employment',
      );
      if (!h) continue;
      for (const [label, v] of [
        ['高成长企业（就业）', h.hge],
        ['瞪羚企业（就业）', h.gazelles],
        ['基数企业', h.base_population],
      ] as const) {
        if (small(v)) {
          smallCells++;
          expect(row[label], `${row.地区} ${label}`).toBe('—');
        }
      }
      if (small(h.hge)) expect([row['新增就业（人）'], row['高成长占比（就业）']]).toEqual(['—', '—']);
    }
    expect(smallCells).toBeGreaterThan(0);
  });
});

describe('differencing: no withheld growth-path cell can be worked out', () => {
  const equations = () => [
    ...readerEquations(mart, presentKeys(pub.disclosure)),
    ...growthPathEquations(paths, mart.regions, presentKeys(pub.disclosure)),
  ];

  it('an attacker with the demography and growth-path relations recovers nothing', () => {
    const d = pub.disclosure;
    const withheld = d.keys().filter((k) => d.withheld(k) !== null);
    expect(withheld.filter((k) => k.startsWith('g')).length).toBeGreaterThan(50);
    expect([...attack(equations(), withheld)]).toEqual([]);
  });

  it('the same attacker breaks primary suppression alone (so the test can fail)', () => {
    const d = pub.disclosure;
    const primary = d.keys().filter((k) => d.withheld(k) === 'primary');
    const recovered = [...attack(equations(), primary)].filter((k) => k.startsWith('g'));
    expect(recovered.length).toBeGreaterThan(5);
  });
});
