import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { openWarehouse, readRows, withConnection } from '../db/warehouse.ts';
import type { AlertNotice } from '../scheduler/notifyNewAlerts.ts';

const AlertNoticeRow = z.object({ alert_id: z.string(), severity: z.string(), message_zh: z.string() });

/** The alerts of a published warehouse, read-only (a monitor job's notifications). */
export async function readAlertNotices(dbPath: string): Promise<AlertNotice[]> {
  const wh = await openWarehouse(dbPath, { readOnly: true });
  try {
    return await withConnection(wh, (con) =>
      readRows(con, AlertNoticeRow, readSql('queries/monitor/alerts_to_notify.sql')),
    );
  } finally {
    wh.close();
  }
}
