import { join, relative, resolve } from 'node:path';
import { openWarehouse, type Warehouse, withConnection } from '../db/warehouse.ts';
import { describeInputs, fileInboxOutcomes, hashInputs, listInboxFiles } from './inbox.ts';
import { prepareRun } from './prepareRun.ts';
import type { Progress } from './progressLine.ts';
import { publishRun, recoverInterruptedRuns } from './publish.ts';
import { makeRunId } from './runId.ts';
import { acquireRunLock } from './runLock.ts';
import { runPaths } from './runPaths.ts';
import type { RunRecord, RunTrigger } from './runRecord.ts';
import { fileRunStore } from './runStore.ts';
import { countRows, latestCompleteYear, writeRunsTable } from './runsTable.ts';
import type { PipelineStages, RenderContext, RunLog, StageContext } from './stages.ts';
import { copyPublishedToWork } from './workCopy.ts';

/** Everything a run may touch besides its options: injected so tests drive the clock, stages and hooks. */
export interface RunEffects {
  now(): Date;
  /** Suffix for the run id (random in production, fixed in tests). */
  randomSuffix(): string;
  pid: number;
  isPidAlive(pid: number): boolean;
  stages: PipelineStages;
  log: RunLog;
  progress: Progress;
  /** Crash-test hook called at named points ('ingest', 'build', 'report', 'site', 'monitor', 'publish'); a no-op normally. */
  checkpoint(point: string): Promise<void>;
  /** Aborting stops the run at the next stage boundary; it is recorded as interrupted. */
  signal?: AbortSignal;
}

export interface RunOptions {
  db: string;
  reportsRoot: string;
  inbox: string;
  year?: number;
  trigger: RunTrigger;
  job?: string;
  /** Skip the run entirely when the inbox holds no new file (the nightly job). */
  onlyIfNew?: boolean;
  /** Which rendering stages to run; report and site by default, the monitoring bulletin when asked. */
  render?: { report: boolean; site: boolean; monitor?: boolean };
}

export type RunOutcome =
  | { status: 'succeeded' | 'failed' | 'interrupted'; record: RunRecord }
  | { status: 'nothing-to-do'; record?: undefined };

class RunInterrupted extends Error {
  constructor() {
    super('run interrupted by a signal before publishing; nothing was published');
  }
}

/**
 * One pipeline run: ingest the inbox's new files, build, render, publish atomically, file the inbox.
 * The published warehouse and reports are only ever replaced by renames at the end (see publish.ts), so a
 * crash at any point leaves them as the last good run left them. Throws RunLockedError if a run is active.
 */
export async function runPipeline(options: RunOptions, fx: RunEffects): Promise<RunOutcome> {
  const startedAt = fx.now();
  const runId = makeRunId(startedAt, fx.randomSuffix());
  const paths = runPaths(options.db, options.reportsRoot, runId);
  const store = fileRunStore(paths.runsDir);
  const lock = acquireRunLock(
    paths.lockPath,
    { pid: fx.pid, run_id: runId, started_at: startedAt.toISOString() },
    {
      isPidAlive: fx.isPidAlive,
      onStale: (stale) =>
        fx.log.warn(
          { stale },
          `清除失效的运行锁 / cleared a stale run lock left by a dead process (${stale?.run_id ?? '?'})`,
        ),
    },
  );
  try {
    prepareRun(paths, store, runId, fx.now, fx.log);
    const files = listInboxFiles(options.inbox);
    if (options.onlyIfNew && files.length === 0) {
      fx.log.info({ inbox: options.inbox }, '收件箱无新文件 / no new files in the inbox; nothing to do');
      return { status: 'nothing-to-do' };
    }
    const record: RunRecord = {
      run_id: runId,
      trigger: options.trigger,
      job: options.job ?? null,
      status: 'running',
      pid: fx.pid,
      started_at: startedAt.toISOString(),
      finished_at: null,
      methodology_version: null,
      year: null,
      inputs: [],
      row_counts: {},
      outputs: [],
      error: null,
    };
    store.save(record);
    fx.log.info({ run_id: runId, trigger: options.trigger, files: files.length }, 'run started');
    return await executeRun(options, fx, paths, store, record, files);
  } finally {
    fx.progress.done();
    lock.release();
  }
}

async function executeRun(
  options: RunOptions,
  fx: RunEffects,
  paths: ReturnType<typeof runPaths>,
  store: ReturnType<typeof fileRunStore>,
  record: RunRecord,
  files: string[],
): Promise<RunOutcome> {
  const render = options.render ?? { report: true, site: true };
  const steps = [
    'ingest',
    'build',
    ...(render.report ? ['report'] : []),
    ...(render.site ? ['site'] : []),
    ...(render.monitor ? ['monitor'] : []),
    'publish',
  ];
  const step = (label: string) => {
    fx.progress.step(label, steps.indexOf(label) + 1, steps.length);
    fx.log.info({ run_id: record.run_id, stage: label }, `stage ${label}`);
  };
  const checkAbort = () => {
    if (fx.signal?.aborted) throw new RunInterrupted();
  };
  let wh: Warehouse | undefined;
  try {
    record.inputs = describeInputs(files);
    const copiedFrom = await copyPublishedToWork(paths);
    const base: RenderContext = {
      runId: record.run_id,
      now: new Date(record.started_at),
      clock: fx.now,
      outDir: paths.stagingDir,
      dbPath: paths.workDb,
      log: fx.log,
      checkpoint: fx.checkpoint,
      progress: fx.progress.within?.bind(fx.progress),
    };
    wh = await openWarehouse(paths.workDb);
    const ctx: StageContext = { ...base, wh };
    checkAbort();
    step('ingest');
    const results = files.length > 0 ? await fx.stages.ingest(files, ctx) : [];
    const byFile = new Map(results.map((r) => [resolve(r.file), r]));
    for (const input of record.inputs) {
      const r = byFile.get(resolve(input.file));
      input.status = r?.status ?? 'not-reported';
      input.message = r?.message ?? null;
    }
    await hashInputs(
      record.inputs,
      new Map(record.inputs.map((i) => [i.file, byFile.get(resolve(i.file))?.sha256])),
    );
    await fx.checkpoint('ingest');
    checkAbort();
    step('build');
    const built = await fx.stages.build(ctx);
    record.methodology_version = built.methodologyVersion;
    if (built.mode) fx.log.info({ run_id: record.run_id, build: built.mode }, `build ${built.mode}`);
    await fx.checkpoint('build');
    const opened = wh;
    record.year = options.year ?? (await withConnection(opened, latestCompleteYear));
    opened.close();
    wh = undefined;
    const outputs: string[] = [];
    if (render.report) {
      checkAbort();
      step('report');
      if (record.year === null) {
        fx.log.warn(
          { run_id: record.run_id },
          '数据中没有完整年度 / no complete year in the data; report skipped',
        );
      } else {
        outputs.push(...(await fx.stages.report(record.year, base)).outputs);
      }
      await fx.checkpoint('report');
    }
    if (render.site) {
      checkAbort();
      step('site');
      // Without a complete year there are no indices to show (e.g. the plan files arrived before the first
      // registry extract): the run still publishes what it loaded, and the published dashboard stays as it was.
      if (record.year === null) {
        fx.log.warn(
          { run_id: record.run_id },
          '数据中没有完整年度 / no complete year in the data; dashboard skipped',
        );
      } else {
        outputs.push(...(await fx.stages.site(base)).outputs);
      }
      await fx.checkpoint('site');
    }
    if (render.monitor) {
      checkAbort();
      step('monitor');
      outputs.push(...(await fx.stages.monitor(base)).outputs);
      await fx.checkpoint('monitor');
    }
    // Outputs are recorded where readers will find them after publish, in the terms the options gave.
    record.outputs = [
      options.db,
      ...outputs.map((o) =>
        join(options.reportsRoot, relative(paths.stagingDir, resolve(paths.stagingDir, o))),
      ),
    ];
    record.status = 'succeeded';
    record.finished_at = fx.now().toISOString();
    const allRecords = store.list().map((r) => (r.run_id === record.run_id ? record : r));
    const db = await openWarehouse(paths.workDb);
    wh = db;
    await withConnection(db, async (con) => {
      record.row_counts = await countRows(con);
      await writeRunsTable(con, allRecords);
      await con.run('checkpoint');
    });
    db.close();
    wh = undefined;
    checkAbort();
    step('publish');
    await publishRun(paths, record, copiedFrom, fx.checkpoint);
    store.save(record);
    // Published: from here on the run has succeeded; filing the inbox is tidying (a crash leaves the files in
    // the inbox, and the next run finds them already loaded by content hash and files them then).
    let moved: string[] = [];
    try {
      moved = fileInboxOutcomes(options.inbox, record.inputs.map(toOutcome), record.run_id);
    } catch (err) {
      fx.log.warn(
        { run_id: record.run_id, error: String(err) },
        'could not file every inbox file; the next run will',
      );
    }
    fx.log.info(
      { run_id: record.run_id, year: record.year, outputs: record.outputs.length, filed: moved.length },
      'run succeeded',
    );
    return { status: 'succeeded', record };
  } catch (err) {
    wh?.close();
    // Undo a publish cut short by an error (or finish it, if the warehouse rename already happened).
    const recovered = recoverInterruptedRuns(paths.tmpRoot, paths.reportsRoot);
    const committed = recovered.find((r) => r.run_id === record.run_id && r.action === 'rolled-forward');
    if (committed?.record) {
      store.save(committed.record);
      fx.log.warn({ run_id: record.run_id, error: String(err) }, 'run published, but tidying up failed');
      return { status: 'succeeded', record: committed.record };
    }
    const interrupted = err instanceof RunInterrupted;
    record.status = interrupted ? 'interrupted' : 'failed';
    record.finished_at = fx.now().toISOString();
    record.error = err instanceof Error ? err.message : String(err);
    record.outputs = [];
    // A run that stopped before ingest reported still records what its inputs held (unreadable ones stay '').
    await hashInputs(record.inputs, new Map());
    store.save(record);
    fx.log.error({ run_id: record.run_id, error: record.error }, `run ${record.status}`);
    return { status: record.status as 'failed' | 'interrupted', record };
  }
}

function toOutcome(input: RunRecord['inputs'][number]) {
  const status =
    input.status === 'rejected' ? 'rejected' : input.status === 'loaded' ? 'loaded' : 'skipped_duplicate';
  return { file: input.file, status, message: input.message } as const;
}
