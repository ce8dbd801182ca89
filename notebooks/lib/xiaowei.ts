// What notebooks import: `import { sql, table, chart } from './lib/xiaowei.ts';`
// The warehouse is opened read-only; numbers come from the marts and the pipeline's own functions
// (loaders, index engine, chart builders), never from a formula re-typed in a notebook.
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { type SqlParams, sql } from './notebookWarehouse.ts';
import type { PlainRow } from './plainValue.ts';

export { chart, chartBundle, retitle, sideBySide, vegaLiteV5 } from './chartBundle.ts';
export { type Displayable, displayable, type MimeBundle, md, show } from './display.ts';
export { renderTable, table } from './htmlTable.ts';
export { maskSmall } from './maskSmall.ts';
export { closeWarehouse, connection, type SqlParams, sql, warehousePath } from './notebookWarehouse.ts';
export { pivotWide } from './pivotWide.ts';
export type { PlainRow, PlainValue } from './plainValue.ts';

/** Runs one of the pipeline's SQL files (sql/<relPath>), so a notebook reads exactly what the report reads. */
export async function sqlFile<T extends PlainRow = PlainRow>(
  relPath: string,
  params?: SqlParams,
): Promise<T[]> {
  return sql<T>(readSql(relPath), params);
}

/** The latest year the data covers completely (a 31 December registry snapshot exists), as reports use. */
export async function latestYear(): Promise<number> {
  const [row] = await sqlFile<{ year: number | null }>('statements/run/latest_complete_year.sql');
  if (row?.year == null) throw new Error('仓库中没有年末登记快照 (no 31 December registry snapshot loaded)');
  return row.year;
}
