import type { ExtractFormat } from './detectFormat.ts';
import type { ExtractKind } from './extractKinds.ts';

/** `skipped`: a sidecar found while expanding a directory (README, manifest, faults.csv): printed, not logged. */
export type IngestStatus = 'loaded' | 'rejected' | 'skipped_duplicate' | 'skipped';

/** What happened to one file; the same figures are in ops.ingest_log. read = loaded + quarantined + dropped. */
export interface IngestFileResult {
  file: string;
  sha256: string;
  kind: ExtractKind | null;
  format: ExtractFormat | null;
  encoding: string | null;
  as_of: string | null;
  status: IngestStatus;
  rows_read: number;
  rows_loaded: number;
  rows_quarantined: number;
  rows_dropped: number;
  /** loaded with a failed USCC check digit (data-contract.md §4) */
  rows_flagged: number;
  message: string;
  /** every line skipped and every choice made (title/unit lines, totals rows, sheets, blank lines), printed */
  notes: string[];
}

export type IngestStage = 'hashing' | 'converting' | 'staging' | 'validating' | 'loading' | 'done';

export interface IngestProgress {
  file: string;
  index: number;
  total: number;
  stage: IngestStage;
  /** share of this file done, 0–1 (stage weights, refined by DuckDB's progress of the running statement) */
  fileFraction: number;
  /**
   * bytes of the other files done so far (those finished, and the share done of one ingested alongside), and of
   * all files: the overall share is weighted by size
   */
  bytesBefore: number;
  fileBytes: number;
  bytesTotal: number;
  /** rows read so far: the files finished, plus the rows the running statements have processed */
  rows: number;
}

export interface IngestOptions {
  /** force the extract kind instead of detecting it from the headers */
  kind?: ExtractKind;
  runId?: string;
  /** the clock, injected (ops.ingest_log.ingested_at) */
  now: () => Date;
  onProgress?: (p: IngestProgress) => void;
  /** files read and validated at once (default INGEST_LANES, ingestFiles.ts); their writes stay in path order */
  lanes?: number;
  /**
   * Called inside the load transaction after each write step ('raw', 'quarantine', 'log'); throwing rolls the
   * file back. Tests use it to prove a file loads all or nothing.
   */
  onStep?: (step: 'raw' | 'quarantine' | 'log', file: string) => void;
}
