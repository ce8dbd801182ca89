import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { HeadRecord } from './findHeader.ts';
import { MAX_RECORD_LINES, planRecordJoins } from './planRecordJoins.ts';
import type { LineFault } from './transcodeByLine.ts';

// The delimiter is spliced into the SQL from this closed set only (RE2 needs a constant pattern).
const DELIMITERS = {
  ',': { sql: "','", regex: ',' },
  '\t': { sql: 'chr(9)', regex: '\\t' },
} as const;

/** Blank lines of a text file: how many, and the first few line numbers. */
export interface BlankLines {
  count: number;
  lines: number[];
}

/**
 * Stages a UTF-8 CSV/TSV file: its physical lines in temp table `_xw_raw_lines` (records spanning lines
 * joined), and temp view `_xw_lines(line, txt, fields, quoting_ok, odd_quotes, line_failure)` over them, one row
 * per non-blank record numbered with its first physical line (nothing split is materialized: validation reads
 * the view in one pipeline). `newline` is LF (also CRLF) or CR. Returns the blank lines it skipped.
 */
export async function stageTextLines(
  con: DuckDBConnection,
  path: string,
  delimiter: ',' | '\t',
  newline: 0x0a | 0x0d = 0x0a,
): Promise<BlankLines> {
  const d = DELIMITERS[delimiter];
  const sql = substitute(readSql('statements/ingest/stage_text_lines.sql'), {
    delim_sql: d.sql,
    delim_re: d.regex,
  });
  await con.run(readSql('statements/ingest/stage_text_raw_lines.sql'), {
    path,
    newline: String.fromCharCode(newline),
  });
  await joinRecordsSpanningLines(con, delimiter);
  const [blank] = await readRows(
    con,
    z.object({ count: z.number(), lines: z.array(z.number()) }),
    readSql('statements/ingest/blank_lines.sql'),
    { show: 10, delim: delimiter },
  );
  await con.run(
    'create or replace temp table _xw_line_faults (line integer, reason varchar, detail varchar, raw varchar)',
  );
  await con.run(readSql('statements/ingest/stage_text_texts.sql'));
  await con.run(sql);
  return blank;
}

// RFC 4180: a quoted field may contain line breaks. Only lines with an odd number of quotes can open or
// close such a field, so only they and the lines between them reach JavaScript.
async function joinRecordsSpanningLines(con: DuckDBConnection, delimiter: ',' | '\t'): Promise<void> {
  const [{ n }] = await readRows(
    con,
    z.object({ n: z.number() }),
    readSql('statements/ingest/count_quoted_lines.sql'),
  );
  if (n === 0) return; // most files have no quote at all
  const candidates = await readRows(
    con,
    z.object({ line: z.number(), txt: z.string(), odd: z.boolean() }),
    readSql('statements/ingest/quoted_line_candidates.sql'),
    { max_lines: MAX_RECORD_LINES },
  );
  if (candidates.length === 0) return;
  const text = new Map(candidates.map((c) => [c.line, c.txt]));
  const odd = candidates.filter((c) => c.odd).map((c) => c.line);
  const joins = planRecordJoins(odd, (line) => text.get(line), delimiter);
  if (joins.length === 0) return;
  await con.run(
    'create or replace temp table _xw_joined (first_line integer, last_line integer, txt varchar)',
  );
  const appender = await con.createAppender('_xw_joined', 'main', 'temp');
  for (const [first, last] of joins) {
    const lines: string[] = [];
    for (let l = first; l <= last; l++) lines.push(text.get(l) ?? '');
    appender.appendInteger(first);
    appender.appendInteger(last);
    appender.appendVarchar(lines.join('\n'));
    appender.endRow();
  }
  appender.closeSync();
  await con.run(readSql('statements/ingest/apply_record_joins.sql'));
  await con.run('drop table _xw_joined');
}

/** Adds lines refused before parsing (undecodable) to `_xw_lines`, with their reason (_xw_line_faults). */
export async function stageLineFaults(con: DuckDBConnection, faults: readonly LineFault[]): Promise<void> {
  if (faults.length === 0) return;
  const appender = await con.createAppender('_xw_line_faults', 'main', 'temp');
  for (const f of faults) {
    appender.appendInteger(f.line);
    appender.appendVarchar(f.reason);
    appender.appendVarchar(f.detail);
    appender.appendVarchar(f.raw);
    appender.endRow();
  }
  appender.closeSync();
}

/** The first `limit` non-blank records of a staged text file, where the header is looked for (findHeader.ts). */
export async function headRecords(
  con: DuckDBConnection,
  limit: number,
  delimiter: ',' | '\t',
): Promise<HeadRecord[]> {
  const [{ last_line }] = await readRows(
    con,
    z.object({ last_line: z.number() }),
    readSql('statements/ingest/head_last_line.sql'),
    { limit, delim: delimiter },
  );
  const rows = await readRows(
    con,
    z.object({ line: z.number(), fields: z.array(z.string().nullable()) }),
    readSql('statements/ingest/head_records.sql'),
    { last_line },
  );
  return rows.map((r) => ({ line: r.line, fields: r.fields.map((f) => f ?? '') }));
}

/** Drops everything a file's ingest staged (views first: they read the tables). */
export async function dropStaged(con: DuckDBConnection): Promise<void> {
  await con.run(readSql('statements/ingest/drop_staged.sql'));
}

/** Stages a Parquet file the same way: line = row number + 1 (as if exported with a header line). */
export async function stageParquetLines(con: DuckDBConnection, path: string): Promise<string[]> {
  const cols = await readRows(
    con,
    z.object({ column_name: z.string() }),
    'select column_name from (describe select * from read_parquet($path))',
    { path },
  );
  const names = cols.map((c) => c.column_name);
  const columns = names.map((n) => `${quoteIdent(n)}::varchar`).join(', ');
  await con.run(substitute(readSql('statements/ingest/stage_parquet_lines.sql'), { columns }), { path });
  await con.run(readSql('statements/ingest/stage_parquet_view.sql'));
  return names;
}

/**
 * Builds temp view `_xw_fields`: one text column per canonical column (xw_clean: spaces trimmed, '' → NULL; a
 * stray tab or 全角 space then fails a rule visibly rather than being cleaned silently) from the data lines
 * (below the header line). Columns the file lacks are NULL. Identifiers come from the contract, indexes are
 * integers.
 */
export async function stageFields(
  con: DuckDBConnection,
  columnIndex: Record<string, number>,
  allColumns: readonly string[],
  headerLine: number,
): Promise<void> {
  const columns = allColumns
    .map((c) => {
      const i = columnIndex[c];
      const expr = i === undefined ? 'null::varchar' : `xw_clean(fields[${i + 1}])`;
      return `${expr} as ${quoteIdent(c)}`;
    })
    .join(',\n    ');
  // a view takes no parameters: the header line is spliced in as an integer literal
  const header_line = String(Math.trunc(headerLine));
  await con.run(substitute(readSql('statements/ingest/stage_fields.sql'), { columns, header_line }));
}
