import { type DuckDBConnection, type DuckDBPreparedStatement, StatementType } from '@duckdb/node-api';
import { UserError } from '../messages/catalogue.ts';

// What `xiaowei query` runs. SELECT covers WITH, VALUES, FROM-first, DESCRIBE, SHOW, SUMMARIZE and
// PRAGMA table_info (DuckDB binds them as SELECT); EXPLAIN shows a plan. Everything else (COPY, EXPORT, ATTACH,
// DETACH, INSTALL/LOAD, SET/RESET, PRAGMA, CALL, DDL, DML, transactions) is refused before it runs.
const READ_STATEMENTS = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

// DuckDB's type names where the statement a user typed goes by another name.
const TYPED_AS: Partial<Record<StatementType, string>> = {
  [StatementType.LOAD]: 'INSTALL or LOAD',
  [StatementType.SET]: 'SET, RESET or USE',
};

/**
 * Prepares `sql` if it is exactly one reading statement, using DuckDB's own parser to count the statements and its
 * binder to type the one; nothing runs before the checks pass, so `select 1; copy …` runs neither part.
 * The instance's settings (queryOnlySettings.ts) are the second fence: they refuse files and other databases
 * even inside a SELECT, and binding already fails there, which is reported as reaching outside the warehouse.
 */
export async function prepareReadOnlyStatement(
  con: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement> {
  const statements = await con.extractStatements(sql).catch((err: unknown) => {
    // The node-api fails without a message when there is no statement at all (blank, `;`, only comments).
    if (err instanceof Error && /Parser Error/.test(err.message)) throw err;
    throw new UserError('query.one_statement', { count: 0 });
  });
  if (statements.count !== 1) throw new UserError('query.one_statement', { count: statements.count });
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await statements.prepare(0);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/Permission Error/i.test(text)) throw new UserError('query.outside_warehouse', { problem: text });
    throw err;
  }
  const type = prepared.statementType;
  if (!READ_STATEMENTS.has(type)) {
    prepared.destroySync();
    throw new UserError('query.not_read_only', {
      kind: TYPED_AS[type] ?? StatementType[type] ?? `type ${type}`,
    });
  }
  return prepared;
}
