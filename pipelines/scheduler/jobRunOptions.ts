import type { RunOptions } from '../run/runPipeline.ts';
import type { RunTrigger } from '../run/runRecord.ts';
import type { ScheduleJob } from './scheduleConfig.ts';
import { zonedParts } from './zonedTime.ts';

export interface RunDefaults {
  db: string;
  reportsRoot: string;
  inbox: string;
}

/**
 * What a scheduled job runs. 'monitor': ingest, build, the monitoring bulletin of the latest complete month and
 * the dashboard (its 监测预警 page), then one notification per new alert. 'run': the whole pipeline for the latest complete year. 'scorecard': ingest,
 * build (mart.plan_scorecard holds the quarter's scores) and the dashboard, no annual report. 'annual-report':
 * the whole pipeline with the report for the year before the fire date (in the job's time zone).
 */
export function jobRunOptions(
  job: ScheduleJob,
  trigger: RunTrigger,
  fireTime: Date,
  d: RunDefaults,
): RunOptions {
  const base: RunOptions = {
    db: job.args.db ?? d.db,
    reportsRoot: job.args.reports ?? d.reportsRoot,
    inbox: job.args.inbox ?? d.inbox,
    trigger,
    job: job.name,
    year: job.args.year,
    onlyIfNew: job.args.only_if_new ?? false,
  };
  if (job.task === 'scorecard') return { ...base, render: { report: false, site: true } };
  // Monthly monitoring: ingest, build (mart.monthly_flows, mart.alerts), the bulletin and the dashboard; the
  // scheduler then notifies new alerts.
  if (job.task === 'monitor') return { ...base, render: { report: false, site: true, monitor: true } };
  if (job.task === 'annual-report') {
    return { ...base, year: job.args.year ?? zonedParts(fireTime, job.timezone).year - 1 };
  }
  return base;
}
