import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to a temp file beside `path`, fsyncs it, then renames it over `path`: readers see old or new, never half. */
/** The one atomic writer of the project: reports, site files, run records and state files all go through it. */
/** `mode` (e.g. 0o600 for internal lists) applies from the temp file's creation, so no reader ever sees it wider. */
export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', options.mode ?? 0o666);
  try {
    // A temp file left by a killed run keeps its old mode on reopening: narrow it before any byte is written.
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/** Makes a rename durable across power loss (a kill -9 alone does not need it). Best effort. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  }
}
