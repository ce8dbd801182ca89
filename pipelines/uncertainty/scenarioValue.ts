import type { RankingUnit } from './readUncertaintyInputs.ts';
import type { ScenarioParameters, UncertaintyTree } from './scenarioParameters.ts';

/**
 * Weighted mean of the present (non-NaN) entries xs[from..to) with the weights at the same positions,
 * renormalised over what is present (methodology §3, §7): arithmetic Σ w·x / Σ w, or geometric
 * exp(Σ w·ln x / Σ w) (COINr's a_gmean), NaN when a present entry is ≤ 0. NaN when nothing is present or the
 * present weights sum to 0. Position `skip` is left out (§11's exclusion); `logs`, if given, holds ln xs
 * (computed once instead of once per scenario). Sums run in array order. Pure.
 */
export function weightedMean(
  xs: ArrayLike<number>,
  ws: ArrayLike<number>,
  geometric: boolean,
  from = 0,
  to = xs.length,
  skip = -1,
  logs?: ArrayLike<number>,
): number {
  let sumW = 0;
  let sumWx = 0;
  for (let i = from; i < to; i++) {
    const x = xs[i];
    if (Number.isNaN(x) || i === skip) continue;
    if (geometric && x <= 0) return Number.NaN;
    sumW += ws[i];
    sumWx += ws[i] * (geometric ? (logs ? logs[i] : Math.log(x)) : x);
  }
  if (!(sumW > 0)) return Number.NaN;
  return geometric ? Math.exp(sumWx / sumW) : sumWx / sumW;
}

/**
 * One county-year's value under one scenario: each module the weighted mean of its indicators (a module left
 * with none is missing), the total the weighted mean of the modules. The unit holds the normalised indicators
 * in tree order, NaN where dropped; `modules` is scratch space of one entry per module. Pure; NaN = no value.
 */
export function scenarioValue(
  tree: UncertaintyTree,
  unit: Pick<RankingUnit, 'values' | 'logs'>,
  p: ScenarioParameters,
  modules: Float64Array = new Float64Array(tree.modules.length),
): number {
  for (let i = 0; i < tree.modules.length; i++) {
    const m = tree.modules[i];
    modules[i] = weightedMean(
      unit.values,
      p.indicatorWeights,
      p.geometric,
      m.first,
      m.end,
      p.excluded,
      unit.logs,
    );
  }
  return weightedMean(modules, p.moduleWeights, p.geometric);
}
