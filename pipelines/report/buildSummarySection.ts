import { demographySentence } from './buildDemographySection.ts';
import { indexHeadline, indexLookup, indexName } from './buildIndexSection.ts';
import { scorecardSentence } from './buildScorecardSection.ts';
import { changeCell, textCell } from './formatCell.ts';
import { withFootnotes } from './publication.ts';
import type { ReportContext } from './reportContext.ts';
import type { Cell, ReportSection } from './reportModel.ts';
import { latestScorecardPeriod } from './scorecardPeriod.ts';
import { printedChange } from './summarySentences.ts';

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
  const change = (l: typeof growth, code: string): Cell => {
    const cur = l.value(ctx.year, code, 'total');
    const prev = l.value(ctx.year - 1, code, 'total');
    return changeCell(printedChange(cur, prev));
  };
  const rows = [ctx.city, ...ctx.counties].map((r) => [
    textCell(r.name_zh, r.region_code === focus ? 'focus' : undefined),
    growth.cell(ctx.year, r.region_code, 'total'),
    change(growth, r.region_code),
    vitality.cell(ctx.year, r.region_code, 'total'),
    change(vitality, r.region_code),
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
            footnotes: [],
          },
          ctx.min,
        ),
      },
    ],
  };
}
