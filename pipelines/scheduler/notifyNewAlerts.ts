import type { RunLog } from '../run/stages.ts';
import type { ScheduleJob } from './scheduleConfig.ts';
import type { StateStore } from './scheduleState.ts';

/** One alert as the notifier sends it. */
export interface AlertNotice {
  alert_id: string;
  severity: string;
  message_zh: string;
}

/** How a monitor job reaches the alerts and the notify command; injected so tests pass fakes. */
export interface AlertEffects {
  /** The alerts of the warehouse a run published (latest methodology version), in a stable order. */
  list(job: ScheduleJob, runId: string): Promise<AlertNotice[]>;
  /** Sends one alert; resolves with an error message, or null when it was delivered. */
  notify(job: ScheduleJob, runId: string, alert: AlertNotice): Promise<string | null>;
}

/**
 * Calls the notifier once per alert it has never delivered (methodology §10: a rerun on the same inputs gives
 * the same alert ids, so nothing is sent twice). Each delivery is recorded in the scheduler state at once, so a
 * crash midway re-sends nothing already sent; a failed delivery is retried by the next monitor run.
 */
export async function notifyNewAlerts(
  job: ScheduleJob,
  runId: string,
  fx: { alerts: AlertEffects; state: StateStore; log: RunLog },
): Promise<{ sent: number; failed: number }> {
  const alerts = await fx.alerts.list(job, runId);
  let sent = 0;
  let failed = 0;
  for (const alert of alerts) {
    if (fx.state.load().notified_alerts?.[alert.alert_id]) continue;
    const error = await fx.alerts.notify(job, runId, alert);
    if (error) {
      failed++;
      fx.log.error(
        { job: job.name, run_id: runId, alert_id: alert.alert_id, error },
        'alert notification failed',
      );
      continue;
    }
    const state = fx.state.load();
    state.notified_alerts = { ...state.notified_alerts, [alert.alert_id]: runId };
    fx.state.save(state);
    sent++;
  }
  fx.log.info({ job: job.name, run_id: runId, alerts: alerts.length, sent, failed }, 'alerts notified');
  return { sent, failed };
}
