import { type Command, InvalidArgumentError, Option } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { DEFAULT_INBOX } from '../../run/inbox.ts';
import { nodeRunEffects } from '../../run/nodeRunEffects.ts';
import { runProgressBar, silentProgress } from '../../run/progressLine.ts';
import { RunLockedError } from '../../run/runLock.ts';
import type { RunOutcome } from '../../run/runPipeline.ts';
import { pauseHookFromEnv } from '../../run/testPause.ts';
import { dbOption } from '../dbOption.ts';
import { type CliIo, isInteractive } from '../io.ts';
import { besideBar, terminalProgressBar } from '../progressBar.ts';

export const DEFAULT_REPORTS = 'reports';
export const DEFAULT_LOG_FILE = 'data/logs/xiaowei.log';
/** Exit code when another run holds the lock (distinct from a failed run's 1). */
export const EXIT_LOCKED = 75;

interface RunCliOptions {
  inbox: string;
  year?: number;
  db?: string;
  reports: string;
  logFile: string;
  onlyIfNew?: boolean;
  methodology?: string[];
  pdf?: boolean;
}

function parseYear(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    throw new InvalidArgumentError('expected a year such as 2020');
  return n;
}

/** Human summary of a finished run, printed on stdout. */
export function summariseOutcome(outcome: RunOutcome): string {
  if (outcome.status === 'nothing-to-do') return '收件箱无新文件，未运行 / no new files; nothing run\n';
  const r = outcome.record;
  const lines = [`run ${r.run_id}: ${r.status}`];
  const counts = new Map<string, number>();
  for (const i of r.inputs) counts.set(i.status ?? '?', (counts.get(i.status ?? '?') ?? 0) + 1);
  lines.push(`  inputs: ${r.inputs.length}${[...counts].map(([k, n]) => `, ${k} ${n}`).join('')}`);
  if (r.methodology_version) lines.push(`  methodology: ${r.methodology_version}`);
  if (r.year !== null) lines.push(`  year: ${r.year}`);
  for (const o of r.outputs) lines.push(`  output: ${o}`);
  if (r.error) lines.push(`  error: ${r.error}`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('run')
    .description(
      '一次完整运行 / one crash-safe run: ingest new inbox files, build, render report and site, publish atomically',
    )
    .option(
      '--inbox <dir>',
      'inbox of new extracts; processed files move to done/ or rejected/',
      DEFAULT_INBOX,
    )
    .option(
      '--year <yyyy>',
      'report year (default: latest year with a 31 December registry snapshot)',
      parseYear,
    )
    .addOption(dbOption())
    .option(
      '--reports <dir>',
      'published reports root (YYYY/ and site/ are swapped in atomically)',
      DEFAULT_REPORTS,
    )
    .option('--log-file <file>', 'JSON-lines log file', DEFAULT_LOG_FILE)
    .option('--only-if-new', 'do nothing when the inbox holds no new file')
    .addOption(new Option('--methodology <version...>', 'methodology versions to build (default v1)'))
    .option(
      '--pdf',
      'also print the annual report to PDF with Chromium ($XIAOWEI_CHROMIUM or /usr/bin/chromium)',
    )
    .action(async (opts: RunCliOptions) => {
      // Loaded on use (pino, the report stack), so that `xiaowei --help` starts without them.
      const [{ createRunLogger }, { chromiumPath }, { runPipeline }] = await Promise.all([
        import('../../run/runLogger.ts'),
        import('../../report/printPdf.ts'),
        import('../../run/runPipeline.ts'),
      ]);
      const bar = isInteractive(io) ? terminalProgressBar(io.stderr) : null;
      // A log line printed while the bar is drawn would follow it on the same line: the bar steps aside first.
      const terminal = bar ? besideBar(bar, io.stderr) : io.stderr;
      const log = createRunLogger({ logFile: opts.logFile, terminal, now: () => new Date() });
      const abort = new AbortController();
      // First SIGINT/SIGTERM: stop at the next stage boundary and record 'interrupted'. A second one gets
      // Node's default (exit at once), which is safe too: nothing is published before the final renames.
      const onSignal = (signal: string) => {
        log.warn({ signal }, 'signal received: stopping at the next stage boundary');
        abort.abort();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const outcome = await runPipeline(
          {
            db: resolveDbPath(opts.db, io.env),
            reportsRoot: opts.reports,
            inbox: opts.inbox,
            year: opts.year,
            trigger: 'manual',
            onlyIfNew: opts.onlyIfNew,
          },
          nodeRunEffects({
            stages: (await import('../../run/realStages.ts')).realStages({
              methodologies: opts.methodology,
              pdfChromium: opts.pdf ? chromiumPath(io.env) : undefined,
            }),
            log,
            progress: bar ? runProgressBar(bar) : silentProgress,
            checkpoint: pauseHookFromEnv(io.env),
            signal: abort.signal,
          }),
        );
        io.stdout.write(summariseOutcome(outcome));
        if (outcome.status === 'failed') io.exitCode = 1;
        if (outcome.status === 'interrupted') io.exitCode = 130;
      } catch (err) {
        if (!(err instanceof RunLockedError)) throw err;
        io.stderr.write(`xiaowei run: ${err.message}\n`);
        io.exitCode = EXIT_LOCKED;
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        log.flush();
      }
    });
}
