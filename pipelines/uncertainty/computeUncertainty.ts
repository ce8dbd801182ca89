import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { createRng } from '../generate/random.ts';
import { UserError } from '../messages/catalogue.ts';
import { runCheckFiles } from '../models/runModels.ts';
import { runSqlScript } from '../models/runSqlScript.ts';
import { appendScenarios } from './appendScenarios.ts';
import { readUncertaintyInputs } from './readUncertaintyInputs.ts';
import { runScenarios } from './runScenarios.ts';
import { saltelliDesign } from './saltelliDesign.ts';
import {
  inputWidths,
  scenarioParameters,
  UNCERTAIN_INPUTS,
  type UncertainInput,
} from './scenarioParameters.ts';

/** The rankings analysed, the inputs each varies (§11: the scorecard only its indicator weights), and the
 * random stream of each, so that one ranking's draws never shift another's. */
export const RANKINGS: readonly { name: string; inputs: readonly UncertainInput[]; stream: number }[] = [
  { name: 'growth', inputs: UNCERTAIN_INPUTS, stream: 1 },
  { name: 'vitality', inputs: UNCERTAIN_INPUTS, stream: 2 },
  { name: 'scorecard', inputs: ['indicator_weights'], stream: 3 },
];

export interface UncertaintyOverrides {
  /** N draws instead of each methodology's own. */
  draws?: number;
  /** Seed instead of each methodology's own. */
  seed?: number;
}

export interface UncertaintySummary {
  versions: { version: string; draws: number; seed: number }[];
  rows: { rank_uncertainty: number; sensitivity_drop_one: number; sensitivity_sobol: number };
  checks: number;
}

const Count = z.object({ table: z.string(), n: z.number().int() });

/** Fails with a clear message when the warehouse has no build (or one from before §11) to analyse. */
async function requireBuiltInputs(con: DuckDBConnection): Promise<void> {
  const missing = await readRows(
    con,
    z.object({ name: z.string() }),
    readSql('statements/uncertainty/missing_inputs.sql'),
  );
  const settings =
    missing.length > 0
      ? 0
      : (
          await readRows(
            con,
            z.object({ n: z.number() }),
            readSql('statements/uncertainty/count_settings.sql'),
          )
        )[0].n;
  if (missing.length > 0 || settings === 0) {
    const what =
      missing.length > 0
        ? `no ${missing.map((m) => `mart.${m.name}`).join(', ')}`
        : 'no uncertainty settings';
    throw new UserError('uncertainty.not_built', { missing: what });
  }
}

/**
 * Methodology §11 for every version in the warehouse: draws the Saltelli design of each ranking from the
 * seeded PRNG, runs every scenario on the aggregated indicator values (runScenarios: a few million
 * multiply-adds, milliseconds here where SQL over list columns took seconds), appends the draws' values and
 * ranks and every run's rank shift, and has SQL write the statistics — mart.rank_uncertainty,
 * mart.sensitivity_sobol — and (exact, no sampling) mart.sensitivity_drop_one, replacing their rows. Needs the index marts, the scorecard and mart.methodology_uncertainty; the caller owns the
 * transaction. Same warehouse + same draws and seed ⇒ the same bytes.
 */
export async function computeUncertainty(
  con: DuckDBConnection,
  overrides: UncertaintyOverrides = {},
): Promise<UncertaintySummary> {
  await requireBuiltInputs(con);
  for (const file of [
    'macros/safe_div.sql',
    'macros/list_weighted_mean.sql',
    'statements/uncertainty/create_uncertainty_tables.sql',
    'statements/uncertainty/create_scenario_tables.sql',
    'statements/uncertainty/prepare_inputs.sql',
  ]) {
    await runSqlScript(con, readSql(file));
  }
  const rankings = await readUncertaintyInputs(con);
  const used = new Map<string, { version: string; draws: number; seed: number }>();
  await runSqlScript(con, readSql('statements/uncertainty/delete_uncertainty_rows.sql'));
  let firstUnitId = 0;
  for (const [rankingId, ranking] of rankings.entries()) {
    const spec = RANKINGS.find((x) => x.name === ranking.indexName);
    if (!spec) continue;
    const draws = overrides.draws ?? ranking.settings.draws;
    const seed = overrides.seed ?? ranking.settings.seed;
    used.set(ranking.version, { version: ranking.version, draws, seed });
    const design = saltelliDesign(
      draws,
      inputWidths(ranking.tree, spec.inputs),
      createRng(seed, spec.stream),
    );
    const scenarios = design.map((run) => ({
      run,
      parameters: scenarioParameters(ranking.tree, spec.inputs, run.inputs, ranking.settings),
    }));
    await appendScenarios(con, {
      rankingId,
      firstUnitId,
      ranking,
      inputs: spec.inputs,
      draws,
      runs: design.length,
      results: runScenarios(ranking, scenarios),
    });
    firstUnitId += ranking.units.length;
    await con.run(readSql('statements/uncertainty/insert_settings_used.sql'), {
      version: ranking.version,
      index_name: ranking.indexName,
      draws,
      seed,
      runs: design.length,
      inputs: spec.inputs.join(','),
    });
  }
  for (const file of ['insert_rank_uncertainty.sql', 'insert_sensitivity_sobol.sql', 'insert_drop_one.sql']) {
    await runSqlScript(con, readSql(`statements/uncertainty/${file}`));
  }
  const checks = await runCheckFiles(con, 'uncertainty');
  const counts = await readRows(con, Count, readSql('statements/uncertainty/count_rows.sql'));
  const n = (table: string) => counts.find((c) => c.table === table)?.n ?? 0;
  await runSqlScript(con, readSql('statements/uncertainty/drop_scenario_tables.sql'));
  return {
    versions: [...used.values()],
    rows: {
      rank_uncertainty: n('rank_uncertainty'),
      sensitivity_drop_one: n('sensitivity_drop_one'),
      sensitivity_sobol: n('sensitivity_sobol'),
    },
    checks,
  };
}
