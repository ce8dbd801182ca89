import type { DemographyMeasure } from '../publish/demographyCells.ts';
import { publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import type { PublishedDemographyRow } from '../publish/publishedRows.ts';
import { countCell, fractionPercentCell, per100Cell, textCell } from './formatCell.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Cell, ReportSection } from './reportModel.ts';

/** One table row; which values are withheld (counts of 1–2 firms, rates resting on them…) the layer decided. */
function demographyRow(r: PublishedDemographyRow): Cell[] {
  const c = (m: DemographyMeasure, format: (v: number) => Cell) => publishedCell(r[m], r.withheld[m], format);
  return [
    c('active', countCell),
    c('births', countCell),
    c('deaths', countCell),
    c('conversions', countCell),
    c('upgrades', countCell),
    c('birth_rate', per100Cell),
    c('death_rate', per100Cell),
    c('survival_1y', fractionPercentCell),
    c('survival_3y', fractionPercentCell),
    c('opening_rate', fractionPercentCell),
  ];
}

const COLUMNS = [
  { label: '年末在营', numeric: true },
  { label: '新设', numeric: true },
  { label: '注销', numeric: true },
  { label: '个转企', numeric: true },
  { label: '小升规', numeric: true },
  { label: '新设率', numeric: true },
  { label: '注销率', numeric: true },
  { label: '一年存活率', numeric: true },
  { label: '三年存活率', numeric: true },
  { label: '开业率', numeric: true },
];

function fmt(n: number): string {
  return countCell(n).text;
}

/**
 * "2020年末全市在营小微企业 7,750 家；当年新设 900 家、注销 500 家，新设与注销相抵净增 400 家…". Withheld counts
 * are named, never printed, and the net change is said only when both its parts are published.
 */
export function demographySentence(
  year: number,
  subject: string,
  r: PublishedDemographyRow | undefined,
): string {
  if (!r) return `${year}年${subject}暂无企业人口数据。`;
  const hidden: string[] = [];
  const shown = (m: DemographyMeasure, name: string): number | null => {
    if (r.withheld[m]) hidden.push(name);
    return r[m];
  };
  const clauses: string[] = [];
  const active = shown('active', '在营');
  if (active !== null) clauses.push(`${year}年末${subject}在营小微企业 ${fmt(active)} 家`);
  const births = shown('births', '新设');
  const deaths = shown('deaths', '注销');
  const flows = [
    ...(births === null ? [] : [`新设 ${fmt(births)} 家`]),
    ...(deaths === null ? [] : [`注销 ${fmt(deaths)} 家`]),
  ];
  if (births !== null && deaths !== null) {
    const net = births - deaths;
    const netText =
      net === 0 ? '新设与注销持平' : `新设与注销相抵净${net > 0 ? '增' : '减'} ${fmt(Math.abs(net))} 家`;
    clauses.push(`当年${flows.join('、')}，${netText}`);
  } else if (flows.length > 0) clauses.push(`当年${flows.join('、')}`);
  const conversions = shown('conversions', '个转企');
  // Upgrades are unknown (null) in the first data year: say nothing rather than print a 0.
  const upgrades = shown('upgrades', '小升规');
  const moves = [
    ...(conversions === null ? [] : [`个转企 ${fmt(conversions)} 家`]),
    ...(upgrades === null ? [] : [`小升规 ${fmt(upgrades)} 家`]),
  ];
  if (moves.length > 0) clauses.push(moves.join('，'));
  if (hidden.length > 0) clauses.push(`${hidden.join('、')}家数按发布规则不予公布`);
  if (active === null) clauses[0] = `${year}年${subject}${clauses[0]}`;
  return `${clauses.join('；')}。`;
}

/** 企业人口: stock and flows of small and micro enterprises by region, plus the focus region's years. */
export function buildDemographySection(ctx: ReportContext, number: string): ReportSection {
  const rows = ctx.data.demography;
  const ofYear = rows.filter((r) => r.year === ctx.year);
  const regions = [ctx.city, ...ctx.counties];
  const byRegion = withFootnotes(
    {
      id: 'demography-regions',
      title: `${ctx.year}年分地区小微企业人口`,
      columns: [{ label: '地区', numeric: false }, ...COLUMNS],
      rows: regions.flatMap((g) => {
        const r = ofYear.find((x) => x.region_code === g.region_code);
        return r
          ? [
              [
                textCell(g.name_zh, g.region_code === ctx.focus.region_code ? 'focus' : undefined),
                ...demographyRow(r),
              ],
            ]
          : [];
      }),
      footnotes: [
        '新设率、注销率为每百家在营企业；存活率为对应年份新设企业至本年末仍在营的比例；开业率为近三年新设企业中本年有营业收入的比例。',
      ],
    },
    ctx.min,
  );
  const history = rows.filter((r) => r.region_code === ctx.focus.region_code);
  const byYear = withFootnotes(
    {
      id: 'demography-years',
      title: `${ctx.subject}小微企业人口历年变化`,
      columns: [{ label: '年份', numeric: false }, ...COLUMNS],
      rows: history.map((r) => [textCell(String(r.year)), ...demographyRow(r)]),
      footnotes: [],
    },
    ctx.min,
  );
  return {
    id: 'demography',
    number,
    title: '企业人口',
    appendix: false,
    blocks: [
      {
        kind: 'para',
        text: demographySentence(
          ctx.year,
          ctx.subject,
          ofYear.find((r) => r.region_code === ctx.focus.region_code),
        ),
      },
      ...chartsOf(ctx, 'demography').map((chart) => ({ kind: 'chart' as const, chart })),
      { kind: 'table', table: byRegion },
      { kind: 'table', table: byYear },
    ],
  };
}
