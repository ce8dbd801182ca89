// Mart rows as outputs receive them: a withheld value is already null, and `withheld` says why, so no output
// can print a value the layer withheld, whatever it does with the row.
import type { IndexRow } from '../marts/types.ts';
import type { DemographyMeasure } from './demographyCells.ts';
import type { Withheld } from './suppressCells.ts';

/** An index row: `value` null when missing or withheld; `raw_value` kept only for a publishable dropped indicator. */
export type PublishedIndexRow = Omit<IndexRow, 'n_enterprises'> & {
  withheld: Withheld | null;
  /** Set when the raw value of a dropped indicator is withheld (raw_value is then null). */
  raw_withheld: Withheld | null;
};

/** A business-demography row: every measure null when missing or withheld; `withheld` names the withheld ones. */
export type PublishedDemographyRow = { year: number; region_code: string } & Record<
  DemographyMeasure,
  number | null
> & { withheld: Partial<Record<DemographyMeasure, Withheld>> };
