import { formatZoned } from './formatZoned.ts';
import { nextFireTimes } from './nextFireTimes.ts';
import type { ScheduleConfig } from './scheduleConfig.ts';

/** The next fire times of every job, as the wall clock of each job's zone reads them. */
export function formatNextFires(config: ScheduleConfig, from: Date, count: number): string {
  const out: string[] = [];
  for (const job of config.jobs) {
    out.push(`${job.name}  (${job.task}, "${job.cron}", ${job.timezone})`);
    for (const t of nextFireTimes(job.cron, job.timezone, from, count)) {
      out.push(`  ${formatZoned(t, job.timezone)}  ${t.toISOString()}`);
    }
  }
  return `${out.join('\n')}\n`;
}
