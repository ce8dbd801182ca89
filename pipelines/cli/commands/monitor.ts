import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { UserError } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('monitor')
    .description(
      "动态监测：one month's flows (births, 注销/吊销, 个转企, 个体工商户) against expectation, and its alerts",
    )
    .option('--month <YYYY-MM>', 'the month (default: the latest complete month)')
    .addOption(dbOption())
    .action(async (opts: { month?: string; db?: string }) => {
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path)) throw new UserError('monitor.not_built', { path });
      // Loaded on use, like every command's own stack (CLI start-up).
      const [{ loadMonitorMonth }, { formatMonitorMonth }] = await Promise.all([
        import('../../monitor/loadMonitorMonth.ts'),
        import('../../monitor/formatMonitorMonth.ts'),
      ]);
      const wh = await openWarehouse(path, { readOnly: true });
      try {
        const month = await withConnection(wh, (con) => loadMonitorMonth(con, { month: opts.month, path }));
        io.stdout.write(formatMonitorMonth(month));
      } finally {
        wh.close();
      }
    });
}
