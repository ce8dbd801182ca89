import { withFootnotes } from '../publish/publishedCell.ts';
import { countyRanks, indexLookup, indexName } from './buildIndexSection.ts';
import { countCell, fixed, scoreCell, suppressedCell, textCell } from './formatCell.ts';
import type { IndexLookup } from './indexLookup.ts';
import { rankingUncertaintyBlocks } from './rankingUncertaintyText.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Cell, ReportSection } from './reportModel.ts';
import { latestScorecardPeriod } from './scorecardPeriod.ts';

/** A county's rank: "—" when its total is withheld (ranks are taken among the published totals only). */
function rankCell(rank: number | undefined, lookup: IndexLookup, year: number, code: string): Cell {
  if (lookup.withheld(year, code, 'total')) return suppressedCell();
  return rank === undefined ? { text: '…', value: null } : countCell(rank);
}

/** 区县排序: both index totals and the plan score with ranks (ties share the better rank). */
export function buildRankingSection(ctx: ReportContext, number: string): ReportSection {
  const growth = indexLookup(ctx, 'growth');
  const vitality = indexLookup(ctx, 'vitality');
  const gRanks = countyRanks(ctx, 'growth');
  const vRanks = countyRanks(ctx, 'vitality');
  const period = latestScorecardPeriod(ctx);
  const planRows = ctx.data.scorecard.filter((r) => r.period_end === period);
  const ordered = [...ctx.counties].sort(
    (a, b) =>
      (gRanks.get(a.region_code) ?? Number.MAX_SAFE_INTEGER) -
        (gRanks.get(b.region_code) ?? Number.MAX_SAFE_INTEGER) || a.region_code.localeCompare(b.region_code),
  );
  const rows = ordered.map((c) => {
    const plan = planRows.find((r) => r.region_code === c.region_code);
    return [
      textCell(c.name_zh, c.region_code === ctx.focus.region_code ? 'focus' : undefined),
      growth.cell(ctx.year, c.region_code, 'total'),
      rankCell(gRanks.get(c.region_code), growth, ctx.year, c.region_code),
      vitality.cell(ctx.year, c.region_code, 'total'),
      rankCell(vRanks.get(c.region_code), vitality, ctx.year, c.region_code),
      plan?.total_score === null || plan === undefined
        ? { text: '…', value: null }
        : scoreCell(plan.total_score),
      plan?.rank === null || plan === undefined ? { text: '…', value: null } : countCell(plan.rank),
    ];
  });
  const leader = ordered[0];
  const leaderValue = leader ? growth.value(ctx.year, leader.region_code, 'total') : null;
  const text =
    leader && leaderValue !== null
      ? `${ctx.year}年各区县${indexName(ctx, 'growth')}中，${leader.name_zh}最高（${fixed(leaderValue, 1)}）。排序中并列者取较前位次。`
      : `${ctx.year}年各区县${indexName(ctx, 'growth')}暂无可排序数值。`;
  return {
    id: 'ranking',
    number,
    title: '区县排序',
    appendix: false,
    blocks: [
      { kind: 'para', text },
      ...chartsOf(ctx, 'ranking').map((chart) => ({ kind: 'chart' as const, chart })),
      {
        kind: 'table',
        table: withFootnotes(
          {
            id: 'county-ranking',
            title: `${ctx.year}年区县指数与“8631”计划得分排序`,
            columns: [
              { label: '区县', numeric: false },
              { label: indexName(ctx, 'growth'), numeric: true },
              { label: '位次', numeric: true },
              { label: indexName(ctx, 'vitality'), numeric: true },
              { label: '位次', numeric: true },
              { label: '计划综合得分', numeric: true },
              { label: '位次', numeric: true },
            ],
            rows,
            footnotes: period ? [`计划得分为 ${period} 评价期结果。`] : [],
          },
          ctx.min,
        ),
      },
      ...rankingUncertaintyBlocks(ctx),
    ],
  };
}
