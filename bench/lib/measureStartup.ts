import type { Cost } from './resultRow.ts';

/**
 * The start-up row from repeated runs of `xiaowei --help`: the median wall and CPU time (one run is ~0.2 s,
 * so a single sample is mostly noise on a shared machine) and the largest peak memory. Pure.
 */
export function startupCost(runs: readonly Cost[]): Cost {
  const ok = runs.filter((r) => r.ok);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0
      ? 0
      : s.length % 2
        ? s[(s.length - 1) / 2]
        : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return {
    label: `xiaowei --help (median of ${ok.length})`,
    wallSeconds: median(ok.map((r) => r.wallSeconds)),
    cpuSeconds: median(ok.map((r) => r.cpuSeconds)),
    peakTreeRssBytes: Math.max(0, ...ok.map((r) => r.peakTreeRssBytes)),
    ok: ok.length === runs.length && ok.length > 0,
    note: ok.length === runs.length ? undefined : `${runs.length - ok.length} of ${runs.length} runs failed`,
  };
}
