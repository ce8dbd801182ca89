import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { EXTRACT_COLUMNS, type ExtractKind } from './extractKinds.ts';
import type { HeaderMapping } from './mapHeaders.ts';
import { stageFields } from './stageLines.ts';

/**
 * Runs the kind's validation model over `_xw_lines`, leaving `_xw_checked` (one row per data row with its
 * typed values, first failed rule and outcome). All checks are set-based SQL (sql/ingest/validate_<kind>.sql).
 */
export async function validateStaged(
  con: DuckDBConnection,
  mapping: HeaderMapping,
  expectedFields: number,
  asOfDefault: string | null,
): Promise<void> {
  const kind: ExtractKind = mapping.kind;
  const columns = EXTRACT_COLUMNS[kind].map((c) => c.column);
  await stageFields(con, mapping.index, columns);
  const params: Record<string, string | number> = { expected_fields: expectedFields };
  if (kind === 'registry') params.as_of_default = asOfDefault ?? '';
  for (const spec of EXTRACT_COLUMNS[kind]) {
    if (spec.money) params[`${spec.column}_div`] = mapping.divisor[spec.column] ?? 1;
  }
  await con.run(readSql(`ingest/validate_${kind}.sql`), params);
}
