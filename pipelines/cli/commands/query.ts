import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { writeFileAtomic } from '../../fsutil/writeFileAtomic.ts';
import { formatCsv, formatJson, formatTable } from '../../ingest/formatQueryResult.ts';
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
      if (opts.format === 'arrow' && !opts.out) {
        io.stderr.write('query: --format arrow writes a binary file: give --out FILE\n');
        io.exitCode = 1;
        return;
      }
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path)) {
        io.stderr.write(`query: no warehouse at ${path}\n`);
        io.exitCode = 1;
        return;
      }
      const wh = await openWarehouse(path, { readOnly: true });
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
          io.stderr.write(`query: ${result.rows.length} row(s) written to ${opts.out}\n`);
        } else io.stdout.write(output as string);
      } finally {
        wh.close();
      }
    });
}
