import type { QueryProgress } from '../db/withQueryProgress.ts';
import type { Model } from './modelFile.ts';

/** Where a build is, for a progress bar. */
export interface BuildProgress {
  /** What runs now: a model's name, or `indices`. */
  step: string;
  /** 1-based position of the step, and how many steps there are. */
  index: number;
  total: number;
  /** Share of the whole build done, 0–1. */
  fraction: number;
  /** Rows the running statement has processed (DuckDB's count), when known. */
  rows?: number;
}

/**
 * Each step's share of the build: a table model counts 1, a view ~0 (creating it runs nothing; its cost
 * falls on the tables that read it), and the indices with their checks count 1.
 */
export function stepWeights(models: readonly Pick<Model, 'materialized'>[]): number[] {
  return [...models.map((m) => (m.materialized === 'view' ? 0.01 : 1)), 1];
}

/**
 * Share of the build done while step `index` (0-based) has done `stepFraction` of its own work.
 * Example: weights [1, 1, 2], step 1 half done → (1 + 0.5) / 4 = 0.375.
 */
export function buildFraction(weights: readonly number[], index: number, stepFraction: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  const before = weights.slice(0, index).reduce((s, w) => s + w, 0);
  return total > 0
    ? Math.min(1, (before + weights[index] * Math.min(1, Math.max(0, stepFraction))) / total)
    : 1;
}

/** Turns DuckDB's progress of one step's statement into the build's progress. */
export function stepProgress(
  weights: readonly number[],
  index: number,
  step: string,
  q: QueryProgress,
): BuildProgress {
  return {
    step,
    index: index + 1,
    total: weights.length,
    fraction: buildFraction(weights, index, q.fraction ?? 0),
    rows: q.rows,
  };
}
