import { dirname, join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { UserError } from '../../messages/catalogue.ts';
import { RUN_ID_PATTERN } from '../../run/runId.ts';
import { currentLockHolder } from '../../run/runLock.ts';
import type { RunRecord } from '../../run/runRecord.ts';
import { fileRunStore } from '../../run/runStore.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

function duration(r: RunRecord): string {
  if (!r.finished_at) return '';
  const s = Math.round((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One line per run, newest first. */
export function formatRunList(records: RunRecord[]): string {
  const header = ['run_id', 'trigger', 'status', 'started_at', 'took', 'inputs', 'year', 'error'];
  const rows = records
    .slice()
    .reverse()
    .map((r) => [
      r.run_id,
      r.job ? `${r.trigger}:${r.job}` : r.trigger,
      r.status,
      r.started_at,
      duration(r),
      String(r.inputs.length),
      r.year === null ? '' : String(r.year),
      (r.error ?? '').slice(0, 60),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** Every field of one run, readable. */
export function formatRunDetail(r: RunRecord): string {
  const lines = [
    `run_id:              ${r.run_id}`,
    `trigger:             ${r.trigger}${r.job ? ` (job ${r.job})` : ''}`,
    `status:              ${r.status}`,
    `pid:                 ${r.pid}`,
    `started_at:          ${r.started_at}`,
    `finished_at:         ${r.finished_at ?? ''}`,
    `methodology_version: ${r.methodology_version ?? ''}`,
    `year:                ${r.year ?? ''}`,
    `error:               ${r.error ?? ''}`,
    'inputs:',
    ...r.inputs.map(
      (i) =>
        `  ${i.file}  sha256=${i.sha256}  ${i.bytes} bytes  ${i.status ?? ''}${i.message ? `  ${i.message}` : ''}`,
    ),
    'row_counts:',
    ...Object.entries(r.row_counts).map(([k, n]) => `  ${k}: ${n}`),
    'outputs:',
    ...r.outputs.map((o) => `  ${o}`),
  ];
  return `${lines.join('\n')}\n`;
}

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function register(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .description('运行记录 / list pipeline runs (from the crash-safe run store beside the warehouse)')
    .addOption(dbOption())
    .option('--limit <n>', 'show only the newest n runs', parseLimit, 20)
    .option('--json', 'print the records as JSON')
    .action((opts: { db?: string; limit: number; json?: boolean }) => {
      const warehouseDir = dirname(resolveDbPath(opts.db, io.env));
      const records = fileRunStore(join(warehouseDir, 'runs')).list().slice(-opts.limit);
      if (opts.json) {
        io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
        return;
      }
      const holder = currentLockHolder(join(warehouseDir, 'run.lock'));
      if (holder)
        io.stdout.write(`running now: ${holder.run_id} (pid ${holder.pid}, since ${holder.started_at})\n`);
      io.stdout.write(records.length > 0 ? formatRunList(records) : '尚无运行记录 / no runs recorded yet\n');
    });
  runs
    .command('show <id>')
    .description('show one run: inputs with hashes, row counts, outputs, error')
    .addOption(dbOption())
    .option('--json', 'print the record as JSON')
    .action((id: string, opts: { db?: string; json?: boolean }, cmd: Command) => {
      const db = opts.db ?? (cmd.parent?.opts() as { db?: string } | undefined)?.db;
      const store = fileRunStore(join(dirname(resolveDbPath(db, io.env)), 'runs'));
      if (!RUN_ID_PATTERN.test(id)) throw new UserError('runs.bad_id', { id });
      const record = store.get(id);
      if (!record) throw new UserError('runs.unknown', { id, dir: store.dir });
      io.stdout.write(opts.json ? `${JSON.stringify(record, null, 2)}\n` : formatRunDetail(record));
    });
}
