import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCron } from './nextFireTimes.ts';
import { isValidTimeZone } from './zonedTime.ts';

const cronExpression = z.string().superRefine((value, ctx) => {
  try {
    parseCron(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
  }
});

/** What a job may pass to the run: the same knobs as `xiaowei run`'s options. */
export const jobArgsSchema = z
  .object({
    inbox: z.string().optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    db: z.string().optional(),
    reports: z.string().optional(),
    only_if_new: z.boolean().optional(),
  })
  .strict();

export const jobSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
    cron: cronExpression,
    timezone: z
      .string()
      .default('Asia/Shanghai')
      .refine(isValidTimeZone, { message: 'unknown IANA time zone' }),
    task: z.enum(['run', 'scorecard', 'annual-report', 'monitor']),
    args: jobArgsSchema.default({}),
    retries: z.number().int().min(0).max(20).default(3),
    backoff_seconds: z.number().positive().max(86_400).default(60),
  })
  .strict();

export const scheduleConfigSchema = z
  .object({
    jobs: z.array(jobSchema).min(1),
    // argv, never a shell line: ["/usr/local/bin/notify-ops", "--channel", "xiaowei"]; the run id and job name are
    // appended (a monitor job's alerts: run id, job name, alert id and the alert's sentence, once per alert).
    notify_command: z
      .union([
        z
          .string()
          .min(1)
          .transform((s) => [s]),
        z.array(z.string()).min(1),
      ])
      .optional(),
    log_file: z.string().default('data/logs/xiaowei.log'),
    state_file: z.string().default('data/warehouse/schedule-state.json'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.jobs.forEach((job, i) => {
      if (seen.has(job.name))
        ctx.addIssue({ code: 'custom', path: ['jobs', i, 'name'], message: 'duplicate job name' });
      seen.add(job.name);
    });
  });

export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;
export type ScheduleJob = z.infer<typeof jobSchema>;
export type JobArgs = z.infer<typeof jobArgsSchema>;

/** Built-in schedule used when no config file exists; config/schedule.example.json spells out the same. */
export const DEFAULT_SCHEDULE: unknown = {
  jobs: [
    { name: 'nightly-run', cron: '0 2 * * *', task: 'run', args: { only_if_new: true } },
    { name: 'quarterly-scorecard', cron: '0 3 20 1,4,7,10 *', task: 'scorecard' },
    { name: 'annual-report', cron: '0 4 31 1 *', task: 'annual-report' },
    { name: 'monthly-monitor', cron: '0 3 5 * *', task: 'monitor' },
  ],
};

/** Validates parsed JSON; errors come back as `file: dotted.path: message` lines. */
export function validateScheduleConfig(
  data: unknown,
  file: string,
): { value?: ScheduleConfig; errors: string[] } {
  const parsed = scheduleConfigSchema.safeParse(data);
  if (parsed.success) return { value: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${file}: ${path}: ${issue.message}`;
  });
  return { errors };
}

/** Reads → parses → validates a schedule config file; throws with every error listed. */
export function loadScheduleConfig(file: string): ScheduleConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: (root): invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { value, errors } = validateScheduleConfig(data, file);
  if (!value) throw new Error(errors.join('\n'));
  return value;
}
