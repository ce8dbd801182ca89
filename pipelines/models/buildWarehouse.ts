import { join } from 'node:path';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { inTransaction, type Warehouse, withConnection } from '../db/warehouse.ts';
import { buildIndices } from '../indices/buildIndices.ts';
import { writeGrowthPathParams } from '../indices/growthPathParams.ts';
import { keepOnlyVersions, writeMethodologyTables } from '../indices/methodologyTables.ts';
import { listMethodologyVersions, loadMethodology } from '../methodology/loadMethodology.ts';
import type { Methodology } from '../methodology/schema.ts';
import { recordRevisions } from '../publish/recordRevisions.ts';
import { loadReferenceTables } from '../reference/loadReference.ts';
import { buildUncertainty } from '../uncertainty/buildUncertainty.ts';
import { type BuildProgress, stepProgress, stepWeights } from './buildProgress.ts';
import { orderModels, readModels } from './modelFile.ts';
import { type ModelRunResult, runCheckFiles, runModel } from './runModels.ts';
import { runSqlScript } from './runSqlScript.ts';

export interface BuildOptions {
  runId: string;
  /** Methodology versions (tags or file paths); default: every version in config/methodology/. */
  methodologies?: string[];
  now: () => Date;
  onModel?: (r: ModelRunResult) => void;
  /** Progress for a progress bar, a few times a second while a model is materialised. */
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildSummary {
  runId: string;
  methodologyVersions: string[];
  models: ModelRunResult[];
  checks: number;
  indexRows: Record<string, number>;
}

/** Every model below sql/models/, whatever its layer folder; the runner orders them by depends_on. */
const MODELS_DIR = 'models';

/**
 * `xiaowei build`: reference tables → macros → staging and mart models (each in a transaction, checks
 * after each) → both indices for every methodology version → their uncertainty (§11) → ops.build_log.
 */
export async function buildWarehouse(wh: Warehouse, options: BuildOptions): Promise<BuildSummary> {
  const started = options.now();
  const methodologies: Methodology[] = (options.methodologies ?? listMethodologyVersions()).map((v) =>
    loadMethodology(v),
  );
  const sqlRoot = join(REPO_ROOT, 'sql');
  const models = orderModels(readModels(sqlRoot, [MODELS_DIR]));
  return withConnection(wh, async (con) => {
    await inTransaction(con, async () => {
      await loadReferenceTables(con);
      for (const script of [
        'statements/raw/create_raw.sql',
        'statements/ops/create_ops.sql',
        'statements/ops/create_build_log.sql',
        'statements/indices/create_index_tables.sql',
        'statements/indices/create_revisions.sql',
        'statements/indices/create_growth_path_params.sql',
      ]) {
        await runSqlScript(con, readSql(script));
      }
      for (const file of ['safe_div.sql', 'round_half_up.sql', 'size_class.sql', 'annualised_growth.sql']) {
        await runSqlScript(con, readSql(`macros/${file}`));
      }
      await keepOnlyVersions(
        con,
        methodologies.map((m) => m.version),
      );
      for (const m of methodologies) {
        await writeMethodologyTables(con, m);
        await writeGrowthPathParams(con, m);
      }
    });
    const results: ModelRunResult[] = [];
    const weights = stepWeights(models);
    const report = options.onProgress;
    for (const [i, model] of models.entries()) {
      report?.(stepProgress(weights, i, model.name, { fraction: 0, rows: 0 }));
      const r = await runModel(
        con,
        model,
        report && ((q) => report(stepProgress(weights, i, model.name, q))),
      );
      results.push(r);
      options.onModel?.(r);
    }
    report?.(stepProgress(weights, models.length, 'indices', { fraction: 0, rows: 0 }));
    const indexRows: Record<string, number> = {};
    let indexChecks = 0;
    await inTransaction(con, async () => {
      for (const m of methodologies) {
        const counts = await buildIndices(con, m);
        indexRows[`${m.version}.growth`] = counts.growth;
        indexRows[`${m.version}.vitality`] = counts.vitality;
      }
      indexChecks = await runCheckFiles(con, 'indices');
      indexChecks += (await buildUncertainty(con, methodologies)).checks;
      await recordRevisions(con, { runId: options.runId });
    });
    const checks = results.reduce((s, r) => s + r.checks, indexChecks);
    await con.run(readSql('statements/ops/insert_build_log.sql'), {
      run_id: options.runId,
      versions: methodologies.map((m) => m.version).join(','),
      started_at: started.toISOString(),
      finished_at: options.now().toISOString(),
      models: results.length,
      checks,
    });
    return {
      runId: options.runId,
      methodologyVersions: methodologies.map((m) => m.version),
      models: results,
      checks,
      indexRows,
    };
  });
}
