import { readAlertNotices } from '../monitor/readAlertNotices.ts';
import { nodeRunEffects } from '../run/nodeRunEffects.ts';
import { silentProgress } from '../run/progressLine.ts';
import { realStages } from '../run/realStages.ts';
import { RunLockedError } from '../run/runLock.ts';
import { runPipeline } from '../run/runPipeline.ts';
import type { PipelineStages, RunLog } from '../run/stages.ts';
import { jobRunOptions, type RunDefaults } from './jobRunOptions.ts';
import { nodeCronFactory } from './nodeCronFactory.ts';
import { runNotifyCommand } from './notifyCommand.ts';
import type { ScheduleConfig } from './scheduleConfig.ts';
import type { SchedulerEffects } from './scheduler.ts';
import { fileStateStore } from './scheduleState.ts';

/** setTimeout that an abort signal cuts short (shutdown during a retry back-off). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/** Production scheduler effects: node-cron, the system clock, in-process runs with the real stages. */
export function nodeSchedulerEffects(
  config: ScheduleConfig,
  parts: { log: RunLog; defaults: RunDefaults; dryRun?: boolean; stages?: PipelineStages },
): SchedulerEffects {
  const stages = parts.stages ?? realStages();
  const notifyCommand = config.notify_command;
  return {
    now: () => new Date(),
    sleep: abortableSleep,
    cron: nodeCronFactory,
    log: parts.log,
    state: fileStateStore(config.state_file),
    dryRun: parts.dryRun,
    async runJob(job, trigger, fireTime, signal) {
      try {
        const outcome = await runPipeline(
          jobRunOptions(job, trigger, fireTime, parts.defaults),
          nodeRunEffects({
            stages,
            log: parts.log,
            progress: silentProgress,
            checkpoint: async () => {},
            signal,
          }),
        );
        if (outcome.status === 'nothing-to-do') return { status: 'nothing-to-do' };
        return {
          status: outcome.status,
          runId: outcome.record.run_id,
          error: outcome.record.error ?? undefined,
        };
      } catch (err) {
        if (err instanceof RunLockedError) return { status: 'locked', error: err.message };
        return { status: 'failed', runId: null, error: err instanceof Error ? err.message : String(err) };
      }
    },
    // Without a notify command there is no one to tell: alerts stay in mart.alerts and the bulletin.
    alerts: notifyCommand
      ? {
          list: (job) => readAlertNotices(job.args.db ?? parts.defaults.db),
          notify: (job, runId, alert) =>
            runNotifyCommand(notifyCommand, runId, job.name, [alert.alert_id, alert.message_zh]),
        }
      : undefined,
    async notify(job, runId) {
      if (!config.notify_command) return;
      const error = await runNotifyCommand(config.notify_command, runId ?? '', job.name);
      if (error) parts.log.error({ job: job.name, run_id: runId, error }, 'notify command failed');
      else parts.log.info({ job: job.name, run_id: runId }, 'notify command called');
    },
  };
}
