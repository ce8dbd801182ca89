import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChartData } from '../charts/chartData.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import type { Methodology } from '../methodology/schema.ts';
import { chartDataFor } from '../publish/chartDataFor.ts';
import { loadPublication } from '../publish/loadPublication.ts';
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
 * Everything charts and the report show for one year (and earlier years, for trends), as the publication
 * layer returns it: withheld values are already null. Reports, the dashboard and the notebooks read this way.
 */
export async function loadChartData(
  con: DuckDBConnection,
  options: LoadChartDataOptions,
): Promise<ChartData> {
  const version = options.methodologyVersion ?? (await latestMethodologyVersion(con));
  const methodology = options.methodology ?? loadMethodology(version);
  return chartDataFor(await loadPublication(con), {
    version,
    year: options.year,
    countyCode: options.countyCode,
    planStartYear: methodology.plan.first_year,
    planEndYear: methodology.plan.end_year,
  });
}
