import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { EXTRACT_COLUMNS, type ExtractKind } from './extractKinds.ts';
import { type HeaderMapping, toWan } from './mapHeaders.ts';
import { stageFields } from './stageLines.ts';

/**
 * Runs the kind's validation model over `_xw_lines` (materialized once, as `_xw_row_checked`), then the shared
 * duplicate rules, leaving view `_xw_checked` (one row per data row with its typed values, first failed rule and
 * outcome). All checks are set-based SQL (sql/statements/ingest/validate_<kind>.sql).
 */
export async function validateStaged(
  con: DuckDBConnection,
  mapping: HeaderMapping,
  header: { line: number; width: number },
  asOfDefault: string | null,
): Promise<void> {
  const kind: ExtractKind = mapping.kind;
  const columns = EXTRACT_COLUMNS[kind].map((c) => c.column);
  await stageFields(con, mapping.index, columns, header.line);
  const params: Record<string, string | number> = { expected_fields: header.width };
  if (kind === 'registry') params.as_of_default = asOfDefault ?? '';
  for (const spec of EXTRACT_COLUMNS[kind]) {
    if (spec.money) {
      const factor = toWan(mapping.unit[spec.column] ?? '万元');
      params[`${spec.column}_mul`] = factor.mul;
      params[`${spec.column}_div`] = factor.div;
    }
    if (spec.range) {
      params[`${spec.column}_min`] = spec.range.min;
      params[`${spec.column}_max`] = spec.range.max;
    }
  }
  await con.run(readSql(`statements/ingest/validate_${kind}.sql`), params);
  await con.run(readSql(`statements/ingest/dup_content_${kind}.sql`));
  await con.run(readSql('statements/ingest/resolve_duplicates.sql'), {
    conflict_column: DUPLICATE_KEYS[kind].column,
    conflict_detail: DUPLICATE_KEYS[kind].detail,
  });
  await con.run(readSql('statements/ingest/checked_view.sql'));
  if (kind !== 'plan_indicators') await con.run(readSql('statements/ingest/remember_uscc_checks.sql'));
}

/** How a duplicate_conflict quarantine row names each kind's key (data-contract §5). */
const DUPLICATE_KEYS: Record<ExtractKind, { column: string; detail: string }> = {
  registry: { column: 'uscc', detail: 'rows with this 统一社会信用代码 disagree' },
  enterprise_indicators: { column: 'uscc', detail: 'rows with this 统一社会信用代码 and 年度 disagree' },
  plan_indicators: {
    column: 'indicator_no',
    detail: 'rows for this 年度, 季度, 行政区划代码 and 指标序号 disagree',
  },
};
