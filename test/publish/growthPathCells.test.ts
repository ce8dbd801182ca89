import { describe, expect, it } from 'vitest';
import { demographyKey } from '../../pipelines/publish/cellKeys.ts';
import {
  flowKey,
  growthPathContribution,
  highGrowthKey,
  reconciliationKey,
} from '../../pipelines/publish/growthPathCells.ts';
import type { GrowthPathMarts } from '../../pipelines/publish/growthPathMarts.ts';
import type { StatCell } from '../../pipelines/publish/statCell.ts';
import { suppressCells } from '../../pipelines/publish/suppressCells.ts';

// Two counties and the city, 2020 (plus a 2017 report the register does not cover):
//   个转企: 吴兴 2, 南浔 7, city 9 → 吴兴 is primary; city = Σ counties would give it back, so 南浔 goes too.
//   high growth (employment): 吴兴 hge 4 of which gazelles 3 → the other hge = 1 is small: hge − gazelles would
//   print it, so one of hge / gazelles is withheld as well.
const regions = [
  { region_code: '330500', name_zh: '湖州市', level: 'city' as const },
  { region_code: '330502', name_zh: '吴兴区', level: 'county' as const },
  { region_code: '330503', name_zh: '南浔区', level: 'county' as const },
];
const flow = (region: string, enterprises: number) => ({
  year: 2020,
  region_code: region,
  flow: '个转企' as const,
  board: null,
  stage_from: 'P0' as const,
  enterprises,
  base_enterprises: 100,
  rate: enterprises / 100,
});
const hg = (region: string, hge: number, gazelles: number) => ({
  methodology_version: 'v1',
  year: 2020,
  region_code: region,
  measure: 'employment' as const,
  base_population: 50,
  hge,
  gazelles,
  share: hge / 50,
  jobs_created: 10 * hge,
});
const marts: GrowthPathMarts = {
  stages: [],
  flows: [flow('330500', 9), flow('330502', 2), flow('330503', 7)],
  upgradeTimes: [],
  reconciliation: [
    {
      methodology_version: 'v1',
      year: 2017,
      region_code: '330502',
      indicator_no: 4,
      indicator_zh: '新增“个转企”数量',
      registry_value: null,
      reported_value: 12,
      difference: null,
      ratio: null,
      flagged: null,
    },
  ],
  highGrowth: [hg('330500', 20, 10), hg('330502', 4, 3), hg('330503', 16, 7)],
};
// The demography cells the flows repeat (registered by the layer's demography part in real runs).
const demography: StatCell[] = ['330500', '330502', '330503'].map((r, i) => ({
  key: demographyKey(r, 2020, 'conversions'),
  value: [9, 2, 7][i],
  builtFrom: { kind: 'enterprises', counts: [[9, 2, 7][i]] },
  tier: 5,
  size: [9, 2, 7][i],
}));

describe('growth-path cells and relations', () => {
  const c = growthPathContribution(marts, regions);
  const d = suppressCells([...demography, ...c.cells], c.relations, 3);

  it('withholds a small county flow, its complement county and the demography count it repeats', () => {
    expect(d.withheld(flowKey('330502', 2020, '个转企', null))).toBe('primary');
    expect(d.withheld(demographyKey('330502', 2020, 'conversions'))).toBe('primary');
    expect(d.withheld(flowKey('330503', 2020, '个转企', null))).toBe('secondary');
    expect(d.withheld(demographyKey('330503', 2020, 'conversions'))).toBe('secondary');
    expect(d.withheld(flowKey('330500', 2020, '个转企', null))).toBeNull();
  });

  it('does not let hge − gazelles print a small count', () => {
    const k = (f: string) => highGrowthKey('v1', '330502', 2020, 'employment', f);
    expect(d.withheld(k('older'))).toBe('primary');
    expect([d.withheld(k('hge')), d.withheld(k('gazelles'))].filter(Boolean)).toHaveLength(1);
  });

  it('registers a report of a year the register does not cover without tying it to missing flows', () => {
    expect(d.status(reconciliationKey('v1', '330502', 2017, 4, 'registry'))).toBe('missing');
    expect(d.withheld(reconciliationKey('v1', '330502', 2017, 4, 'reported'))).toBeNull();
    expect(
      c.relations.every((r) =>
        r.members.every((m) => !m.startsWith('gf|') || c.cells.some((x) => x.key === m)),
      ),
    ).toBe(true);
  });
});
