import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';

const stampRow = z.object({
  stamp: z.string(),
  run_id: z.string().nullable(),
  relations: z.number(),
  examples: z.string(),
  logged: z.boolean(),
});

/**
 * The run id of the one build every built table and view comes from (each build stamps what it swaps in), or a
 * refusal: a report shows one logged build's numbers, never a mix (tables of different builds, or changed
 * outside a build). Needs ops.build_log; returns null for a warehouse with no built table.
 */
export async function assertSingleBuild(con: DuckDBConnection): Promise<string | null> {
  const stamps = await readRows(con, stampRow, readSql('queries/report/build_consistency.sql'));
  if (stamps.length === 0) return null;
  const [main] = stamps;
  if (stamps.length === 1 && main.run_id !== null && main.logged) return main.run_id;
  const describe = (s: z.output<typeof stampRow>) =>
    `${s.relations} from ${s.run_id ?? 'no build'}${s.run_id !== null && !s.logged ? ' (not in ops.build_log)' : ''}: ${s.examples}`;
  throw new UserError('report.mixed_build', { builds: stamps.map(describe).join('; ') });
}
