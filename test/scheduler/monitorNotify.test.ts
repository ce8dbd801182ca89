import { describe, expect, it } from 'vitest';
import { memoryLog } from '../../pipelines/run/runLogger.ts';
import type { CronFactory } from '../../pipelines/scheduler/nodeCronFactory.ts';
import type { AlertNotice } from '../../pipelines/scheduler/notifyNewAlerts.ts';
import { validateScheduleConfig } from '../../pipelines/scheduler/scheduleConfig.ts';
import {
  createScheduler,
  type JobResult,
  type SchedulerEffects,
} from '../../pipelines/scheduler/scheduler.ts';
import { memoryStateStore } from '../../pipelines/scheduler/scheduleState.ts';

const JOBS = [
  { name: 'monthly-monitor', cron: '0 3 5 * *', task: 'monitor' },
  { name: 'nightly-run', cron: '0 2 * * *', task: 'run' },
];
const config = validateScheduleConfig({ jobs: JOBS }, 't').value!;

const alert = (id: string): AlertNotice => ({ alert_id: id, severity: '预警', message_zh: `【预警】${id}` });
const A = alert('monthly:330503:2020-06:deaths_cancelled');
const B = alert('quarterly:330521:2019Q2:plan_03');
const C = alert('annual:330500:2020:growth.total');

/**
 * Fakes: a cron whose fires the test triggers, runs that succeed with run-1, run-2 …, a warehouse whose alert list
 * the test sets before each run, and a notifier that records each call (and fails for ids listed in `failing`).
 */
function fakeMonitor(opts: { results?: JobResult[] } = {}) {
  const registered = new Map<string, (at: Date) => void>();
  const cron: CronFactory = (_expr, _tz, name, onFire) => {
    registered.set(name, onFire);
    return { stop: () => {} };
  };
  let published: AlertNotice[] = [];
  const failing = new Set<string>();
  const sent: { runId: string; alertId: string }[] = [];
  const listed: string[] = [];
  const jobFailures: (string | null)[] = [];
  const results = [...(opts.results ?? [])];
  let runs = 0;
  const state = memoryStateStore();
  const fx: SchedulerEffects = {
    now: () => new Date('2026-02-05T00:00:00Z'),
    sleep: async () => {},
    cron,
    async runJob() {
      runs++;
      return results.shift() ?? { status: 'succeeded', runId: `run-${runs}` };
    },
    async notify(_job, runId) {
      jobFailures.push(runId);
    },
    log: memoryLog(),
    state,
    alerts: {
      async list(job) {
        listed.push(job.name);
        return published;
      },
      async notify(_job, runId, a) {
        if (failing.has(a.alert_id)) return 'exit code 1';
        sent.push({ runId, alertId: a.alert_id });
        return null;
      },
    },
  };
  const fire = async (job: string) => {
    const s = createScheduler(config, fx);
    await s.start();
    registered.get(job)!(new Date('2026-02-04T19:00:00Z'));
    await s.idle();
  };
  return {
    fire,
    sent,
    listed,
    jobFailures,
    state,
    failing,
    publish: (alerts: AlertNotice[]) => {
      published = alerts;
    },
  };
}

describe('monitor job: notify_command once per new alert (methodology §10)', () => {
  it('sends each alert once, and on later runs only the alerts it has never sent', async () => {
    const t = fakeMonitor();
    t.publish([A, B]);
    await t.fire('monthly-monitor');
    // Same inputs again: the same alert ids, nothing new to send.
    await t.fire('monthly-monitor');
    t.publish([A, B, C]);
    await t.fire('monthly-monitor');
    expect(t.sent).toEqual([
      { runId: 'run-1', alertId: A.alert_id },
      { runId: 'run-1', alertId: B.alert_id },
      { runId: 'run-3', alertId: C.alert_id },
    ]);
    expect(t.state.state.notified_alerts).toEqual({
      [A.alert_id]: 'run-1',
      [B.alert_id]: 'run-1',
      [C.alert_id]: 'run-3',
    });
  });

  it('never re-sends an alert that went away and came back', async () => {
    const t = fakeMonitor();
    t.publish([A]);
    await t.fire('monthly-monitor');
    t.publish([]);
    await t.fire('monthly-monitor');
    t.publish([A]);
    await t.fire('monthly-monitor');
    expect(t.sent).toEqual([{ runId: 'run-1', alertId: A.alert_id }]);
  });

  it('retries a delivery that failed on the next monitor run, and only that one', async () => {
    const t = fakeMonitor();
    t.publish([A, B]);
    t.failing.add(B.alert_id);
    await t.fire('monthly-monitor');
    expect(t.sent.map((s) => s.alertId)).toEqual([A.alert_id]);
    expect(t.state.state.notified_alerts).toEqual({ [A.alert_id]: 'run-1' });
    t.failing.clear();
    await t.fire('monthly-monitor');
    expect(t.sent).toEqual([
      { runId: 'run-1', alertId: A.alert_id },
      { runId: 'run-2', alertId: B.alert_id },
    ]);
  });

  it('notifies no alert after a failed monitor run or for other jobs', async () => {
    const failed: JobResult = { status: 'failed', runId: 'bad', error: 'boom' };
    const t = fakeMonitor({ results: [failed, failed, failed, failed] });
    t.publish([A]);
    await t.fire('monthly-monitor');
    expect(t.sent).toEqual([]);
    expect(t.jobFailures).toEqual(['bad']);
    await t.fire('nightly-run');
    expect(t.listed).toEqual([]);
    expect(t.sent).toEqual([]);
  });
});
