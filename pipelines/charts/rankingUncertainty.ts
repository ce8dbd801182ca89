import type { RankingName } from '../publish/martData.ts';
import type { PublishedRankInterval } from '../publish/publishUncertainty.ts';
import type { ChartData } from './chartData.ts';

/** One ranking's rank intervals in the report year and the draws behind them (methodology §11). */
export function rankingUncertainty(
  data: ChartData,
  index: RankingName,
): { intervals: PublishedRankInterval[]; draws: number | null } {
  const u = data.uncertainty;
  return {
    intervals: u?.intervals.filter((r) => r.index_name === index && r.year === data.year) ?? [],
    draws: u?.settings.find((s) => s.index_name === index)?.draws ?? null,
  };
}
