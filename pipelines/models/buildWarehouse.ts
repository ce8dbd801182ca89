import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { inTransaction, readRows, type Warehouse, withConnection } from '../db/warehouse.ts';
import { listMethodologyVersions } from '../methodology/loadMethodology.ts';
import { recordRevisions } from '../publish/recordRevisions.ts';
import { buildUncertainty } from '../uncertainty/buildUncertainty.ts';
import { asideNames, dropAside, swapIn } from './buildAside.ts';
import { type BuildFingerprint, buildFingerprint } from './buildFingerprint.ts';
import { type BuildProgress, stepProgress, stepWeights } from './buildProgress.ts';
import { decideBuildMode } from './decideBuildMode.ts';
import { extendedModelSql, INCREMENTAL_MODELS, runIncrementalModel } from './incrementalModels.ts';
import { orderModels, readModels } from './modelFile.ts';
import { prepareBuild } from './prepareBuild.ts';
import { type ModelRunResult, runModel } from './runModels.ts';
import { stampBuild } from './stampBuild.ts';
import { validateMethodologies } from './validateMethodologies.ts';

export interface BuildOptions {
  runId: string;
  /** Methodology versions (tags or file paths); default: every version in config/methodology/. */
  methodologies?: string[];
  now: () => Date;
  onModel?: (r: ModelRunResult) => void;
  /** Progress for a progress bar, a few times a second while a model is materialised. */
  onProgress?: (p: BuildProgress) => void;
  /** false: rebuild every model even when an incremental build would give the same (`xiaowei build --full`). */
  incremental?: boolean;
}

export interface BuildSummary {
  runId: string;
  methodologyVersions: string[];
  /** incremental: the firm-year models were updated from what the added data changes (decideBuildMode.ts). */
  mode: 'full' | 'incremental';
  /** Why this mode, e.g. why a full build although one was built before. */
  modeReason: string;
  models: ModelRunResult[];
  checks: number;
  /** Rows per methodology version and index, e.g. { 'v1.growth': 1584 }. */
  indexRows: Record<string, number>;
}

/** Every model below sql/models/, whatever its layer folder; the runner orders them by depends_on. */
const MODELS_DIR = 'models';

/**
 * `xiaowei build`, all or nothing. It validates what it was given (methodology files, their input variables)
 * before it writes anything; loads the reference tables, macros and the methodology config; builds every model
 * below sql/models/ aside (mart.x__next, in depends_on order, checks after each, each committed so DuckDB
 * plans the next with real statistics); then one transaction swaps them all in, records revisions, stamps every
 * table with the run id and logs the build. A failure or a kill before that commit leaves every model of the
 * last good build, with its run id, as it was; what was written aside is dropped (or by the next build).
 * When only data after the last build was added (decideBuildMode.ts), the build is incremental: the firm-year
 * models are updated in place (incrementalModels.ts) and the others built aside as above; the models before the
 * first firm-year model are committed aside as in a full build, and from that model on everything, the swap
 * included, is one transaction.
 */
export async function buildWarehouse(wh: Warehouse, options: BuildOptions): Promise<BuildSummary> {
  const started = options.now();
  const models = orderModels(readModels(join(REPO_ROOT, 'sql'), [MODELS_DIR]));
  return withConnection(wh, async (con) => {
    const methodologies = await validateMethodologies(
      con,
      options.methodologies ?? listMethodologyVersions(),
      models,
    );
    const versions = methodologies.map((m) => m.version);
    await dropAside(con);
    try {
      await inTransaction(con, () => prepareBuild(con, methodologies));
      const fingerprint = await buildFingerprint(con, methodologies);
      const plan = await decideBuildMode(con, models, fingerprint, options.incremental ?? true);
      const incremental = (name: string) => plan.mode === 'incremental' && INCREMENTAL_MODELS.has(name);
      // An incremental build updates the firm-year models in place; the others are built aside either way.
      const names = asideNames(models.filter((m) => !incremental(m.name)));
      // mart.alerts stamps the alerts this build raises first with its run id.
      await con.run(readSql('statements/monitor/set_build_run.sql'), { run_id: options.runId });
      const results: ModelRunResult[] = [];
      const weights = stepWeights(models);
      const report = options.onProgress;
      // Builds models[from] … models[to − 1], in order.
      const buildModels = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const model = models[i];
          report?.(stepProgress(weights, i, model.name, { fraction: 0, rows: 0 }));
          const extension = plan.mode === 'incremental' ? extendedModelSql(model, names) : undefined;
          const r = incremental(model.name)
            ? await runIncrementalModel(con, model, models, names, { registry_as_of: plan.registryAsOf })
            : await runModel(
                con,
                model,
                names,
                report && ((q) => report(stepProgress(weights, i, model.name, q))),
                extension === undefined
                  ? undefined
                  : { sql: extension, params: { registry_as_of: plan.registryAsOf } },
              );
          results.push(r);
          options.onModel?.(r);
        }
        if (to === models.length)
          report?.(stepProgress(weights, models.length, 'swap in', { fraction: 0, rows: 0 }));
      };
      const swap = async (): Promise<BuildSummary> => {
        await swapIn(con, models, names);
        // Methodology §11, computed from the indices just swapped in, in the same transaction.
        const uncertainty = await buildUncertainty(con, methodologies);
        const checks = results.reduce((s, r) => s + r.checks, uncertainty.checks);
        await recordRevisions(con, { runId: options.runId });
        // ops.alert_first_seen persists across builds (outside the swap): only a build that swaps in records.
        await con.run(readSql('statements/monitor/record_alert_first_seen.sql'));
        await stampBuild(con, options.runId);
        // What this build read, for the next build's choice of mode (decideBuildMode.ts).
        await recordBuildState(con, options.runId, fingerprint);
        // Drops what is left aside: the sets of firms and years an incremental build filtered by (ops.*__next).
        await dropAside(con);
        await con.run(readSql('statements/ops/insert_build_log.sql'), {
          run_id: options.runId,
          versions: versions.join(','),
          started_at: started.toISOString(),
          finished_at: options.now().toISOString(),
          models: results.length,
          checks,
        });
        return {
          runId: options.runId,
          methodologyVersions: versions,
          mode: plan.mode,
          modeReason: plan.reason,
          models: results,
          checks,
          indexRows: await countIndexRows(con),
        };
      };
      // A full build commits each model aside and swaps them in at the end. An incremental build writes into the
      // live tables from its first incremental model on: from there all of it is one transaction, so a failure or
      // a kill leaves the last good build whole. The models before are built aside and committed as in a full
      // build (the register's history and entities: read uncommitted, inside the transaction, DuckDB scanned them
      // several times slower).
      if (plan.mode === 'incremental') {
        const first = Math.max(
          0,
          models.findIndex((m) => incremental(m.name)),
        );
        await buildModels(0, first);
        return await inTransaction(con, async () => {
          await buildModels(first, models.length);
          return swap();
        });
      }
      await buildModels(0, models.length);
      return await inTransaction(con, swap);
    } catch (err) {
      await dropAside(con).catch(() => undefined);
      throw err;
    }
  });
}

/** What the next build compares with to decide whether it may be incremental (decideBuildMode.ts). */
async function recordBuildState(con: DuckDBConnection, runId: string, fingerprint: BuildFingerprint) {
  const statement = (file: string) => readSql(`statements/incremental/${file}`);
  await con.run(statement('clear_build_state.sql'));
  await con.run(statement('record_build_state.sql'), {
    run_id: runId,
    sql_sha256: fingerprint.sql,
    methodology_sha256: fingerprint.methodology,
    reference_sha256: fingerprint.reference,
  });
  await con.run(statement('record_build_inputs.sql'));
}

const indexRowCount = z.object({ methodology_version: z.string(), index_name: z.string(), n: z.number() });

async function countIndexRows(con: DuckDBConnection): Promise<Record<string, number>> {
  const rows = await readRows(con, indexRowCount, readSql('queries/cli/index_row_counts.sql'));
  return Object.fromEntries(rows.map((r) => [`${r.methodology_version}.${r.index_name}`, r.n]));
}
