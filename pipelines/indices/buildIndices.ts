import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { queryRows } from '../db/warehouse.ts';
import type { IndexRow } from '../marts/types.ts';
import type { IndexName, Methodology } from '../methodology/schema.ts';
import { computeIndex, type IndexInput } from './computeIndex.ts';
import { deleteVersionRows } from './methodologyTables.ts';

const TABLES: Record<IndexName, string> = { growth: 'growth_index', vitality: 'vitality_index' };

/** Computes both indices of one methodology version from mart.index_inputs and replaces that version's rows. */
export async function buildIndices(
  con: DuckDBConnection,
  m: Methodology,
): Promise<Record<IndexName, number>> {
  const counts = { growth: 0, vitality: 0 };
  for (const index of ['growth', 'vitality'] as const) {
    const def = m.indices[index];
    const variables = [...new Set(def.modules.flatMap((x) => x.indicators.map((i) => i.variable)))];
    const inputs = await queryRows<IndexInput>(con, readSql('statements/indices/select_index_inputs.sql'), {
      variables: variables.join(','),
    });
    const known = new Set(inputs.map((i) => i.variable));
    const unknown = variables.filter((v) => !known.has(v));
    if (inputs.length > 0 && unknown.length > 0) {
      throw new Error(
        `methodology ${m.version}: ${index} uses unknown input variable(s) ${unknown.join(', ')}`,
      );
    }
    const rows = computeIndex(def, inputs, m.base_year, m.version);
    await deleteVersionRows(con, `mart.${TABLES[index]}`, m.version);
    const appender = await con.createAppender(TABLES[index], 'mart');
    for (const r of rows) appendIndexRow(appender, r);
    appender.closeSync();
    counts[index] = rows.length;
  }
  return counts;
}

function appendIndexRow(a: DuckDBAppender, r: IndexRow): void {
  a.appendVarchar(r.methodology_version);
  a.appendInteger(r.year);
  a.appendVarchar(r.region_code);
  a.appendVarchar(r.level);
  a.appendVarchar(r.code);
  appendNullableDouble(a, r.raw_value);
  appendNullableDouble(a, r.value);
  r.dropped_reason === null ? a.appendNull() : a.appendVarchar(r.dropped_reason);
  r.n_enterprises === null ? a.appendNull() : a.appendInteger(r.n_enterprises);
  a.endRow();
}

function appendNullableDouble(a: DuckDBAppender, v: number | null): void {
  if (v === null || !Number.isFinite(v)) a.appendNull();
  else a.appendDouble(v);
}
