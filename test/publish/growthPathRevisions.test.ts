import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../pipelines/publish/diffSnapshots.ts';
import { flowKey, flowRateKey, stageKey } from '../../pipelines/publish/growthPathCells.ts';
import type { GrowthPathMarts } from '../../pipelines/publish/growthPathMarts.ts';
import { growthPathSnapshot } from '../../pipelines/publish/growthPathSnapshot.ts';
import { revisionLabel } from '../../pipelines/publish/revisionLabels.ts';
import { type CellStatus, Disclosure } from '../../pipelines/publish/suppressCells.ts';

// Methodology §6 holds for the 培育库 figures too: a late filing that changes a printed growth-path figure is a
// revision; one whose printed text stays the same, or that stays withheld, shows no value.
const W = '330502';
const marts = (upgrades: number, rate: number, listings: number): GrowthPathMarts => ({
  stages: [{ year: 2020, region_code: W, stage: 'P2', enterprises: 140 }],
  flows: [
    {
      year: 2020,
      region_code: W,
      flow: '小升规',
      board: null,
      stage_from: 'P1',
      enterprises: upgrades,
      base_enterprises: 1000,
      rate,
    },
    {
      year: 2020,
      region_code: W,
      flow: '挂牌上市',
      board: '新三板',
      stage_from: 'P3',
      enterprises: listings,
      base_enterprises: 40,
      rate: listings / 40,
    },
  ],
  upgradeTimes: [],
  reconciliation: [],
  highGrowth: [],
});
const board = (k: (r: string, y: number, f: string, b: string | null) => string) =>
  k(W, 2020, '挂牌上市', '新三板');
const statuses = new Map<string, CellStatus>([
  [stageKey(W, 2020, 'P2'), 'shown'],
  [flowKey(W, 2020, '小升规', null), 'shown'],
  [flowRateKey(W, 2020, '小升规', null), 'shown'],
  [board(flowKey), 'primary'], // 2 listings: fewer than 3 enterprises
  [board(flowRateKey), 'primary'],
]);
const d = new Disclosure(3, statuses);
const labels = { indexNames: { growth: '', vitality: '' }, indexItems: new Map(), planIndicators: new Map() };

describe('growth-path figures in the revisions (methodology §6 and §9)', () => {
  it('records 小升规 12 → 13 家 and its rate 1.2 % → 1.3 % as printed, and nothing for the unchanged stage', () => {
    const before = growthPathSnapshot(marts(12, 0.012, 2), d);
    const after = growthPathSnapshot(marts(13, 0.013, 2), d);
    const revised = diffSnapshots(before, after, { previous: 'a', current: 'b' });
    expect(revised.map((r) => [revisionLabel(r, labels), r.old_text, r.new_text])).toEqual([
      ['培育库成长路径 · 小升规（家）', '12', '13'],
      ['培育库成长路径 · 小升规比率', '1.2%', '1.3%'],
    ]);
  });

  it('a withheld listing count (2 → 1) is revised as "—" → "—", never its values', () => {
    const revised = diffSnapshots(
      growthPathSnapshot(marts(12, 0.012, 2), d),
      growthPathSnapshot(marts(12, 0.012, 1), d),
      {
        previous: 'a',
        current: 'b',
      },
    );
    expect(revised.map((r) => [revisionLabel(r, labels), r.old_text, r.new_text])).toEqual([
      ['培育库成长路径 · 挂牌上市（新三板）（家）', '—', '—'],
      ['培育库成长路径 · 挂牌上市（新三板）比率', '—', '—'],
    ]);
  });
});
