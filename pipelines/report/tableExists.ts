import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';

/** True when `schema.name` exists; used for tables other pipelines add later (ops.build_log, mart.revisions). */
export async function tableExists(con: DuckDBConnection, schema: string, name: string): Promise<boolean> {
  const rows = await readRows(
    con,
    z.object({ present: z.number() }),
    readSql('queries/report/table_exists.sql'),
    {
      schema,
      name,
    },
  );
  return rows.length > 0;
}
