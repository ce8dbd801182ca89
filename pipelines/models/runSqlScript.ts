import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs a SQL file holding several statements (DDL, macros); DuckDB executes them in order. */
export async function runSqlScript(con: DuckDBConnection, sql: string): Promise<void> {
  await con.run(sql);
}
