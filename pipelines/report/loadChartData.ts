import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChartData } from '../charts/chartData.ts';
import { readSql } from '../db/sqlFile.ts';
import { quoteQualified, substitute } from '../db/sqlTemplate.ts';
import { queryRows } from '../db/warehouse.ts';
import type { BusinessDemographyRow, IndexRow, ScorecardRow } from '../marts/types.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import type { Methodology } from '../methodology/schema.ts';
import { latestMethodologyVersion } from './latestMethodologyVersion.ts';

export interface LoadChartDataOptions {
  year: number;
  countyCode?: string;
  /** Default: the highest version present in the marts. */
  methodologyVersion?: string;
  /** Default: loadMethodology(version); tests may pass one. */
  methodology?: Methodology;
}

/**
 * Reads everything charts and the report need for one year (and all earlier years, for trends) from the marts.
 * Only aggregate marts are read: no query here selects an enterprise identifier.
 */
export async function loadChartData(
  con: DuckDBConnection,
  options: LoadChartDataOptions,
): Promise<ChartData> {
  const version = options.methodologyVersion ?? (await latestMethodologyVersion(con));
  const methodology = options.methodology ?? loadMethodology(version);
  const params = { version, year: options.year };
  const regions = await queryRows<ChartData['regions'][number]>(con, readSql('queries/report/regions.sql'));
  if (
    options.countyCode &&
    !regions.some((r) => r.region_code === options.countyCode && r.level === 'county')
  ) {
    throw new Error(`区县代码 ${options.countyCode} 不在 ref.regions 中 (unknown county code)`);
  }
  const demography = await queryRows<BusinessDemographyRow>(
    con,
    readSql('queries/report/business_demography.sql'),
    {
      year: options.year,
    },
  );
  const indexRows = (table: string) =>
    queryRows<IndexRow>(
      con,
      substitute(readSql('queries/report/index_values.sql'), { table: quoteQualified(table) }),
      params,
    );
  const growth = await indexRows('mart.growth_index');
  const vitality = await indexRows('mart.vitality_index');
  const scorecard = await queryRows<ScorecardRow>(con, readSql('queries/report/plan_scorecard.sql'), params);
  const planIndicators = await queryRows<ChartData['planIndicators'][number]>(
    con,
    readSql('queries/report/plan_indicators.sql'),
  );
  const indexMeta = await queryRows<ChartData['indexMeta'][number]>(
    con,
    readSql('queries/report/index_meta.sql'),
    {
      version,
    },
  );
  return {
    year: options.year,
    ...(options.countyCode ? { countyCode: options.countyCode } : {}),
    regions,
    demography,
    growth,
    vitality,
    scorecard,
    planIndicators,
    indexMeta,
    baseYear: methodology.base_year,
    planStartYear: methodology.plan.first_year,
    planEndYear: methodology.plan.end_year,
    minEnterprises: methodology.publication.min_enterprises,
  };
}
