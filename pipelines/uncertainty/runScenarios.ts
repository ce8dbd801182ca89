import { rankCounties } from './rankCounties.ts';
import type { RankingInputs } from './readUncertaintyInputs.ts';
import type { DesignRun } from './saltelliDesign.ts';
import type { ScenarioParameters } from './scenarioParameters.ts';
import { scenarioValue } from './scenarioValue.ts';

export interface Scenario {
  run: DesignRun;
  parameters: ScenarioParameters;
}

/** What the scenarios of one ranking give the statistics. */
export interface ScenarioResults {
  /** The ranking's years, in the order of `shifts`. */
  years: number[];
  /** Value (NaN: none) and rank (0: none) of each county-year in the N draws of matrix A: [draw · units + unit]. */
  drawValues: Float64Array;
  drawRanks: Int32Array;
  /**
   * The output the Sobol indices apportion (COINr get_sensitivity): per scenario and year, the mean absolute
   * shift of the counties' ranks from their nominal ranks, over the counties ranked in both; NaN when none is.
   * [scenario · years + year].
   */
  shifts: Float64Array;
}

/**
 * Runs every scenario of a ranking: each county-year's value from its aggregated indicator values
 * (scenarioValue), the counties ranked within each year, and each year's mean absolute rank shift. Pure.
 */
export function runScenarios(ranking: RankingInputs, scenarios: readonly Scenario[]): ScenarioResults {
  const units = ranking.units;
  const years = [...new Set(units.map((u) => u.year))].sort((a, b) => a - b);
  const groups = years.map((y) => units.flatMap((u, j) => (u.year === y ? [j] : [])));
  const draws = scenarios.filter((s) => s.run.block === 0).length;
  const drawValues = new Float64Array(draws * units.length);
  const drawRanks = new Int32Array(drawValues.length);
  const shifts = new Float64Array(scenarios.length * years.length);
  const values = new Float64Array(units.length);
  const ranks = new Int32Array(units.length);
  const scratch = new Float64Array(ranking.tree.modules.length);
  scenarios.forEach((s, i) => {
    for (let j = 0; j < units.length; j++) {
      values[j] = scenarioValue(ranking.tree, units[j], s.parameters, scratch);
    }
    rankCounties(values, groups, ranks);
    groups.forEach((group, g) => {
      let sum = 0;
      let count = 0;
      for (const j of group) {
        if (ranks[j] === 0 || units[j].nominalRank === 0) continue;
        sum += Math.abs(ranks[j] - units[j].nominalRank);
        count++;
      }
      shifts[i * years.length + g] = count === 0 ? Number.NaN : sum / count;
    });
    if (s.run.block === 0) {
      drawValues.set(values, s.run.draw * units.length);
      drawRanks.set(ranks, s.run.draw * units.length);
    }
  });
  return { years, drawValues, drawRanks, shifts };
}
