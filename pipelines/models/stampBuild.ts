import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteLiteral, quoteQualified } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';

const builtTable = z.object({ name: z.string(), kind: z.enum(['table', 'view']) });

/** The comment a build leaves on every table it wrote; sql/queries/report/build_consistency.sql reads it. */
export const buildStamp = (runId: string) => `xiaowei build ${runId}`;

/**
 * Marks every table and view of the schemas a build writes (staging, intermediate, mart) with the build's run
 * id, inside the build's transaction, so a reader can tell that all of them come from the same build.
 */
export async function stampBuild(con: DuckDBConnection, runId: string): Promise<number> {
  const tables = await readRows(con, builtTable, readSql('statements/ops/built_tables.sql'));
  for (const t of tables) {
    await con.run(`comment on ${t.kind} ${quoteQualified(t.name)} is ${quoteLiteral(buildStamp(runId))}`);
  }
  return tables.length;
}
