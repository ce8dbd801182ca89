import { formatCount, formatPercent } from '../charts/format.ts';
import { publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import type {
  PublishedFlow,
  PublishedGrowthPaths,
  PublishedHighGrowth,
  PublishedReconciliation,
} from '../publish/publishGrowthPaths.ts';
import {
  amountCell,
  countCell,
  fractionPercentCell,
  missingCell,
  suppressedCell,
  textCell,
} from './formatCell.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Block, Cell, Column, ReportSection, ReportTable } from './reportModel.ts';

const STAGE_COLUMNS = [
  { stage: 'P0', label: '个体工商户' },
  { stage: 'P1', label: '小微企业' },
  { stage: 'P2', label: '规上企业' },
  { stage: 'P3', label: '股份公司' },
  { stage: 'P4', label: '挂牌上市企业' },
] as const;
const FLOW_COLUMNS = [
  { flow: '个转企', board: null, label: '个转企', rate: '个转企率' },
  { flow: '小升规', board: null, label: '小升规', rate: '小升规率' },
  { flow: '规改股', board: null, label: '规改股', rate: '规改股率' },
  { flow: '挂牌上市', board: '新三板', label: '新三板挂牌', rate: null },
  { flow: '挂牌上市', board: '浙江股权交易中心', label: '浙股交挂牌', rate: null },
  { flow: '挂牌上市', board: '上市', label: '上市', rate: null },
] as const;
const INDICATOR_SHORT: Record<number, string> = {
  4: '4 个转企',
  6: '6 规下工业升规上',
  7: '7 新三板、浙股交挂牌',
  8: '8 新增股份公司',
};

const num = (label: string): Column => ({ label, numeric: true });
const regionColumn: Column = { label: '地区', numeric: false };

/** One row per region (city first, then counties), the focus region marked; a region without data is left out. */
function regionRows(ctx: ReportContext, cells: (regionCode: string) => Cell[] | null): Cell[][] {
  return [ctx.city, ...ctx.counties].flatMap((g) => {
    const row = cells(g.region_code);
    return row
      ? [[textCell(g.name_zh, g.region_code === ctx.focus.region_code ? 'focus' : undefined), ...row]]
      : [];
  });
}

/** Years with one decimal (quartiles interpolate between whole years). */
function yearsCell(v: number | null | undefined): Cell {
  return amountCell(v, 1);
}

function flowSentence(ctx: ReportContext, flows: readonly PublishedFlow[]): string {
  const own = flows.filter((f) => f.region_code === ctx.focus.region_code && f.year === ctx.year);
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const c of FLOW_COLUMNS) {
    const f = own.find((x) => x.flow === c.flow && x.board === c.board);
    if (!f || (f.enterprises === null && !f.withheld.enterprises)) continue;
    if (f.enterprises === null) hidden.push(c.label);
    else shown.push(`${c.label} ${formatCount(f.enterprises)} 家`);
  }
  if (shown.length === 0 && hidden.length === 0)
    return `${ctx.year}年${ctx.subject}暂无可比的成长路径流转数据（首个数据年份无上年可比）。`;
  const parts = [...(shown.length ? [`${ctx.year}年${ctx.subject}${shown.join('，')}`] : [])];
  if (hidden.length) parts.push(`${hidden.join('、')}家数按发布规则不予公布`);
  return `${parts.join('；')}。`;
}

function highGrowthSentence(ctx: ReportContext, rows: readonly PublishedHighGrowth[]): string | null {
  const hg = ctx.meta.methodology.growthPaths?.high_growth;
  const r = rows.find(
    (x) => x.region_code === ctx.focus.region_code && x.year === ctx.year && x.measure === 'employment',
  );
  if (!hg || !r) return null;
  const start = ctx.year - hg.years;
  const rule = `${start}—${ctx.year}年从业人员年均增长超过${formatPercent(hg.growth_rate, 0)}`;
  if (r.hge === null || r.share === null)
    return `按就业计，${ctx.subject}${rule}的高成长企业家数按发布规则不予公布。`;
  const gazelles = r.gazelles === null ? '' : `，其中瞪羚企业 ${formatCount(r.gazelles)} 家`;
  const jobs = r.jobs_created === null ? '' : `，合计新增就业 ${formatCount(r.jobs_created)} 人`;
  return `按就业计，${ctx.subject}${rule}的高成长企业 ${formatCount(r.hge)} 家，占${start}年末从业人员 ${hg.min_employees} 人以上小微企业的 ${formatPercent(r.share)}${gazelles}${jobs}。`;
}

function reconciliationRows(ctx: ReportContext, rows: readonly PublishedReconciliation[]): Cell[][] {
  const regions = [ctx.city, ...ctx.counties];
  return regions.flatMap((g) =>
    rows
      .filter((r) => r.region_code === g.region_code && r.year === ctx.year)
      .sort((a, b) => a.indicator_no - b.indicator_no)
      .map((r) => [
        textCell(g.name_zh, g.region_code === ctx.focus.region_code ? 'focus' : undefined),
        textCell(INDICATOR_SHORT[r.indicator_no] ?? String(r.indicator_no)),
        publishedCell(r.registry_value, r.withheld.registry_value, countCell),
        publishedCell(r.reported_value, r.withheld.reported_value, (v) => amountCell(v, 0)),
        publishedCell(r.difference, r.withheld.difference, (v) => amountCell(v, 0)),
        publishedCell(r.ratio, r.withheld.ratio, (v) => amountCell(v, 2)),
        r.withheld.flagged
          ? suppressedCell()
          : r.flagged === null
            ? missingCell()
            : textCell(r.flagged ? '差异较大' : '一致'),
      ]),
  );
}

/** 培育库成长路径 (methodology §9): stages and flows by region, time to 小升规, reconciliation, high growth. */
export function buildGrowthPathSection(ctx: ReportContext, number: string): ReportSection | null {
  const paths: PublishedGrowthPaths | undefined = ctx.data.growthPaths;
  if (!paths) return null;
  const gp = ctx.meta.methodology.growthPaths;
  const table = (t: ReportTable): Block => ({ kind: 'table', table: withFootnotes(t, ctx.min) });
  const stageRow = (region: string): Cell[] =>
    STAGE_COLUMNS.map((c) => {
      const s = paths.stages.find(
        (r) => r.region_code === region && r.year === ctx.year && r.stage === c.stage,
      );
      return publishedCell(s?.enterprises, s?.withheld.enterprises, countCell);
    });
  const flowRow = (region: string): Cell[] =>
    FLOW_COLUMNS.flatMap((c) => {
      const f = paths.flows.find(
        (r) => r.region_code === region && r.year === ctx.year && r.flow === c.flow && r.board === c.board,
      );
      const count = publishedCell(f?.enterprises, f?.withheld.enterprises, countCell);
      return c.rate ? [count, publishedCell(f?.rate, f?.withheld.rate, fractionPercentCell)] : [count];
    });
  const blocks: Block[] = [
    { kind: 'para', text: flowSentence(ctx, paths.flows) },
    ...chartsOf(ctx, 'paths').map((chart) => ({ kind: 'chart' as const, chart })),
    table({
      id: 'growth-paths-stages',
      title: `${ctx.year}年末分地区培育库各阶段企业数`,
      columns: [regionColumn, ...STAGE_COLUMNS.map((c) => num(c.label))],
      rows: regionRows(ctx, stageRow),
      footnotes: [
        '阶段可重叠，一家企业按其所处各阶段分别计数：小微企业按方法 §1 口径；规上企业按当年填报“是否规上”；股份公司按年末最近一期登记的市场主体类型；挂牌上市企业按当年填报。',
      ],
    }),
    table({
      id: 'growth-paths-flows',
      title: `${ctx.year}年分地区个转企、小升规、规改股与新增挂牌上市`,
      columns: [
        regionColumn,
        ...FLOW_COLUMNS.flatMap((c) => (c.rate ? [num(c.label), num(c.rate)] : [num(c.label)])),
      ],
      rows: regionRows(ctx, flowRow),
      footnotes: [
        '个转企、小升规与“企业人口”一章相同；规改股为上年末登记为其他类型、本年末登记为股份公司的企业（不含新设的股份公司）；挂牌上市为上年填报未挂牌、本年填报挂牌的企业。流转率 = 当年流转企业数 ÷ 上年末所离开阶段的企业数（个转企对个体工商户、小升规对小微企业、规改股对规上企业）。',
      ],
    }),
    table({
      id: 'growth-paths-upgrade-times',
      title: `${ctx.year}年小升规企业的成长用时`,
      columns: [
        regionColumn,
        num('小升规企业数'),
        num('下四分位（年）'),
        num('中位数（年）'),
        num('上四分位（年）'),
      ],
      rows: regionRows(ctx, (code) => {
        const r = paths.upgradeTimes.find((x) => x.region_code === code && x.year === ctx.year);
        return r
          ? [
              publishedCell(r.n, r.withheld.n, countCell),
              publishedCell(r.p25, r.withheld.p25, yearsCell),
              publishedCell(r.median, r.withheld.median, yearsCell),
              publishedCell(r.p75, r.withheld.p75, yearsCell),
            ]
          : null;
      }),
      footnotes: [
        '成长用时 = 小升规年份 − 成立年份（个转企企业自转企年份起算）；四分位数按相邻顺序统计量线性插值。',
      ],
    }),
  ];
  const recon = paths.reconciliation.filter((r) => r.year === ctx.year);
  if (recon.length > 0)
    blocks.push(
      table({
        id: 'growth-paths-reconciliation',
        title: `${ctx.year}年登记数据与部门报送核对（“8631”指标 4、6、7、8）`,
        columns: [
          regionColumn,
          { label: '指标', numeric: false },
          num('登记数据'),
          num('部门报送'),
          num('差额'),
          num('比值'),
          { label: '核对', numeric: false, nowrap: true },
        ],
        rows: reconciliationRows(ctx, recon),
        footnotes: [
          `登记数据由市场主体登记与企业年报计算，部门报送为各牵头部门“8631”报送数；差额 = 登记 − 报送，比值 = 登记 ÷ 报送。差额绝对值超过报送数的 ${formatPercent(gp?.reconciliation.relative_threshold ?? 0.1, 0)} 且超过 ${gp?.reconciliation.absolute_threshold ?? 5} 家时标为“差异较大”。指标 6 仅比较工业企业小升规；指标 7 不含上市。`,
        ],
      }),
    );
  const hg = paths.highGrowth.filter((r) => r.year === ctx.year);
  const hgSentence = highGrowthSentence(ctx, hg);
  if (hgSentence) blocks.push({ kind: 'para', text: hgSentence });
  if (hg.length > 0) {
    const byMeasure = (code: string, m: 'employment' | 'revenue') =>
      hg.find((x) => x.region_code === code && x.measure === m);
    blocks.push(
      table({
        id: 'growth-paths-high-growth',
        title: `${ctx.year}年分地区高成长企业与瞪羚企业`,
        columns: [
          regionColumn,
          num('基数企业'),
          num('高成长企业（就业）'),
          num('瞪羚企业（就业）'),
          num('高成长占比（就业）'),
          num('新增就业（人）'),
          num('高成长企业（营收）'),
          num('瞪羚企业（营收）'),
          num('高成长占比（营收）'),
        ],
        rows: regionRows(ctx, (code) => {
          const e = byMeasure(code, 'employment');
          const v = byMeasure(code, 'revenue');
          return [
            publishedCell(e?.base_population, e?.withheld.base_population, countCell),
            publishedCell(e?.hge, e?.withheld.hge, countCell),
            publishedCell(e?.gazelles, e?.withheld.gazelles, countCell),
            publishedCell(e?.share, e?.withheld.share, fractionPercentCell),
            publishedCell(e?.jobs_created, e?.withheld.jobs_created, countCell),
            publishedCell(v?.hge, v?.withheld.hge, countCell),
            publishedCell(v?.gazelles, v?.withheld.gazelles, countCell),
            publishedCell(v?.share, v?.withheld.share, fractionPercentCell),
          ];
        }),
        footnotes: gp
          ? [
              `Eurostat–OECD 口径：基数企业为 ${ctx.year - gp.high_growth.years} 年末在小微企业统计范围内、从业人员 ${gp.high_growth.min_employees} 人以上，且 ${ctx.year - gp.high_growth.years} 年和 ${ctx.year} 年均存续并有年报的企业；高成长企业为其中 ${gp.high_growth.years} 年间从业人员（或营业收入）年均增长超过 ${formatPercent(gp.high_growth.growth_rate, 0)} 的企业（恰为 ${formatPercent(gp.high_growth.growth_rate, 0)} 不计）；瞪羚企业为成立不超过 ${gp.high_growth.gazelle_max_age_years} 年的高成长企业；新增就业为高成长企业从业人员增加数之和。`,
            ]
          : [],
      }),
    );
  }
  return { id: 'growth-paths', number, title: '培育库成长路径', appendix: false, blocks };
}
