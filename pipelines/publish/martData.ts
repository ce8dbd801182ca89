// What the publication layer reads: every aggregate mart, all years and all methodology versions, because a
// suppression pattern must be the same in every report, page and year that shows a cell.
import type { ChartRegion, PlanIndicatorInfo } from '../charts/chartData.ts';
import type { BusinessDemographyRow, IndexRow, ScorecardRow } from '../marts/types.ts';

export interface IndexTreeRow {
  index: 'growth' | 'vitality';
  code: string;
  level: 'module' | 'indicator';
  name_zh: string;
  parent: string | null;
  weight: number;
  /** Input variable X of an indicator (null for modules). */
  variable: string | null;
}

/** One methodology version's index marts and the parameters the layer needs from its file. */
export interface VersionMarts {
  version: string;
  baseYear: number;
  minEnterprises: number;
  tree: IndexTreeRow[];
  growth: IndexRow[];
  vitality: IndexRow[];
}

export interface MartData {
  regions: ChartRegion[];
  demography: BusinessDemographyRow[];
  versions: VersionMarts[];
  scorecard: ScorecardRow[];
  planIndicators: PlanIndicatorInfo[];
}
