import type { Warehouse } from '../db/warehouse.ts';

/** What every stage gets: the run's id, clock, staging dir, log and the crash-test hook. */
export interface RunContext {
  runId: string;
  /** The run's start time: stamps written by stages use it, so a re-run on the same inputs is reproducible. */
  now: Date;
  /** The injected clock, for stages that time themselves. */
  clock(): Date;
  /** Staging root for rendered outputs: a stage writes `<outDir>/YYYY/…` or `<outDir>/site/…` here. */
  outDir: string;
  /** The run's private copy of the warehouse file; the published file is untouched until publish. */
  dbPath: string;
  log: RunLog;
  /** Test hook: a stage calls this at points where a crash test may kill the process. */
  checkpoint(point: string): Promise<void>;
  /**
   * How far the stage has got, for the terminal's progress bar: share done, rows so far, what runs now.
   * Undefined when no bar is shown.
   */
  progress?(fraction: number | null, rows?: number, what?: string): void;
}

/** Ingest and build write through the run's open handle on the work warehouse. */
export interface StageContext extends RunContext {
  wh: Warehouse;
}

/**
 * Report and site open `dbPath` read-only themselves (one DuckDB instance per file per process), so the run
 * closes its handle before calling them.
 */
export type RenderContext = RunContext;

/** One ingested file's outcome, as `ingestFiles` reports it. */
export interface IngestFileResultLike {
  file: string;
  status: 'loaded' | 'rejected' | 'skipped_duplicate' | 'skipped';
  message?: string | null;
  sha256?: string;
  rows_read?: number;
  rows_loaded?: number;
  rows_quarantined?: number;
  rows_dropped?: number;
}

export interface BuildSummaryLike {
  models: number;
  checks: number;
  methodologyVersion: string;
  /** full or incremental, and why (pipelines/models/decideBuildMode.ts); the run log says it. */
  mode?: string;
}

/** The stages a run orchestrates; injected so tests use fakes and the CLI uses realStages(). */
export interface PipelineStages {
  ingest(paths: string[], ctx: StageContext): Promise<IngestFileResultLike[]>;
  build(ctx: StageContext): Promise<BuildSummaryLike>;
  report(year: number, ctx: RenderContext): Promise<{ outputs: string[] }>;
  site(ctx: RenderContext): Promise<{ outputs: string[] }>;
  /** The monitoring bulletin of the latest complete month (methodology §10), to `<outDir>/monitor/YYYY-MM/`. */
  monitor(ctx: RenderContext): Promise<{ outputs: string[] }>;
}

/** The logging calls a run makes; a pino logger fits, and tests pass a recording fake. */
export interface RunLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}
