/** Output columns per extract kind, in data-contract order, with the contract's Chinese headers. */
export interface Column {
  key: string;
  header: string;
  /** How xlsx writes the cell; `amount` columns are in 万元 and switch to 元 under the yuan_header fault. */
  type: 'text' | 'integer' | 'amount' | 'number' | 'date';
}

export const REGISTRY_COLUMNS: Column[] = [
  { key: 'uscc', header: '统一社会信用代码', type: 'text' },
  { key: 'name', header: '企业名称', type: 'text' },
  { key: 'entity_type', header: '市场主体类型', type: 'text' },
  { key: 'established_on', header: '成立日期', type: 'date' },
  { key: 'status', header: '登记状态', type: 'text' },
  { key: 'closed_on', header: '注销（吊销）日期', type: 'date' },
  { key: 'county_code', header: '行政区划代码', type: 'text' },
  { key: 'industry_code', header: '国民经济行业代码', type: 'text' },
  { key: 'registered_capital', header: '注册资本（万元）', type: 'amount' },
  { key: 'converted', header: '是否个转企', type: 'text' },
  { key: 'converted_on', header: '个转企日期', type: 'date' },
  { key: 'previous_uscc', header: '原个体工商户代码', type: 'text' },
  { key: 'priority_industry', header: '八大万亿产业', type: 'text' },
];

export const INDICATOR_COLUMNS: Column[] = [
  { key: 'uscc', header: '统一社会信用代码', type: 'text' },
  { key: 'year', header: '年度', type: 'integer' },
  { key: 'employees', header: '从业人员', type: 'integer' },
  { key: 'revenue', header: '营业收入（万元）', type: 'amount' },
  { key: 'assets', header: '资产总额（万元）', type: 'amount' },
  { key: 'profit', header: '利润总额（万元）', type: 'amount' },
  { key: 'tax', header: '纳税总额（万元）', type: 'amount' },
  { key: 'rd_expense', header: '研发费用（万元）', type: 'amount' },
  { key: 'tech_staff', header: '科技人员', type: 'integer' },
  { key: 'exports', header: '出口额（万元）', type: 'amount' },
  { key: 'above_scale', header: '是否规上', type: 'text' },
  { key: 'tech_sme', header: '是否科技型中小企业', type: 'text' },
  { key: 'listing', header: '挂牌上市', type: 'text' },
];

export const PLAN_COLUMNS: Column[] = [
  { key: 'year', header: '年度', type: 'integer' },
  { key: 'quarter', header: '季度', type: 'integer' },
  { key: 'region_code', header: '行政区划代码', type: 'text' },
  { key: 'indicator_no', header: '指标序号', type: 'integer' },
  { key: 'value', header: '数值', type: 'number' },
  { key: 'department', header: '报送单位', type: 'text' },
];

export function columnIndex(columns: Column[], key: string): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/** The header a file writes for a column: amounts say （元） in a yuan_header file. */
export function headerOf(col: Column, yuan: boolean): string {
  return yuan && col.type === 'amount' ? col.header.replace('（万元）', '（元）') : col.header;
}
