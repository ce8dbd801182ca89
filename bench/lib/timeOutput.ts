/** Format given to `/usr/bin/time -f`: elapsed seconds, user and system CPU seconds, max RSS of one process (KB). */
export const TIME_FORMAT = 'XWBENCH_TIME wall=%e user=%U sys=%S maxrss_kb=%M exit=%x';

export interface TimeReport {
  wallSeconds: number;
  /** user + system CPU seconds of the child and every descendant it waited for (getrusage RUSAGE_CHILDREN) */
  cpuSeconds: number;
  /** largest RSS of any single process in the tree (not the sum) */
  maxRssBytes: number;
  exitCode: number;
}

/** Reads the line written by `/usr/bin/time -o FILE -f TIME_FORMAT`; null when absent (e.g. killed by a signal). */
export function parseTimeOutput(text: string): TimeReport | null {
  const m = /XWBENCH_TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+) maxrss_kb=(\d+) exit=(-?\d+)/.exec(text);
  if (!m) return null;
  return {
    wallSeconds: Number(m[1]),
    cpuSeconds: Number(m[2]) + Number(m[3]),
    maxRssBytes: Number(m[4]) * 1024,
    exitCode: Number(m[5]),
  };
}
