import { lstatSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { inTransaction, readRows } from '../db/warehouse.ts';
import { message } from '../messages/catalogue.ts';
import { checkSnapshotCollisions } from './checkSnapshotCollisions.ts';
import { detectFormat } from './detectFormat.ts';
import { extractDatesFromName } from './extractDatesFromName.ts';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderFound } from './findHeader.ts';
import { IngestRejection } from './ingestRejection.ts';
import type { IngestFileResult, IngestOptions, IngestStage } from './ingestTypes.ts';
import { sniffFile } from './sniffFile.ts';
import { stageExtract } from './stageExtract.ts';
import { dropStaged, headRecords } from './stageLines.ts';
import { validateStaged } from './validateStaged.ts';

const ZERO = { rows_read: 0, rows_loaded: 0, rows_quarantined: 0, rows_dropped: 0, rows_flagged: 0 };

const SummaryRow = z.object({
  rows_read: z.coerce.number(),
  rows_loaded: z.coerce.number(),
  rows_quarantined: z.coerce.number(),
  rows_dropped: z.coerce.number(),
  rows_flagged: z.coerce.number(),
  rows_totals: z.coerce.number(),
  totals_lines: z.string(),
  as_of: z.string().nullable(),
});

/**
 * Runs `write` once every file before this one has written what it writes (ingestFiles.ts): the warehouse then
 * receives the files' rows and log rows in path order, whichever file finished validating first.
 */
export type InTurn = <T>(write: () => Promise<T>) => Promise<T>;

const NOW: InTurn = (write) => write();

/**
 * Ingests one file on `con`: sniff → stage → find the header → validate → one transaction writing raw rows,
 * quarantine rows and the ingest_log row. Never throws for bad input; returns the outcome (rejected files are
 * logged too). `notes` says every line skipped and every choice made (printed by the CLI, kept in the log).
 * Everything before the load reads only the file and `con`'s temp tables, so it may run while another
 * connection ingests the file before; everything that reads or writes what earlier files loaded (the same
 * content loaded already, a registry snapshot's date held already, the writes) runs in `inTurn`.
 */
export async function ingestFile(
  con: DuckDBConnection,
  path: string,
  options: IngestOptions,
  tmpDir: string,
  progress: (stage: IngestStage, within?: number, rows?: number) => void,
  inTurn: InTurn = NOW,
): Promise<IngestFileResult> {
  const base = initialResult(path);
  try {
    progress('hashing');
    checkRegularFile(path);
    const sniff = await sniffFile(path).catch((e: Error) => {
      throw new IngestRejection('ingest.cannot_read', { problem: e.message });
    });
    base.sha256 = sniff.sha256;
    // The content loaded by an earlier call: skipped at once. By a file of this call still in flight: found again
    // in turn, before the load (below).
    const prior = await loadedBefore(con, sniff.sha256);
    if (prior) return await inTurn(() => skipDuplicate(con, path, sniff.sha256, prior, options));
    const detected = detectFormat(path, sniff);
    if (!detected.ok) throw new IngestRejection('ingest.unreadable', { problem: detected.problem });
    base.format = detected.format;
    base.encoding = detected.encoding;

    progress('staging');
    const staged = await stageExtract(
      con,
      path,
      detected,
      tmpDir,
      () => progress('converting'),
      (records) => headerIsFound(findHeader(records, options.kind)),
    ).catch((e: Error) => {
      if (e instanceof IngestRejection) throw e;
      throw new IngestRejection('ingest.cannot_parse', {
        format: detected.format,
        problem: e.message.split('\n')[0],
      });
    });
    base.encoding = staged.encoding;
    base.notes.push(...staged.notes);
    const records = staged.header
      ? [{ line: 1, fields: staged.header }]
      : await headRecords(con, HEADER_SEARCH_ROWS * 3, detected.delimiter ?? ',');
    const found = findHeader(records, options.kind);
    if (!found.ok) throw new IngestRejection('ingest.bad_header', { problem: found.problem });
    const mapping = found.mapping;
    base.kind = mapping.kind;
    base.notes.push(...found.notes);
    for (const line of staged.faultLines.filter((l) => l < found.line)) {
      base.notes.push(message('ingest.note_undecodable_above_header', { line }));
    }
    if (staged.blank.count > 0) {
      base.notes.push(
        message('ingest.note_blank_lines', {
          count: staged.blank.count,
          lines: `${staged.blank.lines.join(', ')}${staged.blank.count > staged.blank.lines.length ? ', …' : ''}`,
        }),
      );
    }
    if (mapping.unknown.length > 0) {
      base.notes.push(message('ingest.note_unknown_columns', { columns: mapping.unknown.join(', ') }));
    }
    const asOfDefault =
      mapping.kind === 'registry' ? registryNameDate(path, 'as_of' in mapping.index, base.notes) : null;
    if (mapping.kind !== 'enterprise_indicators' && !(await hasRegions(con))) {
      throw new IngestRejection('ingest.no_regions');
    }

    progress('validating');
    await validateStaged(con, mapping, { line: found.line, width: found.header.length }, asOfDefault);
    const [s] = await readRows(con, SummaryRow, readSql('statements/ingest/summarize_checked.sql'));
    if (s.rows_totals > 0) {
      base.notes.push(message('ingest.note_totals_rows', { count: s.rows_totals, lines: s.totals_lines }));
    }
    return await inTurn(async () => {
      const same = await loadedBefore(con, sniff.sha256);
      if (same) return skipDuplicate(con, path, sniff.sha256, same, options);
      if (mapping.kind === 'registry') await checkSnapshotCollisions(con, base.notes);
      const result: IngestFileResult = {
        ...base,
        status: 'loaded',
        as_of: s.as_of,
        rows_read: s.rows_read,
        rows_loaded: s.rows_loaded,
        rows_quarantined: s.rows_quarantined,
        rows_dropped: s.rows_dropped,
        rows_flagged: s.rows_flagged,
        message: loadedMessage(s.rows_quarantined, s.rows_dropped - s.rows_totals, base.notes),
      };

      progress('loading');
      try {
        await inTransaction(con, async () => {
          await con.run(readSql(`statements/ingest/insert_${mapping.kind}.sql`), {
            file_id: sniff.sha256,
            source_file: path,
          });
          options.onStep?.('raw', path);
          if (s.rows_quarantined > 0) {
            await con.run(readSql('statements/ingest/insert_quarantine.sql'), {
              file: path,
              sha256: sniff.sha256,
            });
          }
          options.onStep?.('quarantine', path);
          await writeLog(con, result, options);
          options.onStep?.('log', path);
        });
      } catch (e) {
        throw new IngestRejection('ingest.rolled_back', { problem: (e as Error).message });
      }
      return result;
    });
  } catch (e) {
    const problem =
      e instanceof IngestRejection
        ? e.message
        : message('ingest.unexpected', { problem: (e as Error).message });
    return await inTurn(async () => {
      // A copy of a file of this call that was still in flight when this one was first checked is a duplicate,
      // whatever went wrong with it since: one by one, it would have been skipped before it was read.
      const same = base.sha256 ? await loadedBefore(con, base.sha256) : undefined;
      if (same) return skipDuplicate(con, path, base.sha256, same, options);
      const result: IngestFileResult = {
        ...base,
        status: 'rejected',
        ...ZERO,
        message: `${path}: ${problem}`,
      };
      await inTransaction(con, () => writeLog(con, result, options));
      return result;
    });
  } finally {
    await dropStaged(con);
  }
}

function initialResult(path: string): IngestFileResult {
  return {
    file: path,
    sha256: '',
    kind: null,
    format: null,
    encoding: null,
    as_of: null,
    status: 'rejected',
    ...ZERO,
    message: '',
    notes: [],
  };
}

const LoadedFile = z.object({ file: z.string(), ingested_at: z.string() });
type LoadedFile = z.infer<typeof LoadedFile>;

/** The earlier successful load of the same content (sha256), if any. */
async function loadedBefore(con: DuckDBConnection, sha256: string): Promise<LoadedFile | undefined> {
  const rows = await readRows(con, LoadedFile, readSql('statements/ingest/find_loaded_file.sql'), { sha256 });
  return rows[0];
}

/** A file whose content was loaded before: logged as skipped, nothing else written, whenever it is found. */
async function skipDuplicate(
  con: DuckDBConnection,
  path: string,
  sha256: string,
  prior: LoadedFile,
  options: IngestOptions,
): Promise<IngestFileResult> {
  const result: IngestFileResult = {
    ...initialResult(path),
    sha256,
    status: 'skipped_duplicate',
    message: message('ingest.same_content', {
      sha: sha256.slice(0, 12),
      file: prior.file,
      at: prior.ingested_at,
    }),
  };
  await inTransaction(con, () => writeLog(con, result, options));
  return result;
}

// Ingest reads regular files only: a symbolic link could point anywhere (an inbox others write to could make
// ingest copy any readable file into the quarantine), so it is refused, never followed silently.
function checkRegularFile(path: string): void {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch (e) {
    throw new IngestRejection('ingest.cannot_read', { problem: (e as Error).message });
  }
  if (st.isSymbolicLink()) throw new IngestRejection('ingest.symlink');
  if (!st.isFile()) throw new IngestRejection('ingest.not_a_file');
}

// A workbook sheet holds the data when its header is found, or found and refused (then the refusal is the
// message the analyst needs, not "no sheet has a header").
function headerIsFound(found: HeaderFound): boolean {
  return found.ok || found.final;
}

// The registry extract date a file name gives: one date is the default for rows without an as_of value; two
// different dates are ambiguous, so they are refused unless an as_of column dates every row.
function registryNameDate(path: string, hasAsOfColumn: boolean, notes: string[]): string | null {
  const dates = extractDatesFromName(path);
  if (dates.length <= 1) {
    if (dates.length === 0 && !hasAsOfColumn) throw new IngestRejection('ingest.no_extract_date');
    return dates[0] ?? null;
  }
  if (!hasAsOfColumn) throw new IngestRejection('ingest.two_name_dates', { dates: dates.join(', ') });
  notes.push(message('ingest.note_name_dates_ignored', { dates: dates.join(', ') }));
  return null;
}

function loadedMessage(quarantined: number, duplicates: number, notes: string[]): string {
  const parts: string[] = [];
  if (quarantined > 0) parts.push(message('ingest.summary_quarantined', { count: quarantined }));
  if (duplicates > 0) parts.push(message('ingest.summary_duplicates', { count: duplicates }));
  parts.push(...notes);
  return parts.length === 0 ? 'ok' : parts.join('; ');
}

async function hasRegions(con: DuckDBConnection): Promise<boolean> {
  const rows = await readRows(
    con,
    z.object({ n: z.number() }),
    "select count(*)::integer as n from information_schema.tables where table_schema = 'ref' and table_name = 'regions'",
  );
  return rows[0].n > 0;
}

async function writeLog(con: DuckDBConnection, r: IngestFileResult, options: IngestOptions): Promise<void> {
  await con.run(readSql('statements/ingest/insert_ingest_log.sql'), {
    file: r.file,
    sha256: r.sha256,
    kind: r.kind ?? '',
    format: r.format ?? '',
    encoding: r.encoding ?? '',
    as_of: r.as_of ?? '',
    rows_read: r.rows_read,
    rows_loaded: r.rows_loaded,
    rows_quarantined: r.rows_quarantined,
    rows_dropped: r.rows_dropped,
    rows_flagged: r.rows_flagged,
    status: r.status,
    message: r.message,
    run_id: options.runId ?? '',
    ingested_at: options.now().toISOString().replace('T', ' ').replace('Z', ''),
  });
}
