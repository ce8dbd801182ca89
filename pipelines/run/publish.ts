import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir, writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { UserError } from '../messages/catalogue.ts';
import type { RunPaths } from './runPaths.ts';
import type { RunRecord } from './runRecord.ts';
import { type PublishedStamp, stampOf } from './workCopy.ts';

/** Written before publish starts; lets the next run finish a publish that a crash cut short. */
export interface PublishJournal {
  run_id: string;
  db: string;
  work_db: string;
  reports_root: string;
  staging_dir: string;
  old_dir: string;
  entries: string[];
  /** The record as it reads once published (also the row in ops.runs); restored if we crash after the commit. */
  record: RunRecord;
}

/**
 * Publishes a finished run: journal → rename the work warehouse over the published one (the commit point) →
 * swap each staged report entry (`2020/`, `site/`) in → delete what was swapped out. Before the commit nothing
 * published has changed, so a crash there needs no undo; after it, the next run finishes the swaps from the
 * journal (`recoverInterruptedRuns`). `pause` is the crash-test hook.
 */
export async function publishRun(
  paths: RunPaths,
  record: RunRecord,
  copiedFrom: PublishedStamp,
  pause: (point: string) => Promise<void>,
): Promise<void> {
  const now = stampOf(paths.db);
  if (
    now.exists !== copiedFrom.exists ||
    now.size !== copiedFrom.size ||
    now.mtimeMs !== copiedFrom.mtimeMs
  ) {
    throw new UserError('run.warehouse_changed', { db: paths.db });
  }
  if (existsSync(`${paths.db}.wal`) || existsSync(`${paths.workDb}.wal`)) {
    throw new UserError('run.wal_pending', { db: paths.db });
  }
  const journal: PublishJournal = {
    run_id: record.run_id,
    db: paths.db,
    work_db: paths.workDb,
    reports_root: paths.reportsRoot,
    staging_dir: paths.stagingDir,
    old_dir: paths.oldDir,
    entries: existsSync(paths.stagingDir) ? readdirSync(paths.stagingDir).sort() : [],
    record,
  };
  writeFileAtomic(paths.journal, `${JSON.stringify(journal, null, 2)}\n`);
  await pause('publish');
  renameSync(paths.workDb, paths.db);
  fsyncDir(paths.warehouseDir);
  await pause('publish:committed');
  swapEntries(journal);
  rmSync(paths.workDir, { recursive: true, force: true });
}

/**
 * Moves each staged entry into the reports root, the published one aside first (a directory cannot be renamed
 * over a non-empty one). Idempotent, so recovery can call it again after a crash at any step.
 */
function swapEntries(j: PublishJournal): void {
  mkdirSync(j.reports_root, { recursive: true });
  mkdirSync(j.old_dir, { recursive: true });
  for (const name of j.entries) {
    const staged = join(j.staging_dir, name);
    if (!existsSync(staged)) continue;
    const published = join(j.reports_root, name);
    if (existsSync(published)) renameSync(published, join(j.old_dir, name));
    renameSync(staged, published);
  }
  fsyncDir(j.reports_root);
  rmSync(j.old_dir, { recursive: true, force: true });
  rmSync(j.staging_dir, { recursive: true, force: true });
}

export interface Recovered {
  run_id: string;
  action: 'discarded' | 'rolled-forward';
  record?: RunRecord;
}

/**
 * Run with the lock held, before a new run starts: finishes the report swaps of any run killed after its
 * commit point, then deletes every leftover work directory and staging/old report directory.
 */
export function recoverInterruptedRuns(tmpRoot: string, reportsRoot: string): Recovered[] {
  const out: Recovered[] = [];
  if (existsSync(tmpRoot)) {
    for (const name of readdirSync(tmpRoot).sort()) {
      const dir = join(tmpRoot, name);
      const journalPath = join(dir, 'publish.json');
      const runId = name.replace(/^run-/, '');
      if (existsSync(journalPath)) {
        const j = JSON.parse(readFileSync(journalPath, 'utf8')) as PublishJournal;
        // The work warehouse is gone only once it has been renamed over the published one: committed.
        if (!existsSync(j.work_db)) {
          swapEntries(j);
          out.push({ run_id: j.run_id, action: 'rolled-forward', record: j.record });
        } else {
          out.push({ run_id: j.run_id, action: 'discarded' });
        }
      } else {
        out.push({ run_id: runId, action: 'discarded' });
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (existsSync(reportsRoot)) {
    for (const name of readdirSync(reportsRoot)) {
      if (name.startsWith('.staging-') || name.startsWith('.old-')) {
        rmSync(join(reportsRoot, name), { recursive: true, force: true });
      }
    }
  }
  return out;
}
