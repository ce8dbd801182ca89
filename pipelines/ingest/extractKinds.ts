/** The three extract kinds of the data contract; `raw.<kind>` is the table each one loads into. */
export type ExtractKind = 'registry' | 'enterprise_indicators' | 'plan_indicators';

export const EXTRACT_KINDS: readonly ExtractKind[] = ['registry', 'enterprise_indicators', 'plan_indicators'];

export function isExtractKind(s: string): s is ExtractKind {
  return (EXTRACT_KINDS as readonly string[]).includes(s);
}

/** One contract column: its canonical name, the headers that map to it, and whether the file must have it. */
export interface ColumnSpec {
  column: string;
  /** Header spellings (Chinese and English), compared after `normalizeHeader` (unit suffix stripped). */
  headers: readonly string[];
  required: boolean;
  /** Amounts in 万元 unless the header or a unit line above it says otherwise (data-contract.md, preamble). */
  money?: boolean;
  /**
   * Plausible values after conversion to the column's unit (万元 for money): outside [min, max], or not finite
   * (`1e309`), the row is quarantined as out_of_range (below 0 where min is 0: negative_value). The bounds keep
   * every accepted value far inside what the models' DECIMAL(38,6) sums can hold (about 1e32).
   */
  range?: { min: number; max: number };
}

// 1e10 万元 = 100 万亿元 (10^14 元): more than any enterprise's capital, revenue or assets on earth (the largest
// revenues are ≈ 5 万亿元), so a larger amount is a unit or typing error, never a small enterprise's figure.
const AMOUNT = { min: 0, max: 1e10 } as const;
// Ten million people: the largest employers on earth have ≈ 2–3 million.
const HEADCOUNT = { min: 0, max: 1e7 } as const;

// The contract tables (data-contract.md §1–3) as data: header aliases per canonical column.
export const EXTRACT_COLUMNS: Record<ExtractKind, readonly ColumnSpec[]> = {
  registry: [
    { column: 'uscc', headers: ['统一社会信用代码', '社会信用代码', 'uscc', 'credit_code'], required: true },
    {
      column: 'name',
      headers: ['企业名称', '市场主体名称', '名称', 'name', 'enterprise_name'],
      required: true,
    },
    { column: 'entity_type', headers: ['市场主体类型', '企业类型', 'entity_type'], required: false },
    { column: 'established_on', headers: ['成立日期', 'established_on'], required: true },
    { column: 'status', headers: ['登记状态', 'status'], required: false },
    { column: 'closed_on', headers: ['注销(吊销)日期', '注销日期', 'closed_on'], required: false },
    { column: 'county_code', headers: ['行政区划代码', 'county_code'], required: false },
    { column: 'industry_code', headers: ['国民经济行业代码', '行业代码', 'industry_code'], required: false },
    {
      column: 'registered_capital',
      headers: ['注册资本', 'registered_capital'],
      required: false,
      money: true,
      range: AMOUNT,
    },
    { column: 'converted', headers: ['是否个转企', 'converted', 'is_converted'], required: false },
    { column: 'converted_on', headers: ['个转企日期', 'converted_on'], required: false },
    { column: 'previous_uscc', headers: ['原个体工商户代码', 'previous_uscc'], required: false },
    { column: 'priority_industry', headers: ['八大万亿产业', 'priority_industry'], required: false },
    { column: 'as_of', headers: ['截止日期', 'as_of', 'extract_date'], required: false },
  ],
  enterprise_indicators: [
    { column: 'uscc', headers: ['统一社会信用代码', '社会信用代码', 'uscc', 'credit_code'], required: true },
    { column: 'year', headers: ['年度', 'year'], required: true },
    {
      column: 'employees',
      headers: ['从业人员', '从业人数', 'employees'],
      required: false,
      range: HEADCOUNT,
    },
    { column: 'revenue', headers: ['营业收入', 'revenue'], required: false, money: true, range: AMOUNT },
    { column: 'assets', headers: ['资产总额', 'assets'], required: false, money: true, range: AMOUNT },
    {
      column: 'profit',
      headers: ['利润总额', 'profit'],
      required: false,
      money: true,
      range: { min: -AMOUNT.max, max: AMOUNT.max },
    },
    { column: 'tax', headers: ['纳税总额', 'tax'], required: false, money: true, range: AMOUNT },
    {
      column: 'rd_expense',
      headers: ['研发费用', 'rd_expense'],
      required: false,
      money: true,
      range: AMOUNT,
    },
    { column: 'tech_staff', headers: ['科技人员', 'tech_staff'], required: false, range: HEADCOUNT },
    { column: 'exports', headers: ['出口额', 'exports'], required: false, money: true, range: AMOUNT },
    { column: 'above_scale', headers: ['是否规上', 'above_scale', 'is_above_scale'], required: false },
    { column: 'tech_sme', headers: ['是否科技型中小企业', 'tech_sme', 'is_tech_sme'], required: false },
    { column: 'listing', headers: ['挂牌上市', 'listing'], required: false },
  ],
  plan_indicators: [
    { column: 'year', headers: ['年度', 'year'], required: true },
    { column: 'quarter', headers: ['季度', 'quarter'], required: false },
    { column: 'region_code', headers: ['行政区划代码', 'region_code'], required: true },
    { column: 'indicator_no', headers: ['指标序号', 'indicator_no'], required: true },
    // In the indicator's own unit (个, 家, 亿元, %…): 1e12 bounds every unit the plan uses.
    { column: 'value', headers: ['数值', 'value'], required: true, range: { min: 0, max: 1e12 } },
    { column: 'department', headers: ['报送单位', 'department'], required: false },
  ],
};
