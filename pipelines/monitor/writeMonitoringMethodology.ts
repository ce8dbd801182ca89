import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import type { Methodology } from '../methodology/schema.ts';

/**
 * Writes a methodology's §10 thresholds and its scorecard quarter ends into config.methodology_monitoring and
 * config.methodology_quarter_ends, which every build recreates empty; the methodology models publish them.
 */
export async function writeMonitoringMethodology(con: DuckDBConnection, m: Methodology): Promise<void> {
  const { monthly, quarterly, annual } = m.monitoring;
  await con.run(readSql('statements/config/insert_methodology_monitoring.sql'), {
    version: m.version,
    seasonal_years: monthly.seasonal_years,
    min_years: monthly.min_years,
    trend_months: monthly.trend_months,
    band_sigmas: monthly.band_sigmas,
    high_ratio: monthly.high_ratio,
    low_ratio: monthly.low_ratio,
    min_abs_change: monthly.min_abs_change,
    severe_multiple: monthly.severe_multiple,
    quarterly_warning_status: quarterly.warning_status,
    annual_total_drop: annual.total_drop,
    annual_module_drop: annual.module_drop,
    annual_severe_multiple: annual.severe_multiple,
  });
  await con.run(readSql('statements/config/insert_quarter_ends.sql'), {
    version: m.version,
    quarter_ends: m.scorecard.quarter_ends.join(','),
  });
}
