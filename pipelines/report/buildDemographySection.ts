import type { BusinessDemographyRow } from '../marts/types.ts';
import { countCell, fractionPercentCell, per100Cell, suppressedCell, textCell } from './formatCell.ts';
import { isWithheld, withFootnotes } from './publication.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Cell, ReportSection } from './reportModel.ts';

/** A rate is published only when its denominator counts at least `min` enterprises (§6). */
function rate(
  value: number | null,
  denominator: number,
  min: number,
  cell: (v: number | null) => Cell,
): Cell {
  if (value !== null && isWithheld(denominator, min)) return suppressedCell();
  return cell(value);
}

function demographyRow(r: BusinessDemographyRow, min: number): Cell[] {
  return [
    countCell(r.active),
    countCell(r.births),
    countCell(r.deaths),
    countCell(r.conversions),
    countCell(r.upgrades),
    rate(r.birth_rate, r.active, min, per100Cell),
    rate(r.death_rate, r.active, min, per100Cell),
    rate(r.survival_1y, r.cohort_1y, min, fractionPercentCell),
    rate(r.survival_3y, r.cohort_3y, min, fractionPercentCell),
    rate(r.opening_rate, r.new_enterprises, min, fractionPercentCell),
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

/** "2020年末全市在营小微企业 7,750 家；当年新设 900 家、注销 500 家，新设与注销相抵净增 400 家…" */
export function demographySentence(
  year: number,
  subject: string,
  r: BusinessDemographyRow | undefined,
): string {
  if (!r) return `${year}年${subject}暂无企业人口数据。`;
  const net = r.births - r.deaths;
  const netText =
    net === 0 ? '新设与注销持平' : `新设与注销相抵净${net > 0 ? '增' : '减'} ${fmt(Math.abs(net))} 家`;
  return (
    `${year}年末${subject}在营小微企业 ${fmt(r.active)} 家；当年新设 ${fmt(r.births)} 家、注销 ${fmt(r.deaths)} 家，${netText}；` +
    // Upgrades are unknown (null) in the first data year: say nothing rather than print a 0.
    `个转企 ${fmt(r.conversions)} 家${r.upgrades === null ? '' : `，小升规 ${fmt(r.upgrades)} 家`}。`
  );
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
                ...demographyRow(r, ctx.min),
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
      rows: history.map((r) => [textCell(String(r.year)), ...demographyRow(r, ctx.min)]),
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
