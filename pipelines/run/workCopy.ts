import { constants, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { assertWarehouseFile } from '../db/assertWarehouseFile.ts';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import type { RunPaths } from './runPaths.ts';

/** Size and mtime of the published warehouse when the run copied it; publish refuses if it changed since. */
export interface PublishedStamp {
  exists: boolean;
  size: number;
  mtimeMs: number;
}

export function stampOf(path: string): PublishedStamp {
  if (!existsSync(path)) return { exists: false, size: 0, mtimeMs: 0 };
  const s = statSync(path);
  return { exists: true, size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * Copies the published warehouse into the run's work directory. The published file is opened only when a
 * write-ahead log sits beside it (a writer outside `xiaowei run` left one): then it is checkpointed first so
 * the copy holds everything. Otherwise it is copied without being opened, so its bytes never change.
 */
export async function copyPublishedToWork(paths: RunPaths): Promise<PublishedStamp> {
  // Checked here, not only when the copy is opened: the message names the path the user gave.
  assertWarehouseFile(paths.db);
  mkdirSync(paths.workDir, { recursive: true });
  if (!existsSync(paths.db)) return stampOf(paths.db);
  if (existsSync(`${paths.db}.wal`)) {
    const wh = await openWarehouse(paths.db);
    try {
      await withConnection(wh, (con) => con.run('checkpoint'));
    } finally {
      wh.close();
    }
  }
  const stamp = stampOf(paths.db);
  // A copy-on-write clone where the file system has them (btrfs, XFS, APFS): instant even for a province
  // warehouse of gigabytes; elsewhere an ordinary copy.
  copyFileSync(paths.db, paths.workDb, constants.COPYFILE_FICLONE);
  return stamp;
}
