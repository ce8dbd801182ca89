// The equations a reader can write for the growth-path tables (培育库成长路径), written apart from the layer's
// own relations (pipelines/publish/growthPathCells.ts) so that the attack checks them, not repeats them.
import type { ChartRegion } from '../../pipelines/charts/chartData.ts';
import { demographyKey } from '../../pipelines/publish/cellKeys.ts';
import {
  flowKey,
  flowRateKey,
  highGrowthKey,
  reconciliationKey,
  stageKey,
  upgradeTimeKey,
} from '../../pipelines/publish/growthPathCells.ts';
import type { GrowthPathMarts } from '../../pipelines/publish/growthPathMarts.ts';
import type { Equation } from './differencingAttack.ts';

/**
 * city = Σ counties for every stage, flow, industrial 小升规 and high-growth count (city-level firms known);
 * P1 = 年末在营, 个转企/小升规 = demography's, 小升规 n of the upgrade times = the flow; a flow rate with its flow
 * and the stage it leaves a year earlier; indicator 4 = 个转企, 8 = 规改股, 7 = 新三板 + 浙股交; difference =
 * registry − report and ratio = registry / report; share = hge / population; hge − gazelles = the older hge.
 */
export function growthPathEquations(
  m: GrowthPathMarts,
  regions: readonly ChartRegion[],
  present: (key: string) => boolean,
): Equation[] {
  const eqs: Equation[] = [];
  const city = regions.find((r) => r.level === 'city')!.region_code;
  const counties = regions.filter((r) => r.level === 'county').map((r) => r.region_code);
  const linear = (terms: [string, number][]) => {
    if (terms.every(([k]) => present(k))) eqs.push({ kind: 'linear', coef: new Map(terms) });
  };
  const closed = (vars: string[]) => {
    if (vars.every(present)) eqs.push({ kind: 'closed', vars });
  };
  const sum = (key: (region: string) => string) =>
    linear([[key(city), 1], ...counties.map((c): [string, number] => [key(c), -1])]);
  const years = [...new Set(m.stages.map((s) => s.year))];
  const boards = ['新三板', '浙江股权交易中心', '上市'];
  const flows: [string, string | null][] = [
    ['个转企', null],
    ['小升规', null],
    ['规改股', null],
    ...boards.map((b): [string, string] => ['挂牌上市', b]),
  ];
  const versions = [...new Set(m.highGrowth.map((h) => h.methodology_version))];
  for (const year of years) {
    for (const s of ['P0', 'P1', 'P2', 'P3', 'P4']) sum((r) => stageKey(r, year, s));
    for (const [f, b] of flows) sum((r) => flowKey(r, year, f, b));
    for (const v of versions) {
      sum((r) => reconciliationKey(v, r, year, 6, 'registry'));
      for (const measure of ['employment', 'revenue'])
        for (const field of ['hge', 'gazelles', 'jobs'])
          sum((r) => highGrowthKey(v, r, year, measure, field));
      sum((r) => highGrowthKey(v, r, year, '-', 'base'));
    }
    for (const r of [city, ...counties]) {
      linear([
        [stageKey(r, year, 'P1'), 1],
        [demographyKey(r, year, 'active'), -1],
      ]);
      linear([
        [flowKey(r, year, '个转企', null), 1],
        [demographyKey(r, year, 'conversions'), -1],
      ]);
      linear([
        [flowKey(r, year, '小升规', null), 1],
        [demographyKey(r, year, 'upgrades'), -1],
      ]);
      linear([
        [upgradeTimeKey(r, year, 'n'), 1],
        [flowKey(r, year, '小升规', null), -1],
      ]);
      const from: Record<string, string> = { 个转企: 'P0', 小升规: 'P1', 规改股: 'P2', 挂牌上市: 'P3' };
      for (const [f, b] of flows)
        closed([flowRateKey(r, year, f, b), flowKey(r, year, f, b), stageKey(r, year - 1, from[f])]);
      for (const v of versions) {
        const k = (no: number, field: string) => reconciliationKey(v, r, year, no, field);
        linear([
          [k(4, 'registry'), 1],
          [flowKey(r, year, '个转企', null), -1],
        ]);
        linear([
          [k(8, 'registry'), 1],
          [flowKey(r, year, '规改股', null), -1],
        ]);
        linear([
          [k(7, 'registry'), 1],
          [flowKey(r, year, '挂牌上市', '新三板'), -1],
          [flowKey(r, year, '挂牌上市', '浙江股权交易中心'), -1],
        ]);
        for (const no of [4, 6, 7, 8]) {
          linear([
            [k(no, 'difference'), 1],
            [k(no, 'registry'), -1],
            [k(no, 'reported'), 1],
          ]);
          closed([k(no, 'ratio'), k(no, 'registry'), k(no, 'reported')]);
        }
        for (const measure of ['employment', 'revenue']) {
          const h = (field: string) => highGrowthKey(v, r, year, measure, field);
          closed([h('share'), h('hge'), highGrowthKey(v, r, year, '-', 'base')]);
          linear([
            [h('hge'), 1],
            [h('gazelles'), -1],
            [h('older'), -1],
          ]);
        }
      }
    }
  }
  return eqs;
}
