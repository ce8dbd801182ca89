import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { openWarehouse, readRows, withConnection } from '../db/warehouse.ts';
import type { AlertNotice } from '../scheduler/notifyNewAlerts.ts';
import { AlertRow, loadMonitorPublication } from './loadMonitorMonth.ts';
import { publishedAlertSentence } from './publishedAlertSentence.ts';

const NotifiableAlert = AlertRow.extend({ methodology_version: z.string() });

/**
 * The alerts of a published warehouse, read-only (a monitor job's notifications), each worded as the bulletin
 * words it: a notification leaves the building too, so a count the publication rules withhold (1–2 firms, or
 * its complement) is not in it either.
 */
export async function readAlertNotices(dbPath: string): Promise<AlertNotice[]> {
  const wh = await openWarehouse(dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      // Every period of the highest methodology version, oldest first.
      const alerts = await readRows(con, NotifiableAlert, readSql('queries/monitor/period_alerts.sql'), {
        version: '',
        month: '',
        quarter: '',
        year: '',
        all_periods: true,
      });
      if (alerts.length === 0) return [];
      const d = (await loadMonitorPublication(con)).publication.disclosure;
      return alerts.map((a) => ({
        alert_id: a.alert_id,
        severity: a.severity,
        message_zh: publishedAlertSentence(a, d, a.methodology_version),
      }));
    });
  } finally {
    wh.close();
  }
}
