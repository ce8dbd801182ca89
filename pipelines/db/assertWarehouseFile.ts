import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UserError } from '../messages/catalogue.ts';

// A DuckDB file starts with an 8-byte checksum, then the magic bytes "DUCK" (DuckDB storage format, main header).
const DUCKDB_MAGIC = { offset: 8, bytes: 'DUCK' };

// What a wrong --db usually is, recognised by its first bytes, so the message can say what was given instead.
const KNOWN_FORMATS: { magic: string; what: string }[] = [
  { magic: 'PAR1', what: 'a Parquet file' },
  { magic: 'PK\u0003\u0004', what: 'a zip archive or XLSX workbook' },
  { magic: 'ARROW1', what: 'an Arrow file' },
  { magic: 'SQLite format 3\u0000', what: 'an SQLite database' },
];

/**
 * Refuses a warehouse path that exists but is not a DuckDB database (a CSV, a Parquet file, an empty file, a
 * directory), before DuckDB opens it: DuckDB would otherwise fail obscurely or, for some readers, treat the path
 * as data and persist nothing. A path that does not exist yet is fine: it becomes a new warehouse (unless
 * `mustExist`: a read-only open has nothing to read there).
 */
export function assertWarehouseFile(path: string, options: { mustExist?: boolean } = {}): void {
  if (path === ':memory:') return;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat && options.mustExist) throw new UserError('db.no_warehouse', { path });
  if (!stat) return;
  if (stat.isDirectory()) throw new UserError('db.not_duckdb', { path, what: 'a directory' });
  if (!stat.isFile()) throw new UserError('db.not_duckdb', { path, what: 'not a regular file' });
  if (stat.size === 0) throw new UserError('db.not_duckdb', { path, what: 'an empty file' });
  const head = readHead(path, 16);
  if (hasDuckDbMagic(head)) return;
  const known = KNOWN_FORMATS.find((f) => head.subarray(0, f.magic.length).toString('latin1') === f.magic);
  const what =
    known?.what ?? (looksLikeText(head) ? 'a text file, such as a CSV' : 'not a DuckDB database file');
  throw new UserError('db.not_duckdb', { path, what });
}

/** True when `path` is a regular file that starts like a DuckDB database (a warehouse an output must not replace). */
export function isDuckDbFile(path: string): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat?.isFile() === true && hasDuckDbMagic(readHead(path, 16));
}

function hasDuckDbMagic(head: Buffer): boolean {
  return (
    head.subarray(DUCKDB_MAGIC.offset, DUCKDB_MAGIC.offset + 4).toString('latin1') === DUCKDB_MAGIC.bytes
  );
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

function looksLikeText(head: Buffer): boolean {
  return head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
}
