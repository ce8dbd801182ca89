import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { quoteIdent, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';

export const REFERENCE_DIR = join(REPO_ROOT, 'data', 'reference');

/** Loads every data/reference/*.csv into schema ref, replacing what was there; returns table names. */
export async function loadReferenceTables(
  con: DuckDBConnection,
  dir: string = REFERENCE_DIR,
): Promise<string[]> {
  const template = readSql('statements/ref/load_reference_table.sql');
  const tables: string[] = [];
  await con.run('create schema if not exists ref');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const table = file.slice(0, -4);
    const path = join(dir, file);
    await con.run(substitute(template, { table: quoteIdent(table), types: codeColumnTypes(path) }), { path });
    tables.push(table);
  }
  return tables;
}

/** Columns holding codes: kept as text so leading zeros and 6-digit region codes survive. */
export function isCodeColumn(name: string): boolean {
  return /(_code|^division|^section|^group_label)$/.test(name) || /^division_(from|to)$/.test(name);
}

/** `, types = {'region_code': 'VARCHAR', …}` (or nothing) for the code columns named in a CSV's header line. */
function codeColumnTypes(path: string): string {
  const header = readFileSync(path, 'utf8').split(/\r?\n/, 1)[0];
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const entries = columns.filter(isCodeColumn).map((c) => `'${c.replaceAll("'", "''")}': 'VARCHAR'`);
  return entries.length === 0 ? '' : `, types = {${entries.join(', ')}}`;
}

/** Loads the reference tables into a warehouse that has none yet (ingest checks codes against them). */
export async function ensureReferenceTables(con: DuckDBConnection): Promise<void> {
  const loaded = await readRows(
    con,
    z.record(z.string(), z.unknown()),
    readSql('statements/ref/reference_loaded.sql'),
  );
  if (loaded.length === 0) await loadReferenceTables(con);
}
