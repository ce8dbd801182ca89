import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { Methodology } from '../methodology/schema.ts';

/** What a build's results depend on besides the raw data; an incremental build needs all three unchanged. */
export interface BuildFingerprint {
  /** Every file below sql/ (models, macros, checks, statements) and pipelines/models/, and the DuckDB version. */
  sql: string;
  /** The validated methodology files built, in order. */
  methodology: string;
  /** The contents of the ref and config tables, as prepareBuild loaded them. */
  reference: string;
}

const sha256 = (parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const versionRow = z.object({ version: z.string() });
const nameRow = z.object({ name: z.string() });
const digestRow = z.object({ digest: z.string() });

/** The fingerprint of the build about to run, after prepareBuild has loaded the reference and config tables. */
export async function buildFingerprint(
  con: DuckDBConnection,
  methodologies: Methodology[],
): Promise<BuildFingerprint> {
  const [duckdb] = await readRows(con, versionRow, readSql('statements/incremental/duckdb_version.sql'));
  // The model runner too (how models are materialised and updated in place): a new xiaowei with the same SQL
  // but another runner must not extend tables the old one wrote.
  const sql = sha256([
    duckdb.version,
    ...['sql', join('pipelines', 'models')].flatMap((dir) => {
      const root = join(REPO_ROOT, dir);
      if (!existsSync(root)) return [dir, 'missing'];
      return filesBelow(root).flatMap((f) => [relative(REPO_ROOT, f), readFileSync(f, 'utf8')]);
    }),
  ]);
  const digests: string[] = [];
  for (const t of await readRows(con, nameRow, readSql('statements/incremental/digest_tables.sql'))) {
    const [d] = await readRows(
      con,
      digestRow,
      substitute(readSql('statements/incremental/table_digest.sql'), { table: quoteQualified(t.name) }),
    );
    digests.push(t.name, d.digest);
  }
  return {
    sql,
    methodology: sha256(methodologies.map((m) => JSON.stringify(m))),
    reference: sha256(digests),
  };
}
