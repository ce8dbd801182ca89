import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT } from '../db/sqlFile.ts';
import { quoteQualified } from '../db/sqlTemplate.ts';
import { inTransaction, readRows } from '../db/warehouse.ts';
import { type QueryProgress, withQueryProgress } from '../db/withQueryProgress.ts';
import { checkQueries } from './checkSql.ts';
import type { Model } from './modelFile.ts';

/** A declared check returned rows: names the model, the check and the first offending keys. */
export class CheckFailedError extends Error {
  constructor(
    readonly model: string,
    readonly check: string,
    readonly offending: Record<string, unknown>[],
    readonly total: number,
  ) {
    super(
      `check failed: model ${model}, check ${check}: ${total} offending row(s), e.g. ${offending
        .map((r) => JSON.stringify(r))
        .join('; ')}`,
    );
  }
}

const countRow = z.object({ n: z.number() });
/** An offending row of a check: any columns, shown to the user as they are. */
const anyRow = z.record(z.string(), z.unknown());

export interface ModelRunResult {
  model: string;
  rows: number;
  checks: number;
  /** Wall time of materialising the model and running its checks. */
  ms: number;
}

/**
 * Materialises one model and runs its checks, all inside one transaction: a failed check leaves nothing.
 * `onProgress` gets DuckDB's progress of the materialising statement while it runs.
 */
export async function runModel(
  con: DuckDBConnection,
  model: Model,
  onProgress?: (p: QueryProgress) => void,
): Promise<ModelRunResult> {
  const started = performance.now();
  return inTransaction(con, async () => {
    const target = quoteQualified(model.name);
    const [schema] = model.name.split('.');
    await con.run(`create schema if not exists ${quoteQualified(schema)}`);
    // A table and a view cannot share a name: drop whichever exists before re-creating.
    const existing = await readRows(
      con,
      z.object({ table_type: z.string() }),
      'select table_type from information_schema.tables where table_schema = $1 and table_name = $2',
      [schema, model.name.split('.')[1]],
    );
    if (existing[0]?.table_type === 'VIEW') await con.run(`drop view ${target}`);
    else if (existing[0]) await con.run(`drop table ${target}`);
    try {
      const create = () => con.run(`create ${model.materialized} ${target} as\n${model.sql}`);
      await (onProgress ? withQueryProgress(con, onProgress, create) : create());
    } catch (err) {
      throw new Error(`model ${model.name} (sql/${model.file}): ${(err as Error).message}`);
    }
    let checks = 0;
    for (const check of model.checks) {
      for (const q of checkQueries(model.name, check)) {
        await expectNoRows(con, model.name, q.label, q.sql);
        checks++;
      }
    }
    checks += await runCheckFiles(con, model.name);
    const rows = await readRows(con, countRow, `select count(*)::integer as n from ${target}`);
    return { model: model.name, rows: rows[0].n, checks, ms: Math.round(performance.now() - started) };
  });
}

/** Runs one check query; throws CheckFailedError naming the model, the check and a sample of offending rows. */
async function expectNoRows(con: DuckDBConnection, model: string, label: string, sql: string): Promise<void> {
  const count = await readRows(con, countRow, `select count(*)::integer as n from (${sql})`);
  if (count[0].n > 0) {
    const sample = await readRows(con, anyRow, `select * from (${sql}) limit 5`);
    throw new CheckFailedError(model, label, sample, count[0].n);
  }
}

/**
 * Runs the hand-written checks in sql/checks/<name>/*.sql (arithmetic identities across rows or models);
 * each file is a query that must return zero rows. Returns how many ran.
 */
export async function runCheckFiles(con: DuckDBConnection, name: string): Promise<number> {
  const dir = join(REPO_ROOT, 'sql', 'checks', name);
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    await expectNoRows(con, name, f.slice(0, -4), readFileSync(join(dir, f), 'utf8'));
  }
  return files.length;
}
