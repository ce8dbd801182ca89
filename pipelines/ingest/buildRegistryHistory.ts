import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { parseModelFile } from '../models/modelFile.ts';
import { runModel } from '../models/runModels.ts';

/** Materializes staging.stg_registry_history (and the snapshot view it reads) as `xiaowei build` does. */
export async function buildRegistryHistory(con: DuckDBConnection): Promise<void> {
  for (const file of ['models/staging/stg_registry.sql', 'models/staging/stg_registry_history.sql']) {
    await runModel(con, parseModelFile(readSql(file), join(REPO_ROOT, 'sql', file)));
  }
}
