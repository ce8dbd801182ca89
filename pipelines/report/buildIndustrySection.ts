import type { IndustryIndexData } from '../charts/chartData.ts';
import type { PublishedIndustryIndexRow } from '../publish/industryIndexCells.ts';
import { derivedCell, publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import { changeCell, indexCell, textCell } from './formatCell.ts';
import { indexSourceNote } from './indexSourceNote.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Block, Cell, ReportSection, ReportTable } from './reportModel.ts';

/** The region whose industry rows the report shows: the focus county when it is sliced, else the city. */
export function industryRegion(ctx: ReportContext, industry: IndustryIndexData) {
  const has = (code: string) => industry.growth.some((r) => r.region_code === code);
  return has(ctx.focus.region_code) ? ctx.focus : ctx.city;
}

function totalOf(rows: readonly PublishedIndustryIndexRow[], region: string, industry: string, year: number) {
  return rows.find(
    (r) =>
      r.region_code === region && r.priority_industry === industry && r.year === year && r.level === 'total',
  );
}

/** Total index of year t and its change on t−1, through the publication layer (withheld → "—"). */
function indexCells(
  rows: readonly PublishedIndustryIndexRow[],
  region: string,
  industry: string,
  year: number,
): Cell[] {
  const now = totalOf(rows, region, industry, year);
  const before = totalOf(rows, region, industry, year - 1);
  return [
    publishedCell(now?.value, now?.withheld, indexCell),
    derivedCell(
      [
        { value: now?.value, withheld: now?.withheld },
        { value: before?.value, withheld: before?.withheld },
      ],
      ([a, b]) => a - b,
      changeCell,
    ),
  ];
}

/**
 * 八大万亿产业: the growth and vitality totals of each priority industry (methodology §8) for the report year, with
 * the proxy note. Null when the warehouse has no industry marts.
 */
export function buildIndustrySection(ctx: ReportContext, number: string): ReportSection | null {
  const industry = ctx.data.industry;
  if (!industry) return null;
  const region = industryRegion(ctx, industry);
  const growthName = ctx.meta.methodology.growthNameZh;
  const vitalityName = ctx.meta.methodology.vitalityNameZh;
  const table: ReportTable = {
    id: 'industry-indices',
    title: `${ctx.year}年${region.name_zh}八大万亿产业小微企业指数（${ctx.data.baseYear}年=100）`,
    columns: [
      { label: '产业', numeric: false },
      { label: growthName, numeric: true },
      { label: '较上年', numeric: true },
      { label: vitalityName, numeric: true },
      { label: '较上年', numeric: true },
    ],
    rows: industry.industries.map((k) => [
      textCell(k),
      ...indexCells(industry.growth, region.region_code, k, ctx.year),
      ...indexCells(industry.vitality, region.region_code, k, ctx.year),
    ]),
    footnotes: [
      industry.note,
      indexSourceNote(['growth_index_by_industry', 'vitality_index_by_industry']),
    ].filter((n) => n !== ''),
  };
  const blocks: Block[] = [
    {
      kind: 'para',
      text:
        `按八大万亿产业分别计算${region.name_zh}小微企业的${growthName}与${vitalityName}，计算方法与分地区指数相同。` +
        '未申报所属产业的企业按国民经济行业代码代理归类。',
    },
    { kind: 'table', table: withFootnotes(table, ctx.min) },
    ...chartsOf(ctx, 'industry').map((chart): Block => ({ kind: 'chart', chart })),
  ];
  return { id: 'industry', number, title: '八大万亿产业指数', appendix: false, blocks };
}
