import type { CandidateLists } from './loadCandidateLists.ts';

export type CandidateListId = 'upgrade' | 'joint_stock' | 'listing';
export type InternalCell = string | number | null;

export interface InternalColumn {
  label: string;
  numeric: boolean;
  /** A fraction shown as a percentage on the HTML page (the files keep the fraction). */
  percent?: boolean;
}

/** One candidate list as a table: what the CSV, the XLSX sheet and the HTML section show. */
export interface InternalTable {
  id: CandidateListId;
  /** CSV file name (ASCII, so every system keeps it intact). */
  file: string;
  sheet: string;
  title: string;
  /** The rule the list applies, with this methodology version's thresholds. */
  rule: string;
  columns: InternalColumn[];
  rows: InternalCell[][];
}

const text = (label: string): InternalColumn => ({ label, numeric: false });
const number = (label: string): InternalColumn => ({ label, numeric: true });
const fraction = (label: string): InternalColumn => ({ label, numeric: true, percent: true });
const percent = (x: number) => `${Number((x * 100).toFixed(4))}%`;
const round = (x: number | null, decimals: number) => (x === null ? null : Number(x.toFixed(decimals)));
const industry = (division: string | null, name: string | null) =>
  division === null ? null : name ? `${division} ${name}` : division;

/** The columns every list starts with: who the firm is, where, in which industry, its type and size. */
interface Firm {
  uscc: string;
  name: string;
  county_zh: string;
  industry_division: string | null;
  industry_zh: string | null;
  entity_type: string | null;
  employees: number | null;
}
const firm = (r: Firm): InternalCell[] => [
  r.uscc,
  r.name,
  r.county_zh,
  industry(r.industry_division, r.industry_zh),
  r.entity_type,
  r.employees,
];

/** The three lists of methodology §9 as tables, in the order of the path (小升规 → 规改股 → 股上市). Pure. */
export function buildCandidateTables(lists: CandidateLists): InternalTable[] {
  const { year, thresholds: t } = lists;
  const head = [
    text('统一社会信用代码'),
    text('企业名称'),
    text('区县'),
    text('行业（国民经济行业大类）'),
    text('市场主体类型'),
    number('从业人员'),
  ];
  return [
    {
      id: 'upgrade',
      file: `upgrade_candidates_${year}.csv`,
      sheet: '小升规候选',
      title: `${year}年 小升规候选名单`,
      rule: `${year}年末存续、当年属小微企业统计范围，所属行业有规上（限上）标准，营业收入达到该标准的${percent(t.upgrade_revenue_share)}以上，且较上年增长${percent(t.upgrade_revenue_growth)}以上（上年无填报或营业收入为零的，不受增长条件限制）。`,
      columns: [
        ...head,
        number('规上（限上）标准（万元）'),
        number(`营业收入（万元，${year}年）`),
        fraction('达到标准的比例'),
        number(`营业收入（万元，${year - 1}年）`),
        fraction('营业收入增长率'),
      ],
      rows: lists.upgrade.map((r) => [
        ...firm(r),
        r.threshold_wan,
        round(r.revenue_wan, 2),
        round(r.share_of_threshold, 4),
        round(r.prev_revenue_wan, 2),
        round(r.revenue_growth, 4),
      ]),
    },
    {
      id: 'joint_stock',
      file: `joint_stock_candidates_${year}.csv`,
      sheet: '规改股候选',
      title: `${year}年 规改股候选名单`,
      rule: `${year}年末存续、当年为规上（限上）企业，登记类型为有限责任公司，营业收入${t.joint_stock_revenue_min_wan}万元以上。`,
      columns: [...head, number(`营业收入（万元，${year}年）`), number(`利润总额（万元，${year}年）`)],
      rows: lists.jointStock.map((r) => [...firm(r), round(r.revenue_wan, 2), round(r.profit_wan, 2)]),
    },
    {
      id: 'listing',
      file: `listing_candidates_${year}.csv`,
      sheet: '股上市候选',
      title: `${year}年 股上市候选名单`,
      rule: `${year}年末存续的股份有限公司，当年未挂牌上市，营业收入${t.listing_revenue_min_wan}万元以上，且${year - 1}年、${year}年利润总额均为正。`,
      columns: [
        ...head,
        number(`营业收入（万元，${year}年）`),
        number(`利润总额（万元，${year}年）`),
        number(`利润总额（万元，${year - 1}年）`),
      ],
      rows: lists.listing.map((r) => [
        ...firm(r),
        round(r.revenue_wan, 2),
        round(r.profit_wan, 2),
        round(r.prev_profit_wan, 2),
      ]),
    },
  ];
}
