import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import type { Methodology } from '../methodology/schema.ts';

/** Writes a methodology's §9 thresholds (config `growth_paths`) into config.methodology_growth_paths. */
export async function writeGrowthPathParams(con: DuckDBConnection, m: Methodology): Promise<void> {
  const g = m.growth_paths;
  await con.run(readSql('statements/config/insert_growth_path_params.sql'), {
    version: m.version,
    recon_relative_threshold: g.reconciliation.relative_threshold,
    recon_absolute_threshold: g.reconciliation.absolute_threshold,
    indicator_7_boards: JSON.stringify(g.reconciliation.indicator_7_boards),
    hg_growth_rate: g.high_growth.growth_rate,
    hg_min_employees: g.high_growth.min_employees,
    hg_years: g.high_growth.years,
    gazelle_max_age_years: g.high_growth.gazelle_max_age_years,
    upgrade_revenue_share: g.candidates.upgrade_revenue_share,
    upgrade_revenue_growth: g.candidates.upgrade_revenue_growth,
    joint_stock_revenue_min_wan: g.candidates.joint_stock_revenue_min_wan,
    listing_revenue_min_wan: g.candidates.listing_revenue_min_wan,
  });
}
