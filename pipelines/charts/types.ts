import type { TopLevelSpec } from 'vega-lite';

export type ChartSection =
  | 'growth'
  | 'ranking'
  | 'vitality'
  | 'industry'
  | 'demography'
  | 'paths'
  | 'plan'
  | 'monitor';

/** One chart of the annual report, in report order. */
export interface NamedChart {
  /** Stable file stem, e.g. 'growth-trend' (written as <id>.vl.json/.svg/.png). */
  id: string;
  title: string;
  section: ChartSection;
  spec: TopLevelSpec;
}

/** What a chart builder's caller may want beside the spec: the footnote count of hidden values. */
export interface ChartMeta {
  /** Values not charted because fewer than minEnterprises enterprises stand behind them. */
  suppressedCells: number;
  /** Values the marts hold as missing (dropped indicators, missing status) and so not charted. */
  missingCells: number;
}
