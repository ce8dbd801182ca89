/** Stage progress for a run; the terminal gets a one-line bar, everything else gets nothing. */
export interface Progress {
  step(label: string, index: number, total: number): void;
  done(): void;
}

export const silentProgress: Progress = { step() {}, done() {} };

/**
 * A tiny TTY progress line on `out` (stderr): `[######----] 3/5 build`. Use only when the stream is a terminal
 * and not CI (see isInteractive in pipelines/cli/io.ts); otherwise pass silentProgress.
 */
export function ttyProgress(out: { write(s: string): unknown }, width = 20): Progress {
  let drawn = false;
  return {
    step(label, index, total) {
      const filled = Math.round((index / total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      out.write(`\r\x1b[2K[${bar}] ${index}/${total} ${label}`);
      drawn = true;
    },
    done() {
      if (drawn) out.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
