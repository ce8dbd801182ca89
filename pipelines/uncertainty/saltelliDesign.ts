import type { Rng } from '../generate/random.ts';

/** One scenario of the design. `inputs[i]` holds input i's uniforms in [0, 1). */
export interface DesignRun {
  /** 0-based: block · n + draw. */
  run: number;
  /** 0 = matrix A, 1 = matrix B, 2 + i = A_B^(i) (A with input i taken from B). */
  block: number;
  /** Row of A and B this run belongs to, 0-based. */
  draw: number;
  inputs: readonly (readonly number[])[];
}

/**
 * The radial A/B design of Saltelli et al. (2010), as COINr's `SA_sample` builds it
 * (bluefoxr/COINr R/sensitivity.R): n independent rows A, n independent rows B, then for each input i the
 * rows A_B^(i) = A with input i from B — n·(d+2) runs, of which the first n (matrix A) are a plain Monte Carlo
 * sample for the uncertainty analysis. An input may be a group of uniforms (e.g. all module weights), swapped
 * as a whole, so the Sobol indices are group indices. `widths[i]` is the number of uniforms of input i.
 * All of A is drawn before B, row by row, so a seed fixes the design.
 */
export function saltelliDesign(n: number, widths: readonly number[], rng: Rng): DesignRun[] {
  const sample = () =>
    Array.from({ length: n }, () => widths.map((w) => Array.from({ length: w }, rng.next)));
  const a = sample();
  const b = sample();
  const runs: DesignRun[] = [];
  const push = (block: number, rows: (readonly number[])[][]) =>
    rows.forEach((inputs, draw) => {
      runs.push({ run: block * n + draw, block, draw, inputs });
    });
  push(0, a);
  push(1, b);
  widths.forEach((_, i) => {
    push(
      2 + i,
      a.map((row, j) => row.map((u, k) => (k === i ? b[j][k] : u))),
    );
  });
  return runs;
}
