// Row shapes of the published marts (issue #3 §2). Reports, charts, notebooks and external checks read
// these tables by these names; change them only together with the SQL in sql/marts and sql/indices.

/** mart.business_demography — one row per region per year. Rates: birth/death per 100; others fractions 0–1. */
export interface BusinessDemographyRow {
  year: number;
  region_code: string;
  active: number;
  births: number;
  deaths: number;
  conversions: number;
  /** Null in the first data year: there is no t−1 to test scope in. */
  upgrades: number | null;
  birth_rate: number | null;
  death_rate: number | null;
  survival_1y: number | null;
  survival_2y: number | null;
  survival_3y: number | null;
  opening_rate: number | null;
  /** Births of t−1/t−2/t−3 (cohort sizes behind survival_1y..3y) and new enterprises behind opening_rate. */
  cohort_1y: number;
  cohort_2y: number;
  cohort_3y: number;
  new_enterprises: number;
}

export type IndexLevel = 'indicator' | 'module' | 'total';

/** mart.growth_index and mart.vitality_index — long format, one row per version, year, region, level, code. */
export interface IndexRow {
  methodology_version: string;
  year: number;
  region_code: string;
  level: IndexLevel;
  /** e.g. 'A2', 'A', 'total' */
  code: string;
  /** X before indexing (indicator level only). */
  raw_value: number | null;
  /** Index value, base year = 100; null when dropped. */
  value: number | null;
  dropped_reason: string | null;
  /** Number of enterprises behind raw_value (publication rule: < 3 is suppressed). Null for plan data. */
  n_enterprises: number | null;
}

export type ScoreStatus = '正常' | '滞后' | '严重滞后';

/** mart.plan_scorecard — one row per period end, region, indicator. */
export interface ScorecardRow {
  methodology_version: string;
  period_end: string; // ISO date, e.g. '2020-12-31'
  region_code: string;
  indicator_no: number;
  kind: 'stock' | 'annual' | 'cumulative';
  actual: number | null;
  target: number | null;
  completion: number | null;
  expected: number | null;
  score: number | null;
  status: ScoreStatus | null;
  total_score: number | null;
  /** Null for the city (scored, not ranked). */
  rank: number | null;
}
