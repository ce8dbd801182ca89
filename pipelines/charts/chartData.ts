// Everything the report's charts are built from: mart rows as the publication layer returns them (withheld
// values already null) plus the reference data that labels them. Built by pipelines/publish/chartDataFor.ts.
import type { ScorecardRow } from '../marts/types.ts';
import type { PublishedIndustryIndexRow } from '../publish/industryIndexCells.ts';
import type { PublishedDemographyRow, PublishedIndexRow } from '../publish/publishedRows.ts';
import type { PublishedGrowthPaths } from '../publish/publishGrowthPaths.ts';
import type { PublishedUncertainty } from '../publish/publishUncertainty.ts';

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
  demography: PublishedDemographyRow[];
  growth: PublishedIndexRow[];
  vitality: PublishedIndexRow[];
  scorecard: ScorecardRow[];
  planIndicators: PlanIndicatorInfo[];
  indexMeta: IndexMetaRow[];
  baseYear: number;
  planStartYear: number;
  planEndYear: number;
  /** Publication rule (methodology §6): the minimum the layer applied, for footnotes. */
  minEnterprises: number;
  /** Growth paths (methodology §9) of this version up to `year`; absent when the warehouse has none. */
  growthPaths?: PublishedGrowthPaths;
  /** Rank intervals and Sobol indices of this version (methodology §11), years up to `year`; absent: none. */
  uncertainty?: PublishedUncertainty;
  /** Indices per 八大万亿产业 (methodology §8) of this version up to `year`; absent when the warehouse has none. */
  industry?: IndustryIndexData;
}

export interface IndustryIndexData {
  /** The eight industries in their published order. */
  industries: string[];
  growth: PublishedIndustryIndexRow[];
  vitality: PublishedIndustryIndexRow[];
  /** The methodology's note that undeclared firms are classed by proxy. */
  note: string;
}
