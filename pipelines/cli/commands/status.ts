import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('status')
    .description(
      'what is loaded: files per kind and status, rows and date ranges per raw table, quarantine by reason',
    )
    .addOption(dbOption())
    .action(async (opts: { db?: string }) => {
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path)) {
        io.stderr.write(`status: no warehouse at ${path} (run \`xiaowei ingest\` first)\n`);
        io.exitCode = 1;
        return;
      }
      const { formatStatus } = await import('../../ingest/formatStatus.ts'); // loaded on use
      const wh = await openWarehouse(path, { readOnly: true });
      try {
        io.stdout.write(await withConnection(wh, (con) => formatStatus(con, path)));
      } finally {
        wh.close();
      }
    });
}
