import type { RunTrigger } from '../run/runRecord.ts';
import type { RunLog } from '../run/stages.ts';
import { missedFireTime } from './missedFire.ts';
import type { CronFactory, CronHandle } from './nodeCronFactory.ts';
import { type AlertEffects, notifyNewAlerts } from './notifyNewAlerts.ts';
import type { ScheduleConfig, ScheduleJob } from './scheduleConfig.ts';
import type { StateStore } from './scheduleState.ts';

export interface JobResult {
  status: 'succeeded' | 'failed' | 'interrupted' | 'nothing-to-do' | 'locked';
  runId?: string | null;
  error?: string;
}

/** Everything the scheduler does to the world, injected: tests pass a fake clock, cron, runner and notifier. */
export interface SchedulerEffects {
  now(): Date;
  /** Waits `ms`, resolving early when the signal aborts (shutdown). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  cron: CronFactory;
  runJob(job: ScheduleJob, trigger: RunTrigger, fireTime: Date, signal: AbortSignal): Promise<JobResult>;
  /** Called once a job has failed after all retries. */
  notify(job: ScheduleJob, runId: string | null): Promise<void>;
  log: RunLog;
  state: StateStore;
  dryRun?: boolean;
  /** Monitor jobs: where the published alerts are read and sent (none: alerts are not notified). */
  alerts?: AlertEffects;
}

export interface Scheduler {
  /** Registers every job with cron, then runs each job missed while the scheduler was down, once. */
  start(): Promise<void>;
  /** No new runs; aborts the current one at its next stage boundary (recorded as interrupted); waits for it. */
  stop(): Promise<void>;
  /** Resolves when no job is running (for tests). */
  idle(): Promise<void>;
}

export function createScheduler(config: ScheduleConfig, fx: SchedulerEffects): Scheduler {
  const handles: CronHandle[] = [];
  const abort = new AbortController();
  let stopping = false;
  let current: { job: string; done: Promise<void> } | null = null;

  const updateState = (job: string, patch: Partial<import('./scheduleState.ts').JobState>) => {
    if (fx.dryRun) return;
    const state = fx.state.load();
    state.jobs[job] = { ...(state.jobs[job] ?? { last_fire: fx.now().toISOString() }), ...patch };
    fx.state.save(state);
  };

  async function runWithRetries(job: ScheduleJob, trigger: RunTrigger, fireTime: Date): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const res = await fx.runJob(job, trigger, fireTime, abort.signal);
      if (res.status === 'succeeded' || res.status === 'nothing-to-do' || res.status === 'interrupted') {
        updateState(job.name, {
          last_status: res.status,
          last_run_id: res.runId ?? null,
          attempts: attempt + 1,
        });
        if (job.task === 'monitor' && res.status === 'succeeded' && res.runId && fx.alerts) {
          await notifyNewAlerts(job, res.runId, { alerts: fx.alerts, state: fx.state, log: fx.log });
        }
        return;
      }
      if (res.status === 'locked') {
        fx.log.warn(
          { job: job.name, error: res.error },
          `job ${job.name} skipped: another run is in progress`,
        );
        updateState(job.name, { last_status: 'skipped', attempts: attempt + 1 });
        return;
      }
      if (attempt >= job.retries) {
        fx.log.error(
          { job: job.name, run_id: res.runId, attempts: attempt + 1, error: res.error },
          `job ${job.name} failed after ${attempt + 1} attempts`,
        );
        updateState(job.name, {
          last_status: 'failed',
          last_run_id: res.runId ?? null,
          attempts: attempt + 1,
        });
        await fx.notify(job, res.runId ?? null);
        return;
      }
      // Exponential back-off: backoff, 2×backoff, 4×backoff, …
      const delayMs = job.backoff_seconds * 1000 * 2 ** attempt;
      fx.log.warn(
        {
          job: job.name,
          run_id: res.runId,
          attempt: attempt + 1,
          retry_in_s: delayMs / 1000,
          error: res.error,
        },
        `job ${job.name} failed; retrying`,
      );
      await fx.sleep(delayMs, abort.signal);
      if (stopping) return;
    }
  }

  async function fire(job: ScheduleJob, trigger: RunTrigger, fireTime: Date): Promise<void> {
    if (stopping) return;
    if (current) {
      fx.log.warn(
        { job: job.name, running: current.job, fire_time: fireTime.toISOString() },
        `job ${job.name} skipped: job ${current.job} is still running`,
      );
      return;
    }
    updateState(job.name, { last_fire: fireTime.toISOString() });
    if (fx.dryRun) {
      fx.log.info(
        { job: job.name, task: job.task, args: job.args, trigger, fire_time: fireTime.toISOString() },
        `dry run: would run job ${job.name}`,
      );
      return;
    }
    fx.log.info(
      { job: job.name, task: job.task, trigger, fire_time: fireTime.toISOString() },
      `job ${job.name} fired`,
    );
    const done = runWithRetries(job, trigger, fireTime).catch((err) => {
      fx.log.error({ job: job.name, error: String(err) }, `job ${job.name} crashed the runner`);
    });
    current = { job: job.name, done };
    try {
      await done;
    } finally {
      current = null;
    }
  }

  return {
    async start() {
      const now = fx.now();
      const catchUps: { job: ScheduleJob; at: Date }[] = [];
      const state = fx.state.load();
      for (const job of config.jobs) {
        const last = state.jobs[job.name]?.last_fire;
        if (!last) {
          updateState(job.name, { last_fire: now.toISOString() });
        } else {
          const missed = missedFireTime(job.cron, job.timezone, new Date(last), now);
          if (missed) catchUps.push({ job, at: missed });
        }
        handles.push(fx.cron(job.cron, job.timezone, job.name, (at) => void fire(job, 'schedule', at)));
      }
      catchUps.sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const { job, at } of catchUps) {
        fx.log.info(
          { job: job.name, missed: at.toISOString() },
          `catching up job ${job.name} missed while down`,
        );
        await fire(job, 'catch-up', at);
      }
    },
    async stop() {
      stopping = true;
      for (const h of handles) h.stop();
      abort.abort();
      await current?.done;
    },
    async idle() {
      while (current) await current.done;
    },
  };
}
