import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { jobRunOptions } from '../../pipelines/scheduler/jobRunOptions.ts';
import {
  DEFAULT_SCHEDULE,
  loadScheduleConfig,
  validateScheduleConfig,
} from '../../pipelines/scheduler/scheduleConfig.ts';

describe('schedule config', () => {
  it('fills defaults: Asia/Shanghai, 3 retries, 60 s back-off, log and state files', () => {
    const { value } = validateScheduleConfig(
      { jobs: [{ name: 'n', cron: '0 2 * * *', task: 'run' }] },
      'f.json',
    );
    expect(value?.jobs[0]).toEqual({
      name: 'n',
      cron: '0 2 * * *',
      timezone: 'Asia/Shanghai',
      task: 'run',
      args: {},
      retries: 3,
      backoff_seconds: 60,
    });
    expect(value?.log_file).toBe('data/logs/xiaowei.log');
  });

  it('reports every error as file: dotted.path: message', () => {
    const { errors } = validateScheduleConfig(
      {
        jobs: [
          { name: 'ok', cron: '0 2 * * *', task: 'run' },
          { name: 'ok', cron: '0 25 * * *', timezone: 'Asia/Beijing', task: 'email', args: { year: 'x' } },
        ],
      },
      'config/schedule.json',
    );
    expect(errors).toEqual([
      'config/schedule.json: jobs.1.cron: invalid cron expression "0 25 * * *": 25 is a invalid expression for hour',
      'config/schedule.json: jobs.1.timezone: unknown IANA time zone',
      'config/schedule.json: jobs.1.task: Invalid option: expected one of "run"|"scorecard"|"annual-report"|"monitor"',
      'config/schedule.json: jobs.1.args.year: Invalid input: expected number, received string',
    ]);
  });

  it('rejects duplicate job names', () => {
    const job = { name: 'a', cron: '0 2 * * *', task: 'run' };
    expect(validateScheduleConfig({ jobs: [job, job] }, 'f').errors).toEqual([
      'f: jobs.1.name: duplicate job name',
    ]);
  });

  it('accepts the shipped example, the shipped default and the built-in schedule', () => {
    expect(loadScheduleConfig(join(REPO_ROOT, 'config/schedule.example.json')).notify_command).toEqual([
      '/usr/local/bin/xiaowei-notify',
      '--channel',
      'stats-office',
    ]);
    expect(loadScheduleConfig(join(REPO_ROOT, 'config/schedule.json')).jobs.map((j) => j.name)).toEqual([
      'nightly-run',
      'quarterly-scorecard',
      'annual-report',
      'monthly-monitor',
    ]);
    expect(validateScheduleConfig(DEFAULT_SCHEDULE, 'x').errors).toEqual([]);
  });

  it('names the file when the JSON does not parse', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'xw-cfg-')), 'bad.json');
    writeFileSync(f, '{ "jobs": [ }');
    expect(() => loadScheduleConfig(f)).toThrow(new RegExp(`^${f}: \\(root\\): invalid JSON`));
  });
});

describe('jobRunOptions', () => {
  const cfg = validateScheduleConfig(DEFAULT_SCHEDULE, 'x').value!;
  const d = { db: 'w.duckdb', reportsRoot: 'reports', inbox: 'inbox' };
  const job = (name: string) => cfg.jobs.find((j) => j.name === name)!;

  it('reports on the year before the fire date, read on the Shanghai calendar', () => {
    // 2026-01-30T20:00Z is 2026-01-31 04:00 in Shanghai → report 2025.
    expect(jobRunOptions(job('annual-report'), 'schedule', new Date('2026-01-30T20:00:00Z'), d).year).toBe(
      2025,
    );
    // 2025-12-31T20:00Z is already 2026-01-01 in Shanghai (though still 2025 in UTC) → report 2025.
    expect(jobRunOptions(job('annual-report'), 'catch-up', new Date('2025-12-31T20:00:00Z'), d).year).toBe(
      2025,
    );
  });

  it('runs the scorecard without the annual report, and the nightly run only when the inbox has new files', () => {
    expect(jobRunOptions(job('quarterly-scorecard'), 'schedule', new Date(), d).render).toEqual({
      report: false,
      site: true,
    });
    // The monthly monitor ingests, builds, writes the bulletin and the dashboard; its alerts are notified after.
    expect(jobRunOptions(job('monthly-monitor'), 'schedule', new Date(), d).render).toEqual({
      report: false,
      site: true,
      monitor: true,
    });
    const nightly = jobRunOptions(job('nightly-run'), 'schedule', new Date(), d);
    expect([nightly.onlyIfNew, nightly.render, nightly.job, nightly.trigger]).toEqual([
      true,
      undefined,
      'nightly-run',
      'schedule',
    ]);
  });
});
