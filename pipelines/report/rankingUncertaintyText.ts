import { rankIntervalLabel } from '../charts/rankingChart.ts';
import type { RankingName } from '../publish/martData.ts';
import { publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import type { PublishedRankInterval, PublishedSobolRow } from '../publish/publishUncertainty.ts';
import { indexName } from './buildIndexSection.ts';
import { countCell, fixed, roundTo, suppressedCell, textCell } from './formatCell.ts';
import type { ReportContext } from './reportContext.ts';
import type { Block, Cell, ReportTable } from './reportModel.ts';
import { UNCERTAIN_INPUT_LABELS, WITHIN_UNCERTAINTY } from './uncertaintyLabels.ts';

const RANKINGS: RankingName[] = ['growth', 'vitality', 'scorecard'];

function rankingName(ctx: ReportContext, ranking: RankingName): string {
  return ranking === 'scorecard' ? '“8631”计划综合得分' : indexName(ctx, ranking);
}

function intervalsOf(ctx: ReportContext, ranking: RankingName): PublishedRankInterval[] {
  return (ctx.data.uncertainty?.intervals ?? []).filter(
    (r) => r.index_name === ranking && r.year === ctx.year,
  );
}

function sobolOf(ctx: ReportContext, ranking: RankingName): PublishedSobolRow[] {
  return (ctx.data.uncertainty?.sobol ?? []).filter((r) => r.index_name === ranking && r.year === ctx.year);
}

/**
 * Pairs of counties adjacent in the published order whose 5–95 % rank intervals overlap, so that the order
 * between them is within the methodological uncertainty (methodology §11). Pure.
 */
export function overlappingNeighbours(
  intervals: readonly PublishedRankInterval[],
): [PublishedRankInterval, PublishedRankInterval][] {
  const shown = intervals
    .filter((r) => r.rank_p05 !== null && r.rank_p95 !== null)
    .sort((a, b) => a.nominal_rank - b.nominal_rank || (a.region_code < b.region_code ? -1 : 1));
  const pairs: [PublishedRankInterval, PublishedRankInterval][] = [];
  for (let i = 1; i < shown.length; i++) {
    const [a, b] = [shown[i - 1], shown[i]];
    if ((b.rank_p05 ?? 0) <= (a.rank_p95 ?? 0) && (a.rank_p05 ?? 0) <= (b.rank_p95 ?? 0)) pairs.push([a, b]);
  }
  return pairs;
}

/** The input with the largest total Sobol index, or null when no draw moves a rank. */
export function strongestInput(sobol: readonly PublishedSobolRow[]): PublishedSobolRow | null {
  const valued = sobol.filter((r) => r.total_order !== null);
  if (valued.length === 0) return null;
  return valued.reduce((best, r) => ((r.total_order ?? 0) > (best.total_order ?? 0) ? r : best));
}

/** One ranking's sentence: which neighbours' order is within the uncertainty, and what moves ranks most. */
export function rankingUncertaintySentence(ctx: ReportContext, ranking: RankingName): string | null {
  const intervals = intervalsOf(ctx, ranking);
  if (intervals.length === 0) return null;
  const name = rankingName(ctx, ranking);
  if (intervals.some((r) => r.withheld !== null)) return `${name}：位次区间随未显示的总指数一并不予显示。`;
  const names = new Map(ctx.data.regions.map((r) => [r.region_code, r.name_zh]));
  const pairs = overlappingNeighbours(intervals);
  const order =
    pairs.length === 0
      ? '相邻区县的5%—95%位次区间互不重叠，排序不受所列方法选择影响'
      : `${pairs.map(([a, b]) => `${names.get(a.region_code)}与${names.get(b.region_code)}`).join('、')}的${WITHIN_UNCERTAINTY}（5%—95%位次区间重叠）`;
  const top = strongestInput(sobolOf(ctx, ranking));
  const driver =
    top === null
      ? '各抽样中位次均不变'
      : `对位次影响最大的是${UNCERTAIN_INPUT_LABELS[top.input]}，总效应指数 ${fixed(top.total_order ?? 0, 2)}`;
  const focus = intervals.find((r) => r.region_code === ctx.focus.region_code);
  const own =
    focus && focus.rank_p05 !== null && focus.rank_p95 !== null
      ? `${ctx.focus.name_zh}列第${focus.nominal_rank}位，5%—95%位次区间为${rankIntervalLabel(focus.rank_p05, focus.rank_p95)}；`
      : '';
  return `${name}：${own}${order}；${driver}。`;
}

function rankCells(interval: PublishedRankInterval | undefined): Cell[] {
  if (!interval)
    return [
      { text: '…', value: null },
      { text: '…', value: null },
    ];
  if (interval.withheld) return [suppressedCell(), suppressedCell()];
  const label =
    interval.rank_p05 === null || interval.rank_p95 === null
      ? null
      : rankIntervalLabel(interval.rank_p05, interval.rank_p95);
  return [countCell(interval.nominal_rank), label === null ? { text: '…', value: null } : textCell(label)];
}

/** 区县排序的不确定性: each county's rank and 5–95 % rank interval in the three rankings. */
function uncertaintyTable(ctx: ReportContext): ReportTable {
  const byRanking = new Map(RANKINGS.map((r) => [r, intervalsOf(ctx, r)]));
  const growth = byRanking.get('growth') ?? [];
  const order = (code: string) =>
    growth.find((r) => r.region_code === code)?.nominal_rank ?? Number.MAX_SAFE_INTEGER;
  const counties = [...ctx.counties].sort(
    (a, b) => order(a.region_code) - order(b.region_code) || (a.region_code < b.region_code ? -1 : 1),
  );
  return withFootnotes(
    {
      id: 'ranking-uncertainty',
      title: `${ctx.year}年区县位次的5%—95%区间（方法不确定性分析）`,
      columns: [
        { label: '区县', numeric: false },
        ...RANKINGS.flatMap((r) => [
          { label: `${rankingName(ctx, r)}位次`, numeric: true },
          { label: '位次区间', numeric: false, nowrap: true },
        ]),
      ],
      rows: counties.map((c) => [
        textCell(c.name_zh, c.region_code === ctx.focus.region_code ? 'focus' : undefined),
        ...RANKINGS.flatMap((r) => rankCells(byRanking.get(r)?.find((i) => i.region_code === c.region_code))),
      ]),
      footnotes: [
        '位次区间为各抽样方案下位次的第5至第95百分位数（线性插值，可为小数）；区间重叠表示两县的先后在方法选择的合理范围内可以互换。',
      ],
    },
    ctx.min,
  );
}

function drawsText(ctx: ReportContext): string {
  const draws = ctx.data.uncertainty?.settings[0]?.draws;
  return draws ? `${draws}次` : '';
}

/** The ranking section's blocks on methodology §11, or none when the warehouse has no uncertainty marts. */
export function rankingUncertaintyBlocks(ctx: ReportContext): Block[] {
  const items = RANKINGS.map((r) => rankingUncertaintySentence(ctx, r)).filter(
    (s): s is string => s !== null,
  );
  if (items.length === 0) return [];
  return [
    { kind: 'subheading', text: '排名的方法不确定性' },
    {
      kind: 'para',
      text: `排名随方法选择而变。按方法说明，在${drawsText(ctx)}抽样中同时改变模块与指标权重、平均方法和指标取舍（“8631”计划得分只改变指标权重），重算各区县位次，得到每个位次的5%—95%区间：`,
    },
    { kind: 'list', items },
    { kind: 'table', table: uncertaintyTable(ctx) },
  ];
}

/** A Sobol index to two fixed decimals (0.10, not 0.1: the column compares them). */
function sobolCell(v: number): Cell {
  return { text: fixed(v, 2), value: roundTo(v, 2) };
}

/** 方法说明's table of Sobol indices: how much of the rank shifts each input explains, per ranking. */
export function sobolTable(ctx: ReportContext): ReportTable | null {
  const rows = RANKINGS.flatMap((r) => sobolOf(ctx, r).map((s) => ({ ranking: r, s })));
  if (rows.length === 0) return null;
  return withFootnotes(
    {
      id: 'methodology-sensitivity',
      title: `${ctx.year}年排名对方法选择的敏感度（Sobol 指数）`,
      columns: [
        { label: '排名', numeric: false },
        { label: '不确定的方法选择', numeric: false },
        { label: '一阶指数', numeric: true },
        { label: '总效应指数', numeric: true },
      ],
      rows: rows.map(({ ranking, s }) => [
        textCell(rankingName(ctx, ranking)),
        textCell(UNCERTAIN_INPUT_LABELS[s.input]),
        publishedCell(s.first_order, s.withheld, sobolCell),
        publishedCell(s.total_order, s.withheld, sobolCell),
      ]),
      footnotes: [
        `输出为各区县位次相对公布位次的平均绝对变动；${drawsText(ctx)}基本抽样、N×(d+2) 次方案的 Saltelli 设计（同 COINr get_sensitivity），一阶指数按 Saltelli（2010）估计，总效应指数按 Jansen 估计。一阶指数为该选择单独造成的位次变动方差占比，总效应指数另含其与其他选择的交互作用；估计值有抽样误差，可略小于 0 或略大于 1。位次在所有方案下均不变时无指数（“…”）。`,
      ],
    },
    ctx.min,
  );
}
