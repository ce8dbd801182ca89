import type { ReportContext } from './reportContext.ts';

/** The scorecard period shown: the report year's end, else the latest earlier period end (plan ended 2020). */
export function latestScorecardPeriod(ctx: ReportContext): string | null {
  const periods = [...new Set(ctx.data.scorecard.map((r) => r.period_end))]
    .filter((p) => p <= `${ctx.year}-12-31`)
    .sort();
  return periods.at(-1) ?? null;
}
