import { recoverInterruptedRuns } from './publish.ts';
import type { RunPaths } from './runPaths.ts';
import type { RunStore } from './runStore.ts';
import type { RunLog } from './stages.ts';

/**
 * Housekeeping with the run lock held, before a new run: undo or finish a publish a killed run left half done,
 * delete its work files, and mark every other run still recorded as 'running' as crashed (the lock proves
 * none of them is alive).
 */
export function prepareRun(
  paths: RunPaths,
  store: RunStore,
  runId: string,
  now: () => Date,
  log: RunLog,
): void {
  for (const r of recoverInterruptedRuns(paths.tmpRoot, paths.reportsRoot)) {
    if (r.action === 'rolled-forward' && r.record) {
      store.save(r.record);
      log.warn({ run_id: r.run_id }, 'finished publishing a run that was killed after its commit point');
    } else {
      log.warn({ run_id: r.run_id, action: r.action }, 'cleaned up after an interrupted run');
    }
  }
  for (const rec of store.list()) {
    if (rec.status !== 'running' || rec.run_id === runId) continue;
    store.save({
      ...rec,
      status: 'crashed',
      error: `process ${rec.pid} died before the run finished (found by run ${runId} at ${now().toISOString()}); nothing of it was published`,
    });
    log.warn({ run_id: rec.run_id, pid: rec.pid }, `marked run ${rec.run_id} as crashed`);
  }
}
