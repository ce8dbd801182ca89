import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { readSql } from '../../db/sqlFile.ts';
import { openWarehouse, queryRows, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { formatTable } from '../../ingest/formatQueryResult.ts';
import { runQuery } from '../../ingest/queryResult.ts';
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
      const wh = await openWarehouse(path, { readOnly: true });
      try {
        await withConnection(wh, async (con) => {
          const tables = await queryRows<{ name: string }>(
            con,
            "select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('raw', 'ops')",
          );
          const have = new Set(tables.map((t) => t.name));
          if (!have.has('ops.ingest_log') || !have.has('raw.registry')) {
            io.stdout.write(`warehouse ${path}: nothing ingested yet\n`);
            return;
          }
          io.stdout.write(`warehouse ${path}\n\nfiles\n`);
          io.stdout.write(formatTable(await runQuery(con, readSql('ingest/status_files.sql'))));
          io.stdout.write('\nraw tables\n');
          io.stdout.write(formatTable(await runQuery(con, readSql('ingest/status_tables.sql'))));
          io.stdout.write('\nquarantine by reason\n');
          io.stdout.write(formatTable(await runQuery(con, readSql('ingest/status_quarantine.sql'))));
        });
      } finally {
        wh.close();
      }
    });
}
