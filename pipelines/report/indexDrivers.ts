import type { ChartData } from '../charts/chartData.ts';
import { roundTo } from './formatCell.ts';
import type { IndexLookup } from './indexLookup.ts';
import { printedChange } from './summarySentences.ts';

type Meta = ChartData['indexMeta'][number];

export interface ModuleMove {
  code: string;
  name: string;
  weight: number;
  previous: number | null;
  current: number | null;
  change: number | null;
  /** Points of the total explained by this module: weight / Σ weights of the modules present this year × change. */
  contribution: number | null;
  /** Either year's value is withheld by the publication layer: the change and contribution print as "—". */
  withheld: boolean;
}

export interface IndicatorMove {
  code: string;
  name: string;
  module: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  withheld: boolean;
}

/** Year-on-year movement of each module of one region, with its weighted pull on the total. */
export function moduleMoves(
  modules: Meta[],
  lookup: IndexLookup,
  year: number,
  region: string,
): ModuleMove[] {
  // A withheld module is still in the index (only its value is not printed), so it keeps its weight.
  const present = modules.filter(
    (m) => lookup.value(year, region, m.code) !== null || lookup.withheld(year, region, m.code),
  );
  const weightSum = present.reduce((s, m) => s + m.weight, 0);
  return modules.map((m) => {
    const previous = lookup.value(year - 1, region, m.code);
    const current = lookup.value(year, region, m.code);
    const change = printedChange(current, previous);
    const contribution = change !== null && weightSum > 0 ? (m.weight / weightSum) * change : null;
    const withheld = lookup.withheld(year, region, m.code) || lookup.withheld(year - 1, region, m.code);
    return {
      code: m.code,
      name: m.name_zh,
      weight: m.weight,
      previous,
      current,
      change,
      contribution,
      withheld,
    };
  });
}

export function indicatorMoves(
  indicators: Meta[],
  lookup: IndexLookup,
  year: number,
  region: string,
): IndicatorMove[] {
  return indicators.map((i) => {
    const previous = lookup.value(year - 1, region, i.code);
    const current = lookup.value(year, region, i.code);
    return {
      code: i.code,
      name: i.name_zh,
      module: i.parent ?? '',
      previous,
      current,
      change: printedChange(current, previous),
      withheld: lookup.withheld(year, region, i.code) || lookup.withheld(year - 1, region, i.code),
    };
  });
}

/**
 * The move with the largest rise (sign 1) or fall (−1) that still shows after rounding to 0.1 point;
 * ties go to the earlier entry so the choice is stable.
 */
export function extremeMove<T extends { change: number | null }>(moves: T[], sign: 1 | -1): T | null {
  let best: T | null = null;
  for (const m of moves) {
    if (m.change === null || sign * roundTo(m.change, 1) <= 0) continue;
    if (best === null || sign * m.change > sign * (best.change as number)) best = m;
  }
  return best;
}
