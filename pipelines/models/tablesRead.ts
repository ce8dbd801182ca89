import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from '../db/warehouse.ts';

/** What DuckDB's parser says about one SELECT: the tables it reads, or why it does not parse. */
export type ParsedSelect =
  | { ok: true; tables: string[]; unqualified: string[] }
  | { ok: false; error: string };

const serialized = z.object({ json: z.string() });
const parseResult = z.union([
  z.object({ error: z.literal(true), error_message: z.string() }),
  z.object({ error: z.literal(false), statements: z.array(z.unknown()) }),
]);

/**
 * Parses a SELECT with DuckDB's own parser (`json_serialize_sql`, nothing is bound or run, so the tables need
 * not exist) and lists the schema-qualified tables it reads, sorted. A name without a schema that is not one of
 * the query's CTEs is returned in `unqualified` (models always qualify the tables they read).
 * Example: `with f as (select * from mart.a) select * from f join ref.b using (x)` → tables `mart.a, ref.b`.
 */
export async function tablesRead(con: DuckDBConnection, sql: string): Promise<ParsedSelect> {
  const [row] = await readRows(con, serialized, 'select json_serialize_sql($sql::varchar) as json', { sql });
  const parsed = parseResult.parse(JSON.parse(row.json));
  if (parsed.error) return { ok: false, error: parsed.error_message };
  const tables = new Set<string>();
  const bare = new Set<string>();
  const ctes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') {
      if (typeof o.schema_name === 'string' && o.schema_name !== '')
        tables.add(`${o.schema_name}.${o.table_name}`);
      else bare.add(o.table_name);
    }
    const cteMap = o.cte_map as { map?: { key?: unknown }[] } | undefined;
    for (const entry of cteMap?.map ?? []) if (typeof entry.key === 'string') ctes.add(entry.key);
    for (const v of Object.values(o)) walk(v);
  };
  walk(parsed.statements);
  return {
    ok: true,
    tables: [...tables].sort(),
    unqualified: [...bare].filter((t) => !ctes.has(t)).sort(),
  };
}
