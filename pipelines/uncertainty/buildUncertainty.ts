import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import type { Methodology } from '../methodology/schema.ts';
import { runSqlScript } from '../models/runSqlScript.ts';
import { computeUncertainty, type UncertaintySummary } from './computeUncertainty.ts';

/**
 * The build's step for methodology §11: records each version's uncertainty settings in
 * mart.methodology_uncertainty (so `xiaowei uncertainty` can rerun from the warehouse alone) and computes the
 * uncertainty marts with them. Runs after the indices and the scorecard, inside the build's transaction.
 */
export async function buildUncertainty(
  con: DuckDBConnection,
  methodologies: readonly Methodology[],
): Promise<UncertaintySummary> {
  await runSqlScript(con, readSql('statements/uncertainty/create_uncertainty_tables.sql'));
  await con.run(readSql('statements/uncertainty/delete_settings.sql'));
  for (const m of methodologies) {
    const u = m.uncertainty;
    await con.run(readSql('statements/uncertainty/insert_settings.sql'), {
      version: m.version,
      draws: u.draws,
      seed: u.seed,
      weight_factor_min: u.weight_factor_min,
      weight_factor_max: u.weight_factor_max,
      geometric_probability: u.geometric_probability,
      exclusion_probability: u.exclusion_probability,
    });
  }
  return computeUncertainty(con);
}
