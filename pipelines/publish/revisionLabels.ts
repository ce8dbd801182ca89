// Chinese labels of revised figures, shared by the report's revisions appendix and the dashboard.
import type { DemographyMeasure } from './demographyCells.ts';
import type { Revision } from './diffSnapshots.ts';

export const DEMOGRAPHY_LABELS: Record<Exclude<DemographyMeasure, 'new_enterprises'>, string> = {
  active: '年末在营企业数',
  births: '新设企业数',
  deaths: '注销企业数',
  conversions: '个转企数',
  upgrades: '小升规数',
  birth_rate: '新设率',
  death_rate: '注销率',
  survival_1y: '一年存活率',
  survival_2y: '两年存活率',
  survival_3y: '三年存活率',
  opening_rate: '开业率',
  cohort_1y: '一年存活率基数（上年新设企业数）',
  cohort_2y: '两年存活率基数（前两年新设企业数）',
  cohort_3y: '三年存活率基数（前三年新设企业数）',
};

const SCORECARD_PARTS: Record<string, string> = {
  actual: '累计完成',
  completion: '完成率',
  score: '得分',
  status: '状态',
};

export interface RevisionLabelContext {
  indexNames: { growth: string; vitality: string };
  /** `${index}|${code}` → name of a module or indicator. */
  indexItems: Map<string, string>;
  /** indicator_no → name of a "8631" indicator. */
  planIndicators: Map<number, string>;
}

/** What was revised, in words: '“8631”计划 · 3 新设小微企业数量 · 累计完成', '小微企业成长指数 · C3 小升规数'. */
export function revisionLabel(r: Pick<Revision, 'topic' | 'measure'>, ctx: RevisionLabelContext): string {
  if (r.topic === 'demography')
    return `企业人口 · ${DEMOGRAPHY_LABELS[r.measure as keyof typeof DEMOGRAPHY_LABELS] ?? r.measure}`;
  if (r.topic === 'industry') {
    const [index, industry] = r.measure.split(':');
    return `八大万亿产业 · ${industry} · ${ctx.indexNames[index === 'vitality' ? 'vitality' : 'growth']}`;
  }
  if (r.topic === 'ranking') {
    const index = r.measure.endsWith('vitality') ? 'vitality' : 'growth';
    return `${ctx.indexNames[index]} · 区县位次`;
  }
  if (r.topic === 'growth_path') return `培育库成长路径 · ${growthPathLabel(r.measure, ctx)}`;
  if (r.topic === 'scorecard') {
    if (r.measure === 'total_score') return '“8631”计划 · 综合得分';
    if (r.measure === 'rank') return '“8631”计划 · 区县位次';
    const [part, no] = r.measure.split(':');
    const name = ctx.planIndicators.get(Number(no)) ?? '';
    return `“8631”计划 · ${no} ${name} · ${SCORECARD_PARTS[part] ?? part}`;
  }
  const raw = r.measure.startsWith('raw:');
  const code = raw ? r.measure.slice(4) : r.measure;
  const item =
    code === 'total' ? '总指数' : `${code} ${ctx.indexItems.get(`${r.topic}|${code}`) ?? ''}`.trim();
  return `${ctx.indexNames[r.topic]} · ${item}${raw ? '（剔除指标原始值）' : ''}`;
}

const STAGE_LABELS: Record<string, string> = {
  P0: '个体工商户',
  P1: '小微企业',
  P2: '规上企业',
  P3: '股份公司',
  P4: '挂牌上市企业',
};
const FIELD_LABELS: Record<string, string> = {
  n: '小升规企业数',
  p25: '升规用时下四分位（年）',
  median: '升规用时中位数（年）',
  p75: '升规用时上四分位（年）',
  registry: '登记数据',
  reported: '部门报送',
  difference: '差额',
  ratio: '比值',
  base: '基数企业',
  hge: '高成长企业数',
  gazelles: '瞪羚企业数',
  share: '高成长企业占比',
  jobs: '新增就业（人）',
};

/** 'flow:挂牌上市:新三板' → '挂牌上市（新三板）（家）'; 'high_growth:employment:hge' → '高成长企业数（按就业）'. */
function growthPathLabel(measure: string, ctx: RevisionLabelContext): string {
  const [kind, a, b] = measure.split(':');
  const flow = b ? `${a}（${b}）` : a;
  if (kind === 'stage') return `${STAGE_LABELS[a] ?? a}（家）`;
  if (kind === 'flow') return `${flow}（家）`;
  if (kind === 'rate') return `${flow}比率`;
  if (kind === 'upgrade_time') return FIELD_LABELS[a] ?? a;
  if (kind === 'reconciliation')
    return `与“8631”报送核对 · ${a} ${ctx.planIndicators.get(Number(a)) ?? ''} · ${FIELD_LABELS[b] ?? b}`;
  if (kind === 'high_growth') {
    if (a === 'base') return FIELD_LABELS.base;
    return `${FIELD_LABELS[b] ?? b}（按${a === 'employment' ? '就业' : '营业收入'}）`;
  }
  return measure;
}

/** When the figure refers to: '2019年', or a scorecard period '截至2019-12-31'. */
export function revisionPeriod(r: Pick<Revision, 'year' | 'period'>): string {
  return r.period ? `截至 ${r.period}` : `${r.year}年`;
}
