// Everything the report's charts are built from: mart rows plus the reference data that labels them.
import type { BusinessDemographyRow, IndexRow, ScorecardRow } from '../marts/types.ts';

export interface ChartRegion {
  region_code: string;
  name_zh: string;
  level: 'city' | 'county';
}

export interface PlanIndicatorInfo {
  indicator_no: number;
  name_zh: string;
  unit: string;
  kind: string;
  target_2020: number;
  department: string;
}

export interface IndexMetaRow {
  index: 'growth' | 'vitality';
  code: string;
  level: 'module' | 'indicator';
  name_zh: string;
  parent: string | null;
  weight: number;
}

export interface ChartData {
  /** Report year: bars, heat map and bullets show this year; trends run up to it. */
  year: number;
  /** Set for a county report: charts focus on this county with the city for comparison. */
  countyCode?: string;
  regions: ChartRegion[];
  demography: BusinessDemographyRow[];
  growth: IndexRow[];
  vitality: IndexRow[];
  scorecard: ScorecardRow[];
  planIndicators: PlanIndicatorInfo[];
  indexMeta: IndexMetaRow[];
  baseYear: number;
  planStartYear: number;
  planEndYear: number;
  /** Publication rule (methodology §6): values from fewer enterprises are not charted. */
  minEnterprises: number;
}
