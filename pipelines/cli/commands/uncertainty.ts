import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { inTransaction, openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { message, UserError } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

/** A whole number within [min, max] given on the command line, or a catalogue error naming the option. */
function integerOption(
  option: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UserError('uncertainty.bad_option', {
      option,
      value,
      expected: `a whole number from ${min} to ${max}`,
    });
  }
  return n;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('uncertainty')
    .description(
      'methodology §11 on the current build: rank intervals, drop-one and Sobol sensitivity of every published ranking (replaces mart.rank_uncertainty, mart.sensitivity_drop_one, mart.sensitivity_sobol)',
    )
    .addOption(dbOption())
    .option(
      '--draws <n>',
      'draws N (default: the methodology file’s uncertainty.draws; N·(d+2) scenarios run)',
    )
    .option('--seed <s>', 'random seed (default: the methodology file’s uncertainty.seed)')
    .action(async (opts: { db?: string; draws?: string; seed?: string }) => {
      const draws = integerOption('draws', opts.draws, 2, 1_000_000);
      const seed = integerOption('seed', opts.seed, 0, 2 ** 32 - 1);
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path))
        throw new UserError('uncertainty.not_built', { missing: `no warehouse at ${path}` });
      const { computeUncertainty } = await import('../../uncertainty/computeUncertainty.ts'); // loaded on use
      const wh = await openWarehouse(path);
      try {
        const summary = await withConnection(wh, (con) =>
          inTransaction(con, () => computeUncertainty(con, { draws, seed })),
        );
        io.stdout.write(
          `${message('uncertainty.done', {
            versions: summary.versions.map((v) => `${v.version} (N ${v.draws}, seed ${v.seed})`).join(', '),
            intervals: summary.rows.rank_uncertainty,
            drop_one: summary.rows.sensitivity_drop_one,
            sobol: summary.rows.sensitivity_sobol,
            checks: summary.checks,
          })}\n`,
        );
      } finally {
        wh.close();
      }
    });
}
