import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT } from '../db/sqlFile.ts';
import { quoteQualified } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import { type QueryProgress, withQueryProgress } from '../db/withQueryProgress.ts';
import { checkQueries } from './checkSql.ts';
import type { Model } from './modelFile.ts';
import { dropRelation } from './relationKind.ts';
import { renameRelations } from './renameRelations.ts';

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
  /** Rows of a table; null for a view (counting a view's rows evaluates it: 6 s of a province build). */
  rows: number | null;
  checks: number;
  /** Wall time of materialising the model and running its checks. */
  ms: number;
  /** Updated in place from the rows the added data changes, not rebuilt (pipelines/models/incrementalModels.ts). */
  incremental?: boolean;
  /** Written aside from its live table and the added data, not from every input (incrementalModels.ts). */
  extended?: boolean;
}

/**
 * Materialises one model and runs its checks. `names` maps model names to the relations a build writes aside
 * (mart.x → mart.x__next): the model is created under its mapped name, and its SQL and checks read the other
 * models under theirs. The caller owns transactions and the swap (pipelines/models/buildWarehouse.ts).
 * `onProgress` gets DuckDB's progress of the materialising statement while it runs. `source` replaces the model's
 * SQL, as given (names already mapped), with its bound parameters: an incremental build's extension of the live
 * table (pipelines/models/incrementalModels.ts).
 */
export async function runModel(
  con: DuckDBConnection,
  model: Model,
  names: ReadonlyMap<string, string> = new Map(),
  onProgress?: (p: QueryProgress) => void,
  source?: { sql: string; params: Record<string, DuckDBValue> },
): Promise<ModelRunResult> {
  const started = performance.now();
  const relation = names.get(model.name) ?? model.name;
  const target = quoteQualified(relation);
  await con.run(`create schema if not exists ${quoteQualified(relation.split('.')[0])}`);
  await dropRelation(con, relation);
  try {
    const create = () =>
      con.run(
        `create ${model.materialized} ${target} as\n${source?.sql ?? renameRelations(model.sql, names)}`,
        source?.params,
      );
    await (onProgress ? withQueryProgress(con, onProgress, create) : create());
  } catch (err) {
    throw new Error(`model ${model.name} (sql/${model.file}): ${(err as Error).message}`);
  }
  const result = await checkModel(con, model, names, started);
  return source ? { ...result, extended: true } : result;
}

/**
 * Runs a model's declared and hand-written checks on the relation it was built as (`names`) and counts a table's rows:
 * the result of runModel, or of an incremental update (pipelines/models/incrementalModels.ts), which passes the rows
 * it replaced as `keyOver` for the unique check (why that suffices: incrementalModels.ts).
 */
export async function checkModel(
  con: DuckDBConnection,
  model: Model,
  names: ReadonlyMap<string, string>,
  started: number,
  incremental?: { keyOver: string },
): Promise<ModelRunResult> {
  const relation = names.get(model.name) ?? model.name;
  let checks = 0;
  for (const check of model.checks) {
    for (const q of checkQueries(relation, check, names, incremental?.keyOver)) {
      await expectNoRows(con, model.name, q.label, q.sql);
      checks++;
    }
  }
  checks += await runCheckFiles(con, model.name, names);
  const rows =
    model.materialized === 'view'
      ? null
      : (await readRows(con, countRow, `select count(*)::integer as n from ${quoteQualified(relation)}`))[0]
          .n;
  return {
    model: model.name,
    rows,
    checks,
    ms: Math.round(performance.now() - started),
    ...(incremental ? { incremental: true } : {}),
  };
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
export async function runCheckFiles(
  con: DuckDBConnection,
  name: string,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const dir = join(REPO_ROOT, 'sql', 'checks', name);
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    await expectNoRows(con, name, f.slice(0, -4), renameRelations(readFileSync(join(dir, f), 'utf8'), names));
  }
  return files.length;
}
