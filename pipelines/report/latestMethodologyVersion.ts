import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';

/** The methodology version the marts were built with (the highest present); throws when the marts are empty. */
export async function latestMethodologyVersion(con: DuckDBConnection): Promise<string> {
  const rows = await readRows(
    con,
    z.object({ methodology_version: z.string().nullable() }),
    readSql('queries/report/latest_methodology_version.sql'),
  );
  const version = rows[0]?.methodology_version;
  if (!version) throw new UserError('build.no_index_rows');
  return version;
}
