/** One row of a COINr-style iMeta table: an indicator, an aggregate, a group column or a denominator column. */
export interface IMetaRow {
  /** 1 for indicators, 2.. for aggregates; null for Group/Denominator rows. */
  level: number | null;
  iCode: string;
  iName: string;
  /** 1 = higher is better, −1 = higher is worse; null for Group/Denominator rows. */
  direction: 1 | -1 | null;
  /** Relative weight inside the parent; null for Group/Denominator rows. */
  weight: number | null;
  unit?: string | null;
  target?: number | null;
  /** For an indicator: the iData denominator column it is divided by (when denomination is on). */
  denominator?: string | null;
  /** iCode of the aggregate one level up; null/absent for the root. */
  parent?: string | null;
  type: 'Indicator' | 'Aggregate' | 'Group' | 'Denominator';
}

/** A cell value: a double, or null for missing. The engine never stores NaN in its results. */
export type Cell = number | null;

/** One unit (or unit-year for panel data) of iData. */
export interface EngineUnitRow {
  uCode: string;
  /** Time point (year) for panel data; null when the data has no Time column. */
  time: number | null;
  /** Group columns (e.g. EurAsia_group): value or null when missing. */
  groups: Record<string, string | null>;
  /** Denominator columns (e.g. Population): value or null when missing. */
  denominators: Record<string, Cell>;
  /** Indicator values keyed by iCode; an absent key is missing. */
  values: Record<string, Cell>;
}

export interface EngineDataset {
  rows: EngineUnitRow[];
  /** True when the Time column exists and takes at least two distinct values (outputs then carry Time). */
  panel: boolean;
}

/** Why an indicator value (or aggregate) of one unit-time is missing in the result. */
export type DropReason =
  | 'value_missing'
  | 'value_nonpositive'
  | 'base_missing'
  | 'base_nonpositive'
  | 'denominator_missing'
  | 'denominator_zero'
  | 'zero_spread'
  | 'no_children'
  | 'child_nonpositive';

/** Columnar working table: row keys plus one column per indicator (aligned with `keys`). */
export interface Frame {
  keys: { uCode: string; time: number | null }[];
  columns: Record<string, Cell[]>;
}

/** Per-cell reasons aligned with a Frame's columns (null = value present or imputed). */
export type ReasonColumns = Record<string, (DropReason | null)[]>;
