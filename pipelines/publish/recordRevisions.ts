import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { diffSnapshots, type Revision } from './diffSnapshots.ts';
import { loadGrowthPathMarts } from './growthPathMarts.ts';
import { growthPathSnapshot } from './growthPathSnapshot.ts';
import { loadIndustryIndexMarts } from './industryIndexMarts.ts';
import { loadMartData } from './loadMartData.ts';
import { publishWithMethodologyMinimum } from './loadPublication.ts';
import { publishedSnapshot, SNAPSHOT_TOPICS, type SnapshotRow } from './publishedSnapshot.ts';

const PublishedValue = z.object({
  cell_key: z.string(),
  methodology_version: z.string(),
  topic: z.enum(SNAPSHOT_TOPICS),
  year: z.number(),
  period: z.string(),
  region_code: z.string(),
  measure: z.string(),
  value: z.number().nullable(),
  value_text: z.string(),
  status: z.enum(['shown', 'withheld', 'missing']),
  run_id: z.string(),
});

async function ensureTables(con: DuckDBConnection): Promise<void> {
  const columns = await readRows(
    con,
    z.object({ column_name: z.string() }),
    readSql('statements/indices/revisions_columns.sql'),
  );
  if (columns.some((c) => c.column_name === 'table_name'))
    await con.run(readSql('statements/indices/retire_old_revisions.sql'));
  await con.run(readSql('statements/indices/create_revisions.sql'));
}

function appendIdentity(a: DuckDBAppender, r: Omit<SnapshotRow, 'value' | 'value_text' | 'status'>): void {
  a.appendVarchar(r.cell_key);
  a.appendVarchar(r.methodology_version);
  a.appendVarchar(r.topic);
  a.appendInteger(r.year);
  a.appendVarchar(r.period);
  a.appendVarchar(r.region_code);
  a.appendVarchar(r.measure);
}

/**
 * The revision step of `xiaowei build` (methodology §6), run inside the build's last transaction: takes the
 * figures every public output prints from the marts just built (through the publication layer, so at the
 * printed precision and with its suppression), records in mart.revisions those whose printed value differs
 * from what the previous build published, and keeps the new figures in mart.published_values.
 */
export async function recordRevisions(
  con: DuckDBConnection,
  options: { runId: string },
): Promise<Revision[]> {
  await ensureTables(con);
  const mart = await loadMartData(con);
  // The growth-path and industry cells take part in the same decisions as in every output.
  const industry = await loadIndustryIndexMarts(con);
  const paths = await loadGrowthPathMarts(con);
  const pub = publishWithMethodologyMinimum(mart, [], paths, industry);
  const current = [
    ...publishedSnapshot(mart, pub.disclosure, industry),
    ...(paths ? growthPathSnapshot(paths, pub.disclosure) : []),
  ];
  const previous = await readRows(
    con,
    PublishedValue,
    readSql('statements/indices/select_published_values.sql'),
  );
  const revisions =
    previous.length === 0
      ? []
      : diffSnapshots(previous, current, { previous: previous[0].run_id, current: options.runId });
  const rev = await con.createAppender('revisions', 'mart');
  for (const r of revisions) {
    appendIdentity(rev, r);
    rev.appendVarchar(r.old_text);
    rev.appendVarchar(r.new_text);
    rev.appendVarchar(r.old_run_id);
    rev.appendVarchar(r.new_run_id);
    rev.endRow();
  }
  rev.closeSync();
  await con.run(readSql('statements/indices/clear_published_values.sql'));
  const pv = await con.createAppender('published_values', 'mart');
  for (const r of current) {
    appendIdentity(pv, r);
    if (r.value === null) pv.appendNull();
    else pv.appendDouble(r.value);
    pv.appendVarchar(r.value_text);
    pv.appendVarchar(r.status);
    pv.appendVarchar(options.runId);
    pv.endRow();
  }
  pv.closeSync();
  return revisions;
}
