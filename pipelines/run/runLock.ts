import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../messages/catalogue.ts';

export interface LockInfo {
  pid: number;
  run_id: string;
  started_at: string;
}

/** Thrown when another live run holds the lock; the message names that run. */
export class RunLockedError extends Error {
  constructor(
    readonly holder: LockInfo,
    lockPath: string,
  ) {
    super(
      `另一个运行正在进行 / another run is in progress: run ${holder.run_id} (pid ${holder.pid}, ` +
        `started ${holder.started_at}); lock ${lockPath}`,
    );
    this.name = 'RunLockedError';
  }
}

/** `process.kill(pid, 0)` probes without signalling: ESRCH means no such process, EPERM means alive but not ours. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

export interface AcquiredLock {
  info: LockInfo;
  release(): void;
}

/**
 * Takes the one-run-at-a-time lock. The lock file is written complete under a temp name and hard-linked into
 * place, which fails with EEXIST when a lock exists (the O_EXCL guarantee, without a window where the file is
 * empty). A lock whose pid is dead is moved aside and reported through `onStale`.
 */
export function acquireRunLock(
  lockPath: string,
  info: LockInfo,
  effects: { isPidAlive(pid: number): boolean; onStale(stale: LockInfo | null): void },
): AcquiredLock {
  const tmp = `${lockPath}.${info.pid}.${info.run_id}.tmp`;
  mkdirSync(dirname(lockPath), { recursive: true });
  writeFileSync(tmp, `${JSON.stringify(info)}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return {
          info,
          release() {
            const current = readLock(lockPath);
            if (current && current.run_id === info.run_id) unlinkSync(lockPath);
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLock(lockPath);
      if (holder === undefined) continue;
      if (holder && effects.isPidAlive(holder.pid)) throw new RunLockedError(holder, lockPath);
      // Stale: move it aside by rename (atomic), then check we moved the lock we judged, not a fresh one.
      const aside = `${lockPath}.stale-${info.run_id}`;
      try {
        renameSync(lockPath, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      const moved = readLock(aside);
      if (moved && holder && moved.run_id !== holder.run_id) {
        renameSync(aside, lockPath);
        throw new RunLockedError(moved, lockPath);
      }
      unlinkSync(aside);
      effects.onStale(holder);
    }
    throw new UserError('run.lock_contended', { lock: lockPath });
  } finally {
    unlinkSync(tmp);
  }
}

/** Who holds the lock now, if anyone (for `xiaowei runs`). */
export function currentLockHolder(lockPath: string): LockInfo | null {
  return readLock(lockPath) ?? null;
}
