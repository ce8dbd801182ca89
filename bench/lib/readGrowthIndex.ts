import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { type IndexValue, IndexValueSchema } from './compareIndex.ts';

const BENCH_SQL = join(import.meta.dirname, '..', 'sql');

export const benchSql = (name: string) => readFileSync(join(BENCH_SQL, name), 'utf8');

/** mart.growth_index of one methodology version, read-only (call only when no child process holds the file). */
export async function readGrowthIndex(dbPath: string, version: string): Promise<IndexValue[]> {
  const wh = await openWarehouse(dbPath, { readOnly: true });
  try {
    return await withConnection(wh, (con) =>
      readRows(con, IndexValueSchema, benchSql('select_growth_index.sql'), { version }),
    );
  } finally {
    wh.close();
  }
}
