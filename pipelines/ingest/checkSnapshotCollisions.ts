import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { message } from '../messages/catalogue.ts';
import { IngestRejection } from './ingestRejection.ts';

const CollisionRow = z.object({
  as_of: z.string(),
  source_file: z.string(),
  old_rows: z.number(),
  new_rows: z.number(),
  differing: z.number(),
});

/**
 * A registry snapshot is the whole register on its date: a second file for a date already loaded may only
 * repeat it (then a note says so). A differing one would silently replace every row of that date
 * (stg_registry keeps one file per date), so it is refused whole (IngestRejection).
 */
export async function checkSnapshotCollisions(con: DuckDBConnection, notes: string[]): Promise<void> {
  // Cheap first: the dates this file loads, then whether raw.registry holds any of them (a constant filter, so
  // row groups of other dates are skipped by their min/max), and only then the row-by-row comparison.
  const dates = await readRows(
    con,
    z.object({ as_of: z.string() }),
    readSql('statements/ingest/loaded_as_of_dates.sql'),
  );
  let held = 0;
  for (const { as_of } of dates) {
    const [{ n }] = await readRows(
      con,
      z.object({ n: z.number() }),
      readSql('statements/ingest/count_registry_as_of.sql'),
      { as_of },
    );
    held += n;
  }
  if (held === 0) return;
  const collisions = await readRows(
    con,
    CollisionRow,
    readSql('statements/ingest/registry_snapshot_collisions.sql'),
  );
  for (const c of collisions) {
    if (c.differing > 0) throw new IngestRejection('ingest.snapshot_exists', c);
    notes.push(message('ingest.note_snapshot_same', { as_of: c.as_of, file: c.source_file }));
  }
}
