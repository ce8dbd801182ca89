import { basename, dirname, join, resolve } from 'node:path';

/** Every path a run touches, derived from the published warehouse file, the reports root and the run id. */
export interface RunPaths {
  db: string;
  warehouseDir: string;
  /** Work area on the same file system as the warehouse, so the final rename is atomic. */
  tmpRoot: string;
  workDir: string;
  workDb: string;
  journal: string;
  runsDir: string;
  lockPath: string;
  reportsRoot: string;
  /** Rendered outputs are written here, then swapped into reportsRoot at publish. */
  stagingDir: string;
  /** Published outputs being replaced are moved here during publish, deleted after the commit. */
  oldDir: string;
}

export const TMP_DIR_NAME = '.xiaowei-tmp';
export const STAGING_PREFIX = '.staging-';
export const OLD_PREFIX = '.old-';

export function runPaths(db: string, reportsRoot: string, runId: string): RunPaths {
  const absDb = resolve(db);
  const warehouseDir = dirname(absDb);
  const tmpRoot = join(warehouseDir, TMP_DIR_NAME);
  const workDir = join(tmpRoot, `run-${runId}`);
  const absReports = resolve(reportsRoot);
  return {
    db: absDb,
    warehouseDir,
    tmpRoot,
    workDir,
    workDb: join(workDir, basename(absDb)),
    journal: join(workDir, 'publish.json'),
    runsDir: join(warehouseDir, 'runs'),
    lockPath: join(warehouseDir, 'run.lock'),
    reportsRoot: absReports,
    stagingDir: join(absReports, `${STAGING_PREFIX}${runId}`),
    oldDir: join(absReports, `${OLD_PREFIX}${runId}`),
  };
}
