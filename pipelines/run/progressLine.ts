import type { ProgressBar } from '../cli/progressBar.ts';

/** A run's progress: which stage it is in, and how far that stage has got. */
export interface Progress {
  step(label: string, index: number, total: number): void;
  /**
   * Within the current stage: share done (null: unknown), rows processed so far, what runs now. Absent when
   * nothing is shown, so stages do not even measure.
   */
  within?(fraction: number | null, rows?: number, what?: string): void;
  done(): void;
}

export const silentProgress: Progress = { step() {}, done() {} };

/**
 * A run on the CLI's one progress bar (pipelines/cli/progressBar.ts): `run 2/5 build: mart.enterprise_year`,
 * the bar, rows per second and time left following the current stage.
 */
export function runProgressBar(bar: ProgressBar): Progress {
  let stage = '';
  return {
    step(label, index, total) {
      stage = `run ${index}/${total} ${label}`;
      bar.update({ label: stage, fraction: 0 });
    },
    within(fraction: number | null, rows?: number, what?: string) {
      bar.update({ label: what ? `${stage}: ${what}` : stage, fraction, rows });
    },
    done() {
      bar.done();
    },
  };
}
