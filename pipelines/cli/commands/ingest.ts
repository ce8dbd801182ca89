import { type Command, InvalidArgumentError, Option } from 'commander';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { EXTRACT_KINDS, type ExtractKind, isExtractKind } from '../../ingest/extractKinds.ts';
import type { IngestFileResult } from '../../ingest/ingestTypes.ts';
import { message } from '../../messages/catalogue.ts';
import { escapeControl } from '../../messages/formatError.ts';
import { newRunId } from '../../run/runId.ts';
import { dbOption } from '../dbOption.ts';
import { ingestProgressLine } from '../ingestProgress.ts';
import type { CliIo } from '../io.ts';

/**
 * One summary line per file (status, kind, file, row accounting; the reason when rejected or skipped), then
 * one indented line per note (lines skipped, choices made). File names may carry terminal escape sequences:
 * everything printed goes through escapeControl.
 */
export function formatIngestResult(r: IngestFileResult): string {
  const counts =
    r.status === 'loaded'
      ? `read ${r.rows_read}, loaded ${r.rows_loaded}, quarantined ${r.rows_quarantined}, dropped ${r.rows_dropped}, flagged ${r.rows_flagged}`
      : '';
  const parts = [`${r.status.padEnd(17)} ${(r.kind ?? '-').padEnd(21)} ${r.file}`];
  if (counts) parts.push(counts);
  if (r.status !== 'loaded' && r.message) parts.push(r.message);
  else if (r.rows_quarantined > 0)
    parts.push(message('ingest.summary_quarantined', { count: r.rows_quarantined }));
  const lines = [parts.join('  '), ...r.notes.map((n) => `    ${n}`)];
  return `${lines.map(escapeControl).join('\n')}\n`;
}

function parseKind(value: string): ExtractKind {
  if (!isExtractKind(value)) throw new InvalidArgumentError(`expected one of ${EXTRACT_KINDS.join(', ')}`);
  return value;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description(
      'load extracts (CSV/TSV/XLSX/Parquet/Arrow; UTF-8 or GBK) into the warehouse; bad rows go to ops.quarantine',
    )
    .argument('<paths...>', 'files or directories (directories: every file inside, sorted by name)')
    .addOption(
      new Option('--kind <kind>', 'extract kind instead of detecting it from the headers')
        .choices([...EXTRACT_KINDS])
        .argParser(parseKind),
    )
    .addOption(dbOption())
    .option('--run-id <id>', 'run id recorded in ops.ingest_log (default: from the clock)')
    .action(async (paths: string[], opts: { kind?: ExtractKind; db?: string; runId?: string }) => {
      // Loaded on use, so that `xiaowei --help` and the other commands start without the ingest stack.
      const [{ ingestFiles }, { ensureReferenceTables }] = await Promise.all([
        import('../../ingest/ingestFiles.ts'),
        import('../../reference/loadReference.ts'),
      ]);
      const wh = await openWarehouse(resolveDbPath(opts.db, io.env));
      const onProgress = ingestProgressLine(io);
      try {
        await withConnection(wh, ensureReferenceTables);
        const results = await ingestFiles(wh, paths, {
          kind: opts.kind,
          runId: opts.runId ?? newRunId(new Date()),
          now: () => new Date(),
          onProgress,
        });
        for (const r of results) io.stdout.write(formatIngestResult(r));
        const rejected = results.filter((r) => r.status === 'rejected').length;
        if (results.length === 0) {
          io.stderr.write(`${message('ingest.no_files')}\n`);
          io.exitCode = 1;
        } else if (rejected > 0) {
          io.stderr.write(`${message('ingest.files_rejected', { count: rejected })}\n`);
          io.exitCode = 1;
        }
      } finally {
        wh.close();
      }
    });
}
