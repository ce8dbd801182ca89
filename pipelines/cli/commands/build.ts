import type { Command } from 'commander';
import { openWarehouse, resolveDbPath } from '../../db/warehouse.ts';
import { newRunId } from '../../run/runId.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';
import { progressBarFor } from '../progressBar.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('build')
    .description(
      'build staging, marts, both indices and the "8631" scorecard from what is loaded (runs every check)',
    )
    .addOption(dbOption())
    .option(
      '-m, --methodology <versions>',
      'comma-separated methodology versions or JSON files (default: every config/methodology/*.json); the marts then hold exactly these versions',
    )
    .option('--run-id <id>', 'run id recorded in ops.build_log (default: from the clock)')
    .option('--full', 'rebuild every model even when only data after the last build was added')
    .action(async (opts: { db?: string; methodology?: string; runId?: string; full?: boolean }) => {
      const { buildWarehouse } = await import('../../models/buildWarehouse.ts'); // loaded on use
      // A mistyped --db must not become a new, empty warehouse whose build "passes" with 0 rows.
      const wh = await openWarehouse(resolveDbPath(opts.db, io.env), { mustExist: true });
      const bar = progressBarFor(io);
      try {
        const summary = await buildWarehouse(wh, {
          runId: opts.runId ?? newRunId(new Date()),
          methodologies: opts.methodology?.split(',').map((s) => s.trim()),
          incremental: !opts.full,
          now: () => new Date(),
          onModel: (r) => {
            bar.clear(); // the model's line goes where the bar was; the next update redraws it below
            io.stdout.write(
              `  ${r.model.padEnd(34)} ${(r.rows === null ? 'view' : `${r.rows} rows`).padStart(15)}  ${r.checks} checks ok  ${(r.ms / 1000).toFixed(1)} s${r.incremental ? '  (incremental)' : r.extended ? '  (extended from the last build)' : ''}\n`,
            );
          },
          onProgress: (p) =>
            bar.update({
              label: `build ${p.index}/${p.total} ${p.step}`,
              fraction: p.fraction,
              rows: p.rows,
            }),
        });
        bar.done();
        const idx = Object.entries(summary.indexRows)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        io.stdout.write(
          `build ${summary.runId}: ${summary.models.length} models, ${summary.checks} checks passed (${summary.mode}: ${summary.modeReason}); index rows: ${idx}\n`,
        );
      } finally {
        bar.done();
        wh.close();
      }
    });
}
