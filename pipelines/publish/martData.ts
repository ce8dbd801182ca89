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
  /** How certain each ranking is (methodology §11); absent where a caller has no rankings to show. */
  uncertainty?: UncertaintyMarts;
}

/** A ranking of methodology §11: growth, vitality, or the "8631" scorecard. */
export type RankingName = 'growth' | 'vitality' | 'scorecard';

/** A county's rank interval over the draws (mart.rank_uncertainty; the value interval is not published). */
export interface RankIntervalRow {
  methodology_version: string;
  index_name: RankingName;
  year: number;
  region_code: string;
  nominal_rank: number;
  median_rank: number | null;
  rank_p05: number | null;
  rank_p95: number | null;
  share_first: number | null;
}

/** Sobol indices of one uncertain input on a ranking (mart.sensitivity_sobol). */
export interface SobolRow {
  methodology_version: string;
  index_name: RankingName;
  year: number;
  input: 'module_weights' | 'indicator_weights' | 'aggregation' | 'exclusion';
  first_order: number | null;
  total_order: number | null;
}

/** What the uncertainty marts were computed with (mart.uncertainty_settings). */
export interface UncertaintySettingsRow {
  methodology_version: string;
  index_name: RankingName;
  draws: number;
  seed: number;
}

/** Methodology §11 marts; empty in a warehouse built before them. */
export interface UncertaintyMarts {
  intervals: RankIntervalRow[];
  sobol: SobolRow[];
  settings: UncertaintySettingsRow[];
}
