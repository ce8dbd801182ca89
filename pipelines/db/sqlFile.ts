import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (two levels above this file). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads a SQL file below `sql/`, e.g. `readSql('statements/ops/create_ops.sql')`. SQL never lives in TypeScript strings. */
export function readSql(relPath: string): string {
  return readFileSync(join(REPO_ROOT, 'sql', relPath), 'utf8');
}
