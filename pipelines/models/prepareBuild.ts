import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { writeGrowthPathParams } from '../indices/growthPathParams.ts';
import { writeIndustrySliceParams } from '../indices/industrySliceParams.ts';
import { writeMethodologyTables } from '../indices/methodologyTables.ts';
import type { Methodology } from '../methodology/schema.ts';
import { writeMonitoringMethodology } from '../monitor/writeMonitoringMethodology.ts';
import { loadReferenceTables } from '../reference/loadReference.ts';
import { runSqlScript } from './runSqlScript.ts';

/** Tables the code fills around the models (raw, ops incl. the alerts' first runs, methodology parameters, revisions), created if absent. */
const SCHEMA_SCRIPTS = [
  'statements/raw/create_raw.sql',
  'statements/ops/create_ops.sql',
  'statements/ops/create_build_log.sql',
  'statements/ops/create_build_state.sql',
  'statements/config/create_config.sql',
  'statements/config/create_growth_path_params.sql',
  'statements/config/create_industry_slice_params.sql',
  'statements/config/create_monitoring.sql',
  'statements/ops/create_alert_first_seen.sql',
];

/**
 * What the models read besides the loaded data: the reference tables, every macro of sql/macros/ (a file may
 * hold several, in the order they need each other), and schema config rewritten with exactly the methodology
 * versions being built (the methodology models publish it).
 */
export async function prepareBuild(con: DuckDBConnection, methodologies: Methodology[]): Promise<void> {
  await loadReferenceTables(con);
  await con.run('drop schema if exists config cascade');
  for (const script of SCHEMA_SCRIPTS) await runSqlScript(con, readSql(script));
  const macros = readdirSync(join(REPO_ROOT, 'sql', 'macros'))
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const file of macros) await runSqlScript(con, readSql(`macros/${file}`));
  for (const m of methodologies) {
    await writeMethodologyTables(con, m);
    await writeGrowthPathParams(con, m);
    await writeIndustrySliceParams(con, m);
    await writeMonitoringMethodology(con, m);
  }
}
