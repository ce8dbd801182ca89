import { describe, expect, it } from 'vitest';
import { memoryLog } from '../../pipelines/run/runLogger.ts';
import type { RunTrigger } from '../../pipelines/run/runRecord.ts';
import type { CronFactory } from '../../pipelines/scheduler/nodeCronFactory.ts';
import { type ScheduleJob, validateScheduleConfig } from '../../pipelines/scheduler/scheduleConfig.ts';
import {
  createScheduler,
  type JobResult,
  type SchedulerEffects,
} from '../../pipelines/scheduler/scheduler.ts';
import { memoryStateStore, type ScheduleState } from '../../pipelines/scheduler/scheduleState.ts';

const config = (jobs: unknown[], extra: object = {}) =>
  validateScheduleConfig({ jobs, ...extra }, 't').value!;
const DEFAULT_JOBS = [
  { name: 'nightly-run', cron: '0 2 * * *', task: 'run', args: { only_if_new: true } },
  { name: 'quarterly-scorecard', cron: '0 3 20 1,4,7,10 *', task: 'scorecard' },
  { name: 'annual-report', cron: '0 4 31 1 *', task: 'annual-report' },
];

interface Call {
  job: string;
  trigger: RunTrigger;
  fireTime: string;
}

/** Fake effects: a settable clock, a cron whose fires the test triggers, a scripted runner, recorded sleeps. */
function fakeEffects(opts: { now: string; state?: ScheduleState; results?: JobResult[]; dryRun?: boolean }) {
  let now = new Date(opts.now);
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const notified: { job: string; runId: string | null }[] = [];
  const registered = new Map<string, (at: Date) => void>();
  const stopped: string[] = [];
  const results = [...(opts.results ?? [])];
  const log = memoryLog();
  const state = memoryStateStore(opts.state);
  const cron: CronFactory = (_expr, _tz, name, onFire) => {
    registered.set(name, onFire);
    return { stop: () => stopped.push(name) };
  };
  let runHook: ((job: ScheduleJob, signal: AbortSignal) => Promise<JobResult>) | undefined;
  const fx: SchedulerEffects = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    cron,
    async runJob(job, trigger, fireTime, signal) {
      calls.push({ job: job.name, trigger, fireTime: fireTime.toISOString() });
      if (runHook) return runHook(job, signal);
      return results.shift() ?? { status: 'succeeded', runId: `run-${calls.length}` };
    },
    async notify(job, runId) {
      notified.push({ job: job.name, runId });
    },
    log,
    state,
    dryRun: opts.dryRun,
  };
  return {
    fx,
    calls,
    sleeps,
    notified,
    registered,
    stopped,
    log,
    state,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    onRun: (hook: typeof runHook) => {
      runHook = hook;
    },
  };
}

describe('scheduler', () => {
  it('on first start registers every job and records a baseline instead of catching up', async () => {
    const t = fakeEffects({ now: '2026-01-31T02:00:00Z' });
    await createScheduler(config(DEFAULT_JOBS), t.fx).start();
    expect([...t.registered.keys()]).toEqual(['nightly-run', 'quarterly-scorecard', 'annual-report']);
    expect(t.calls).toEqual([]);
    expect(t.state.state.jobs['annual-report'].last_fire).toBe('2026-01-31T02:00:00.000Z');
  });

  it('catches up each job missed while down exactly once, oldest first, with trigger catch-up', async () => {
    // Down from 2026-01-28 02:00 Shanghai (27th 18:00Z) to 2026-01-31 10:00 Shanghai (02:00Z).
    // Missed: nightly on 29, 30, 31 Jan (collapsed to the last: 31 Jan 02:00 = 30 Jan 18:00Z) and the
    // annual report on 31 Jan 04:00 (30 Jan 20:00Z). The scorecard (20 Jan, 20 Apr) was not missed.
    const last = '2026-01-27T18:00:00.000Z';
    const t = fakeEffects({
      now: '2026-01-31T02:00:00Z',
      state: {
        jobs: {
          'nightly-run': { last_fire: last },
          'quarterly-scorecard': { last_fire: last },
          'annual-report': { last_fire: last },
        },
      },
    });
    await createScheduler(config(DEFAULT_JOBS), t.fx).start();
    expect(t.calls).toEqual([
      { job: 'nightly-run', trigger: 'catch-up', fireTime: '2026-01-30T18:00:00.000Z' },
      { job: 'annual-report', trigger: 'catch-up', fireTime: '2026-01-30T20:00:00.000Z' },
    ]);
    expect(t.state.state.jobs['annual-report']).toMatchObject({
      last_fire: '2026-01-30T20:00:00.000Z',
      last_status: 'succeeded',
      last_run_id: 'run-2',
    });
    // A restart right after does not catch up again.
    const again = fakeEffects({ now: '2026-01-31T02:05:00Z', state: t.state.state });
    await createScheduler(config(DEFAULT_JOBS), again.fx).start();
    expect(again.calls).toEqual([]);
  });

  it('retries a failing job with doubling back-off, then marks it failed and calls notify with the run id', async () => {
    const failed = (n: number): JobResult => ({ status: 'failed', runId: `r${n}`, error: 'boom' });
    const t = fakeEffects({
      now: '2026-01-31T02:00:00Z',
      results: [failed(1), failed(2), failed(3), failed(4)],
    });
    const s = createScheduler(config([{ ...DEFAULT_JOBS[0], retries: 3, backoff_seconds: 60 }]), t.fx);
    await s.start();
    t.registered.get('nightly-run')!(new Date('2026-01-31T18:00:00Z'));
    await s.idle();
    // 1 attempt + 3 retries; waits 60 s, 120 s, 240 s between them.
    expect(t.calls).toHaveLength(4);
    expect(t.sleeps).toEqual([60_000, 120_000, 240_000]);
    expect(t.notified).toEqual([{ job: 'nightly-run', runId: 'r4' }]);
    expect(t.state.state.jobs['nightly-run']).toMatchObject({
      last_status: 'failed',
      last_run_id: 'r4',
      attempts: 4,
    });
  });

  it('stops retrying once an attempt succeeds, without notifying', async () => {
    const t = fakeEffects({
      now: '2026-01-31T02:00:00Z',
      results: [
        { status: 'failed', runId: 'r1' },
        { status: 'failed', runId: 'r2' },
        { status: 'succeeded', runId: 'r3' },
      ],
    });
    const s = createScheduler(config([{ ...DEFAULT_JOBS[0], backoff_seconds: 5 }]), t.fx);
    await s.start();
    t.registered.get('nightly-run')!(new Date('2026-01-31T18:00:00Z'));
    await s.idle();
    expect(t.sleeps).toEqual([5_000, 10_000]);
    expect(t.notified).toEqual([]);
    expect(t.state.state.jobs['nightly-run'].last_status).toBe('succeeded');
  });

  it('skips a fire while another job runs, with a log line, and never overlaps', async () => {
    const t = fakeEffects({ now: '2026-01-31T02:00:00Z' });
    let release!: () => void;
    t.onRun(
      () =>
        new Promise<JobResult>((r) => {
          release = () => r({ status: 'succeeded', runId: 'long' });
        }),
    );
    const s = createScheduler(config(DEFAULT_JOBS), t.fx);
    await s.start();
    t.registered.get('annual-report')!(new Date('2026-01-30T20:00:00Z'));
    t.registered.get('nightly-run')!(new Date('2026-01-31T18:00:00Z'));
    expect(t.calls.map((c) => c.job)).toEqual(['annual-report']);
    expect(
      t.log.lines.some((l) => l.msg === 'job nightly-run skipped: job annual-report is still running'),
    ).toBe(true);
    release();
    await s.idle();
  });

  it('skips without retrying when another process holds the run lock', async () => {
    const t = fakeEffects({
      now: '2026-01-31T02:00:00Z',
      results: [{ status: 'locked', error: 'run X is running' }],
    });
    const s = createScheduler(config(DEFAULT_JOBS), t.fx);
    await s.start();
    t.registered.get('nightly-run')!(new Date('2026-01-31T18:00:00Z'));
    await s.idle();
    expect(t.calls).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
    expect(t.state.state.jobs['nightly-run'].last_status).toBe('skipped');
  });

  it('on stop: aborts the running job, waits for it, stops cron and starts nothing new', async () => {
    const t = fakeEffects({ now: '2026-01-31T02:00:00Z' });
    let sawAbort = false;
    t.onRun(
      (_job, signal) =>
        new Promise<JobResult>((resolve) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve({ status: 'interrupted', runId: 'cut' });
          });
        }),
    );
    const s = createScheduler(config(DEFAULT_JOBS), t.fx);
    await s.start();
    t.registered.get('nightly-run')!(new Date('2026-01-31T18:00:00Z'));
    await s.stop();
    expect(sawAbort).toBe(true);
    expect(t.stopped).toEqual(['nightly-run', 'quarterly-scorecard', 'annual-report']);
    expect(t.state.state.jobs['nightly-run'].last_status).toBe('interrupted');
    t.registered.get('annual-report')!(new Date('2027-01-30T20:00:00Z'));
    expect(t.calls.map((c) => c.job)).toEqual(['nightly-run']);
  });

  it('in dry-run mode logs what would run and runs nothing', async () => {
    const t = fakeEffects({
      now: '2026-01-31T02:00:00Z',
      dryRun: true,
      state: { jobs: { 'annual-report': { last_fire: '2026-01-01T00:00:00.000Z' } } },
    });
    await createScheduler(config(DEFAULT_JOBS), t.fx).start();
    expect(t.calls).toEqual([]);
    expect(t.log.lines.map((l) => l.msg)).toContain('dry run: would run job annual-report');
    expect(t.state.state.jobs['annual-report'].last_fire).toBe('2026-01-01T00:00:00.000Z');
  });
});
