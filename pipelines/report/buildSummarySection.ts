import { withFootnotes } from '../publish/publishedCell.ts';
import { demographySentence } from './buildDemographySection.ts';
import { indexHeadline, indexLookup, indexName } from './buildIndexSection.ts';
import { scorecardSentence } from './buildScorecardSection.ts';
import { textCell } from './formatCell.ts';
import { indexSourceNote } from './indexSourceNote.ts';
import type { ReportContext } from './reportContext.ts';
import type { ReportSection } from './reportModel.ts';
import { latestScorecardPeriod } from './scorecardPeriod.ts';

/** 摘要: the headline sentences, all generated from the marts, and the headline table. */
export function buildSummarySection(ctx: ReportContext, number: string): ReportSection {
  const growth = indexLookup(ctx, 'growth');
  const vitality = indexLookup(ctx, 'vitality');
  const period = latestScorecardPeriod(ctx);
  const focus = ctx.focus.region_code;
  const sentences = [
    indexHeadline(ctx, 'growth'),
    indexHeadline(ctx, 'vitality'),
    demographySentence(
      ctx.year,
      ctx.subject,
      ctx.data.demography.find((r) => r.year === ctx.year && r.region_code === focus),
    ),
  ];
  if (period) {
    const rows = ctx.data.scorecard.filter((r) => r.period_end === period && r.region_code === focus);
    sentences.push(scorecardSentence(period, ctx.subject, rows, ctx.counties.length));
  }
  const rows = [ctx.city, ...ctx.counties].map((r) => [
    textCell(r.name_zh, r.region_code === focus ? 'focus' : undefined),
    growth.cell(ctx.year, r.region_code, 'total'),
    growth.changeCell(ctx.year, r.region_code, 'total'),
    vitality.cell(ctx.year, r.region_code, 'total'),
    vitality.changeCell(ctx.year, r.region_code, 'total'),
  ]);
  return {
    id: 'summary',
    number,
    title: '摘要',
    appendix: false,
    blocks: [
      { kind: 'list', items: sentences },
      {
        kind: 'table',
        table: withFootnotes(
          {
            id: 'summary-headline',
            title: `${ctx.year}年主要指数（${ctx.meta.methodology.baseYear}年 = 100）`,
            columns: [
              { label: '地区', numeric: false },
              { label: indexName(ctx, 'growth'), numeric: true },
              { label: '比上年（点）', numeric: true },
              { label: indexName(ctx, 'vitality'), numeric: true },
              { label: '比上年（点）', numeric: true },
            ],
            rows,
            footnotes: [indexSourceNote(['growth_index', 'vitality_index'])],
          },
          ctx.min,
        ),
      },
    ],
  };
}
