import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';

const FlowRow = z.object({
  metric: z.string(),
  metric_zh: z.string(),
  unit_zh: z.string(),
  region_code: z.string(),
  region_zh: z.string(),
  observed: z.number(),
  expected: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  years_used: z.number(),
  direction: z.enum(['high', 'low']).nullable(),
  severity: z.enum(['关注', '预警']).nullable(),
  is_partial: z.boolean(),
});
export type FlowRow = z.infer<typeof FlowRow>;

const AlertRow = z.object({
  alert_id: z.string(),
  rule: z.enum(['monthly', 'quarterly', 'annual']),
  region_code: z.string(),
  period: z.string(),
  metric: z.string(),
  severity: z.enum(['关注', '预警']),
  message_zh: z.string(),
  first_seen_run: z.string(),
});
export type AlertRow = z.infer<typeof AlertRow>;

const Months = z.object({
  first_month: z.string().nullable(),
  last_month: z.string().nullable(),
  latest_complete_month: z.string().nullable(),
  as_of: z.string().nullable(),
  methodology_version: z.string().nullable(),
});

/** One month of monitoring: its flows against expectation and the alerts of the month, quarter and year it ends. */
export interface MonitorMonth {
  month: string;
  asOf: string;
  methodologyVersion: string;
  isPartial: boolean;
  flows: FlowRow[];
  alerts: AlertRow[];
}

/**
 * Reads `month` (default: the latest complete month) from a built warehouse. A month outside the data, a bad
 * month or an unbuilt warehouse is a UserError: never an empty answer.
 */
export async function loadMonitorMonth(
  con: DuckDBConnection,
  opts: { month?: string; path: string },
): Promise<MonitorMonth> {
  if (opts.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month))
    throw new UserError('monitor.month_invalid', { month: opts.month });
  const present = await readRows(
    con,
    z.object({ present: z.number() }),
    readSql('queries/report/table_exists.sql'),
    {
      schema: 'mart',
      name: 'monthly_expected',
    },
  );
  if (present.length === 0) throw new UserError('monitor.not_built', { path: opts.path });
  const [range] = await readRows(con, Months, readSql('queries/monitor/flow_months.sql'));
  if (!range?.first_month || !range.last_month || !range.as_of || !range.methodology_version)
    throw new UserError('monitor.no_months', { path: opts.path });
  const month = opts.month ?? range.latest_complete_month ?? range.last_month;
  if (month < range.first_month || month > range.last_month)
    throw new UserError('monitor.month_not_covered', {
      month,
      first: range.first_month,
      last: range.last_month,
      asOf: range.as_of,
    });
  const version = range.methodology_version;
  const flows = await readRows(con, FlowRow, readSql('queries/monitor/month_flows.sql'), { version, month });
  const [year, mm] = month.split('-').map(Number);
  const alerts = await readRows(con, AlertRow, readSql('queries/monitor/period_alerts.sql'), {
    version,
    month,
    // The quarter and the year are only complete in their last month.
    quarter: mm % 3 === 0 ? `${year}Q${mm / 3}` : '',
    year: mm === 12 ? String(year) : '',
  });
  return {
    month,
    asOf: range.as_of,
    methodologyVersion: version,
    isPartial: flows.some((f) => f.is_partial),
    flows,
    alerts,
  };
}
