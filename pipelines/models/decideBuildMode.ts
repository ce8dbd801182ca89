import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import type { BuildFingerprint } from './buildFingerprint.ts';
import type { Model } from './modelFile.ts';
import { buildStamp } from './stampBuild.ts';

export interface BuildMode {
  mode: 'full' | 'incremental';
  /** Why, in a sentence the CLI and the run log print. */
  reason: string;
  /** Incremental: the latest snapshot the last build read; the added snapshot is dated after it. */
  registryAsOf: string | null;
}

const stateRow = z.object({
  run_id: z.string(),
  sql_sha256: z.string(),
  methodology_sha256: z.string(),
  reference_sha256: z.string(),
  registry_as_of: z.string().nullable(),
});
const liveRow = z.object({ name: z.string(), stamp: z.string() });
const changedRow = z.object({ file_id: z.string(), raw_table: z.string() });
const registryRow = z.object({
  files: z.number(),
  snapshots: z.number(),
  first_as_of: z.string().nullable(),
});

const statement = (file: string) => readSql(`statements/incremental/${file}`);

/**
 * Full or incremental. An incremental build updates the firm-year models from the rows the added data changes
 * (pipelines/models/incrementalModels.ts); that equals a full build only when everything else is what the last
 * build read: its tables all there from that build, the same SQL, methodology and reference tables, every input
 * it read still there unchanged, and at most one registry snapshot added, dated after the last one built.
 * Anything else, or `wanted` false, is a full build, and the reason says why. It leaves what this build reads in
 * ops.build_inputs__next, which the build records when it swaps in.
 */
export async function decideBuildMode(
  con: DuckDBConnection,
  models: Model[],
  fingerprint: BuildFingerprint,
  wanted: boolean,
): Promise<BuildMode> {
  const full = (reason: string): BuildMode => ({ mode: 'full', reason, registryAsOf: null });
  // ops.build_inputs__next: what this build reads, which it records when it swaps in.
  await con.run(statement('inputs_now.sql'));
  if (!wanted) return full('a full build was asked for');
  const [state] = await readRows(con, stateRow, statement('last_build_state.sql'));
  if (!state) return full('no earlier build recorded what it read');
  const live = new Map(
    (await readRows(con, liveRow, statement('live_models.sql'))).map((r) => [r.name, r.stamp]),
  );
  const stamp = buildStamp(state.run_id);
  const missing = models.find((m) => live.get(m.name) !== stamp);
  if (missing) return full(`${missing.name} is not as the last build (${state.run_id}) left it`);
  if (state.sql_sha256 !== fingerprint.sql)
    return full('the SQL under sql/, the model runner or the DuckDB version changed');
  if (state.methodology_sha256 !== fingerprint.methodology) return full('the methodology changed');
  if (state.reference_sha256 !== fingerprint.reference) return full('the reference tables changed');
  const [changed] = await readRows(con, changedRow, statement('changed_inputs.sql'));
  if (changed)
    return full(
      `an input the last build read was removed or replaced (${changed.raw_table} ${changed.file_id})`,
    );
  const [registry] = await readRows(con, registryRow, statement('new_registry_files.sql'));
  if (registry.files > 1 || registry.snapshots > 1)
    return full(`${registry.files} registry files added (incremental: at most one snapshot)`);
  if (
    registry.files === 1 &&
    (state.registry_as_of === null || (registry.first_as_of ?? '') <= state.registry_as_of)
  )
    return full(
      `the registry snapshot added (${registry.first_as_of}) is not dated after the last one built (${state.registry_as_of ?? 'none'})`,
    );
  return {
    mode: 'incremental',
    reason:
      registry.files === 1
        ? `registry snapshot ${registry.first_as_of} added after ${state.registry_as_of} (last build ${state.run_id})`
        : `no registry snapshot added since the last build (${state.run_id})`,
    registryAsOf: state.registry_as_of,
  };
}
