import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, substitute } from '../db/sqlTemplate.ts';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';

export const REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');

/** Loads every data/reference/*.csv into schema ref, replacing what was there; returns table names. */
export async function loadReferenceTables(con: DuckDBConnection, dir: string = REFERENCE_DIR): Promise<string[]> {
  const template = readSql('ref/load_reference_table.sql');
  const tables: string[] = [];
  await con.run('create schema if not exists ref');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const table = file.slice(0, -4);
    await con.run(substitute(template, { table: quoteIdent(table) }), { path: join(dir, file) });
    tables.push(table);
  }
  return tables;
}
