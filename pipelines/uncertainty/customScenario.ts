import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { rankCounties } from './rankCounties.ts';
import { type RankingInputs, readUncertaintyInputs } from './readUncertaintyInputs.ts';
import type { ScenarioParameters } from './scenarioParameters.ts';
import { scenarioValue } from './scenarioValue.ts';

/** An analyst's own methodology for one ranking: weights by code (others nominal), the mean, an indicator out. */
export interface CustomScenario {
  weights?: Record<string, number>;
  geometric?: boolean;
  /** Code of an indicator to leave out. */
  excluded?: string;
}

export interface CustomScenarioRow {
  year: number;
  regionCode: string;
  value: number | null;
  rank: number | null;
  nominalRank: number | null;
}

/**
 * The rankings' aggregated indicator values, trees and published ranks as the uncertainty computation reads
 * them (works on a read-only warehouse: the working views are temporary).
 */
export async function loadRankingInputs(con: DuckDBConnection): Promise<RankingInputs[]> {
  await con.run(readSql('statements/uncertainty/prepare_inputs.sql'));
  return readUncertaintyInputs(con);
}

/**
 * Runs one custom scenario on a ranking with the same code as the draws of methodology §11 (scenarioValue,
 * rankCounties): every county-year's value and rank beside its published rank. Pure.
 */
export function runCustomScenario(ranking: RankingInputs, scenario: CustomScenario): CustomScenarioRow[] {
  const { tree } = ranking;
  const weight = (code: string, nominal: number) => scenario.weights?.[code] ?? nominal;
  const known = new Set([...tree.modules, ...tree.indicators].map((x) => x.code));
  for (const code of [
    ...Object.keys(scenario.weights ?? {}),
    ...(scenario.excluded ? [scenario.excluded] : []),
  ]) {
    if (!known.has(code)) throw new Error(`${ranking.indexName}: no module or indicator ${code}`);
  }
  const parameters: ScenarioParameters = {
    moduleWeights: Float64Array.from(tree.modules, (m) => weight(m.code, m.weight)),
    indicatorWeights: Float64Array.from(tree.indicators, (i) => weight(i.code, i.weight)),
    geometric: scenario.geometric ?? false,
    excluded: scenario.excluded ? tree.indicators.findIndex((i) => i.code === scenario.excluded) : -1,
  };
  const values = ranking.units.map((u) => scenarioValue(tree, u, parameters));
  const years = [...new Set(ranking.units.map((u) => u.year))];
  const ranks = new Int32Array(values.length);
  rankCounties(
    values,
    years.map((y) => ranking.units.flatMap((u, j) => (u.year === y ? [j] : []))),
    ranks,
  );
  return ranking.units.map((u, j) => ({
    year: u.year,
    regionCode: u.regionCode,
    value: Number.isNaN(values[j]) ? null : values[j],
    rank: ranks[j] === 0 ? null : ranks[j],
    nominalRank: u.nominalRank === 0 ? null : u.nominalRank,
  }));
}
