/** Why a run started. */
export type RunTrigger = 'manual' | 'schedule' | 'catch-up';

/** running → succeeded | failed | interrupted; a 'running' record whose process died becomes 'crashed'. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'crashed';

export interface RunInput {
  file: string;
  sha256: string;
  bytes: number;
  status?: string;
  message?: string | null;
}

/** One run, as kept in `runs/<id>.json` and copied into `ops.runs` at publish. */
export interface RunRecord {
  run_id: string;
  trigger: RunTrigger;
  job: string | null;
  status: RunStatus;
  pid: number;
  started_at: string;
  finished_at: string | null;
  methodology_version: string | null;
  year: number | null;
  inputs: RunInput[];
  row_counts: Record<string, number>;
  outputs: string[];
  error: string | null;
}
