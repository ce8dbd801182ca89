import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';

/** File that marks a folder as internal output (内部资料): `xiaowei serve` refuses it and everything below it. */
export const INTERNAL_MARKER = '.xiaowei-internal';
/** Default root of internal outputs, beside the public reports. */
export const INTERNAL_ROOT = join('reports', 'internal');
/** Owner-only: internal lists are enterprise-level. */
export const INTERNAL_FILE_MODE = 0o600;
export const INTERNAL_DIR_MODE = 0o700;

/** Creates (or narrows) an internal folder: owner-only and marked, so no server or site build publishes it. */
export function prepareInternalDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: INTERNAL_DIR_MODE });
  chmodSync(dir, INTERNAL_DIR_MODE);
  writeFileAtomic(
    join(dir, INTERNAL_MARKER),
    '内部资料：本目录为 xiaowei 内部输出（企业名单），不得发布。xiaowei serve 拒绝提供本目录。\n',
    { mode: INTERNAL_FILE_MODE },
  );
}

/**
 * True when `path` is, or lies below, an internal folder: one holding the marker file, or one named
 * reports/internal (the default location, even if its marker was removed). `stopAt` (optional) bounds the search
 * upwards: folders above it are not examined.
 */
export function isInternalPath(path: string, stopAt?: string): boolean {
  let dir = resolve(path);
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    if (existsSync(join(dir, INTERNAL_MARKER))) return true;
    if (basename(dir) === 'internal' && basename(dirname(dir)) === 'reports') return true;
    if (dir === stop) return false;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}
