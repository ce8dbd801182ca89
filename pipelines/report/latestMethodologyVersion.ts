import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';

/** The methodology version the marts were built with (the highest present); throws when the marts are empty. */
export async function latestMethodologyVersion(con: DuckDBConnection): Promise<string> {
  const rows = await readRows(
    con,
    z.object({ methodology_version: z.string().nullable() }),
    readSql('queries/report/latest_methodology_version.sql'),
  );
  const version = rows[0]?.methodology_version;
  if (!version)
    throw new Error(
      '指数表为空，请先运行 xiaowei build (mart.growth_index is empty: run `xiaowei build` first)',
    );
  return version;
}
