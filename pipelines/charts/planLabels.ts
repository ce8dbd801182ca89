// Plan ("8631") helpers shared by the scorecard heat map and the progress bullets.
import type { ScorecardRow } from '../marts/types.ts';
import type { PlanIndicatorInfo } from './chartData.ts';
import type { StatusLabel } from './theme.ts';

/** '3. 新设小微企业数量' — numbered as in the plan's annex. */
export function indicatorLabel(info: PlanIndicatorInfo | undefined, no: number): string {
  return info ? `${no}. ${info.name_zh}` : `${no}. 指标${no}`;
}

export function statusLabel(row: ScorecardRow): StatusLabel {
  return row.status ?? '无数据';
}

/** Period end of a report year: the scorecard rows of 31 December. */
export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

export function planIndicatorMap(indicators: readonly PlanIndicatorInfo[]): Map<number, PlanIndicatorInfo> {
  return new Map(indicators.map((i) => [i.indicator_no, i]));
}
