import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { isDuckDbFile } from '../../db/assertWarehouseFile.ts';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { writeFileAtomic } from '../../fsutil/writeFileAtomic.ts';
import { formatCsv, formatJson, formatTable } from '../../ingest/formatQueryResult.ts';
import { message, UserError } from '../../messages/catalogue.ts';
import { escapeControl } from '../../messages/formatError.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

type Format = 'table' | 'csv' | 'json' | 'arrow';

export function register(program: Command, io: CliIo): void {
  program
    .command('query')
    .description('run one SQL statement on the warehouse, read-only, and print or save the result')
    .argument('<sql>', 'the SQL to run, e.g. "select count(*) from raw.registry"')
    .addOption(
      new Option('-f, --format <format>', 'output format (arrow = Arrow IPC file, needs --out)')
        .choices(['table', 'csv', 'json', 'arrow'])
        .default('table'),
    )
    .option('-o, --out <file>', 'write the result to this file instead of stdout')
    .addOption(dbOption())
    .action(async (sql: string, opts: { format: Format; out?: string; db?: string }) => {
      if (opts.format === 'arrow' && !opts.out) throw new UserError('query.arrow_needs_out');
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path)) throw new UserError('query.no_warehouse', { path });
      // --out is the one file query writes: never the warehouse, its write-ahead log or another database.
      if (opts.out && [path, `${path}.wal`].includes(resolve(opts.out))) {
        throw new UserError('query.out_is_database', { file: opts.out });
      }
      if (opts.out && isDuckDbFile(opts.out))
        throw new UserError('query.out_is_database', { file: opts.out });
      const wh = await openWarehouse(path, { queryOnly: true, env: io.env });
      // Loaded on use: it pulls in @duckdb/node-api, which `xiaowei --help` should not pay for.
      const { runQuery } = await import('../../ingest/queryResult.ts');
      try {
        const result = await withConnection(wh, (con) => runQuery(con, sql));
        const output =
          opts.format === 'arrow'
            ? (await import('../../ingest/queryResultToArrow.ts')).queryResultToArrow(result)
            : opts.format === 'csv'
              ? formatCsv(result)
              : opts.format === 'json'
                ? formatJson(result)
                : formatTable(result);
        if (opts.out) {
          writeFileAtomic(opts.out, output);
          io.stderr.write(`${message('query.written', { rows: result.rows.length, file: opts.out })}\n`);
        } else {
          // CSV to a terminal: escape sequences in the data are shown, not obeyed (piped CSV stays raw data).
          io.stdout.write(
            opts.format === 'csv' && io.stdout.isTTY ? escapeControl(output as string) : (output as string),
          );
        }
      } finally {
        wh.close();
      }
    });
}
