import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';

/** Creates the raw and ops schemas and tables if they do not exist (idempotent). */
export async function ensureRawSchema(con: DuckDBConnection): Promise<void> {
  await con.run('create schema if not exists raw; create schema if not exists ops;');
  await con.run(readSql('statements/raw/create_raw.sql'));
  await con.run(readSql('statements/ops/create_ops.sql'));
}
