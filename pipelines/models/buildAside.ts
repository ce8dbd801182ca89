import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, quoteQualified } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { Model } from './modelFile.ts';
import { dropRelation } from './relationKind.ts';

/** Suffix of the relations a build writes aside; sql/statements/ops/built_tables.sql and the report skip them. */
export const ASIDE_SUFFIX = '__next';

/** The names a build writes its models under until the swap: mart.x → mart.x__next. */
export function asideNames(models: Model[]): Map<string, string> {
  return new Map(models.map((m) => [m.name, `${m.name}${ASIDE_SUFFIX}`]));
}

const asideRow = z.object({ name: z.string() });

/** Drops every relation written aside: what a failed or killed build left behind. */
export async function dropAside(con: DuckDBConnection): Promise<void> {
  for (const r of await readRows(con, asideRow, readSql('statements/ops/aside_relations.sql'))) {
    await dropRelation(con, r.name);
  }
}

/**
 * Swaps the models built aside in, inside the caller's transaction: each model's previous relation is dropped and
 * the one built aside takes its name. A table is renamed (its data and statistics stay); a view is re-created
 * from its own SQL, since its text named the other models by their aside names.
 */
export async function swapIn(con: DuckDBConnection, models: Model[], names: ReadonlyMap<string, string>) {
  for (const model of models) {
    const aside = names.get(model.name);
    if (!aside) continue;
    await dropRelation(con, model.name);
    if (model.materialized === 'table') {
      await con.run(`alter table ${quoteQualified(aside)} rename to ${quoteIdent(model.name.split('.')[1])}`);
    }
  }
  for (const model of models) {
    const aside = names.get(model.name);
    if (!aside || model.materialized !== 'view') continue;
    await dropRelation(con, aside);
    await con.run(`create view ${quoteQualified(model.name)} as\n${model.sql}`);
  }
}
