import { statSync } from 'node:fs';
import { message, UserError } from '../messages/catalogue.ts';

/**
 * Default DuckDB memory limit: MEMORY_SHARE of the machine's memory, at most MEMORY_CAP_BYTES. DuckDB's own
 * default (80 % of RAM) let a province-scale run reach 15 GB; past its limit DuckDB spills to
 * temp_directory instead, so an analyst's 8–16 GB machine keeps room for everything else.
 */
export const MEMORY_CAP_BYTES = 2 * 2 ** 30;
export const MEMORY_SHARE = 0.4;
const MIN_MEMORY_BYTES = 64 * 2 ** 20;

/**
 * No checkpoint vacuum, in any command. At a checkpoint DuckDB's vacuum merges partly filled row groups and
 * rewrites those holding deleted rows: reading, recompressing and writing again rows already on disk. xiaowei's
 * writes leave little for it to reclaim: ingest and a full build only append and create (a file's last row group,
 * each thread's last one of a model, are partly filled), and only an incremental build deletes rows in place, the
 * replaced firm-years (4 % of the firm-year tables per added year at province). Yet it cost 1.5–2.8 s of a city
 * build (a quarter of it) and 2.1 s of an incremental one, and left the file larger: the blocks it rewrote
 * become free space the file keeps (city, full build then a year added: 323 MB with it, 309 MB without). It
 * cannot be paused for one command alone either: the next command that writes, whatever it is, does the merges
 * deferred to it (pausing it for builds only made `xiaowei uncertainty` 1.2 → 3.7 s). Rows and their order are
 * the same either way; only row-group boundaries differ. The replaced rows' space comes back with the next full
 * build (`xiaowei build --full`), which writes every model anew (bench/results/2026-11-26.md).
 */
const NO_CHECKPOINT_VACUUM = { max_vacuum_tasks: '0' } as const;
const MAX_THREADS = 256;

const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a memory amount as DuckDB reads it ("4GB" = 4·10⁹, "4GiB" = 4·2³⁰), or null if not one. */
export function parseMemoryAmount(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  return m && unit ? Number(m[1]) * unit : null;
}

export interface SettingsContext {
  /** The machine's memory (os.totalmem()), for the default memory limit. */
  totalMemBytes: number;
  /** The warehouse file; its spill folder defaults to `<file>.tmp` beside it (DuckDB's own choice). */
  dbPath?: string;
}

/**
 * DuckDB settings for every command. Operators override them with XIAOWEI_MEMORY_LIMIT (e.g. "4GB"),
 * XIAOWEI_THREADS (default: DuckDB's, one per core) and XIAOWEI_TEMP_DIR (where DuckDB spills past the
 * limit). A value DuckDB would refuse with only "Failed to set config" is refused here, naming the variable
 * and the accepted form.
 * DuckDB's checkpoint vacuum is off for every command (NO_CHECKPOINT_VACUUM).
 * Example: `duckdbSettings({}, { totalMemBytes: 16 * 2 ** 30, dbPath: 'w.duckdb' })` →
 * `{ max_vacuum_tasks: '0', memory_limit: '2048MiB', temp_directory: 'w.duckdb.tmp' }`.
 */
export function duckdbSettings(env: NodeJS.ProcessEnv, ctx: SettingsContext): Record<string, string> {
  const settings: Record<string, string> = { ...NO_CHECKPOINT_VACUUM };
  const limit = env.XIAOWEI_MEMORY_LIMIT?.trim();
  if (limit) {
    const bytes = parseMemoryAmount(limit);
    if (bytes === null || bytes < MIN_MEMORY_BYTES)
      throw new UserError('db.bad_setting', {
        variable: 'XIAOWEI_MEMORY_LIMIT',
        value: env.XIAOWEI_MEMORY_LIMIT ?? '',
        reason: message('db.memory_limit_form'),
      });
    settings.memory_limit = limit;
  } else {
    const bytes = Math.min(MEMORY_CAP_BYTES, ctx.totalMemBytes * MEMORY_SHARE);
    settings.memory_limit = `${Math.max(MIN_MEMORY_BYTES, Math.floor(bytes / 2 ** 20) * 2 ** 20) / 2 ** 20}MiB`;
  }
  const threads = env.XIAOWEI_THREADS?.trim();
  if (threads) {
    if (!/^\d+$/.test(threads) || Number(threads) < 1 || Number(threads) > MAX_THREADS)
      throw new UserError('db.bad_setting', {
        variable: 'XIAOWEI_THREADS',
        value: env.XIAOWEI_THREADS ?? '',
        reason: message('db.threads_form', { max: MAX_THREADS }),
      });
    settings.threads = threads;
  }
  const temp = env.XIAOWEI_TEMP_DIR?.trim();
  if (temp) {
    if (statSync(temp, { throwIfNoEntry: false })?.isDirectory() === false)
      throw new UserError('db.bad_setting', {
        variable: 'XIAOWEI_TEMP_DIR',
        value: temp,
        reason: message('db.temp_dir_form'),
      });
    settings.temp_directory = temp;
  } else if (ctx.dbPath && ctx.dbPath !== ':memory:') settings.temp_directory = `${ctx.dbPath}.tmp`;
  return settings;
}
