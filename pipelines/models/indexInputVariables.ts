import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from '../db/warehouse.ts';
import type { Model } from './modelFile.ts';

const serialized = z.object({ json: z.string() });

/**
 * The input variables the index-inputs model computes, read from its SQL with DuckDB's parser: the first
 * column of every `values (…) as v (variable, …)` list in any model. The build checks a methodology's
 * `variable` names against them before it touches the warehouse; a test checks them against the built table.
 */
export async function indexInputVariables(con: DuckDBConnection, models: Model[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const model of models) {
    if (!/\bvariable\b/.test(model.sql)) continue;
    const [row] = await readRows(con, serialized, 'select json_serialize_sql($sql::varchar) as json', {
      sql: model.sql,
    });
    collect(JSON.parse(row.json), found);
  }
  return found;
}

function collect(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const aliases = o.column_name_alias;
  const list = (o.subquery as { node?: { from_table?: { type?: unknown; values?: unknown } } } | undefined)
    ?.node?.from_table;
  if (Array.isArray(aliases) && aliases[0] === 'variable' && list?.type === 'EXPRESSION_LIST') {
    for (const values of Array.isArray(list.values) ? list.values : []) {
      const first = Array.isArray(values) ? (values[0] as { value?: { value?: unknown } }) : undefined;
      if (typeof first?.value?.value === 'string') found.add(first.value.value);
    }
  }
  for (const v of Object.values(o)) collect(v, found);
}
