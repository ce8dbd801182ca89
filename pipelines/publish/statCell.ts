// The publication layer's unit: one published statistic (a "cell") and what it is built from. Every public
// output (report tables and charts, dashboard, bulletin) shows cells only through the decisions the layer
// takes on them, so the rule of methodology §6 is enforced in one place.

/**
 * What a published value rests on (methodology §6 "computed from fewer than N enterprises"):
 * - `enterprises`: the sizes of the enterprise sets it is computed from; a count rests on itself, a rate on
 *   its numerator and its denominator, an index value on the enterprises of year t and of the base year.
 *   It is withheld when any of them holds 1..N−1 enterprises (an empty set, 0, is a safe zero).
 * - `plan`: plan data reported by the departments ("8631"), with no enterprise count: never withheld.
 * - `cells`: an aggregate of other cells (a module of its indicators, a total of its modules): withheld when
 *   every present one of them is (the union of their enterprises is then not known to reach N).
 */
export type BuiltFrom =
  | { kind: 'enterprises'; counts: number[] }
  | { kind: 'plan' }
  | { kind: 'cells'; keys: string[] };

export interface StatCell {
  /** Stable identity, e.g. 'd|330502|2020|births' (see cellKeys.ts). */
  key: string;
  /** The value; null = missing ("…"), which is never withheld and takes no part in relations. */
  value: number | null;
  builtFrom: BuiltFrom;
  /** Cost class for secondary suppression: lower classes are withheld first (see SUPPRESSION_TIERS). */
  tier: number;
  /** Tie-break within a tier: smaller is withheld first (a count's value, the enterprises behind a rate…). */
  size: number;
}

/**
 * Published values that determine each other, so that a withheld one could be recovered from the others:
 * - `sum`: members[0] = the sum of the others (plus parts the reader is assumed to know, such as firms
 *   registered at city level); `parts` = the enterprises each member contributes.
 * - `mean`: members[0] = a weighted mean of the others with published weights (module of its indicators).
 * - `ratio`: any member follows from all the others (a rate beside its numerator and denominator, an index
 *   value beside the counts it is 100 × the ratio of, a value printed twice).
 */
export interface Relation {
  id: string;
  kind: 'sum' | 'mean' | 'ratio';
  members: string[];
  /** `sum` only, aligned with members: the enterprises each member stands for. */
  parts?: number[];
}

/** Secondary-suppression cost classes: the cheapest class that protects a relation is withheld first. */
export const SUPPRESSION_TIERS = {
  /** An index indicator whose input X is not published elsewhere (A2–A5, B…, V2b…). */
  indicator: 0,
  /** A raw value of a dropped indicator (methodology appendix). */
  rawValue: 1,
  /** An index module. */
  module: 2,
  /** An index indicator whose input X is a published count or rate (A1, C1–C4, V1a, V1b, V2a, V3a, V3b). */
  linkedIndicator: 3,
  /** A demography rate (birth, death, survival, opening) or cohort size. */
  rate: 4,
  /** A demography count of a county. */
  count: 5,
  /** An index total (the headline figures). */
  total: 6,
  /** Added to any cell of the city: city figures are withheld last. */
  cityBonus: 10,
} as const;

/** True when `n` enterprises are too few to publish: 1..min−1 (0 is an empty cell, safe as in sdcTable). */
export function isTooFew(n: number, min: number): boolean {
  return n > 0 && n < min;
}
