// User-facing messages live here, one entry per message, so wording is reviewed in one place and the same
// situation is always told the same way. Analysts read them: Chinese where the report is Chinese, plain English
// for operator-facing CLI text. Code throws `UserError('id', params)`; `formatError` prints it.
//
// Add an entry when you add a message; never build user-facing text inline in a command.

type Params = Record<string, string | number>;

export const CATALOGUE = {
  'cli.unexpected': (p: Params) => `${p.message}`,
  'db.not_duckdb': (p: Params) =>
    `${p.path} is not a DuckDB warehouse (${p.what}); pass --db a .duckdb file or a new path`,
  'db.bad_setting': (p: Params) => `${p.variable}=${p.value}: ${p.reason}`,
  'candidates.no_filings': (p: Params) =>
    `${p.year} 年没有企业年度经营指标，未生成候选名单（已入库年份：${p.years}）/ no enterprise filings for ${p.year}: nothing written`,
  'candidates.not_built': (p: Params) =>
    `成长路径表尚未包含 ${p.year} 年的填报，请先运行 xiaowei build / the growth-path marts do not hold ${p.year}'s filings: run \`xiaowei build\` first`,
  'candidates.unknown_version': (p: Params) =>
    `方法版本 ${p.version} 未在仓库中构建 / methodology version ${p.version} was not built into this warehouse`,
  'candidates.audience': () =>
    '内部资料：企业名单仅限市市场监管局、市经信委、市金融办及各区县对应部门负责小微企业培育库的工作人员使用，不得公开，不得放入公开报告、看板或其数据文件。',
  'serve.internal_dir': (p: Params) =>
    `${p.dir} 是内部资料目录（企业名单），xiaowei serve 不提供 / refusing to serve internal output (enterprise lists)`,
} satisfies Record<string, (p: Params) => string>;

export type MessageId = keyof typeof CATALOGUE;

/** An error whose text comes from the catalogue: printed as is, without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly id: MessageId,
    readonly params: Params = {},
  ) {
    super(CATALOGUE[id](params));
    this.name = 'UserError';
  }
}

/** The text of catalogue message `id`, for output that is not an error (warnings, notes). */
export function message(id: MessageId, params: Params = {}): string {
  return CATALOGUE[id](params);
}
