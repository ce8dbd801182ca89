import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, substitute } from '../db/sqlTemplate.ts';
import { queryRows } from '../db/warehouse.ts';

// The delimiter is spliced into the SQL from this closed set only (RE2 needs a constant pattern).
const DELIMITERS = {
  ',': { sql: "','", regex: ',' },
  '\t': { sql: 'chr(9)', regex: '\\t' },
} as const;

/**
 * Stages a UTF-8 CSV/TSV file as temp table `_xw_lines(line, txt, fields, quoting_ok, odd_quotes)` and
 * returns the header row (line 1). Returns null when line 1 is blank or missing.
 */
export async function stageTextLines(
  con: DuckDBConnection,
  path: string,
  delimiter: ',' | '\t',
): Promise<string[] | null> {
  const d = DELIMITERS[delimiter];
  const sql = substitute(readSql('statements/ingest/stage_text_lines.sql'), {
    delim_sql: d.sql,
    delim_re: d.regex,
  });
  await con.run(readSql('statements/ingest/stage_text_raw_lines.sql'), { path });
  await con.run(sql);
  await con.run('drop table _xw_raw_lines');
  return headerRow(con);
}

/** Stages a Parquet file the same way: line = row number + 1 (as if exported with a header line). */
export async function stageParquetLines(con: DuckDBConnection, path: string): Promise<string[] | null> {
  const cols = await queryRows<{ column_name: string }>(
    con,
    'select column_name from (describe select * from read_parquet($path))',
    { path },
  );
  const names = cols.map((c) => c.column_name);
  const columns = names.map((n) => `${quoteIdent(n)}::varchar`).join(', ');
  await con.run(substitute(readSql('statements/ingest/stage_parquet_lines.sql'), { columns }), { path });
  return names;
}

async function headerRow(con: DuckDBConnection): Promise<string[] | null> {
  const rows = await queryRows<{ fields: string[] }>(con, 'select fields from _xw_lines where line = 1');
  return rows.length === 0 ? null : rows[0].fields;
}

/**
 * Builds temp table `_xw_fields`: one text column per canonical column (spaces trimmed, '' → NULL;
 * trim() without a character list: with one it is 3× slower, and a stray tab or 全角 space then fails a rule
 * visibly rather than being cleaned silently) from the data
 * lines (line > 1). Columns the file lacks are NULL. Identifiers come from the contract, indexes are integers.
 */
export async function stageFields(
  con: DuckDBConnection,
  columnIndex: Record<string, number>,
  allColumns: readonly string[],
): Promise<void> {
  const columns = allColumns
    .map((c) => {
      const i = columnIndex[c];
      const expr = i === undefined ? 'null::varchar' : `nullif(trim(fields[${i + 1}]), '')`;
      return `${expr} as ${quoteIdent(c)}`;
    })
    .join(',\n    ');
  await con.run(substitute(readSql('statements/ingest/stage_fields.sql'), { columns }));
}
