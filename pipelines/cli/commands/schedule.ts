import { existsSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { DEFAULT_INBOX } from '../../run/inbox.ts';
import type { ScheduleConfig } from '../../scheduler/scheduleConfig.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';
import { DEFAULT_REPORTS } from './run.ts';

export const DEFAULT_SCHEDULE_FILE = 'config/schedule.json';

interface ScheduleCliOptions {
  config: string;
  list?: boolean;
  count: number;
  from?: Date;
  dryRun?: boolean;
  db?: string;
  reports: string;
  inbox: string;
}

async function loadConfigOrDefault(file: string, io: CliIo): Promise<ScheduleConfig> {
  // Loaded on use (zod, node-cron), so that `xiaowei --help` and the other commands start without them.
  const { DEFAULT_SCHEDULE, loadScheduleConfig, validateScheduleConfig } = await import(
    '../../scheduler/scheduleConfig.ts'
  );
  if (file === DEFAULT_SCHEDULE_FILE && !existsSync(file)) {
    io.stderr.write(`${file} not found; using the built-in schedule (see config/schedule.example.json)\n`);
    const { value, errors } = validateScheduleConfig(DEFAULT_SCHEDULE, '(built-in)');
    if (!value) throw new Error(errors.join('\n'));
    return value;
  }
  return loadScheduleConfig(file);
}

function parsePositive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function parseInstant(v: string): Date {
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('expected an ISO date-time, e.g. 2026-01-30T18:00:00Z');
  return d;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('schedule')
    .description('定时运行 / run the pipeline on a schedule (node-cron); catches up missed jobs at start')
    .option('--config <file>', 'schedule config (JSON)', DEFAULT_SCHEDULE_FILE)
    .option('--list', 'print the next fire times of each job and exit')
    .option('--count <n>', 'with --list: how many fire times per job', parsePositive, 5)
    .option('--from <iso>', 'with --list: compute from this instant instead of now', parseInstant)
    .option('--dry-run', 'log what would run, run nothing')
    .addOption(dbOption())
    .option('--reports <dir>', 'published reports root', DEFAULT_REPORTS)
    .option('--inbox <dir>', 'inbox of new extracts', DEFAULT_INBOX)
    .action(async (opts: ScheduleCliOptions) => {
      const config = await loadConfigOrDefault(opts.config, io);
      if (opts.list) {
        const { formatNextFires } = await import('../../scheduler/formatNextFires.ts');
        io.stdout.write(formatNextFires(config, opts.from ?? new Date(), opts.count));
        return;
      }
      const [{ createRunLogger }, { createScheduler }] = await Promise.all([
        import('../../run/runLogger.ts'),
        import('../../scheduler/scheduler.ts'),
      ]);
      const log = createRunLogger({ logFile: config.log_file, terminal: io.stderr, now: () => new Date() });
      const fx = (await import('../../scheduler/nodeSchedulerEffects.ts')).nodeSchedulerEffects(config, {
        log,
        dryRun: opts.dryRun,
        defaults: { db: resolveDbPath(opts.db, io.env), reportsRoot: opts.reports, inbox: opts.inbox },
      });
      const scheduler = createScheduler(config, fx);
      const stopped = new Promise<void>((resolve) => {
        const onSignal = (signal: string) => {
          log.info({ signal }, 'signal received: no new runs; stopping the current one safely');
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
          void scheduler.stop().then(resolve);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      log.info({ jobs: config.jobs.map((j) => j.name), dry_run: Boolean(opts.dryRun) }, 'scheduler started');
      await scheduler.start();
      await stopped;
      log.info({}, 'scheduler stopped');
      log.flush();
    });
}
