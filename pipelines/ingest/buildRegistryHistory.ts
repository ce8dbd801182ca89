import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';

/** Materializes staging.stg_registry_history from its model file, as the model runner does in `xiaowei build`. */
export async function buildRegistryHistory(con: DuckDBConnection): Promise<void> {
  await con.run('create schema if not exists staging');
  const body = readSql('staging/stg_registry_history.sql');
  await con.run(`create or replace table staging.stg_registry_history as\n${body}`);
}
