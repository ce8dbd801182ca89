import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';
import { tableExists } from '../report/tableExists.ts';

const num = z.coerce.number();
const Base = z.object({
  uscc: z.string(),
  name: z.string(),
  county_zh: z.string(),
  industry_division: z.string().nullable(),
  industry_zh: z.string().nullable(),
  entity_type: z.string().nullable(),
  employees: num.nullable(),
  revenue_wan: num,
});
export const UpgradeCandidate = Base.extend({
  threshold_wan: num,
  share_of_threshold: num,
  prev_revenue_wan: num.nullable(),
  revenue_growth: num.nullable(),
});
export const JointStockCandidate = Base.extend({ profit_wan: num.nullable() });
export const ListingCandidate = Base.extend({ profit_wan: num, prev_profit_wan: num });
export const CandidateThresholds = z.object({
  upgrade_revenue_share: num,
  upgrade_revenue_growth: num,
  joint_stock_revenue_min_wan: num,
  listing_revenue_min_wan: num,
});

/** The three 培育库 candidate lists of one year (methodology §9): enterprise-level, internal only. */
export interface CandidateLists {
  year: number;
  methodologyVersion: string;
  /** The build whose marts the lists come from (ops.build_log), or null when it kept no log. */
  buildRunId: string | null;
  thresholds: z.infer<typeof CandidateThresholds>;
  upgrade: z.infer<typeof UpgradeCandidate>[];
  jointStock: z.infer<typeof JointStockCandidate>[];
  listing: z.infer<typeof ListingCandidate>[];
}

const YearStatus = z.object({
  filings: z.number(),
  built_filings: z.number(),
  filing_years: z.string().nullable(),
  has_version: z.number(),
});

/**
 * Reads the candidate lists of `year` from a built warehouse. A year without filings, or filings the marts were not
 * built with, is a UserError (nothing is returned, so nothing gets written).
 */
export async function loadCandidateLists(
  con: DuckDBConnection,
  year: number,
  methodologyVersion?: string,
): Promise<CandidateLists> {
  const built =
    (await tableExists(con, 'mart', 'growth_path_enterprises')) &&
    (await tableExists(con, 'mart', 'methodology_growth_paths'));
  if (!built) throw new UserError('candidates.not_built', { year });
  const version =
    methodologyVersion ??
    (
      await readRows(
        con,
        z.object({ methodology_version: z.string().nullable() }),
        readSql('queries/internal/latest_growth_path_version.sql'),
      )
    )[0]?.methodology_version;
  if (!version) throw new UserError('candidates.not_built', { year });
  const params = { year, methodology_version: version };
  const [status] = await readRows(
    con,
    YearStatus,
    readSql('queries/internal/candidate_year_status.sql'),
    params,
  );
  if (status.has_version === 0) throw new UserError('candidates.unknown_version', { version });
  if (status.filings === 0)
    throw new UserError('candidates.no_filings', { year, years: status.filing_years ?? '无' });
  if (status.built_filings === 0) throw new UserError('candidates.not_built', { year });
  const [thresholds] = await readRows(
    con,
    CandidateThresholds,
    readSql('queries/internal/growth_path_params.sql'),
    { methodology_version: version },
  );
  const build = (await tableExists(con, 'ops', 'build_log'))
    ? await readRows(con, z.object({ run_id: z.string() }), readSql('queries/report/latest_build.sql'), {
        version,
      })
    : [];
  return {
    year,
    methodologyVersion: version,
    buildRunId: build[0]?.run_id ?? null,
    thresholds,
    upgrade: await readRows(
      con,
      UpgradeCandidate,
      readSql('queries/internal/candidates_upgrade.sql'),
      params,
    ),
    jointStock: await readRows(
      con,
      JointStockCandidate,
      readSql('queries/internal/candidates_joint_stock.sql'),
      params,
    ),
    listing: await readRows(
      con,
      ListingCandidate,
      readSql('queries/internal/candidates_listing.sql'),
      params,
    ),
  };
}
