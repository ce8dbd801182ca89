import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { inTransaction, queryRows } from '../db/warehouse.ts';
import { detectFormat } from './detectFormat.ts';
import { extractDateFromName } from './extractDateFromName.ts';
import type { IngestFileResult, IngestOptions, IngestStage } from './ingestTypes.ts';
import { mapHeaders } from './mapHeaders.ts';
import { sniffFile } from './sniffFile.ts';
import { stageExtract } from './stageExtract.ts';
import { validateStaged } from './validateStaged.ts';

const ZERO = { rows_read: 0, rows_loaded: 0, rows_quarantined: 0, rows_dropped: 0, rows_flagged: 0 };

/** Thrown for a file that cannot be read at all: it is rejected whole with this message. */
class Rejection extends Error {}

interface Summary {
  rows_read: string;
  rows_loaded: string;
  rows_quarantined: string;
  rows_dropped: string;
  rows_flagged: string;
  as_of: string | null;
}

/**
 * Ingests one file on `con`: sniff → stage → validate → one transaction writing raw rows, quarantine rows and
 * the ingest_log row. Never throws for bad input; returns the outcome (rejected files are logged too).
 */
export async function ingestFile(
  con: DuckDBConnection,
  path: string,
  options: IngestOptions,
  tmpDir: string,
  progress: (stage: IngestStage) => void,
): Promise<IngestFileResult> {
  const base: IngestFileResult = {
    file: path,
    sha256: '',
    kind: null,
    format: null,
    encoding: null,
    as_of: null,
    status: 'rejected',
    ...ZERO,
    message: '',
  };
  try {
    progress('hashing');
    const sniff = await sniffFile(path).catch((e: Error) => {
      throw new Rejection(`cannot read the file (${e.message})`);
    });
    base.sha256 = sniff.sha256;
    const prior = await queryRows<{ file: string; ingested_at: string }>(
      con,
      readSql('statements/ingest/find_loaded_file.sql'),
      {
        sha256: sniff.sha256,
      },
    );
    if (prior.length > 0) {
      const result: IngestFileResult = {
        ...base,
        status: 'skipped_duplicate',
        message: `same content (sha256 ${sniff.sha256.slice(0, 12)}…) already loaded from ${prior[0].file} at ${prior[0].ingested_at}; nothing changed`,
      };
      await inTransaction(con, () => writeLog(con, result, options));
      return result;
    }
    const detected = detectFormat(path, sniff);
    if (!detected.ok) throw new Rejection(detected.problem);
    base.format = detected.format;
    base.encoding = detected.encoding;

    progress('staging');
    const header = await stageExtract(con, path, detected, tmpDir, () => progress('converting')).catch(
      (e: Error) => {
        throw new Rejection(`cannot parse the ${detected.format} file (${e.message.split('\n')[0]})`);
      },
    );
    if (!header || header.every((h) => h === null || h.trim() === '')) {
      throw new Rejection('no header row on line 1');
    }
    const mapped = mapHeaders(header, options.kind);
    if (!mapped.ok) throw new Rejection(mapped.problem);
    const mapping = mapped.mapping;
    base.kind = mapping.kind;
    const asOfDefault = mapping.kind === 'registry' ? extractDateFromName(path) : null;
    if (mapping.kind === 'registry' && !asOfDefault && !('as_of' in mapping.index)) {
      throw new Rejection(
        'registry snapshot without an extract date: name the file like registry_YYYY-MM-DD.csv or add an as_of (截止日期) column',
      );
    }
    if (mapping.kind !== 'enterprise_indicators' && !(await hasRegions(con))) {
      throw new Rejection(
        'reference table ref.regions is missing: load the reference tables before ingesting',
      );
    }

    progress('validating');
    await validateStaged(con, mapping, header.length, asOfDefault);
    const [s] = await queryRows<Summary>(con, readSql('statements/ingest/summarize_checked.sql'));
    const result: IngestFileResult = {
      ...base,
      status: 'loaded',
      as_of: s.as_of,
      rows_read: Number(s.rows_read),
      rows_loaded: Number(s.rows_loaded),
      rows_quarantined: Number(s.rows_quarantined),
      rows_dropped: Number(s.rows_dropped),
      rows_flagged: Number(s.rows_flagged),
      message: loadedMessage(Number(s.rows_quarantined), Number(s.rows_dropped), mapping.unknown),
    };

    progress('loading');
    try {
      await inTransaction(con, async () => {
        await con.run(readSql(`statements/ingest/insert_${mapping.kind}.sql`), {
          file_id: sniff.sha256,
          source_file: path,
        });
        options.onStep?.('raw', path);
        await con.run(readSql('statements/ingest/insert_quarantine.sql'), {
          file: path,
          sha256: sniff.sha256,
        });
        options.onStep?.('quarantine', path);
        await writeLog(con, result, options);
        options.onStep?.('log', path);
      });
    } catch (e) {
      throw new Rejection(
        `load failed and was rolled back, nothing from this file was kept (${(e as Error).message})`,
      );
    }
    return result;
  } catch (e) {
    const problem = e instanceof Rejection ? e.message : `unexpected error (${(e as Error).message})`;
    const result: IngestFileResult = { ...base, status: 'rejected', ...ZERO, message: `${path}: ${problem}` };
    await inTransaction(con, () => writeLog(con, result, options));
    return result;
  } finally {
    await con.run(
      'drop table if exists _xw_lines; drop table if exists _xw_fields; drop table if exists _xw_row_checked; drop table if exists _xw_checked;',
    );
  }
}

function loadedMessage(quarantined: number, dropped: number, unknown: string[]): string {
  const parts: string[] = [];
  if (quarantined > 0) parts.push(`${quarantined} row(s) quarantined`);
  if (dropped > 0) parts.push(`${dropped} exact duplicate row(s) dropped`);
  if (unknown.length > 0) parts.push(`ignored unknown column(s): ${unknown.join(', ')}`);
  return parts.length === 0 ? 'ok' : parts.join('; ');
}

async function hasRegions(con: DuckDBConnection): Promise<boolean> {
  const rows = await queryRows(
    con,
    "select 1 from information_schema.tables where table_schema = 'ref' and table_name = 'regions'",
  );
  return rows.length > 0;
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
