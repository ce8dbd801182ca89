import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { tableExists } from '../report/tableExists.ts';
import type { MartData, UncertaintyMarts, VersionMarts } from './martData.ts';

const num = z.number();
const nullableNum = z.number().nullable();

export const RegionRow = z.object({
  region_code: z.string(),
  name_zh: z.string(),
  level: z.enum(['city', 'county']),
});
const DemographyRow = z.object({
  year: num,
  region_code: z.string(),
  active: num,
  births: num,
  deaths: num,
  conversions: num,
  upgrades: nullableNum,
  birth_rate: nullableNum,
  death_rate: nullableNum,
  survival_1y: nullableNum,
  survival_2y: nullableNum,
  survival_3y: nullableNum,
  opening_rate: nullableNum,
  cohort_1y: num,
  cohort_2y: num,
  cohort_3y: num,
  new_enterprises: num,
});
const IndexValueRow = z.object({
  methodology_version: z.string(),
  year: num,
  region_code: z.string(),
  level: z.enum(['indicator', 'module', 'total']),
  code: z.string(),
  raw_value: nullableNum,
  value: nullableNum,
  dropped_reason: z.string().nullable(),
  n_enterprises: nullableNum,
});
const TreeRow = z.object({
  methodology_version: z.string(),
  index: z.enum(['growth', 'vitality']),
  code: z.string(),
  level: z.enum(['module', 'indicator']),
  name_zh: z.string(),
  parent: z.string().nullable(),
  weight: num,
  variable: z.string().nullable(),
});
const ScorecardRow = z.object({
  methodology_version: z.string(),
  period_end: z.string(),
  region_code: z.string(),
  indicator_no: num,
  kind: z.enum(['stock', 'annual', 'cumulative']),
  actual: nullableNum,
  target: nullableNum,
  completion: nullableNum,
  expected: nullableNum,
  score: nullableNum,
  status: z.enum(['正常', '滞后', '严重滞后']).nullable(),
  total_score: nullableNum,
  rank: nullableNum,
});
const PlanIndicatorRow = z.object({
  indicator_no: num,
  name_zh: z.string(),
  unit: z.string(),
  kind: z.string(),
  target_2020: num,
  department: z.string(),
});
const rankingName = z.enum(['growth', 'vitality', 'scorecard']);
const RankIntervalRow = z.object({
  methodology_version: z.string(),
  index_name: rankingName,
  year: num,
  region_code: z.string(),
  nominal_rank: num,
  median_rank: nullableNum,
  rank_p05: nullableNum,
  rank_p95: nullableNum,
  share_first: nullableNum,
});
const SobolRow = z.object({
  methodology_version: z.string(),
  index_name: rankingName,
  year: num,
  input: z.enum(['module_weights', 'indicator_weights', 'aggregation', 'exclusion']),
  first_order: nullableNum,
  total_order: nullableNum,
});
const UncertaintySettingsRow = z.object({
  methodology_version: z.string(),
  index_name: rankingName,
  draws: num,
  seed: num,
});

/** The methodology §11 marts, or nothing in a warehouse built before them. */
async function loadUncertainty(con: DuckDBConnection): Promise<UncertaintyMarts> {
  if (!(await tableExists(con, 'mart', 'rank_uncertainty')))
    return { intervals: [], sobol: [], settings: [] };
  return {
    intervals: await readRows(con, RankIntervalRow, readSql('queries/report/rank_uncertainty.sql')),
    sobol: await readRows(con, SobolRow, readSql('queries/report/sensitivity_sobol.sql')),
    settings: await readRows(con, UncertaintySettingsRow, readSql('queries/report/uncertainty_settings.sql')),
  };
}

const ParameterRow = z.object({ methodology_version: z.string(), base_year: num, min_enterprises: num });

/** Base year and publication minimum per version: from mart.methodology, else from the methodology files. */
async function versionParameters(
  con: DuckDBConnection,
  versions: string[],
): Promise<Map<string, { baseYear: number; minEnterprises: number }>> {
  const out = new Map<string, { baseYear: number; minEnterprises: number }>();
  if (await tableExists(con, 'mart', 'methodology')) {
    for (const p of await readRows(con, ParameterRow, readSql('queries/report/methodology_parameters.sql')))
      out.set(p.methodology_version, { baseYear: p.base_year, minEnterprises: p.min_enterprises });
  }
  for (const v of versions) {
    if (out.has(v)) continue;
    const m = loadMethodology(v);
    out.set(v, { baseYear: m.base_year, minEnterprises: m.publication.min_enterprises });
  }
  return out;
}

/**
 * Reads every aggregate mart the public outputs show, all years and versions. Only aggregate marts are read:
 * no query here selects an enterprise identifier.
 */
export async function loadMartData(con: DuckDBConnection): Promise<MartData> {
  const regions = await readRows(con, RegionRow, readSql('queries/report/regions.sql'));
  const demography = await readRows(con, DemographyRow, readSql('queries/report/business_demography.sql'));
  const indexRows = (table: string) =>
    readRows(
      con,
      IndexValueRow,
      substitute(readSql('queries/report/index_values.sql'), { table: quoteQualified(table) }),
    );
  const growth = await indexRows('mart.growth_index');
  const vitality = await indexRows('mart.vitality_index');
  const tree = await readRows(con, TreeRow, readSql('queries/report/index_meta.sql'));
  const names = [...new Set([...growth, ...vitality].map((r) => r.methodology_version))].sort();
  const params = await versionParameters(con, names);
  const versions: VersionMarts[] = names.map((version) => ({
    version,
    baseYear: params.get(version)!.baseYear,
    minEnterprises: params.get(version)!.minEnterprises,
    tree: tree.filter((t) => t.methodology_version === version).map(({ methodology_version: _v, ...t }) => t),
    growth: growth.filter((r) => r.methodology_version === version),
    vitality: vitality.filter((r) => r.methodology_version === version),
  }));
  return {
    regions,
    demography,
    versions,
    scorecard: await readRows(con, ScorecardRow, readSql('queries/report/plan_scorecard.sql')),
    planIndicators: await readRows(con, PlanIndicatorRow, readSql('queries/report/plan_indicators.sql')),
    uncertainty: await loadUncertainty(con),
  };
}
