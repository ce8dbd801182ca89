import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { ChartRegion } from '../charts/chartData.ts';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';
import { monthlyFlowKey } from '../publish/cellKeys.ts';
import { RegionRow } from '../publish/loadMartData.ts';
import { type FullPublication, loadPublication } from '../publish/loadPublication.ts';
import { monthlyFlowContribution } from '../publish/monthlyFlowCells.ts';
import type { Withheld } from '../publish/suppressCells.ts';
import { monthsBack, quarterBefore } from './monthArithmetic.ts';

/** Months a bulletin chart shows: the month and the 23 before it (two seasonal cycles). */
export const SERIES_MONTHS = 24;

const FlowRow = z.object({
  month: z.string(),
  metric: z.string(),
  metric_zh: z.string(),
  unit_zh: z.string(),
  region_code: z.string(),
  region_zh: z.string(),
  region_level: z.enum(['city', 'county']),
  observed: z.number(),
  expected: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  years_used: z.number(),
  direction: z.enum(['high', 'low']).nullable(),
  severity: z.enum(['关注', '预警']).nullable(),
  is_partial: z.boolean(),
});
/** A flow against expectation as outputs receive it: `observed` null when the publication rules withhold it. */
export type FlowRow = Omit<z.infer<typeof FlowRow>, 'observed'> & {
  observed: number | null;
  withheld: Withheld | null;
};

export const AlertRow = z.object({
  alert_id: z.string(),
  rule: z.enum(['monthly', 'quarterly', 'annual']),
  region_code: z.string(),
  region_zh: z.string(),
  period: z.string(),
  metric: z.string(),
  metric_zh: z.string().nullable(),
  unit_zh: z.string().nullable(),
  observed: z.number(),
  expected: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
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

const RevisionRow = z.object({
  region_code: z.string(),
  region_zh: z.string(),
  month: z.string(),
  metric: z.string(),
  metric_zh: z.string(),
  old_value: z.number(),
  new_value: z.number(),
  old_as_of: z.string(),
  old_group_small: z.boolean(),
});
/** A past month the latest snapshot moved (methodology §6): null where the rules withhold the old or new count. */
export type MonthRevision = Omit<
  z.infer<typeof RevisionRow>,
  'old_value' | 'new_value' | 'old_group_small'
> & {
  old_value: number | null;
  new_value: number | null;
};

const FlowCount = z.object({
  region_code: z.string(),
  month: z.string(),
  metric: z.string(),
  value: z.number(),
});

/** One month of monitoring, through the publication layer: what the bulletin, the dashboard and the CLI print. */
export interface MonitorMonth {
  month: string;
  asOf: string;
  methodologyVersion: string;
  isPartial: boolean;
  regions: ChartRegion[];
  /** The month's flows, per metric and region (city first). */
  flows: FlowRow[];
  /** The SERIES_MONTHS months ending with the month, in the same order, month by month. */
  series: FlowRow[];
  /** The alerts of the month, of the latest complete quarter and (in December) of the year. */
  alerts: AlertRow[];
  /** Counts of the series' months that the latest snapshot revised (old → new). */
  revisions: MonthRevision[];
  /** The latest quarter complete in the month (YYYYQn) and whether its "8631" scorecard was computed. */
  quarter: { period: string; scored: boolean };
  publication: FullPublication;
}

/** What every month of monitoring shares: the months the warehouse covers and the methodology they follow. */
interface MonitorRange {
  first: string;
  last: string;
  latestComplete: string;
  asOf: string;
  version: string;
}

/** The months mart.monthly_flows covers; a warehouse built without monitoring, or without months, is refused. */
async function readMonitorRange(con: DuckDBConnection, path: string): Promise<MonitorRange> {
  const present = await readRows(
    con,
    z.object({ present: z.number() }),
    readSql('queries/report/table_exists.sql'),
    { schema: 'mart', name: 'monthly_expected' },
  );
  if (present.length === 0) throw new UserError('monitor.not_built', { path });
  const [range] = await readRows(con, Months, readSql('queries/monitor/flow_months.sql'));
  if (!range?.first_month || !range.last_month || !range.as_of || !range.methodology_version)
    throw new UserError('monitor.no_months', { path });
  return {
    first: range.first_month,
    last: range.last_month,
    latestComplete: range.latest_complete_month ?? range.last_month,
    asOf: range.as_of,
    version: range.methodology_version,
  };
}

const isCovered = (month: string, r: MonitorRange) => month >= r.first && month <= r.last;

function refuseUncovered(month: string, r: MonitorRange): void {
  if (!isCovered(month, r))
    throw new UserError('monitor.month_not_covered', { month, first: r.first, last: r.last, asOf: r.asOf });
}

/** The flows of the months from..to (in flow_series.sql's order), through the publication rules. */
async function readSeries(
  con: DuckDBConnection,
  version: string,
  span: { from: string; to: string },
  publication: FullPublication,
): Promise<FlowRow[]> {
  const d = publication.disclosure;
  const rows = await readRows(con, FlowRow, readSql('queries/monitor/flow_series.sql'), {
    version,
    from_month: span.from,
    to_month: span.to,
  });
  return rows.map((f): FlowRow => {
    const withheld = d.withheld(monthlyFlowKey(f.region_code, f.month, f.metric));
    return { ...f, observed: withheld ? null : f.observed, withheld };
  });
}

/** The revised counts of the months from..to (in month_revisions.sql's order), through the publication rules. */
async function readRevisions(
  con: DuckDBConnection,
  span: { from: string; to: string },
  publication: FullPublication,
): Promise<MonthRevision[]> {
  const d = publication.disclosure;
  const rows = await readRows(con, RevisionRow, readSql('queries/monitor/month_revisions.sql'), {
    from_month: span.from,
    to_month: span.to,
    min: d.min,
  });
  return rows.map(
    ({ old_group_small, ...r }): MonthRevision => ({
      ...r,
      // The older snapshot's bulletin withheld cells of a group holding a small count; those stay unprinted.
      old_value: old_group_small ? null : r.old_value,
      new_value: d.withheld(monthlyFlowKey(r.region_code, r.month, r.metric)) ? null : r.new_value,
    }),
  );
}

/** The SERIES_MONTHS months a chart of `month` shows. */
const seriesSpan = (month: string) => ({ from: monthsBack(month, SERIES_MONTHS - 1), to: month });

/**
 * One month from rows read for a span holding its series: the series and revisions keep the rows of the
 * month's own span (both queries order by something that keeps a span's rows in the same order), the alerts
 * and the quarter's scorecard are read for the month.
 */
async function assembleMonth(
  con: DuckDBConnection,
  month: string,
  range: MonitorRange,
  published: { regions: ChartRegion[]; publication: FullPublication },
  read: { series: FlowRow[]; revisions: MonthRevision[] },
): Promise<MonitorMonth> {
  const span = seriesSpan(month);
  const within = (m: string) => m >= span.from && m <= span.to;
  const series = read.series.filter((f) => within(f.month));
  const revisions = read.revisions.filter((r) => within(r.month));
  const version = range.version;
  const quarter = quarterBefore(month);
  const december = month.endsWith('-12');
  const alerts = await readRows(con, AlertRow, readSql('queries/monitor/period_alerts.sql'), {
    version,
    month,
    quarter,
    year: december ? month.slice(0, 4) : '',
    all_periods: false,
  });
  const scored = await readRows(
    con,
    z.object({ scored: z.number() }),
    readSql('queries/monitor/quarter_scored.sql'),
    { version, quarter },
  );
  const flows = series.filter((f) => f.month === month);
  return {
    month,
    asOf: range.asOf,
    methodologyVersion: version,
    isPartial: flows.some((f) => f.is_partial),
    regions: published.regions,
    flows,
    series,
    alerts,
    revisions,
    quarter: { period: quarter, scored: scored.length > 0 },
    publication: published.publication,
  };
}

/**
 * Reads `month` (default: the latest complete month) from a built warehouse and applies the publication rules
 * (methodology §6) to every monthly flow. A month outside the data, a bad month or an unbuilt warehouse is a
 * UserError: never an empty answer.
 */
export async function loadMonitorMonth(
  con: DuckDBConnection,
  opts: { month?: string; path: string },
): Promise<MonitorMonth> {
  if (opts.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month))
    throw new UserError('monitor.month_invalid', { month: opts.month });
  const range = await readMonitorRange(con, opts.path);
  const month = opts.month ?? range.latestComplete;
  refuseUncovered(month, range);
  const published = await loadMonitorPublication(con);
  const span = seriesSpan(month);
  return assembleMonth(con, month, range, published, {
    series: await readSeries(con, range.version, span, published.publication),
    revisions: await readRevisions(con, span, published.publication),
  });
}

/**
 * The publication rules over every monthly flow: one Disclosure for whatever prints a monitoring figure (the
 * bulletin, the dashboard page, the CLI and the alert notifications).
 */
export async function loadMonitorPublication(
  con: DuckDBConnection,
): Promise<{ regions: ChartRegion[]; publication: FullPublication }> {
  const regions = await readRows(con, RegionRow, readSql('queries/report/regions.sql'));
  const counts = await readRows(con, FlowCount, readSql('queries/monitor/flow_counts.sql'));
  return { regions, publication: await loadPublication(con, [monthlyFlowContribution(counts, regions)]) };
}

/**
 * The latest complete month and up to `count − 1` months before it that the data cover, newest first, all
 * through one publication decision (the dashboard's month picker). Their series and revisions are read once,
 * for the span of all of them.
 */
export async function loadRecentMonitorMonths(
  con: DuckDBConnection,
  opts: { path: string; count: number },
): Promise<MonitorMonth[]> {
  // The range first: it refuses a warehouse built without monitoring before anything reads its tables.
  const range = await readMonitorRange(con, opts.path);
  refuseUncovered(range.latestComplete, range);
  const months: string[] = [];
  for (let back = 0; back < opts.count; back++) {
    const month = monthsBack(range.latestComplete, back);
    if (!isCovered(month, range)) break;
    months.push(month);
  }
  const published = await loadMonitorPublication(con);
  const oldest = months[months.length - 1] ?? range.latestComplete;
  const span = { from: seriesSpan(oldest).from, to: range.latestComplete };
  const read = {
    series: await readSeries(con, range.version, span, published.publication),
    revisions: await readRevisions(con, span, published.publication),
  };
  const out: MonitorMonth[] = [];
  for (const month of months) out.push(await assembleMonth(con, month, range, published, read));
  return out;
}
