import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Converts a generated CSV to Parquet with an in-memory DuckDB (no warehouse file involved). Every
 * column stays text, as an extract would carry it; one thread keeps row order and bytes stable.
 */
export async function convertCsvToParquet(csvPath: string, parquetPath: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  try {
    const tmp = `${parquetPath}.tmp`;
    const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
    await con.run(
      `copy (select * from read_csv(${lit(csvPath)}, header = true, all_varchar = true)) to ${lit(tmp)} (format parquet)`,
    );
    const { renameSync } = await import('node:fs');
    renameSync(tmp, parquetPath);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
